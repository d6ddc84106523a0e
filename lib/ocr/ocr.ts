// OCR as the OCR page uses it: what a chosen file is, how it goes to POST /v1/ocr, and the
// document's markdown for download.
import type { components } from "@/lib/mistral/schema.gen";

export type OCRRequest = components["schemas"]["OCRRequest"];
export type OCRResponse = components["schemas"]["OCRResponse"];
export type OCRPage = components["schemas"]["OCRPageObject"];

const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/** What the drop zone takes (react-dropzone's accept). */
export const OCR_ACCEPT: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  ...Object.fromEntries(Object.entries(IMAGE_TYPES).map(([ext, type]) => [type, [ext]])),
};

export type DocumentKind = "pdf" | "image" | null;

/** A PDF, an image, or neither (by type, else by extension). */
export function documentKind(file: Pick<File, "name" | "type">): DocumentKind {
  const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? "";
  if (file.type === "application/pdf" || ext === ".pdf") return "pdf";
  if (file.type.startsWith("image/") || ext in IMAGE_TYPES) return "image";
  return null;
}

/** A "0,2-4" page selection: numbers and ranges from 0, or empty for every page. */
export const PAGES_PATTERN = /^\s*(\d+(\s*-\s*\d+)?)(\s*,\s*\d+(\s*-\s*\d+)?)*\s*$/;

/**
 * The request: an image goes inline as an image_url data URL; a PDF goes as a file chunk of the
 * file uploaded for `ocr` (a data URL of a large PDF would make a request too large).
 */
export function ocrRequest(
  model: string,
  document: { dataUrl: string } | { fileId: string },
  options: { includeImages: boolean; pages?: string },
): OCRRequest {
  return {
    model,
    document:
      "fileId" in document
        ? { type: "file", file_id: document.fileId }
        : { type: "image_url", image_url: document.dataUrl },
    include_image_base64: options.includeImages,
    ...(options.pages?.trim() ? { pages: options.pages.replace(/\s+/g, "") } : {}),
  };
}

/** The whole document as markdown: its pages in order, separated by a rule. */
export function documentMarkdown(response: Pick<OCRResponse, "pages">): string {
  return response.pages.map((p) => p.markdown.trim()).join("\n\n---\n\n") + "\n";
}

/** An extracted image's base64 as a URL an <img> can show (the API sends either form). */
export function imageSrc(base64: string, id: string): string {
  if (base64.startsWith("data:")) return base64;
  const ext = /\.(\w+)$/.exec(id)?.[1]?.toLowerCase();
  const type = ext === "png" ? "image/png" : ext === "gif" ? "image/gif" : "image/jpeg";
  return `data:${type};base64,${base64}`;
}
