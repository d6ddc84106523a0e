import { describe, expect, it } from "vitest";
import { documentKind, documentMarkdown, imageSrc, ocrRequest, PAGES_PATTERN } from "./ocr";

describe("OCR requests", () => {
  it("tell PDFs from images by type, else by extension", () => {
    expect(documentKind({ name: "a.PDF", type: "" })).toBe("pdf");
    expect(documentKind({ name: "scan", type: "application/pdf" })).toBe("pdf");
    expect(documentKind({ name: "x.jpeg", type: "" })).toBe("image");
    expect(documentKind({ name: "x", type: "image/webp" })).toBe("image");
    expect(documentKind({ name: "notes.txt", type: "text/plain" })).toBeNull();
  });

  it("send a PDF as a file chunk and an image inline as a data URL, with today's options", () => {
    expect(
      ocrRequest(
        "mistral-ocr-latest",
        { fileId: "f1" },
        { includeImages: true, pages: " 0, 2-3 " },
      ),
    ).toEqual({
      model: "mistral-ocr-latest",
      document: { type: "file", file_id: "f1" },
      include_image_base64: true,
      pages: "0,2-3",
    });
    expect(
      ocrRequest(
        "m",
        { dataUrl: "data:image/png;base64,AA==" },
        { includeImages: false, pages: "" },
      ),
    ).toEqual({
      model: "m",
      document: { type: "image_url", image_url: "data:image/png;base64,AA==" },
      include_image_base64: false,
    });
  });

  it("accept page selections the API reads", () => {
    for (const ok of ["0", "0,1,2", "0-5", " 0 , 2 - 4 "])
      expect(PAGES_PATTERN.test(ok)).toBe(true);
    for (const bad of ["", "a", "1-", "-1", "1,,2"]) expect(PAGES_PATTERN.test(bad)).toBe(false);
  });
});

describe("OCR results", () => {
  it("join the pages' markdown into one document", () => {
    expect(
      documentMarkdown({ pages: [{ markdown: "# One\n" }, { markdown: "Two" }] as never }),
    ).toBe("# One\n\n---\n\nTwo\n");
  });

  it("show extracted images whether the API sends a data URL or bare base64", () => {
    expect(imageSrc("data:image/png;base64,AA", "img-0.png")).toBe("data:image/png;base64,AA");
    expect(imageSrc("AA", "img-0.png")).toBe("data:image/png;base64,AA");
    expect(imageSrc("AA", "img-1.jpeg")).toBe("data:image/jpeg;base64,AA");
  });
});
