import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

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
  it("never leads to another site through characters URL parsing drops (tab, newline)", () => {
    const origin = "http://console.test";
    for (const query of [
      "next=/%09/evil.example/x",
      "next=/%0a/evil.example/x",
      "next=/%0d%0a/evil.example/x",
      "next=%09//evil.example/x",
      "next=/%5C%09evil.example/x",
    ]) {
      const next = new URLSearchParams(query).get("next");
      expect(safeNext(next, "/", origin), query).toBe("/");
    }
    // Against the real resolution: what safeNext returns stays on the console.
    expect(new URL(safeNext("/%09/evil.example/x", "/", origin), origin).origin).toBe(origin);
  });
  it("returns the path as the browser resolves it", () => {
    const origin = "http://console.test";
    expect(safeNext("/models/../files?x=1#y", "/", origin)).toBe("/files?x=1#y");
    expect(safeNext("/sign-in/../setup", "/", origin)).toBe("/");
  });
});
