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
