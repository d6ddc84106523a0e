/**
 * De-biased exponential moving average, as TensorBoard's scalar dashboard draws it.
 *
 * A plain EMA starts at 0 and so drags the first points down; dividing by `1 - weight^n` (the
 * total weight the n points seen so far carry) removes that start-up bias, so the smoothed line
 * begins on the data. Missing or non-finite values are passed through and do not move the average.
 * A constant series is returned as is (TensorBoard does the same, to avoid float noise).
 */
export function smooth(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  const finite = values.filter((v): v is number => v != null && Number.isFinite(v));
  if (w === 0 || finite.every((v) => v === finite[0])) return [...values];
  let last = 0;
  let count = 0;
  return values.map((v) => {
    if (v == null || !Number.isFinite(v)) return v;
    last = last * w + (1 - w) * v;
    count++;
    return last / (1 - Math.pow(w, count));
  });
}
