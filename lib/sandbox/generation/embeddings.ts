// mistral-embed stand-in: a text's vector is the sum of one fixed pseudo-random vector per word,
// plus a small component of its own, normalised. Texts sharing words point the same way, unrelated
// texts are nearly orthogonal, and equal texts get equal vectors.
import { seededRandom } from "../context";
import { words } from "./words";

export const EMBEDDING_DIMENSIONS = 1024;

/** A deterministic vector of roughly unit length for `seed` (uniform in ±√3 has variance 1). */
function randomVector(seed: string, out: Float64Array, weight: number): void {
  const next = seededRandom(seed);
  const scale = (weight * Math.sqrt(3)) / Math.sqrt(EMBEDDING_DIMENSIONS);
  for (let i = 0; i < EMBEDDING_DIMENSIONS; i++) out[i] += (next() * 2 - 1) * scale;
}

/** Folds plural and common suffixes, so "cats" and "cat" count as one word. */
const stem = (w: string) => (w.length > 4 ? w.replace(/(ing|ed|es|s)$/, "") : w);

export function embed(text: string): number[] {
  const v = new Float64Array(EMBEDDING_DIMENSIONS);
  // A word's vector is drawn once per text and weighted by how often the word occurs.
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(stem(w), (counts.get(stem(w)) ?? 0) + 1);
  for (const [w, n] of counts) randomVector(`word:${w}`, v, n);
  randomVector(`text:${text}`, v, 0.3);
  const norm = Math.hypot(...v);
  return Array.from(v, (x) => x / norm);
}
