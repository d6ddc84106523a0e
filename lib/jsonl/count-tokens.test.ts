import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTokens } from "../mistral/tokens";
import { countTokensFast } from "./count-tokens";

describe("countTokensFast", () => {
  it("counts exactly like the shared countTokens on any text", () => {
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
          expect(countTokensFast(s)).toBe(countTokens(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("splits long words every 6 letters and counts trailing space once", () => {
    expect(countTokensFast("internationalization")).toBe(countTokens("internationalization"));
    expect(countTokensFast("abcdef")).toBe(1);
    expect(countTokensFast("abcdefg")).toBe(2);
    expect(countTokensFast("a, b  ")).toBe(4);
    expect(countTokensFast("")).toBe(0);
  });
});
