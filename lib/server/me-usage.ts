import "server-only";
import type { DayUsage, MeUsageResponse, ModelUsage } from "@/lib/console/me-usage";
import { queryUnitUsage, queryUsage } from "./auth/audit";
import type { AuthContext } from "./auth/auth";
import type { Principal } from "./auth/principal";
import { applicableBudgets, budgetStatuses } from "./budgets";
import { teamOf } from "./teams";

const DAY_MS = 86_400_000;

/** A sum of costs that stays null until some call had a price. */
const addCost = (a: number | null, b: number | null | undefined) =>
  b === null || b === undefined ? a : (a ?? 0) + b;

/**
 * What the caller has used and what is left: every budget that applies to them (theirs, their
 * team's, and when asked with a console token, the token's) in its current period, and their
 * usage per model and per UTC day over the last `days`.
 */
export async function myUsage(
  ctx: AuthContext,
  principal: Principal,
  days: number,
  now = Date.now(),
): Promise<MeUsageResponse> {
  const to = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  const from = to - days * DAY_MS;
  const [{ budgets }, team, rows, units] = await Promise.all([
    applicableBudgets(ctx, principal),
    teamOf(ctx, principal.userId),
    queryUsage(ctx, { from, to, userId: principal.userId }),
    queryUnitUsage(ctx, { from, to, userId: principal.userId }),
  ]);
  const statuses = await budgetStatuses(ctx, budgets, now);
  const byModel = new Map<string, ModelUsage>();
  const byDay = new Map<string, DayUsage>();
  const dayOf = (day: string) => {
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = { day, requests: 0, totalTokens: 0, costNanos: null }));
    return d;
  };
  for (const r of rows) {
    let m = byModel.get(r.model);
    if (!m) {
      m = {
        model: r.model,
        requests: 0,
        promptTokens: 0,
        completionTokens: 0,
        totalTokens: 0,
        costNanos: null,
      };
      byModel.set(r.model, m);
    }
    m.requests += r.requests;
    m.promptTokens += r.promptTokens;
    m.completionTokens += r.completionTokens;
    m.totalTokens += r.totalTokens;
    m.costNanos = addCost(m.costNanos, r.costNanos);
    const d = dayOf(r.day);
    d.requests += r.requests;
    d.totalTokens += r.totalTokens;
    d.costNanos = addCost(d.costNanos, r.costNanos);
  }
  // Pages and audio have no tokens: they count as requests (and cost) of their day.
  for (const u of units) {
    const d = dayOf(u.day);
    d.requests += u.requests;
    d.costNanos = addCost(d.costNanos, u.costNanos);
  }
  return {
    user: { id: principal.userId, email: principal.email },
    team,
    tokenId: principal.tokenId,
    budgets: statuses,
    warning: statuses.some((s) => s.warning),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    byModel: [...byModel.values()].sort((a, b) => b.totalTokens - a.totalTokens),
    byDay: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}
