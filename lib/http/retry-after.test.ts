import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-06T08:00:00Z");

  it("reads seconds, fractions included", () => {
    expect(parseRetryAfter("12", now)).toBe(12);
    expect(parseRetryAfter(" 0.5 ", now)).toBe(0.5);
    expect(parseRetryAfter("0", now)).toBe(0);
  });

  it("reads an HTTP date as the seconds left until it, never below zero", () => {
    expect(parseRetryAfter("Sun, 06 Dec 2026 08:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Sun, 06 Dec 2026 07:59:00 GMT", now)).toBe(0);
  });

  it("gives null for a missing or unreadable value", () => {
    for (const value of [null, undefined, "", "  ", "-5", "1e3", "soon"]) {
      expect(parseRetryAfter(value, now)).toBeNull();
    }
  });
});
