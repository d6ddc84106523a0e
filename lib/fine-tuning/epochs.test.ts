import { describe, expect, it } from "vitest";
import { EPOCHS_ADVISED_MAX, epochsWarning } from "./epochs";

describe("epochsWarning: far more passes over the data than fine-tuning guides advise", () => {
  it("says nothing for a few epochs, up to and including the advised maximum", () => {
    for (const epochs of [0.01, 1, 3, 9.99, EPOCHS_ADVISED_MAX]) {
      expect(epochsWarning(epochs)).toBeNull();
    }
  });

  it("says nothing when the number is not known yet", () => {
    expect(epochsWarning(undefined)).toBeNull();
    expect(epochsWarning(null)).toBeNull();
    expect(epochsWarning(Number.NaN)).toBeNull();
  });

  it("warns above the maximum, and says why: over-fitting and cost", () => {
    const text = epochsWarning(10.5);
    expect(text).toMatch(/^10\.5 epochs/);
    expect(text).toMatch(/over-fitting/);
    expect(text).toMatch(/costs training tokens/);
  });

  it("flags the case a team hit: 20 steps on 50 samples made 1,227.84 epochs", () => {
    const text = epochsWarning(1227.84);
    expect(text).toContain("1,227.84 epochs");
    expect(text).toContain("about 1,228 times");
    expect(text).toContain("Use fewer steps, or more data");
  });
});
