import { describe, expect, it } from "vitest";
import { addSample, speedOf, type SpeedSample } from "./speed";

describe("upload speed", () => {
  it("is unknown until enough time has passed", () => {
    expect(speedOf([])).toBeNull();
    expect(speedOf([{ at: 0, loaded: 0 }])).toBeNull();
    expect(
      speedOf([
        { at: 0, loaded: 0 },
        { at: 100, loaded: 1000 },
      ]),
    ).toBeNull();
  });

  it("measures over the last three seconds, so a stall shows", () => {
    let samples: SpeedSample[] = [];
    // 1 MB/s for 5 s, then nothing for 3 s.
    for (let t = 0; t <= 5000; t += 500) samples = addSample(samples, { at: t, loaded: t * 1000 });
    expect(speedOf(samples)).toBeCloseTo(1_000_000);
    expect(samples[0].at).toBeGreaterThanOrEqual(2000);
    for (let t = 5500; t <= 8500; t += 500)
      samples = addSample(samples, { at: t, loaded: 5_000_000 });
    expect(speedOf(samples)).toBe(0);
  });
});
