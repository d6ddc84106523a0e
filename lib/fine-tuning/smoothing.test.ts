import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { smooth } from "./smoothing";

describe("smooth (de-biased EMA as in TensorBoard)", () => {
  it("starts on the first value instead of being dragged towards zero", () => {
    expect(smooth([10, 10, 10, 20], 0.9)[0]).toBeCloseTo(10);
    expect(smooth([4, 2], 0.6)[0]).toBeCloseTo(4);
  });

  it("matches the de-biased formula by hand", () => {
    // w = 0.5: ema1 = 0.5*1 = .5 -> /(1-.5) = 1; ema2 = .25 + .5*3 = 1.75 -> /(1-.25) = 2.333...
    const out = smooth([1, 3, 5], 0.5);
    expect(out[0]).toBeCloseTo(1);
    expect(out[1]).toBeCloseTo(1.75 / 0.75);
    expect(out[2]).toBeCloseTo((1.75 * 0.5 + 2.5) / 0.875);
  });

  it("returns the data unchanged at weight 0 and for a constant series", () => {
    expect(smooth([3, 1, 2], 0)).toEqual([3, 1, 2]);
    expect(smooth([0.5, 0.5, 0.5], 0.95)).toEqual([0.5, 0.5, 0.5]);
  });

  it("passes gaps through without moving the average", () => {
    const withGap = smooth([2, null, 4], 0.5);
    const without = smooth([2, 4], 0.5);
    expect(withGap[1]).toBeNull();
    expect(withGap[2]).toBeCloseTo(without[1]!);
  });

  it("stays within the range of the data and keeps its length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (values, w) => {
          const out = smooth(values, w);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          expect(out).toHaveLength(values.length);
          for (const v of out) {
            expect(v!).toBeGreaterThanOrEqual(lo - 1e-6 * Math.max(1, Math.abs(lo)));
            expect(v!).toBeLessThanOrEqual(hi + 1e-6 * Math.max(1, Math.abs(hi)));
          }
        },
      ),
    );
  });

  it("reduces the noise of a noisy series", () => {
    const noisy = Array.from({ length: 200 }, (_, i) => 1 + (i % 2 ? 0.2 : -0.2));
    const out = smooth(noisy, 0.9) as number[];
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(spread(out.slice(50))).toBeLessThan(spread(noisy.slice(50)) / 4);
  });
});
