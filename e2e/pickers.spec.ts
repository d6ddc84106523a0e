// Each model picker offers only the models that can do its task (from /v1/models capabilities),
// never a retired one.
import type { Page } from "@playwright/test";
import { expect, test } from "./test";

async function modelOptions(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const select = page.getByRole("combobox", { name: "Model", exact: true });
  await expect(select).not.toHaveValue("");
  await expect(select).not.toContainText("Loading");
  return select
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

test("the chat picker offers chat models only", async ({ page }) => {
  const ids = await modelOptions(page, "/playground");
  expect(ids).toContain("mistral-small-latest");
  expect(ids).toContain("codestral-latest");
  for (const id of [
    "mistral-embed",
    "codestral-embed",
    "mistral-ocr-latest",
    "mistral-moderation-latest",
    "voxtral-mini-transcribe-latest",
    "open-mixtral-8x7b", // retired
  ]) {
    expect(ids, id).not.toContain(id);
  }
});

test("the FIM picker offers code-completion models only", async ({ page }) => {
  const ids = await modelOptions(page, "/playground/fim");
  expect(ids).toContain("codestral-latest");
  for (const id of ids) expect(id).toMatch(/^codestral-(2508|latest)$|^codestral$/);
});

test("the embeddings picker offers embedding models only, and Try preselects one", async ({
  page,
}) => {
  const ids = await modelOptions(page, "/playground/embeddings");
  expect(ids).toEqual(expect.arrayContaining(["mistral-embed", "codestral-embed"]));
  for (const id of ids) expect(id).toMatch(/embed/);

  await page.goto("/playground/embeddings?model=codestral-embed");
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "codestral-embed",
  );
});
