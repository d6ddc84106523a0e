// How budgets read: waits that may last hours or days, reset times, and the banner's choice.
import type { BudgetPeriod, BudgetStatus } from "@/lib/console/budgets";
import { formatUsd } from "@/lib/console/prices";
import { formatNumber } from "@/lib/format";

/**
 * A wait in words at the precision a person needs: "45 s", "4 min 10 s", "3 h 20 min",
 * "2 d 4 h". Seconds are rounded up (a wait told short would fail).
 */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** A UTC instant as "Mon 7 Dec, 00:00 UTC" (budgets reset at UTC midnight). */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  const day = d.toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  const time = d.toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
  return `${day}, ${time} UTC`;
}

/** "resets in 3 h 20 min (Mon 7 Dec, 00:00 UTC)". */
export function formatResetsAt(iso: string, now = Date.now()): string {
  return `resets in ${formatWait((Date.parse(iso) - now) / 1000)} (${formatUtc(iso)})`;
}

export const PERIOD_LABELS: Record<BudgetPeriod, string> = {
  day: "per UTC day",
  month: "per calendar month (UTC)",
};

/** One limit of a budget, in its unit: tokens, or nano-dollars. */
export interface Limit {
  kind: "tokens" | "cost";
  max: number;
  used: number;
  reserved: number;
  left: number;
  format: (n: number) => string;
}

/** The limits a budget sets (one or both), each with what is used, reserved and left. */
export function limitsOf(s: BudgetStatus): Limit[] {
  const out: Limit[] = [];
  if (s.maxTokens != null) {
    out.push({
      kind: "tokens",
      max: s.maxTokens,
      used: s.usedTokens,
      reserved: s.reservedTokens,
      left: s.leftTokens ?? Math.max(0, s.maxTokens - s.usedTokens - s.reservedTokens),
      format: (n) => `${formatNumber(n)} tokens`,
    });
  }
  if (s.maxCostNanos != null) {
    out.push({
      kind: "cost",
      max: s.maxCostNanos,
      used: s.usedCostNanos,
      reserved: s.reservedCostNanos,
      left: s.leftCostNanos ?? Math.max(0, s.maxCostNanos - s.usedCostNanos - s.reservedCostNanos),
      format: formatUsd,
    });
  }
  return out;
}

/** A budget's state in one word, for a badge. */
export function budgetState(s: BudgetStatus): {
  label: string;
  tone: "success" | "warning" | "danger";
} {
  if (s.exceeded) return { label: "limit reached", tone: "danger" };
  if (s.warning) return { label: `over ${s.softPercent} %`, tone: "warning" };
  return { label: "within", tone: "success" };
}

/**
 * What the banner remembers as dismissed: a budget in one state for one period. A new period
 * shows it again, and so does the warning turning into the hard limit.
 */
export const bannerKey = (s: Pick<BudgetStatus, "budgetId" | "periodStart" | "exceeded">) =>
  `${s.budgetId}@${s.periodStart}${s.exceeded ? ":exceeded" : ""}`;

/** The dismissed keys still worth keeping: those of the budgets' current periods. */
export function keepDismissed(dismissed: readonly string[], budgets: BudgetStatus[]): string[] {
  const periods = budgets.map((b) => `${b.budgetId}@${b.periodStart}`);
  return dismissed.filter((k) => periods.some((p) => k === p || k === `${p}:exceeded`));
}

/** The budgets the banner tells about: over their soft threshold and not dismissed this period. */
export function bannerBudgets(
  budgets: BudgetStatus[],
  dismissed: readonly string[],
): BudgetStatus[] {
  return budgets.filter((b) => (b.warning || b.exceeded) && !dismissed.includes(bannerKey(b)));
}
