"use client";

import { useState } from "react";
import { useSession } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Field, inputClassFor } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useMeUsage } from "@/lib/api/hooks/use-console-me-usage";
import { formatUsd } from "@/lib/console/prices";
import { formatNumber } from "@/lib/format";
import { BudgetCard } from "./budget-bar";

/** A cost, or why there is none: the console never invents a price. */
export function CostCell({ nanos }: { nanos: number | null | undefined }) {
  return nanos == null ? (
    <span className="text-muted" title="No price set for this model: usage shows tokens only">
      —
    </span>
  ) : (
    <>{formatUsd(nanos)}</>
  );
}

const th = "px-3 py-2 font-medium";
const num = "px-3 py-2 text-right tabular-nums";

/** What the signed-in user has used, and what each budget that applies to them leaves. */
export function MyUsagePage() {
  const { user } = useSession();
  const [days, setDays] = useState(30);
  const usage = useMeUsage(days);
  const data = usage.data;
  return (
    <>
      <PageHeader
        title="My usage"
        description={
          <>
            What you ({user.email}) spent through this console, and what your budgets leave.
            {data?.team && (
              <>
                {" "}
                Team <strong className="font-medium text-text">{data.team.name}</strong>{" "}
                <Badge>{data.team.role}</Badge>
              </>
            )}
          </>
        }
        actions={<RangeField days={days} onChange={setDays} />}
      />
      {usage.isError ? (
        <ErrorState error={usage.error} onRetry={() => usage.refetch()} />
      ) : !data ? (
        <LoadingState label="Loading your usage…" />
      ) : (
        <div className="flex flex-col gap-6">
          <section aria-labelledby="budgets-heading">
            <h2 id="budgets-heading" className="mb-2 text-sm font-semibold">
              Budgets
            </h2>
            {data.budgets.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-muted">
                No budget applies to you: only the console&apos;s per-minute rate limit bounds your
                spending.
              </p>
            ) : (
              <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
                {data.budgets.map((b) => (
                  <BudgetCard key={b.budgetId} status={b} />
                ))}
              </div>
            )}
          </section>
          {data.byModel.length === 0 ? (
            <EmptyState title="No usage in this range">
              Calls you make in the playground, or with your console tokens, appear here.
            </EmptyState>
          ) : (
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <section>
                <h2 className="mb-2 text-sm font-semibold">Per model</h2>
                <div className="overflow-x-auto rounded-lg border border-border">
                  <table className="w-full text-sm" aria-label="My usage per model">
                    <thead className="bg-surface-2 text-left text-xs text-muted">
                      <tr>
                        <th className={th}>Model</th>
                        <th className={`${th} text-right`}>Requests</th>
                        <th className={`${th} text-right`}>Prompt</th>
                        <th className={`${th} text-right`}>Completion</th>
                        <th className={`${th} text-right`}>Total</th>
                        <th className={`${th} text-right`}>Cost</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.byModel.map((m) => (
                        <tr key={m.model} className="border-t border-border">
                          <th scope="row" className="px-3 py-2 text-left font-normal">
                            {m.model}
                          </th>
                          <td className={num}>{formatNumber(m.requests)}</td>
                          <td className={num}>{formatNumber(m.promptTokens)}</td>
                          <td className={num}>{formatNumber(m.completionTokens)}</td>
                          <td className={`${num} font-medium`}>{formatNumber(m.totalTokens)}</td>
                          <td className={num}>
                            <CostCell nanos={m.costNanos} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section>
                <h2 className="mb-2 text-sm font-semibold">Per day (UTC)</h2>
                <div className="overflow-x-auto rounded-lg border border-border">
                  <table className="w-full text-sm" aria-label="My usage per day">
                    <thead className="bg-surface-2 text-left text-xs text-muted">
                      <tr>
                        <th className={th}>Day</th>
                        <th className={`${th} text-right`}>Requests</th>
                        <th className={`${th} text-right`}>Tokens</th>
                        <th className={`${th} text-right`}>Cost</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.byDay
                        .filter((d) => d.requests > 0)
                        .toReversed()
                        .map((d) => (
                          <tr key={d.day} className="border-t border-border">
                            <th scope="row" className="px-3 py-2 text-left font-normal">
                              <time dateTime={d.day}>{d.day}</time>
                            </th>
                            <td className={num}>{formatNumber(d.requests)}</td>
                            <td className={`${num} font-medium`}>{formatNumber(d.totalTokens)}</td>
                            <td className={num}>
                              <CostCell nanos={d.costNanos} />
                            </td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </div>
          )}
        </div>
      )}
    </>
  );
}

/** How many whole UTC days of usage to show (the Usage and My usage pages). */
export function RangeField({ days, onChange }: { days: number; onChange: (days: number) => void }) {
  return (
    <Field label="Range" className="w-36">
      {(ids) => (
        <select
          {...ids}
          className={inputClassFor()}
          value={days}
          onChange={(e) => onChange(Number(e.target.value))}
        >
          <option value={7}>Last 7 days</option>
          <option value={30}>Last 30 days</option>
          <option value={90}>Last 90 days</option>
        </select>
      )}
    </Field>
  );
}
