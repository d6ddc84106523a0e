// Cosine similarity between embedding vectors.

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error("Vectors of different dimensions cannot be compared.");
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) return 0;
  return dot / (Math.sqrt(na) * Math.sqrt(nb));
}

/** The symmetric matrix of pairwise similarities (1 on the diagonal for non-zero vectors). */
export function similarityMatrix(vectors: readonly (readonly number[])[]): number[][] {
  const n = vectors.length;
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const s = cosineSimilarity(vectors[i], vectors[j]);
      m[i][j] = s;
      m[j][i] = s;
    }
  }
  return m;
}
