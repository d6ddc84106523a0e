import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./test";

// Journeys of the models page against the sandbox. Tests run in parallel on one shared sandbox, so
// each one trains its own fine-tuned models (tiny jobs through the API) under a unique suffix and
// filters the table down to them.

const TRAINING = Array.from({ length: 8 }, (_, i) =>
  JSON.stringify({
    messages: [
      { role: "user", content: `Question ${i}: what is ${i} + ${i}?` },
      { role: "assistant", content: `It is ${i + i}.` },
    ],
  }),
).join("\n");

const unique = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

async function ok<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(res.ok(), `${res.url()} answered ${res.status()}: ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** Trains `suffixes.length` fine-tuned models from mistral-small-latest and returns their ids. */
async function trainModels(request: APIRequestContext, suffixes: string[]): Promise<string[]> {
  const file = await ok<{ id: string }>(
    await request.post("/v1/files", {
      multipart: {
        purpose: "fine-tune",
        file: { name: "train.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(TRAINING) },
      },
    }),
  );
  const jobs = await Promise.all(
    suffixes.map(async (suffix) =>
      ok<{ id: string }>(
        await request.post("/v1/fine_tuning/jobs", {
          data: {
            model: "mistral-small-latest",
            training_files: [{ file_id: file.id, weight: 1 }],
            hyperparameters: { training_steps: 1 },
            suffix,
            auto_start: true,
          },
        }),
      ),
    ),
  );
  const ids: string[] = [];
  for (const job of jobs) {
    let model: string | null = null;
    await expect
      .poll(
        async () => {
          const j = await ok<{ status: string; fine_tuned_model?: string | null }>(
            await request.get(`/v1/fine_tuning/jobs/${job.id}`),
          );
          model = j.fine_tuned_model ?? null;
          return j.status;
        },
        { timeout: 45_000, intervals: [250, 500, 1000] },
      )
      .toBe("SUCCESS");
    ids.push(model!);
  }
  return ids;
}

const row = (page: Page, id: string) =>
  page
    .getByRole("table", { name: "Models" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: id, exact: true }) });

async function openFiltered(page: Page, q: string) {
  await page.goto(`/models?q=${encodeURIComponent(q)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Filter models" })).toHaveValue(q);
}

test("rename and edit the description in place: Enter saves, Escape cancels @live", async ({
  page,
  request,
}) => {
  const tag = unique("ren");
  const [id] = await trainModels(request, [tag]);
  await openFiltered(page, tag);
  const r = row(page, id);
  await expect(r).toHaveCount(1);

  // Escape leaves the name as it was.
  await r.getByRole("button", { name: `Rename ${id}` }).click();
  const name = r.getByRole("textbox", { name: `Name of ${id}` });
  await expect(name).toBeFocused();
  await name.fill("Never saved");
  await name.press("Escape");
  await expect(name).toBeHidden();
  await expect(r).not.toContainText("Never saved");

  // Enter saves the name.
  await r.getByRole("button", { name: `Rename ${id}` }).click();
  await name.fill(`Support bot ${tag}`);
  await name.press("Enter");
  await expect(r).toContainText(`Support bot ${tag}`);

  // The description column is not among the defaults (they fit a laptop): the chooser adds it.
  await expect(r.getByRole("button", { name: `Edit description of ${id}` })).toHaveCount(0);
  const columns = page.getByRole("button", { name: /^Columns/ });
  await columns.click();
  await page
    .getByRole("group", { name: "Columns to show" })
    .getByRole("checkbox", { name: "Description" })
    .check();
  await page.keyboard.press("Escape");
  await expect(columns).toBeFocused();

  // And the description, with the keyboard only.
  await r.getByRole("button", { name: `Edit description of ${id}` }).focus();
  await page.keyboard.press("Enter");
  const description = r.getByRole("textbox", { name: `Description of ${id}` });
  await expect(description).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Answers support tickets politely.");
  await page.keyboard.press("Enter");
  await expect(r).toContainText("Answers support tickets politely.");

  // The server has both, and the table shows them after a reload.
  await expect
    .poll(async () =>
      ok<{ name: string; description: string }>(await request.get(`/v1/models/${id}`)),
    )
    .toMatchObject({
      name: `Support bot ${tag}`,
      description: "Answers support tickets politely.",
    });
  // The column choice is remembered too.
  await page.reload();
  await expect(row(page, id)).toContainText(`Support bot ${tag}`);
  await expect(row(page, id)).toContainText("Answers support tickets politely.");
  await page.screenshot({ path: ".data/screenshots/models-renamed.png" });
});

test("archive hides the row, show archived brings it back, unarchive restores it", async ({
  page,
  request,
}) => {
  const tag = unique("arc");
  const [id] = await trainModels(request, [tag]);
  await openFiltered(page, tag);
  await expect(row(page, id)).toHaveCount(1);

  await row(page, id)
    .getByRole("button", { name: `Archive ${id}` })
    .click();
  await expect(row(page, id)).toHaveCount(0);
  await expect(page.getByText("No model matches")).toBeVisible();
  await expect(page.getByText(`Archived ${id}`)).toBeVisible();

  const showArchived = page.getByRole("checkbox", { name: /Show archived/ });
  await showArchived.check();
  await expect(page).toHaveURL(/archived=1/);
  await expect(row(page, id)).toContainText("Archived");
  const archived = await ok<{ archived: boolean }>(await request.get(`/v1/models/${id}`));
  expect(archived.archived).toBe(true);

  await row(page, id)
    .getByRole("button", { name: `Unarchive ${id}` })
    .click();
  await expect(row(page, id)).toContainText("Active");
  await showArchived.uncheck();
  await expect(row(page, id)).toHaveCount(1);
  await expect
    .poll(
      async () => (await ok<{ archived: boolean }>(await request.get(`/v1/models/${id}`))).archived,
    )
    .toBe(false);
});

test("delete asks to type the model's id, then the model is gone @live", async ({
  page,
  request,
}) => {
  const tag = unique("del");
  const [id] = await trainModels(request, [tag]);
  await openFiltered(page, tag);

  await row(page, id)
    .getByRole("button", { name: `Delete ${id}` })
    .click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete model" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(id.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill(id);
  await page.screenshot({ path: ".data/screenshots/models-delete-confirm.png" });
  await confirm.click();

  await expect(dialog).toBeHidden();
  await expect(row(page, id)).toHaveCount(0);
  await expect.poll(async () => (await request.get(`/v1/models/${id}`)).status()).toBe(404);
  await page.reload();
  await expect(page.getByText("No model matches")).toBeVisible();
});

test("a bulk archive reports each model, and one failure does not hide the others", async ({
  page,
  request,
}) => {
  const tag = unique("blk");
  const ids = await trainModels(request, [`${tag}a`, `${tag}b`, `${tag}c`]);
  await openFiltered(page, tag);
  for (const id of ids) await expect(row(page, id)).toHaveCount(1);

  await page.getByRole("checkbox", { name: /Select all 3 fine-tuned models shown/ }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("3 fine-tuned models selected");

  // Someone deletes one of them behind the table's back.
  await ok(await request.delete(`/v1/models/${ids[1]}`));

  await bar.getByRole("button", { name: "Archive selected", exact: true }).click();
  const report = page.getByRole("dialog", { name: "Archive: 2 done, 1 failed" });
  await expect(report).toBeVisible();
  const results = report.getByRole("list", { name: "Result per model" }).getByRole("listitem");
  await expect(results).toHaveCount(3);
  await expect(results.filter({ hasText: ids[0] })).toContainText("Archived");
  await expect(results.filter({ hasText: ids[2] })).toContainText("Archived");
  await expect(results.filter({ hasText: ids[1] })).toContainText("Failed");
  await expect(results.filter({ hasText: ids[1] })).toContainText("not found");
  await page.screenshot({ path: ".data/screenshots/models-bulk-report.png" });
  await report.getByRole("button", { name: "Close" }).last().click();

  // The archived two left the default view; the deleted one is gone after the refetch.
  await expect(page.getByText("No model matches")).toBeVisible();
  for (const id of [ids[0], ids[2]]) {
    const m = await ok<{ archived: boolean }>(await request.get(`/v1/models/${id}`));
    expect(m.archived).toBe(true);
  }
});

test("a bulk delete asks to type what it will do, then deletes each selected model", async ({
  page,
  request,
}) => {
  const tag = unique("bdl");
  const ids = await trainModels(request, [`${tag}a`, `${tag}b`, `${tag}c`]);
  await openFiltered(page, tag);
  for (const id of ids.slice(0, 2)) {
    await row(page, id)
      .getByRole("checkbox", { name: `Select ${id}` })
      .check();
  }
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("2 fine-tuned models selected");
  await bar.getByRole("button", { name: "Delete selected" }).click();

  const dialog = page.getByRole("dialog", { name: "Delete 2 models?" });
  const confirm = dialog.getByRole("button", { name: "Delete 2" });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("textbox").fill("delete 2 models");
  await confirm.click();

  const report = page.getByRole("dialog", { name: "Delete: 2 done, 0 failed" });
  await expect(report).toBeVisible();
  await report.getByRole("button", { name: "Close" }).last().click();
  await expect(row(page, ids[0])).toHaveCount(0);
  await expect(row(page, ids[1])).toHaveCount(0);
  await expect(row(page, ids[2])).toHaveCount(1); // not selected, kept
  for (const id of ids.slice(0, 2)) {
    expect((await request.get(`/v1/models/${id}`)).status()).toBe(404);
  }
});

test("a change the server refuses is rolled back with a clear message", async ({
  page,
  request,
}) => {
  const tag = unique("rbk");
  const [id] = await trainModels(request, [tag]);
  await openFiltered(page, tag);
  await expect(row(page, id)).toHaveCount(1);

  await ok(await request.delete(`/v1/models/${id}`)); // behind the table's back
  await row(page, id)
    .getByRole("button", { name: `Rename ${id}` })
    .click();
  await row(page, id)
    .getByRole("textbox", { name: `Name of ${id}` })
    .fill("Doomed name");
  await row(page, id)
    .getByRole("textbox", { name: `Name of ${id}` })
    .press("Enter");

  const toast = page.getByRole("alert").filter({ hasText: `Could not rename ${id}` });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText("The change was undone.");
  await expect(toast).toContainText("not found");
  await page.screenshot({ path: ".data/screenshots/models-rollback.png" });
  await expect(page.getByText("Doomed name")).toHaveCount(0);
});

test("Try goes where the model runs, and not for a classifier or a retired model", async ({
  page,
}) => {
  const tryLink = (id: string) => row(page, id).getByRole("link", { name: /^Try / });

  await openFiltered(page, "mistral-embed-2312");
  await expect(tryLink("mistral-embed-2312")).toHaveAccessibleName(
    "Try mistral-embed-2312 in Embeddings",
  );
  await expect(tryLink("mistral-embed-2312")).toHaveAttribute(
    "href",
    "/playground/embeddings?model=mistral-embed-2312",
  );

  await openFiltered(page, "codestral-2508");
  // It chats and completes code: the chat playground, the richer of the two.
  await expect(tryLink("codestral-2508")).toHaveAccessibleName("Try codestral-2508 in playground");

  await openFiltered(page, "mistral-ocr-2505");
  await expect(tryLink("mistral-ocr-2505")).toHaveAttribute("href", "/ocr");

  await openFiltered(page, "mistral-moderation-2603");
  await expect(row(page, "mistral-moderation-2603")).toContainText("Classification");
  await expect(tryLink("mistral-moderation-2603")).toHaveCount(0);

  await openFiltered(page, "open-mixtral-8x7b");
  await expect(row(page, "open-mixtral-8x7b")).toContainText("Retired");
  await expect(tryLink("open-mixtral-8x7b")).toHaveCount(0);

  await openFiltered(page, "mistral-small-2603");
  const base = row(page, "mistral-small-2603");
  await expect(base.getByRole("button", { name: /Archive|Delete|Rename/ })).toHaveCount(0);
  await expect(base.getByRole("checkbox")).toHaveCount(0);
  await base.getByRole("link", { name: "Try mistral-small-2603 in playground" }).click();
  await expect(page).toHaveURL(/\/playground\?model=mistral-small-2603$/);
});

test("a retired model's page says since when and what replaces it, with no Try", async ({
  page,
}) => {
  await page.goto("/models/open-mixtral-8x7b");
  const details = page.locator("dl");
  await expect(details).toContainText("Retired 2025-03-30, use mistral-small-latest");
  await details.getByRole("link", { name: "mistral-small-latest" }).first().click();
  await expect(page).toHaveURL(/\/models\/mistral-small-latest$/);
  await expect(page.getByRole("link", { name: /^Try in / })).toHaveAttribute(
    "href",
    /^\/playground\?model=mistral-small-/,
  );

  await page.goto("/models/open-mixtral-8x7b");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Try in / })).toHaveCount(0);
  await page.screenshot({ path: ".data/screenshots/models-retired.png", fullPage: true });

  await page.goto("/models/mistral-moderation-latest");
  await expect(page.getByRole("list", { name: "Can" })).toContainText("Moderation");
  await expect(page.getByRole("link", { name: /^Try in / })).toHaveCount(0);
});

