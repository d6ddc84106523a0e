import { expect, test } from "./test";

// The Batch page against the sandbox (speed 40: a small job ends within a second).

test("a batch job from typed prompts runs to the end and its results download", async ({
  page,
}) => {
  await page.goto("/batch");
  await expect(page.getByRole("heading", { level: 1, name: "Batch" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Batch" })).toHaveAttribute("aria-current", "page");

  const form = page.getByRole("form", { name: "New batch job" });
  await expect(form.getByRole("combobox", { name: "Endpoint" })).toHaveValue(
    "/v1/chat/completions",
  );
  const model = form.getByRole("combobox", { name: "Model", exact: true });
  await expect(model).toHaveValue("mistral-medium-latest");
  // Only models that chat and are not retired are offered.
  await expect(model.locator("option", { hasText: "mistral-embed" })).toHaveCount(0);
  await expect(model.locator("option", { hasText: "open-mistral-7b" })).toHaveCount(0);

  // Nothing typed: the form says what is missing and sends nothing.
  await form.getByRole("button", { name: "Create batch job" }).click();
  await expect(form.getByText("Type at least one line.")).toBeVisible();

  const prompts = ["What is the capital of France?", "Name a red fruit.", "Say hello."];
  await form.getByRole("textbox", { name: /Prompts/ }).fill(prompts.join("\n") + "\n\n");
  await expect(form.getByText("3 requests.", { exact: false })).toBeVisible();
  await form.getByRole("button", { name: "Create batch job" }).click();

  await expect(page).toHaveURL(/\/batch\/[0-9a-f-]{36}$/);
  const jobId = page.url().split("/").pop()!;
  await expect(page.getByTestId("batch-status")).toHaveText("Succeeded", { timeout: 30_000 });
  const counts = page.getByRole("definition");
  await expect(counts.nth(0)).toHaveText("3"); // succeeded
  await expect(counts.nth(1)).toHaveText("0"); // failed
  await expect(counts.nth(2)).toHaveText("3"); // total
  await expect(page.getByRole("progressbar", { name: "Requests done" })).toHaveAttribute(
    "aria-valuenow",
    "3",
  );
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);

  const results = page.getByRole("table", { name: /Results/ });
  await expect(results.getByRole("row")).toHaveCount(4); // header + 3
  await expect(results.getByRole("rowheader", { name: "1", exact: true })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download results" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`batch-${jobId}-results.jsonl`);
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  const lines = text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => l.custom_id)).toEqual(["1", "2", "3"]);
  for (const line of lines) {
    expect(line.response.status_code).toBe(200);
    expect(line.response.body.choices[0].message.content.length).toBeGreaterThan(0);
  }

  // The list shows the job under its status filter, kept in the address.
  await page.getByRole("link", { name: "All batch jobs" }).click();
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: "Succeeded" })
    .click();
  await expect(page).toHaveURL(/status=SUCCESS/);
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: jobId.slice(0, 8) }) });
  await expect(row).toContainText("Succeeded");
  await expect(row).toContainText("3 ok · 0 failed · 3 total");
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: "Failed" })
    .click();
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: "Succeeded" })
    .click();
  await expect(page).toHaveURL(/status=FAILED$/);
  await expect(page.getByRole("link", { name: jobId.slice(0, 8) })).toHaveCount(0);
});

test("a batch whose requests fail shows their errors and the error file", async ({ page }) => {
  await page.goto("/batch");
  const form = page.getByRole("form", { name: "New batch job" });
  await form.getByRole("combobox", { name: "Endpoint" }).selectOption("/v1/ocr");
  await expect(form.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "mistral-ocr-latest",
  );
  // The sandbox fetches no remote document: each request fails, the job still ends.
  await form.getByRole("textbox", { name: /Prompts/ }).fill("https://example.com/a.pdf");
  await form.getByRole("button", { name: "Create batch job" }).click();
  await expect(page.getByTestId("batch-status")).toHaveText("Succeeded", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Errors so far" })).toContainText("1 ×");
  const errors = page.getByRole("table", { name: /Errors/ });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors).toContainText("does not fetch remote URLs");
  await expect(page.getByRole("button", { name: "Download errors" })).toBeEnabled();
});
