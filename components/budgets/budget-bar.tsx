import type { BudgetStatus } from "@/lib/console/budgets";
import { cn } from "@/lib/ui/cn";
import { budgetState, formatResetsAt, limitsOf, PERIOD_LABELS, type Limit } from "./format";
import { Badge } from "@/components/ui/badge";

/**
 * One limit as a bar: used (solid) then reserved (lighter, calls in flight) out of the limit, the
 * soft threshold marked, and the numbers in words beside it (and for screen readers).
 */
export function LimitBar({
  limit,
  softPercent,
  name,
}: {
  limit: Limit;
  softPercent: number;
  name: string;
}) {
  const pct = (n: number) => Math.min(100, (n / limit.max) * 100);
  const used = pct(limit.used);
  const reserved = Math.min(100 - used, pct(limit.reserved));
  const taken = limit.used + limit.reserved;
  const tone =
    taken >= limit.max
      ? "bg-danger"
      : taken * 100 >= limit.max * softPercent
        ? "bg-warning"
        : "bg-accent";
  const words = `${limit.format(limit.used)} used, ${limit.format(limit.reserved)} reserved, ${limit.format(limit.left)} left of ${limit.format(limit.max)}`;
  return (
    <div className="flex flex-col gap-1">
      <div
        role="progressbar"
        aria-label={`${name}: ${limit.kind === "tokens" ? "tokens" : "cost"}`}
        aria-valuemin={0}
        aria-valuemax={limit.max}
        aria-valuenow={Math.min(limit.max, taken)}
        aria-valuetext={words}
        className="relative h-2.5 w-full overflow-hidden rounded-full bg-surface-2"
      >
        <div className={cn("absolute inset-y-0 left-0", tone)} style={{ width: `${used}%` }} />
        <div
          className={cn("absolute inset-y-0 opacity-40", tone)}
          style={{ left: `${used}%`, width: `${reserved}%` }}
        />
        <div
          aria-hidden
          className="absolute inset-y-0 w-px bg-text/50"
          style={{ left: `${softPercent}%` }}
        />
      </div>
      <p className="flex flex-wrap gap-x-3 text-xs text-muted tabular-nums">
        <span>
          <span className="font-medium text-text">{limit.format(limit.used)}</span> used
        </span>
        <span>{limit.format(limit.reserved)} reserved</span>
        <span>
          <span className="font-medium text-text">{limit.format(limit.left)}</span> left of{" "}
          {limit.format(limit.max)}
        </span>
      </p>
    </div>
  );
}

/** Whose budget it is, in words a member understands. */
export function budgetTitle(s: Pick<BudgetStatus, "scope" | "subjectName">): string {
  switch (s.scope) {
    case "user":
      return `Budget of ${s.subjectName}`;
    case "team":
      return `Team ${s.subjectName}`;
    case "token":
      return `Token ${s.subjectName}`;
  }
}

/** A budget's current period: its bars, state, period and when it starts again. */
export function BudgetCard({ status, now }: { status: BudgetStatus; now?: number }) {
  const state = budgetState(status);
  const title = budgetTitle(status);
  return (
    <section
      aria-label={title}
      className={cn(
        "flex flex-col gap-3 rounded-lg border bg-surface p-4",
        status.exceeded
          ? "border-danger/60"
          : status.warning
            ? "border-warning/60"
            : "border-border",
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
      {limitsOf(status).map((l) => (
        <LimitBar key={l.kind} limit={l} softPercent={status.softPercent} name={title} />
      ))}
      <p className="text-xs text-muted">
        {PERIOD_LABELS[status.period]} · warns at {status.softPercent} % ·{" "}
        <time dateTime={status.resetsAt}>{formatResetsAt(status.resetsAt, now)}</time>
      </p>
      {status.exceeded && (
        <p className="text-sm text-danger">Spending calls it covers are refused until it resets.</p>
      )}
    </section>
  );
}
