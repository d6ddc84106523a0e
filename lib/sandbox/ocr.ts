// OCR (/v1/ocr). PDFs are read for real: the text layer of each page (unpdf, i.e. pdf.js) becomes
// its markdown, and the page size comes from its viewport. An image is one page whose markdown
// says what the sandbox could read (its format and size) and no invented text. Documents come as
// data: URLs or sandbox files; the sandbox never fetches a remote URL (no outbound requests).
import { readFileSync } from "node:fs";
import { type SandboxContext } from "./context";
import { filePath, getFileRow } from "./files";
import { json, mistralError, validationError } from "./http";

/** The page images' resolution the real API reports. */
const DPI = 200;

export interface OCRRequest {
  model: string | null;
  document:
    | { type?: "file"; file_id: string }
    | { type?: "document_url"; document_url: string; document_name?: string | null }
    | { type?: "image_url"; image_url: string | { url: string } };
  pages?: string | number[] | null;
}

interface Page {
  index: number;
  markdown: string;
  images: never[];
  tables: never[];
  hyperlinks: string[];
  header: null;
  footer: null;
  dimensions: { dpi: number; height: number; width: number };
}

const bad = (message: string) => mistralError(400, message, "invalid_request_error");

/** The bytes of a `data:` URL, or null when it is not one. */
function fromDataUrl(url: string): Buffer | null {
  const m = /^data:([^,]*?),(.*)$/s.exec(url);
  if (!m) return null;
  return m[1].endsWith(";base64")
    ? Buffer.from(m[2], "base64")
    : Buffer.from(decodeURIComponent(m[2]), "utf8");
}

function documentBytes(ctx: SandboxContext, doc: OCRRequest["document"]): Buffer | Response {
  if ("file_id" in doc) {
    if (!getFileRow(ctx, doc.file_id)) {
      return mistralError(
        404,
        `File '${doc.file_id}' not found.`,
        "invalid_request_error",
        "file_not_found",
      );
    }
    return readFileSync(filePath(ctx, doc.file_id));
  }
  const url =
    "document_url" in doc
      ? doc.document_url
      : typeof doc.image_url === "string"
        ? doc.image_url
        : doc.image_url.url;
  const bytes = fromDataUrl(url);
  return (
    bytes ??
    bad(
      "The sandbox reads documents from data: URLs and sandbox files (file_id) only; it does not fetch remote URLs.",
    )
  );
}

/** Width and height of a PNG, GIF, WebP or JPEG image, read from its header. */
export function imageSize(b: Buffer): { format: string; width: number; height: number } | null {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47) {
    return { format: "PNG", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 10 && b.toString("latin1", 0, 4) === "GIF8") {
    return { format: "GIF", width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  if (
    b.length >= 30 &&
    b.toString("latin1", 0, 4) === "RIFF" &&
    b.toString("latin1", 8, 12) === "WEBP"
  ) {
    const kind = b.toString("latin1", 12, 16);
    if (kind === "VP8X") {
      return { format: "WebP", width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
    }
    if (kind === "VP8 ") {
      return {
        format: "WebP",
        width: b.readUInt16LE(26) & 0x3fff,
        height: b.readUInt16LE(28) & 0x3fff,
      };
    }
    if (kind === "VP8L") {
      const bits = b.readUInt32LE(21);
      return { format: "WebP", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker.
    let i = 2;
    while (i + 9 < b.length && b[i] === 0xff) {
      const marker = b[i + 1];
      const length = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { format: "JPEG", width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
      }
      i += 2 + length;
    }
  }
  return null;
}

/** The requested page indexes: a list, or "0,2-4" (0-based), or every page. */
function selectPages(spec: OCRRequest["pages"], count: number): number[] | Response {
  const all = Array.from({ length: count }, (_, i) => i);
  if (spec == null) return all;
  let wanted: number[];
  if (Array.isArray(spec)) wanted = spec;
  else {
    wanted = [];
    for (const part of spec
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!m) return bad(`Invalid pages: '${spec}'. Use page numbers and ranges like '0,2-4'.`);
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      for (let p = from; p <= to && p < count; p++) wanted.push(p);
    }
  }
  const out = [...new Set(wanted)].filter((p) => p >= 0 && p < count).sort((a, b) => a - b);
  return out.length ? out : bad(`None of the requested pages exist: the document has ${count}.`);
}

const px = (points: number) => Math.round((points * DPI) / 72);

async function pdfPages(bytes: Buffer, pages: OCRRequest["pages"]): Promise<Page[] | Response> {
  const { getDocumentProxy } = await import("unpdf");
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    return bad("The document could not be read as a PDF.");
  }
  try {
    const selected = selectPages(pages, pdf.numPages);
    if (selected instanceof Response) return selected;
    const out: Page[] = [];
    for (const index of selected) {
      const page = await pdf.getPage(index + 1);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
      }
      out.push({
        index,
        markdown: text.replace(/[ \t]+\n/g, "\n").trim(),
        images: [],
        tables: [],
        hyperlinks: [],
        header: null,
        footer: null,
        dimensions: { dpi: DPI, width: px(viewport.width), height: px(viewport.height) },
      });
    }
    return out;
  } finally {
    await pdf.destroy();
  }
}

export async function ocr(ctx: SandboxContext, body: OCRRequest): Promise<Response> {
  const model = body.model ?? "mistral-ocr-latest";
  if (!/ocr/.test(model)) {
    return mistralError(
      400,
      `Model '${model}' does not do OCR: use an OCR model such as mistral-ocr-latest.`,
      "invalid_request_error",
      "invalid_model",
    );
  }
  const bytes = documentBytes(ctx, body.document);
  if (bytes instanceof Response) return bytes;
  let pages: Page[];
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") {
    const read = await pdfPages(bytes, body.pages);
    if (read instanceof Response) return read;
    pages = read;
  } else {
    const image = imageSize(bytes);
    if (!image) {
      return validationError([
        {
          loc: ["body", "document"],
          msg: "The sandbox's OCR reads PDF documents and PNG, JPEG, GIF or WebP images.",
          type: "value_error",
        },
      ]);
    }
    const selected = selectPages(body.pages, 1);
    if (selected instanceof Response) return selected;
    pages = [
      {
        index: 0,
        // Honest about what was read: the sandbox recognises no text in images.
        markdown: `*[sandbox] ${image.format} image, ${image.width}×${image.height} px: the sandbox reads no text from images.*`,
        images: [],
        tables: [],
        hyperlinks: [],
        header: null,
        footer: null,
        dimensions: { dpi: DPI, width: image.width, height: image.height },
      },
    ];
  }
  return json({
    pages,
    model,
    document_annotation: null,
    usage_info: { pages_processed: pages.length, doc_size_bytes: bytes.length },
  });
}
