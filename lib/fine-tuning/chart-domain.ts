// The value axis of the metrics charts. Recharts' "auto" domain pads a single point by one unit
// each way, so a job with one checkpoint drew its loss axis down to −1.00: a loss (or an
// accuracy) is never negative, and its axis must not suggest one.

/** [min, max] for a linear axis over these values, padded, never below `floor`; null if none. */
export function valueDomain(
  values: readonly (number | null | undefined)[],
  floor = 0,
): [number, number] | null {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (finite.length === 0) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  // One value (or a flat line): a tenth of its size each way, so it sits mid-chart.
  const pad = max > min ? (max - min) * 0.1 : Math.abs(max) * 0.1 || 0.1;
  return [Math.max(floor, min - pad), max + pad];
}
