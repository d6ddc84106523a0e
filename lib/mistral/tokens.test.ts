import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTokens, tokenize } from "./tokens";

describe("tokenize", () => {
  it("splits text into pieces that join back to the original", () => {
    const text = "Hello, world! Fine-tuning mistral-7b costs 4 EUR.";
    expect(tokenize(text).join("")).toBe(text);
    expect(countTokens(text)).toBe(tokenize(text).length);
  });
  it("splits long words and counts nothing in an empty string", () => {
    expect(tokenize("internationalization").length).toBeGreaterThan(2);
    expect(countTokens("")).toBe(0);
  });
});

describe("countTokens", () => {
  it("counts exactly what tokenize returns, on any text", () => {
    const alphabet = fc.constantFrom(
      ...'aZ09 \t\n\r\u00a0\u2003\ufeff.,{}"é日本語🎉𝟘ß-_\u0301\ud800'.split(""),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.string({ unit: alphabet, maxLength: 80 }),
        ),
        (s) => {
          expect(countTokens(s)).toBe(tokenize(s).length);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("splits long words every 6 letters and counts trailing space once", () => {
    expect(countTokens("internationalization")).toBe(tokenize("internationalization").length);
    expect(countTokens("abcdef")).toBe(1);
    expect(countTokens("abcdefg")).toBe(2);
    expect(countTokens("a, b  ")).toBe(4);
    expect(countTokens("")).toBe(0);
  });
});
