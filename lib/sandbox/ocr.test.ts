// OCR: a real PDF's text per page (made here with pdf-lib), images honestly described, today's
// shapes (spec + SDK 2.x zod).
import { OCRResponse$inboundSchema } from "@mistralai/mistralai/models/components";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, describe, expect, it } from "vitest";
import { storeSandboxFile } from "./files";
import { openStore } from "./store";
import { manualClock, openSandbox, type TestSandbox } from "./test/helpers";
import { todayApi } from "./test/today";

interface Ocr {
  pages: {
    index: number;
    markdown: string;
    dimensions: { dpi: number; width: number; height: number };
  }[];
  usage_info: { pages_processed: number; doc_size_bytes: number };
  model: string;
}

let t: TestSandbox | undefined;
afterEach(() => t?.close());

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc
    .addPage([612, 792])
    .drawText("Quarterly report: revenue grew", { x: 50, y: 700, font, size: 14 });
  doc.addPage([595, 842]).drawText("Second page about costs", { x: 50, y: 700, font, size: 14 });
  return doc.save();
}

/** A PNG header (signature + IHDR) is all the sandbox reads of an image. */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}

const dataUrl = (mime: string, bytes: Uint8Array) =>
  `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;

describe("OCR", () => {
  it("extracts each page's text of a 2-page PDF, with its size", async () => {
    t = openSandbox();
    const pdf = await twoPagePdf();
    const res = await todayApi<Ocr>(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { type: "document_url", document_url: dataUrl("application/pdf", pdf) },
    });
    expect(res.status).toBe(200);
    OCRResponse$inboundSchema.parse(res.body);
    expect(res.body.pages.map((p) => p.markdown)).toEqual([
      "Quarterly report: revenue grew",
      "Second page about costs",
    ]);
    // Letter and A4 at 200 dpi.
    expect(res.body.pages[0].dimensions).toEqual({ dpi: 200, width: 1700, height: 2200 });
    expect(res.body.pages[1].dimensions).toEqual({ dpi: 200, width: 1653, height: 2339 });
    expect(res.body.usage_info).toEqual({ pages_processed: 2, doc_size_bytes: pdf.length });

    const second = await todayApi<Ocr>(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { document_url: dataUrl("application/pdf", pdf) },
      pages: "1",
    });
    expect(second.body.pages.map((p) => p.index)).toEqual([1]);
    expect(second.body.usage_info.pages_processed).toBe(1);
  });

  it("reads a sandbox file by file_id", async () => {
    t = openSandbox();
    const store = openStore(t.dir);
    const ctx = { store, now: Date.now, speed: 1, maxUploadBytes: 1 };
    // The upload route of this branch takes training data only: store the PDF directly.
    const fileId = storeSandboxFile(ctx, {
      filename: "report.pdf",
      content: await twoPagePdf(),
      sampleType: "instruct",
    });
    store.close();
    const res = await todayApi<Ocr>(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { type: "file", file_id: fileId },
    });
    expect(res.status).toBe(200);
    expect(res.body.pages[0].markdown).toBe("Quarterly report: revenue grew");
  });

  it("describes an image without inventing text", async () => {
    t = openSandbox();
    const res = await todayApi<Ocr>(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { type: "image_url", image_url: dataUrl("image/png", pngHeader(640, 480)) },
    });
    expect(res.status).toBe(200);
    OCRResponse$inboundSchema.parse(res.body);
    expect(res.body.pages).toHaveLength(1);
    expect(res.body.pages[0].markdown).toContain("PNG image, 640×480 px");
    expect(res.body.pages[0].dimensions).toMatchObject({ width: 640, height: 480 });
  });

  it("refuses remote URLs, unknown formats, missing files and non-OCR models", async () => {
    t = openSandbox();
    const remote = await todayApi(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { document_url: "https://example.com/a.pdf" },
    });
    expect(remote.status).toBe(400);
    const text = await todayApi(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { document_url: "data:text/plain,hello" },
    });
    expect(text.status).toBe(422);
    const missing = await todayApi(t, "POST", "/v1/ocr", {
      model: "mistral-ocr-latest",
      document: { type: "file", file_id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(missing.status).toBe(404);
    const wrongModel = await todayApi(t, "POST", "/v1/ocr", {
      model: "mistral-small-latest",
      document: { document_url: "data:text/plain,hello" },
    });
    expect(wrongModel.status).toBe(400);
  });

  it("runs inside a batch job", async () => {
    const clock = manualClock();
    t = openSandbox({ now: clock.now, speed: 1 });
    const pdf = await twoPagePdf();
    const created = await todayApi<{ id: string }>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/ocr",
      model: "mistral-ocr-latest",
      requests: [{ body: { document: { document_url: dataUrl("application/pdf", pdf) } } }],
    });
    clock.advance(10_000);
    const done = await todayApi(t, "GET", `/v1/batch/jobs/${created.body.id}?inline=true`);
    const [line] = done.body.outputs as { response: { body: Ocr } }[];
    expect(line.response.body.pages[1].markdown).toBe("Second page about costs");
  });
});
