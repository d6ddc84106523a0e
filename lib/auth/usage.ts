/** Shapes the usage rows of /api/console/usage for the usage page's chart and tables. */
import type { UnitUsageRow, UsageRow } from "@/lib/console/usage";

export type { UnitUsageRow, UsageRow };

export interface Totals {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

const zero = (): Totals => ({ requests: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0 });

function add(into: Totals, row: Totals) {
  into.requests += row.requests;
  into.promptTokens += row.promptTokens;
  into.completionTokens += row.completionTokens;
  into.totalTokens += row.totalTokens;
}

/** Every day from `from` (inclusive) to `to` (exclusive), as YYYY-MM-DD in UTC. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(to);
  for (let t = Date.parse(from); t < end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * One point per day (days without usage included, so the time axis is true) with the total
 * tokens of each model, and the models ordered by their total, largest first.
 */
export function tokensPerDay(rows: UsageRow[], days: string[]) {
  const byModel = new Map<string, number>();
  const points = new Map(days.map((d) => [d, { day: d } as Record<string, number | string>]));
  for (const r of rows) {
    byModel.set(r.model, (byModel.get(r.model) ?? 0) + r.totalTokens);
    const point = points.get(r.day) ?? { day: r.day };
    point[r.model] = ((point[r.model] as number | undefined) ?? 0) + r.totalTokens;
    points.set(r.day, point);
  }
  const models = [...byModel.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  const data = [...points.values()].sort((a, b) => String(a.day).localeCompare(String(b.day)));
  return { models, data };
}

/** Totals grouped by a key (per user, per model), largest first, and the grand total. */
export function totalsBy(rows: UsageRow[], key: (row: UsageRow) => string) {
  const groups = new Map<string, Totals>();
  const all = zero();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k) ?? zero();
    add(g, r);
    groups.set(k, g);
    add(all, r);
  }
  const list = [...groups.entries()]
    .map(([name, totals]) => ({ name, ...totals }))
    .sort((a, b) => b.totalTokens - a.totalTokens || a.name.localeCompare(b.name));
  return { list, all };
}

/** How each non-token unit reads in the pages. */
export const UNIT_LABELS: Record<UnitUsageRow["unit"], string> = {
  pages: "pages",
  audio_seconds: "audio seconds",
};

/** Those calls summed over the range per operation, model and unit, largest first. */
export function unitTotals(rows: UnitUsageRow[]) {
  const groups = new Map<string, Omit<UnitUsageRow, "day" | "userId" | "userEmail">>();
  for (const r of rows) {
    const key = JSON.stringify([r.operation, r.model, r.unit]);
    const { operation, model, unit } = r;
    const g = groups.get(key) ?? { operation, model, unit, requests: 0, quantity: 0 };
    g.requests += r.requests;
    g.quantity += r.quantity;
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.quantity - a.quantity || a.operation.localeCompare(b.operation),
  );
}