test("a fine-tuned model's Try in playground carries its id", async ({ page, request }) => {
  const tag = unique("try");
  const [id] = await trainModels(request, [tag]);
  await openFiltered(page, tag);
  await row(page, id)
    .getByRole("link", { name: `Try ${id} in playground` })
    .click();
  await expect(page).toHaveURL(`/playground?model=${encodeURIComponent(id)}`);
});

test("filter, facets and sort live in the URL and survive a reload", async ({ page }) => {
  await page.goto("/models");
  const search = page.getByRole("searchbox", { name: "Filter models" });
  await search.fill("codestral");
  await page.getByRole("radio", { name: /^Base/ }).check();
  await page.getByRole("checkbox", { name: /^FIM/ }).check();
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/q=codestral/);
  await expect(page).toHaveURL(/kind=base/);
  await expect(page).toHaveURL(/cap=completion_fim/);
  await expect(page).toHaveURL(/sort=name&dir=asc/);

  // One row per model: codestral-latest and codestral are aliases of codestral-2508; the retired
  // codestral-2405 keeps its own row.
  const table = page.getByRole("table", { name: "Models" });
  const ids = async () =>
    (await table.getByRole("row").locator("td:nth-child(2) a").allTextContents()).filter(Boolean);
  await expect.poll(ids).toEqual(["codestral-2405", "codestral-2508"]);
  await expect(table.getByRole("list", { name: "Aliases of codestral-2508" })).toHaveText(
    /codestral-latest\s*codestral/,
  );
  await expect(page).toHaveURL(/sort=name&dir=asc/);

  // The models of one family sort by name both ways.
  await page.getByRole("radio", { name: /^All/ }).check();
  await page.getByRole("checkbox", { name: /^FIM/ }).uncheck();
  await search.fill("mistral-large");
  const large = ["mistral-large-2402", "mistral-large-2407", "mistral-large-2512"];
  await expect.poll(ids).toEqual(large);
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect.poll(ids).toEqual([...large].reverse());
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );

  await page.reload();
  await expect(search).toHaveValue("mistral-large");
  await expect.poll(ids).toEqual([...large].reverse());

  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/q=|kind=|cap=/);
  await expect(page.getByRole("status").filter({ hasText: /^Showing/ })).toContainText(
    /Showing \d+ of \d+ models/,
  );
  await page.screenshot({ path: ".data/screenshots/models-table.png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.waitForTimeout(300); // let colour transitions finish
  await page.screenshot({ path: ".data/screenshots/models-table-dark.png" });
});

test("the detail view shows one model from GET /v1/models/{id}", async ({ page, request }) => {
  const tag = unique("det");
  const [id] = await trainModels(request, [tag]);
  await openFiltered(page, tag);
  await row(page, id).getByRole("link", { name: id, exact: true }).click();
  await expect(page).toHaveURL((url) => decodeURIComponent(url.pathname) === `/models/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Fine-tuned", { exact: true })).toBeVisible();
  const details = page.locator("dl");
  await expect(details).toContainText("mistral-small-latest");
  // The context length the API gives the fine-tuned model, as the page formats it.
  const card = (await (await request.get(`/v1/models/${encodeURIComponent(id)}`)).json()) as {
    max_context_length: number;
  };
  await expect(details).toContainText(`${card.max_context_length.toLocaleString("en-US")} tokens`);
  await expect(details.getByRole("link", { name: /^[0-9a-f-]{36}$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Try in playground" })).toHaveAttribute(
    "href",
    `/playground?model=${encodeURIComponent(id)}`,
  );
  await page.screenshot({ path: ".data/screenshots/models-detail.png", fullPage: true });

  await page.goto("/models/ft:no-such-model");
  await expect(page.getByText("This model does not exist")).toBeVisible();
});
