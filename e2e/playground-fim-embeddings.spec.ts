import { expect, test } from "./test";

test("FIM streams a completion between prompt and suffix, and Accept inserts it @live", async ({
  page,
}) => {
  await page.goto("/playground/fim");
  await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
  await expect(page.getByRole("link", { name: "FIM" })).toHaveAttribute("aria-current", "page");
  const model = page.getByRole("combobox", { name: "Model", exact: true });
  await expect(model).toHaveValue(/codestral/);
  // Only models that can fill in the middle are offered.
  await expect(model.locator("option", { hasText: "mistral-small-latest" })).toHaveCount(0);

  const prompt = page.getByRole("textbox", { name: "Prompt" });
  await expect(prompt).toBeVisible();
  await prompt.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("def add(a, b):\n");
  await page.getByLabel("Random seed").fill("3");

  await page.getByRole("button", { name: "Complete" }).click();
  const completion = page.getByTestId("fim-completion");
  await expect(page.getByRole("button", { name: "Accept" })).toBeEnabled({ timeout: 30_000 });
  const inserted = await completion.innerText();
  expect(inserted.trim().length).toBeGreaterThan(0);
  await expect(
    page.getByRole("region", { name: "Completion" }).getByLabel("Answer metrics"),
  ).toContainText(/Finish\s*(stop|length)/);
  await page.screenshot({ path: ".data/screenshots/playground-fim.png", fullPage: true });

  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("region", { name: "Completion" })).toHaveCount(0);
  const firstLine = inserted.split("\n").find((l) => l.trim()) ?? "";
  await expect(prompt).toContainText("def add(a, b):");
  await expect(prompt).toContainText(firstLine.trim());
});

test("embeddings: several texts give a cosine-similarity heat map and exportable vectors @live", async ({
  page,
}) => {
  await page.goto("/playground/embeddings");
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "mistral-embed",
  );
  await page.getByRole("button", { name: "Add text" }).click();
  await page.getByRole("textbox", { name: "Text 4" }).fill("A small cat slept on a carpet.");
  await page.getByRole("button", { name: "Embed", exact: true }).click();

  const table = page.getByRole("table", { name: "Cosine similarity" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(5); // a header row and one row per text
  for (let i = 1; i <= 4; i++) {
    await expect(table.getByLabel(`Similarity of text ${i} and text ${i}: 1.000`)).toBeVisible();
  }
  await expect(page.getByText(/Dimension\s*1,024/)).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/playground-embeddings.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export vectors (JSON)" }).click();
  const file = await download;
  const path = await file.path();
  const { readFile } = await import("node:fs/promises");
  const data = JSON.parse(await readFile(path, "utf8")) as {
    data: { text: string; embedding: number[] }[];
  };
  expect(data.data).toHaveLength(4);
  expect(data.data[3].text).toBe("A small cat slept on a carpet.");
  expect(data.data[0].embedding).toHaveLength(1024);
});
