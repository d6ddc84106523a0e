import { describe, expect, it } from "vitest";
import { safeNext } from "./console";

describe("safeNext", () => {
  it("keeps paths of this console", () => {
    expect(safeNext("/models?q=ft")).toBe("/models?q=ft");
    expect(safeNext("/fine-tuning/abc")).toBe("/fine-tuning/abc");
  });
  it("never leads to another site or back to sign-in", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:x",
      "",
      null,
      "/sign-in?next=/x",
      "/setup",
    ]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
