import type { APIRequestContext, FileChooser, Locator, Page } from "@playwright/test";
import { chooseFiles, expect, test } from "./test";
import { formatBytes } from "@/lib/format";
import type { FileSchema } from "@/lib/mistral/types";

// Journeys of the Files page against the sandbox. Tests share one sandbox and run in parallel:
// each makes its own files under unique names and filters the table down to them.

const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 6)}`;

function conversations(n: number, pad = 0): string {
  return (
    Array.from({ length: n }, (_, i) =>
      JSON.stringify({
        messages: [
          { role: "system", content: "You are a concise support agent." },
          { role: "user", content: `Question ${i}: how do I reset my password?${" ".repeat(pad)}` },
          { role: "assistant", content: `Answer ${i}: open Settings, then Security, then Reset.` },
        ],
      }),
    ).join("\n") + "\n"
  );
}

const jsonlFile = (name: string, text: string) => ({
  name,
  mimeType: "application/jsonl",
  buffer: Buffer.from(text),
});

const dropInput = (page: Page) => page.getByLabel("Training files (.jsonl)");
const queued = (page: Page, name: string) =>
  page.getByRole("list", { name: "Files to upload" }).getByRole("listitem", { name });

/** Stat value next to its term in the statistics list. */
const stat = (item: Locator, term: string) =>
  item
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");

/** Slows the page's uploads (Chromium's network emulation) so their progress can be seen. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
  };
}

async function uploadViaApi(request: APIRequestContext, name: string): Promise<FileSchema> {
  const res = await request.post("/v1/files", {
    multipart: { purpose: "fine-tune", file: jsonlFile(name, conversations(12)) },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as FileSchema;
}

const tableRow = (page: Page, name: string) =>
  page.getByRole("table", { name: "Uploaded files" }).getByRole("row", { name: new RegExp(name) });

test("a valid file is checked with statistics, uploads with progress and Cancel, and lands in the table @live", async ({
  page,
}) => {
  const name = `${unique("support")}.jsonl`;
  // About 3 MB, so a throttled upload takes a few seconds.
  const text = conversations(6000, 260);
  await page.goto("/files");
  await expect(page.getByRole("heading", { level: 1, name: "Files" })).toBeVisible();
  await chooseFiles(dropInput(page), jsonlFile(name, text));

  const item = queued(page, name);
  await expect(item.getByText("Ready to upload")).toBeVisible();
  await expect(stat(item, "Lines")).toHaveText("6,000");
  await expect(stat(item, "Sample type")).toHaveText("instruct");
  await expect(stat(item, "Messages per sample")).toHaveText("3");
  await expect(stat(item, "Roles")).toHaveText("system 6,000, user 6,000, assistant 6,000");
  await expect(stat(item, "Estimated tokens")).not.toHaveText("0");
  await expect(stat(item, "Size")).toHaveText(formatBytes(Buffer.byteLength(text)));
  const preview = item.getByRole("list", { name: "Sample preview" });
  await expect(preview.getByText("Question 0: how do I reset my password?")).toBeVisible();
  await expect(
    preview.getByText("Answer 0: open Settings, then Security, then Reset."),
  ).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/files-checked.png", fullPage: true });

  // Upload slowly, and cancel half way: nothing is lost, it can go again.
  const unthrottle = await throttleUploads(page, 400_000);
  await item.getByRole("button", { name: "Upload", exact: true }).click();
  const bar = item.getByRole("progressbar", { name: "Upload progress" });
  await expect(bar).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
  await expect(item.getByText(/\d+% · [\d.]+ [KM]B of [\d.]+ MB · [\d.]+ [KM]B\/s/)).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/files-uploading.png", fullPage: true });
  await item.getByRole("button", { name: "Cancel" }).click();
  await expect(item.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(stat(item, "Lines")).toHaveText("6,000");

  await unthrottle();
  await item.getByRole("button", { name: "Upload again" }).click();
  await expect(item.getByText("Uploaded", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(item.getByText("6,000 lines · Instruct")).toBeVisible();
  await expect(item.getByRole("link", { name: "Use in a fine-tuning job" })).toHaveAttribute(
    "href",
    /\/fine-tuning\/new\?file=[0-9a-f-]{36}$/,
  );

  // The table shows the server's record.
  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(name);
  await expect(page).toHaveURL(new RegExp(`\\?q=${name.replace(".", "\\.")}`));
  const row = tableRow(page, name);
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").nth(2)).toHaveText("6,000");
  await expect(row.getByRole("cell").nth(3)).toHaveText("Instruct");
  await expect(row.getByRole("cell").nth(4)).toHaveText("Upload");
  await expect(row.getByRole("cell").nth(5)).toHaveText("Fine-tuning");
  await expect(row.getByRole("cell").nth(6)).toHaveText("just now");
  await page.screenshot({ path: ".data/screenshots/files-uploaded.png", fullPage: true });
});

test("a file with errors lists them by line, cannot be uploaded, and gives a report", async ({
  page,
}) => {
  const name = `${unique("broken")}.jsonl`;
  const good = conversations(3).trimEnd().split("\n");
  const lines = [
    good[0],
    '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}',
    good[1],
    JSON.stringify({
      messages: [
        { role: "user", content: "hi" },
        { role: "robot", content: "?" },
      ],
    }),
    "",
    good[2],
  ];
  await page.goto("/files");
  await chooseFiles(dropInput(page), jsonlFile(name, lines.join("\n") + "\n"));

  const item = queued(page, name);
  await expect(item.getByText("2 errors", { exact: true })).toBeVisible();
  await expect(item.getByText("Errors block the upload")).toBeVisible();
  await expect(item.getByRole("button", { name: "Upload" })).toHaveCount(0);
  const problems = item.getByRole("table", { name: `Problems found in ${name}` });
  const rows = problems.getByRole("row");
  await expect(rows).toHaveCount(4); // header, two errors, one warning
  await expect(rows.nth(1)).toContainText("2");
  await expect(rows.nth(1)).toContainText("error");
  await expect(rows.nth(1)).toContainText("line 2 is not valid JSON");
  await expect(rows.nth(2)).toContainText("line 4");
  await expect(rows.nth(2)).toContainText("robot");
  await expect(rows.nth(3)).toContainText("warning");
  await expect(rows.nth(3)).toContainText("line 5 is blank");
  await expect(item.getByText("2 errors and 1 warning")).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/files-errors.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: ".data/screenshots/files-errors-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    item.getByRole("button", { name: "Download report" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${name}.report.txt`);
  const report = await (await download.createReadStream()).toArray();
  const textReport = Buffer.concat(report).toString("utf8");
  expect(textReport).toContain(`Training-data check: ${name}`);
  expect(textReport).toContain("2 errors, 1 warning: fix the errors before uploading");
  expect(textReport).toContain("line 2 is not valid JSON");

  await item.getByRole("button", { name: "Remove" }).click();
  await expect(item).toHaveCount(0);
});

