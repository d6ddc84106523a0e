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

/** `dimensions` below the full size keep the first ones, renormalised (Matryoshka-style, as codestral-embed). */
export function embed(text: string, dimensions = EMBEDDING_DIMENSIONS): number[] {
  if (dimensions !== EMBEDDING_DIMENSIONS) {
    const full = embedFull(text, Math.max(dimensions, EMBEDDING_DIMENSIONS), dimensions);
    return full;
  }
  return embedFull(text, EMBEDDING_DIMENSIONS, EMBEDDING_DIMENSIONS);
}

function embedFull(text: string, size: number, keep: number): number[] {
  if (size !== EMBEDDING_DIMENSIONS) {
    // Beyond 1024 dimensions: the 1024 of the text, continued by a seeded tail.
    const head = embedFull(text, EMBEDDING_DIMENSIONS, EMBEDDING_DIMENSIONS);
    const next = seededRandom(`tail:${text}`);
    const tail = Array.from({ length: size - EMBEDDING_DIMENSIONS }, () => (next() * 2 - 1) * 0.02);
    const all = [...head, ...tail].slice(0, keep);
    const norm = Math.hypot(...all);
    return all.map((x) => x / norm);
  }
  const v = new Float64Array(EMBEDDING_DIMENSIONS);
  // A word's vector is drawn once per text and weighted by how often the word occurs.
  const counts = new Map<string, number>();
  for (const w of words(text)) counts.set(stem(w), (counts.get(stem(w)) ?? 0) + 1);
  for (const [w, n] of counts) randomVector(`word:${w}`, v, n);
  randomVector(`text:${text}`, v, 0.3);
  const kept = Array.from(v).slice(0, keep);
  const norm = Math.hypot(...kept);
  return kept.map((x) => x / norm);
}

export type EmbeddingDtype = "float" | "int8" | "uint8" | "binary" | "ubinary";

/**
 * A unit vector in the asked dtype: int8/uint8 quantise each value (scaled by 127 around 0, or to
 * 0..255), binary/ubinary pack one sign bit per dimension into bytes (as signed or unsigned ints),
 * as the live API documents output_dtype.
 */
export function quantize(v: number[], dtype: EmbeddingDtype): number[] {
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  switch (dtype) {
    case "float":
      return v;
    case "int8":
      return v.map((x) => clamp(x * 127 * 8, -128, 127));
    case "uint8":
      return v.map((x) => clamp((x * 8 + 1) * 127.5, 0, 255));
    case "binary":
    case "ubinary": {
      const out: number[] = [];
      for (let i = 0; i < v.length; i += 8) {
        let byte = 0;
        for (let b = 0; b < 8; b++) byte = (byte << 1) | (v[i + b] > 0 ? 1 : 0);
        out.push(dtype === "binary" ? byte - 128 : byte);
      }
      return out;
    }
  }
}

/** `encoding_format: "base64"`: the values' bytes (float32 little-endian, or one byte each). */
export function toBase64(values: number[], dtype: EmbeddingDtype): string {
  if (dtype === "float") {
    const f = new Float32Array(values);
    return Buffer.from(f.buffer).toString("base64");
  }
  const bytes =
    dtype === "int8" || dtype === "binary" ? Int8Array.from(values) : Uint8Array.from(values);
  return Buffer.from(bytes.buffer).toString("base64");
}
