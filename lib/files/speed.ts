// Upload speed over the last few seconds, so a stall shows as a falling rate instead of an average.

export interface SpeedSample {
  at: number; // ms
  loaded: number; // bytes
}

const WINDOW_MS = 3000;

/** Adds a sample and drops those older than the window (keeping one to measure from). */
export function addSample(samples: SpeedSample[], sample: SpeedSample): SpeedSample[] {
  const next = [...samples, sample];
  let first = 0;
  while (first < next.length - 2 && next[first + 1].at <= sample.at - WINDOW_MS) first++;
  return first === 0 ? next : next.slice(first);
}

/** Bytes per second across the samples, or null until there is enough to tell. */
export function speedOf(samples: SpeedSample[]): number | null {
  if (samples.length < 2) return null;
  const a = samples[0];
  const b = samples[samples.length - 1];
  const ms = b.at - a.at;
  if (ms < 200) return null;
  return ((b.loaded - a.loaded) * 1000) / ms;
}
