import { PDFDocument, StandardFonts } from "pdf-lib";
import { chooseFiles, expect, test } from "./test";

async function twoPagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of ["Invoice number 4217", "Total due: 99 euros"]) {
    const page = pdf.addPage([595, 842]); // A4 in points
    page.drawText(text, { x: 72, y: 760, size: 18, font });
  }
  return Buffer.from(await pdf.save());
}

test("OCR of a small PDF shows each page's text and what it used", async ({ page }) => {
  await page.goto("/ocr");
  await expect(page.getByRole("heading", { level: 1, name: "OCR" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "mistral-ocr-latest",
  );
  await expect(page.getByText("No document read yet")).toBeVisible();

  await chooseFiles(page.getByLabel("Document (PDF or image)", { exact: true }), {
    name: "invoice.pdf",
    mimeType: "application/pdf",
    buffer: await twoPagePdf(),
  });
  await expect(page.getByRole("button", { name: /Choose or drop/ })).toContainText("invoice.pdf");
  await page.getByRole("button", { name: "Run OCR" }).click();

  const one = page.getByRole("article", { name: "Page 1" });
  const two = page.getByRole("article", { name: "Page 2" });
  await expect(one).toContainText("Invoice number 4217", { timeout: 30_000 });
  await expect(two).toContainText("Total due: 99 euros");
  // No page image from the API: the page's size stands in (A4 at 200 dpi).
  await expect(one).toContainText("1,653 × 2,339 px at 200 dpi");
  await expect(page.getByTestId("ocr-usage")).toContainText("2 pages processed");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("invoice.md");
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  expect(text).toBe("Invoice number 4217\n\n---\n\nTotal due: 99 euros\n");
});

test("a file OCR cannot read is refused before anything is sent", async ({ page }) => {
  await page.goto("/ocr");
  await chooseFiles(page.getByLabel("Document (PDF or image)", { exact: true }), {
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("hello"),
  });
  await page.getByRole("button", { name: "Run OCR" }).click();
  await expect(page.getByText("OCR reads PDFs and images")).toBeVisible();
  await expect(page.getByText("No document read yet")).toBeVisible();
});
