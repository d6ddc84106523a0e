import { describe, expect, it } from "vitest";
import { valueDomain } from "./chart-domain";

describe("valueDomain: the loss axis", () => {
  it("with one checkpoint, centres it and never goes below 0", () => {
    const [lo, hi] = valueDomain([0.42])!;
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(lo).toBeLessThan(0.42);
    expect(hi).toBeGreaterThan(0.42);
  });

  it("a loss of exactly 0 (one point, or a flat line) still has a range from 0", () => {
    expect(valueDomain([0])).toEqual([0, 0.1]);
    expect(valueDomain([0, 0, 0])).toEqual([0, 0.1]);
  });

  it("pads a falling curve, clamped at 0 below", () => {
    const [lo, hi] = valueDomain([2, 1, 0.05])!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(2.195);
    const [lo2] = valueDomain([2, 1.5, 1])!;
    expect(lo2).toBeCloseTo(0.9);
  });

  it("ignores missing values, and has no domain without any", () => {
    expect(valueDomain([null, undefined, Number.NaN])).toBeNull();
    expect(valueDomain([null, 1, 3])).toEqual([0.8, 3.2]);
  });
});
