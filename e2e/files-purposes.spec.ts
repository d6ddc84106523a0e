import type { Locator, Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { chooseFiles, expect, test } from "./test";

// Files of every purpose through the Files page against the sandbox: each uploaded with its
// purpose chosen, listed with its label, filtered by purpose, offered its own action, and one
// downloaded back. Names are unique so parallel tests do not see each other's files.

const tag = () =>
  `purposes-${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 6)}`;

const TRAINING = ["Hi", "Hello"]
  .map((q) =>
    JSON.stringify({
      messages: [
        { role: "user", content: q },
        { role: "assistant", content: `${q} to you` },
      ],
    }),
  )
  .join("\n");
const BATCH = [1, 2, 3]
  .map((i) =>
    JSON.stringify({
      custom_id: `req-${i}`,
      body: { messages: [{ role: "user", content: `Question ${i}` }], max_tokens: 16 },
    }),
  )
  .join("\n");
// The first bytes of a PNG, which is what the sandbox (like the API) looks for in an OCR upload.
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
// A WAV header with no samples.
const WAV = Buffer.concat([
  Buffer.from("RIFF"),
  Buffer.alloc(4),
  Buffer.from("WAVEfmt "),
  Buffer.alloc(32),
]);

const PURPOSES = [
  {
    purpose: "Fine-tuning",
    input: "Training files (.jsonl)",
    ext: "jsonl",
    mimeType: "application/jsonl",
    buffer: Buffer.from(TRAINING + "\n"),
    action: "Use in a fine-tuning job",
    href: (id: string) => `/fine-tuning/new?file=${id}`,
  },
  {
    purpose: "Batch",
    input: "Batch files (.jsonl)",
    ext: "jsonl",
    mimeType: "application/jsonl",
    buffer: Buffer.from(BATCH + "\n"),
    action: "Use in a batch job",
    href: (id: string) => `/batch?file=${id}`,
  },
  {
    purpose: "OCR",
    input: "Documents for OCR (PDF, images)",
    ext: "png",
    mimeType: "image/png",
    buffer: PNG,
    action: "Open in OCR",
    href: (id: string) => `/ocr?file=${id}`,
  },
  {
    purpose: "Audio",
    input: "Audio files",
    ext: "wav",
    mimeType: "audio/wav",
    buffer: WAV,
    action: "Transcribe",
    href: (id: string) => `/audio?file=${id}`,
  },
] as const;

const queued = (page: Page, name: string) =>
  page.getByRole("list", { name: "Files to upload" }).getByRole("listitem", { name });
const table = (page: Page) => page.getByRole("table", { name: "Uploaded files" });
const row = (page: Page, name: string) =>
  table(page).getByRole("row", { name: new RegExp(name.replace(".", "\\.")) });
/** The training-data statistics the linter shows for a checked file. */
const linterStats = (item: Locator) =>
  item.getByRole("term").filter({ hasText: /^Estimated tokens$/ });

test("files of each purpose: uploaded with the purpose chosen, labelled, filtered, each with its own action, and downloaded", async ({
  page,
}) => {
  const prefix = tag();
  await page.goto("/files");
  await expect(page.getByRole("heading", { level: 1, name: "Files" })).toBeVisible();
  const ids = new Map<string, string>();

  for (const p of PURPOSES) {
    const name = `${prefix}-${p.purpose.toLowerCase().replace(/\W/g, "")}.${p.ext}`;
    await page.getByRole("radio", { name: p.purpose, exact: true }).check();
    await chooseFiles(page.getByLabel(p.input, { exact: true }), {
      name,
      mimeType: p.mimeType,
      buffer: p.buffer,
    });
    const item = queued(page, name);
    await expect(item.getByText("Ready to upload")).toBeVisible();
    await expect(item.getByText(`for ${p.purpose}`)).toBeVisible();
    // The training-data linter's statistics only for training data.
    await expect(linterStats(item)).toHaveCount(p.purpose === "Fine-tuning" ? 1 : 0);
    await item.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(item.getByText("Uploaded", { exact: true })).toBeVisible({ timeout: 20_000 });
    // The card offers the purpose's own action.
    const link = item.getByRole("link", { name: p.action });
    await expect(link).toBeVisible();
    ids.set(p.purpose, (await item.locator("code").first().textContent())!.trim());
    await expect(link).toHaveAttribute("href", p.href(ids.get(p.purpose)!));
    if (p.purpose !== "Fine-tuning") {
      await expect(item.getByRole("link", { name: "Use in a fine-tuning job" })).toHaveCount(0);
    }
  }
  await page.screenshot({ path: ".data/screenshots/files-purposes-uploaded.png", fullPage: true });

  // Listed with their purpose labels (the server filters by name).
  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(prefix);
  await expect(table(page).getByRole("rowheader")).toHaveCount(4);
  for (const p of PURPOSES) {
    await expect(
      row(page, `${prefix}-${p.purpose.toLowerCase().replace(/\W/g, "")}`),
    ).toContainText(p.purpose);
  }
  await expect(row(page, `${prefix}-batch`)).toContainText("Batch requests");

  // Filtered by purpose, on the server, kept in the address.
  const purposeFilter = page.getByRole("combobox", { name: "Filter files by purpose" });
  await purposeFilter.selectOption({ label: "OCR" });
  await expect(page).toHaveURL(/purpose=ocr/);
  await expect(table(page).getByRole("rowheader")).toHaveText([`${prefix}-ocr.png`]);
  await expect(row(page, `${prefix}-ocr`)).toContainText("image/png");
  await purposeFilter.selectOption({ label: "Audio" });
  await expect(table(page).getByRole("rowheader")).toHaveText([`${prefix}-audio.wav`]);
  await purposeFilter.selectOption({ label: "All purposes" });
  await expect(table(page).getByRole("rowheader")).toHaveCount(4);

  // Each file's detail offers its own action and shows today's fields.
  for (const p of PURPOSES) {
    const name = `${prefix}-${p.purpose.toLowerCase().replace(/\W/g, "")}.${p.ext}`;
    await row(page, name).getByRole("button", { name, exact: true }).click();
    const dialog = page.getByRole("dialog", { name });
    await expect(dialog.getByRole("link", { name: p.action })).toHaveAttribute(
      "href",
      p.href(ids.get(p.purpose)!),
    );
    await expect(dialog.getByRole("link")).toHaveCount(1);
    await expect(dialog.getByRole("definition").filter({ hasText: /^Workspace$/ })).toBeVisible();
    await expect(dialog.getByRole("definition").filter({ hasText: /^Never$/ })).toBeVisible();
    if (p.purpose === "Batch") {
      await page.screenshot({
        path: ".data/screenshots/files-purposes-detail.png",
        fullPage: true,
      });
      // The content comes back as it was uploaded.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        dialog.getByRole("button", { name: "Download" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
      expect(bytes.toString("utf8")).toBe(BATCH + "\n");
    }
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  }
});

test("a batch file whose lines lack custom_id or body is stopped before upload", async ({
  page,
}) => {
  const name = `${tag()}-bad-batch.jsonl`;
  await page.goto("/files");
  await page.getByRole("radio", { name: "Batch", exact: true }).check();
  await chooseFiles(page.getByLabel("Batch files (.jsonl)", { exact: true }), {
    name,
    mimeType: "application/jsonl",
    buffer: Buffer.from(
      [JSON.stringify({ custom_id: "a", body: {} }), JSON.stringify({ body: {} })].join("\n"),
    ),
  });
  const item = queued(page, name);
  await expect(item.getByText("1 error", { exact: true }).first()).toBeVisible();
  await expect(item.getByText("line 2 has no custom_id")).toBeVisible();
  await expect(item.getByRole("button", { name: "Upload" })).toHaveCount(0);
  await expect(linterStats(item)).toHaveCount(0);
});

test("filter by sample type and source, kept in the URL", async ({ page }) => {
  const prefix = tag();
  await page.goto("/files");
  for (const [purpose, input, name, buffer] of [
    ["Fine-tuning", "Training files (.jsonl)", `${prefix}-train.jsonl`, TRAINING],
    ["Batch", "Batch files (.jsonl)", `${prefix}-requests.jsonl`, BATCH],
  ] as const) {
    await page.getByRole("radio", { name: purpose, exact: true }).check();
    await chooseFiles(page.getByLabel(input, { exact: true }), {
      name,
      mimeType: "application/jsonl",
      buffer: Buffer.from(buffer + "\n"),
    });
    const item = queued(page, name);
    await item.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(item.getByText("Uploaded", { exact: true })).toBeVisible({ timeout: 20_000 });
  }

  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(prefix);
  await expect(table(page).getByRole("rowheader")).toHaveCount(2);
  const sampleType = page.getByRole("combobox", { name: "Filter files by sample type" });
  const source = page.getByRole("combobox", { name: "Filter files by source" });
  await sampleType.selectOption({ label: "Batch requests" });
  await expect(page).toHaveURL(/type=batch_request/);
  await expect(table(page).getByRole("rowheader")).toHaveText([`${prefix}-requests.jsonl`]);
  await source.selectOption({ label: "Upload" });
  await expect(page).toHaveURL(/source=upload/);
  await expect(table(page).getByRole("rowheader")).toHaveText([`${prefix}-requests.jsonl`]);
  await page.screenshot({ path: ".data/screenshots/files-filters.png", fullPage: true });

  // The address keeps them: a reload (or a shared link) shows the same list.
  await page.reload();
  await expect(sampleType).toHaveValue("batch_request");
  await expect(source).toHaveValue("upload");
  await expect(table(page).getByRole("rowheader")).toHaveText([`${prefix}-requests.jsonl`]);

  // Files the API made (batch results) are not uploads: none of these.
  await source.selectOption({ label: "Mistral" });
  await expect(page.getByText(/^No file matches/)).toBeVisible();
  await page.getByRole("button", { name: "Clear the filters" }).click();
  await expect(page).not.toHaveURL(/type=|source=/);
  await expect(sampleType).toHaveValue("");
});

test("an upload with an expiry shows when it expires", async ({ page }) => {
  const name = `${tag()}-expiring.jsonl`;
  await page.goto("/files");
  await page.getByRole("radio", { name: "Batch", exact: true }).check();
  const expiry = page.getByRole("textbox", { name: "Expires after (hours)" });
  // A wrong value is named and nothing is added.
  await expiry.fill("0.5");
  await expect(page.getByText(/^Expiry must be a whole number of hours/)).toBeVisible();
  await chooseFiles(page.getByLabel("Batch files (.jsonl)", { exact: true }), {
    name,
    mimeType: "application/jsonl",
    buffer: Buffer.from(BATCH + "\n"),
  });
  await expect(page.getByRole("list", { name: "Files to upload" })).toHaveCount(0);
  await expect(expiry).toBeFocused();

  await expiry.fill("48");
  await page
    .getByRole("combobox", { name: "Visibility" })
    .selectOption({ label: "Only the uploader" });
  await page.screenshot({ path: ".data/screenshots/files-upload-expiry.png", fullPage: true });
  const before = Date.now();
  await chooseFiles(page.getByLabel("Batch files (.jsonl)", { exact: true }), {
    name,
    mimeType: "application/jsonl",
    buffer: Buffer.from(BATCH + "\n"),
  });
  const item = queued(page, name);
  await item.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(item.getByText("Uploaded", { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(item).toContainText(/expires .*Only the uploader/);

  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(name);
  const r = row(page, name);
  await expect(r).not.toContainText("Never");
  await r.getByRole("button", { name, exact: true }).click();
  const dialog = page.getByRole("dialog", { name });
  await expect(
    dialog.getByRole("definition").filter({ hasText: /^Only the uploader$/ }),
  ).toBeVisible();
  // Two days on, as the detail shows it ("8 Dec 2026, 10:55:12 UTC").
  const expires = await dialog
    .getByRole("term")
    .filter({ hasText: /^Expires$/ })
    .locator("xpath=following-sibling::dd[1]")
    .textContent();
  expect(Math.abs(Date.parse(expires!) - (before + 48 * 3600_000))).toBeLessThan(10 * 60_000);
});

async function onePagePdf(text: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(text, { x: 72, y: 760, size: 18, font });
  return Buffer.from(await pdf.save());
}

test("Use for OCR preselects the file", async ({ page }) => {
  const name = `${tag()}-scan.pdf`;
  await page.goto("/files");
  await page.getByRole("radio", { name: "OCR", exact: true }).check();
  await chooseFiles(page.getByLabel("Documents for OCR (PDF, images)", { exact: true }), {
    name,
    mimeType: "application/pdf",
    buffer: await onePagePdf("Receipt 5521"),
  });
  const item = queued(page, name);
  await item.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(item.getByText("Uploaded", { exact: true })).toBeVisible({ timeout: 20_000 });
  const id = (await item.locator("code").first().textContent())!.trim();

  await page.getByRole("searchbox", { name: "Filter files by name or id" }).fill(name);
  await row(page, name).getByRole("button", { name, exact: true }).click();
  await page.getByRole("dialog", { name }).getByRole("link", { name: "Open in OCR" }).click();
  await expect(page).toHaveURL(`/ocr?file=${id}`);
  const chosen = page.getByRole("region", { name: "Document: uploaded file" });
  await expect(chosen).toContainText(name);
  // Nothing to drop: the uploaded file is read by its id.
  await expect(page.getByLabel("Document (PDF or image)", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Run OCR" }).click();
  await expect(page.getByRole("article", { name: "Page 1" })).toContainText("Receipt 5521", {
    timeout: 30_000,
  });
  // The result is named after the uploaded file.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download markdown" }).click();
  expect((await download).suggestedFilename()).toBe(name.replace(/\.pdf$/, ".md"));

  // Another file instead: the drop zone comes back and the address forgets the file.
  await chosen.getByRole("button", { name: "Choose another file" }).click();
  await expect(page.getByLabel("Document (PDF or image)", { exact: true })).toHaveCount(1);
  await expect(page).toHaveURL(/\/ocr$/);
});
