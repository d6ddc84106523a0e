// Seeded randomness for generation: the same request with the same `random_seed` gives the same
// answer (the real API's promise), and `temperature` widens or narrows the choices made.
import { randomBytes } from "node:crypto";
import { seededRandom } from "../context";

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One of `items`; a low temperature keeps to the first (most likely) ones. */
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createRng(seed: string, temperature = 0.7): Rng {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  // At temperature 0 only the first third of a list of alternatives is in play; from 0.7 up, all.
  const spread = Math.min(1, 0.3 + temperature);
  return {
    next,
    int,
    pick: (items) => items[int(Math.max(1, Math.ceil(items.length * spread)))],
    chance: (p) => next() < p,
  };
}

/** JSON with sorted keys, so two equal requests hash alike whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The seed of one generation. With a `random_seed`, or at temperature 0 (greedy decoding), the
 * answer depends on the request alone; otherwise each call draws a fresh seed. As with a real
 * model, `stream`, `stop` and `max_tokens` do not change what is sampled, only where it ends, so
 * they are left out: a streamed call matches a plain one, a cut answer is the start of the full one.
 */
export function requestRng(body: {
  stream?: boolean;
  stop?: string | string[];
  max_tokens?: number | null;
  random_seed?: number | null;
  temperature?: number;
}): Rng {
  const request = { ...body, stream: undefined, stop: undefined, max_tokens: undefined };
  const temperature = body.temperature ?? 0.7;
  const fixed = body.random_seed != null || temperature === 0;
  const seed = stableStringify(request) + (fixed ? "" : randomBytes(8).toString("hex"));
  return createRng(seed, temperature);
}

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Tool call ids look like the real API's: 9 alphanumeric characters. */
export function toolCallId(rng: Rng): string {
  let id = "";
  for (let i = 0; i < 9; i++) id += ALNUM[rng.int(ALNUM.length)];
  return id;
}

/** Response ids like the real API's `cmpl-` + 32 hex digits; random even for seeded calls. */
export function completionId(prefix = "cmpl-"): string {
  return prefix + randomBytes(16).toString("hex");
}
