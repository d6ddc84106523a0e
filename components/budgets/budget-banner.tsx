"use client";

import Link from "next/link";
import { useMemo, useSyncExternalStore } from "react";
import { useCan } from "@/components/auth/session";
import { Button } from "@/components/ui/button";
import { useMeUsage } from "@/lib/api/hooks/use-console-me-usage";
import type { BudgetStatus } from "@/lib/console/budgets";
import { routes } from "@/lib/routes";
import { budgetTitle } from "./budget-bar";
import { bannerBudgets, bannerKey, formatResetsAt, keepDismissed } from "./format";

const STORAGE_KEY = "console.budget-banner.dismissed";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Dismissed in another tab: gone here too.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function readRaw(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? "[]";
  } catch {
    return "[]"; // storage refused: nothing dismissed
  }
}

function parseDismissed(raw: string): string[] {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

function writeDismissed(keys: string[]) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
  } catch {
    // Not remembered past this page; nothing else to do.
  }
  for (const l of listeners) l();
}

/** The banner's sentence for one budget. */
export function bannerSentence(s: BudgetStatus, now?: number): string {
  const whose = budgetTitle(s);
  const resets = formatResetsAt(s.resetsAt, now);
  return s.exceeded
    ? `${whose} has reached its limit: spending calls are refused; it ${resets}.`
    : `${whose} is over ${s.softPercent} % of its limit; it ${resets}.`;
}

/**
 * Across the console, for the signed-in user: a budget of theirs (their own, their team's) is over
 * its soft threshold. Dismissed, it stays hidden for that budget's period; the next period, or
 * another budget, shows it again.
 */
export function BudgetBanner() {
  const allowed = useCan("usage.read_own");
  const usage = useMeUsage(1, { enabled: allowed });
  // The server render has no localStorage: it shows no banner (null), the browser then decides.
  const raw = useSyncExternalStore(subscribe, readRaw, () => null);
  const dismissed = useMemo(() => (raw === null ? null : parseDismissed(raw)), [raw]);
  if (!usage.data?.warning || dismissed === null) return null;
  const shown = bannerBudgets(usage.data.budgets, dismissed);
  if (shown.length === 0) return null;
  const exceeded = shown.some((s) => s.exceeded);
  const dismiss = () => {
    // Only the current periods' keys are kept: the list never grows past the budgets that apply.
    const next = [...keepDismissed(dismissed, usage.data.budgets), ...shown.map(bannerKey)];
    writeDismissed(next);
  };
  return (
    <div
      role="status"
      className={`flex flex-wrap items-center gap-x-4 gap-y-1 border-b px-4 py-2 text-sm md:px-6 ${
        exceeded ? "border-danger/40 bg-danger-soft" : "border-warning/40 bg-warning-soft"
      }`}
    >
      <ul className="min-w-0 flex-1">
        {shown.map((s) => (
          <li key={s.budgetId}>{bannerSentence(s)}</li>
        ))}
      </ul>
      <Link href={routes.myUsage()} className="font-medium text-accent underline">
        See my usage
      </Link>
      <Button size="sm" variant="ghost" onClick={dismiss}>
        Dismiss
      </Button>
    </div>
  );
}