test("a file that is not .jsonl is refused at once; several good files queue and upload", async ({
  page,
}) => {
  const tag = unique("batch");
  const [a, b] = [`${tag}-a.jsonl`, `${tag}-b.jsonl`];
  await page.goto("/files");
  await chooseFiles(dropInput(page), [
    {
      name: `${tag}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from("question,answer\nhi,hello\n"),
    },
    jsonlFile(a, conversations(4)),
    jsonlFile(b, conversations(7)),
  ]);

  const csv = queued(page, `${tag}.csv`);
  await expect(csv.getByText("Refused", { exact: true })).toBeVisible();
  await expect(csv.getByText(/Not a \.jsonl file/)).toBeVisible();
  await expect(csv.getByRole("progressbar")).toHaveCount(0);
  await expect(queued(page, a).getByText("Ready to upload")).toBeVisible();
  await expect(queued(page, b).getByText("Ready to upload")).toBeVisible();

  await page.getByRole("button", { name: "Upload all 2 ready files" }).click();
  await expect(queued(page, a).getByText("4 lines · Instruct")).toBeVisible();
  await expect(queued(page, b).getByText("7 lines · Instruct")).toBeVisible();

  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(tag);
  await expect(page.getByRole("table", { name: "Uploaded files" }).getByRole("row")).toHaveCount(3);

  await page.getByRole("button", { name: "Clear finished" }).click();
  await expect(page.getByRole("list", { name: "Files to upload" })).toHaveCount(0);
});

test("the drop zone opens the file picker from the keyboard", async ({ page }) => {
  await page.goto("/files");
  const zone = page.getByRole("button", { name: "Choose or drop .jsonl training files" });
  // The server-rendered page shows before React hydrates it; keys do something only after that.
  let chooser: FileChooser | undefined;
  await expect(async () => {
    await zone.focus();
    [chooser] = await Promise.all([
      page.waitForEvent("filechooser", { timeout: 2_000 }),
      page.keyboard.press("Enter"),
    ]);
  }).toPass({ timeout: 20_000 });
  expect(chooser!.isMultiple()).toBe(true);
  await chooser!.setFiles(jsonlFile(`${unique("keyboard")}.jsonl`, conversations(2)));
  await expect(page.getByText("Ready to upload")).toBeVisible();
});

test("a file's detail view, its link to a job, and delete with confirmation", async ({
  page,
  request,
}) => {
  const name = `${unique("to-delete")}.jsonl`;
  const file = await uploadViaApi(request, name);

  // The job page links here with a file id.
  await page.goto(`/files?q=${file.id}`);
  await expect(page.getByRole("searchbox", { name: "Filter files by name or id" })).toHaveValue(
    file.id,
  );
  await expect(tableRow(page, name)).toHaveCount(1);

  await tableRow(page, name).getByRole("button", { name, exact: true }).click();
  const dialog = page.getByRole("dialog", { name });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`file=${file.id}`));
  await expect(dialog.getByText(file.id)).toBeVisible();
  await expect(dialog.getByText("12", { exact: true })).toBeVisible();
  await expect(dialog.getByRole("link", { name: "Use in a fine-tuning job" })).toHaveAttribute(
    "href",
    `/fine-tuning/new?file=${file.id}`,
  );
  await page.screenshot({ path: ".data/screenshots/files-detail.png", fullPage: true });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  // Cancel first: nothing happens.
  await tableRow(page, name)
    .getByRole("button", { name: `Delete ${name}` })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete this file?" });
  await expect(confirm).toContainText(name);
  await page.screenshot({ path: ".data/screenshots/files-delete-confirm.png" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(tableRow(page, name)).toHaveCount(1);

  await tableRow(page, name)
    .getByRole("button", { name: `Delete ${name}` })
    .click();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "File deleted" })).toBeVisible();
  await expect(page.getByText(`No file matches “${file.id}”`)).toBeVisible();
  expect((await request.get(`/v1/files/${file.id}`)).status()).toBe(404);

  // A link to a deleted file says so.
  await page.goto(`/files?file=${file.id}`);
  await expect(
    page.getByRole("dialog").getByText("This file does not exist (any more)"),
  ).toBeVisible();
});

test("the table sorts by a column header and keeps the sort in the URL", async ({
  page,
  request,
}) => {
  const tag = unique("sorted");
  await uploadViaApi(request, `${tag}-b.jsonl`);
  await uploadViaApi(request, `${tag}-a.jsonl`);
  await page.goto(`/files?q=${tag}`);
  const names = page.getByRole("table", { name: "Uploaded files" }).getByRole("rowheader");
  await expect(names).toHaveCount(2);
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await expect(names).toHaveText([`${tag}-a.jsonl`, `${tag}-b.jsonl`]);
  await page.getByRole("button", { name: "Name" }).click();
  await expect(names).toHaveText([`${tag}-b.jsonl`, `${tag}-a.jsonl`]);
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await page.reload();
  await expect(names).toHaveText([`${tag}-b.jsonl`, `${tag}-a.jsonl`]);
});

test("an upload goes on while the user visits another page of the console", async ({ page }) => {
  const name = `${unique("travel")}.jsonl`;
  await page.goto("/files");
  await chooseFiles(dropInput(page), jsonlFile(name, conversations(3000, 200)));
  const item = queued(page, name);
  await expect(item.getByText("Ready to upload")).toBeVisible();

  const unthrottle = await throttleUploads(page, 300_000);
  await item.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(item.getByRole("progressbar", { name: "Upload progress" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Sections" });
  await nav.getByRole("link", { name: "Models" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  await unthrottle();
  await nav.getByRole("link", { name: "Files" }).click();
  await expect(queued(page, name).getByText("Uploaded", { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(name);
  await expect(tableRow(page, name)).toHaveCount(1);
});
