import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonlLinter, type LintOptions, type LintReport } from "./index";

// The report must not depend on how the bytes were split into chunks: lines, multi-byte
// characters, CRLF pairs, the BOM and over-long lines may all straddle a chunk boundary.
const enc = new TextEncoder();
const MAX_LINE = 120;
const OPTIONS: LintOptions = { maxLineBytes: MAX_LINE, maxIssues: 5 };

const conv = (q: string, r: string) =>
  JSON.stringify({
    messages: [
      { role: "user", content: q },
      { role: "assistant", content: r },
    ],
  });

// Fragments of lines, valid and not, rich in multi-byte characters.
const fragments: Uint8Array[] = [
  conv("Où est la gare ?", "À gauche, 200 m."),
  conv("日本の首都は？", "東京です。🗼"),
  conv("emoji 🎉🎉", ""),
  JSON.stringify({ messages: [{ role: "tool", content: "x" }] }),
  JSON.stringify({ text: "Ünïcödé prétrain 🚀" }),
  '{"text": "unterminated',
  "[1, 2, 3]",
  "   ",
  "",
  conv("x".repeat(MAX_LINE), "too long for maxLineBytes"),
].map((s) => enc.encode(s));
const invalidUtf8 = new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xf0, 0x9f, 0x22, 0x7d]); // {"t":"<cut 🎉>"}

const lineArb = fc.oneof(
  fc.constantFrom(...fragments, invalidUtf8),
  fc.uint8Array({ maxLength: 12 }),
);
const fileArb = fc
  .record({
    bom: fc.boolean(),
    lines: fc.array(fc.record({ bytes: lineArb, crlf: fc.boolean() }), { maxLength: 12 }),
    trailingNewline: fc.boolean(),
  })
  .map(({ bom, lines, trailingNewline }) => {
    const parts: number[] = bom ? [0xef, 0xbb, 0xbf] : [];
    lines.forEach(({ bytes, crlf }, i) => {
      parts.push(...bytes);
      if (i < lines.length - 1 || trailingNewline) parts.push(...(crlf ? [0x0d, 0x0a] : [0x0a]));
    });
    return new Uint8Array(parts);
  });

function lintInChunks(file: Uint8Array, sizes: (i: number) => number): LintReport {
  const linter = new JsonlLinter(OPTIONS);
  for (let at = 0, i = 0; at < file.length; i++) {
    const size = Math.max(1, sizes(i));
    linter.push(file.slice(at, at + size));
    at += size;
  }
  return linter.end();
}

function lintWhole(file: Uint8Array): LintReport {
  const linter = new JsonlLinter(OPTIONS);
  linter.push(file);
  return linter.end();
}

describe("streaming over chunk boundaries", () => {
  it("gives the same report for every chunk size from 1 to 7 bytes", () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const whole = lintWhole(file);
        for (let size = 1; size <= 7; size++) expect(lintInChunks(file, () => size)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same report for random chunkings, including empty chunks", () => {
    fc.assert(
      fc.property(
        fileArb,
        fc.array(fc.integer({ min: 0, max: 64 }), { minLength: 1 }),
        (file, sizes) => {
          const linter = new JsonlLinter(OPTIONS);
          let at = 0;
          for (let i = 0; at < file.length; i++) {
            // Empty chunks are allowed, but a size of 1 after the list guarantees progress.
            const size =
              i % (sizes.length + 1) === sizes.length ? 1 : sizes[i % (sizes.length + 1)];
            linter.push(file.slice(at, at + size));
            at += size;
          }
          expect(linter.end()).toEqual(lintWhole(file));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("joins a line split across chunks and a character split inside its bytes", () => {
    const bytes = enc.encode(conv("Ça va ?", "Très bien 🎉") + "\n");
    const cut = bytes.indexOf(0xf0) + 2; // in the middle of the 4-byte 🎉
    const linter = new JsonlLinter();
    linter.push(bytes.slice(0, cut));
    linter.push(bytes.slice(cut));
    const report = linter.end();
    expect(report.issues).toEqual([]);
    expect(report.preview).toEqual([JSON.parse(conv("Ça va ?", "Très bien 🎉"))]);
  });

  it("recognises a BOM and a CRLF pair split across chunks", () => {
    const bytes = enc.encode('\uFEFF{"text":"a"}\r\n{"text":"b"}\r\n');
    const linter = new JsonlLinter();
    for (const b of bytes) linter.push(new Uint8Array([b]));
    const report = linter.end();
    expect(report.issues.map((i) => i.code)).toEqual(["bom", "crlf"]);
    expect(report.stats.samples).toBe(2);
  });
});
