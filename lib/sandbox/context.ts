import type { Store } from "./store";

/** What every sandbox module needs: the store, the clock and the pace of simulated work. */
export interface SandboxContext {
  store: Store;
  /** Milliseconds since the epoch (injectable for tests). */
  now(): number;
  /** 1 = a fine-tuning job takes about a minute; 40 = a second or two. */
  speed: number;
  maxUploadBytes: number;
}

export const toSeconds = (ms: number) => Math.floor(ms / 1000);

/** A small deterministic PRNG (mulberry32) seeded from a string, e.g. a job id. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
