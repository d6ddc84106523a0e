"use client";

import { useMemo, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { PageHeader } from "@/components/shell/page-header";
import { Field, inputClassFor } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { CostCell, RangeField } from "@/components/budgets/my-usage-page";
import { buttonVariants } from "@/components/ui/button";
import { useConsoleUsage, usageQuery } from "@/lib/api/hooks/use-console-usage";
import {
  daysBetween,
  tokensPerDay,
  totalsBy,
  unitTotals,
  UNIT_LABELS,
  type UsageRow,
} from "@/lib/auth/usage";
import { formatUsd } from "@/lib/console/prices";
import { formatNumber } from "@/lib/format";
import { useCan } from "./session";

const COLORS = [
  "var(--accent)",
  "var(--info)",
  "var(--success)",
  "var(--warning)",
  "var(--danger)",
  "var(--muted)",
];

/**
 * Cost per group: the sum of its priced calls, null when none of them had a price (tokens only:
 * the console never invents a cost). The "" key is the grand total.
 */
export function costsBy<R extends Pick<UsageRow, "costNanos">>(
  rows: readonly R[],
  key: (row: R) => string,
): Map<string, number | null> {
  const out = new Map<string, number | null>([["", null]]);
  for (const r of rows) {
    const k = key(r);
    if (r.costNanos == null) {
      if (!out.has(k)) out.set(k, null);
      continue;
    }
    for (const into of ["", k]) out.set(into, (out.get(into) ?? 0) + r.costNanos);
  }
  return out;
}

const NO_TEAM = "No team";
const NO_TOKEN = "Signed-in browser";

/** Tokens per model per day (stacked), per user, team and model over the range, with cost. */
export function UsagePage() {
  const all = useCan("usage.read_all");
  const [days, setDays] = useState(30);
  const [user, setUser] = useState("");
  const [team, setTeam] = useState("");
  const usage = useConsoleUsage(days, user, team);
  const teams = usage.data?.teams ?? [];
  const shaped = useMemo(() => {
    if (!usage.data) return null;
    const { rows, from, to } = usage.data;
    const teamNames = new Map((usage.data.teams ?? []).map((t) => [t.id, t.name]));
    const teamOf = (r: UsageRow) => (r.teamId ? (teamNames.get(r.teamId) ?? r.teamId) : NO_TEAM);
    const tokenNames = new Map(
      (usage.data.tokens ?? []).map((t) => [t.id, all ? `${t.name} (${t.userEmail})` : t.name]),
    );
    // A revoked token (or a team member's, for a team admin) is known by its id only.
    const tokenOf = (r: UsageRow) =>
      r.tokenId ? (tokenNames.get(r.tokenId) ?? `token ${r.tokenId}`) : NO_TOKEN;
    return {
      chart: tokensPerDay(rows, daysBetween(from, to)),
      perUser: totalsBy(rows, (r) => r.userEmail),
      perModel: totalsBy(rows, (r) => r.model),
      perTeam: totalsBy(rows, teamOf),
      perToken: totalsBy(rows, tokenOf),
      cost: {
        perUser: costsBy(rows, (r) => r.userEmail),
        perModel: costsBy(rows, (r) => r.model),
        perTeam: costsBy(rows, teamOf),
        perToken: costsBy(rows, tokenOf),
      },
      units: unitTotals(usage.data.units),
    };
  }, [usage.data, all]);
  const totalCost = shaped?.cost.perModel.get("") ?? null;

  return (
    <>
      <PageHeader
        title="Usage"
        description={
          all
            ? "Tokens spent through this console, per model per day, per user and per team, with their cost where models have a price."
            : "Tokens spent through this console, per model per day, with their cost where models have a price."
        }
        actions={
          <>
            {teams.length > 0 && (
              <Field label="Team" className="w-48">
                {(ids) => (
                  <select
                    {...ids}
                    className={inputClassFor()}
                    value={team}
                    onChange={(e) => setTeam(e.target.value)}
                  >
                    <option value="">{all ? "Every team" : "Only mine"}</option>
                    {teams.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {all && (
              <Field label="User" className="w-56">
                {(ids) => (
                  <select
                    {...ids}
                    className={inputClassFor()}
                    value={user}
                    onChange={(e) => setUser(e.target.value)}
                  >
                    <option value="">Everyone</option>
                    {usage.data?.users.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.email}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <RangeField days={days} onChange={setDays} />
            <a
              className={buttonVariants({ variant: "secondary" })}
              href={usageQuery(days, user, team, "csv")}
              download
            >
              Export CSV
            </a>
          </>
        }
      />
      {usage.isPending ? (
        <LoadingState label="Loading usage…" />
      ) : usage.isError ? (
        <ErrorState error={usage.error} onRetry={() => usage.refetch()} />
      ) : !shaped || shaped.perModel.list.length === 0 ? (
        <EmptyState
          title={shaped?.units.length ? "No token usage in this range" : "No usage in this range"}
        >
          Use the playground and usage appears here: chat, code completion, agents and embeddings
          calls, with their tokens.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-6">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-5">
            {(
              [
                ["Requests", formatNumber(shaped.perModel.all.requests)],
                ["Prompt tokens", formatNumber(shaped.perModel.all.promptTokens)],
                ["Completion tokens", formatNumber(shaped.perModel.all.completionTokens)],
                ["Total tokens", formatNumber(shaped.perModel.all.totalTokens)],
                ["Cost", totalCost == null ? "no prices" : formatUsd(totalCost)],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="rounded-lg border border-border bg-surface px-4 py-3">
                <dt className="text-xs text-muted">{label}</dt>
                <dd
                  className={`text-lg font-semibold tabular-nums ${value === "no prices" ? "text-muted" : ""}`}
                  title={
                    label === "Cost"
                      ? "Priced calls only: calls to models without a price count tokens, not money"
                      : undefined
                  }
                >
                  {value}
                </dd>
              </div>
            ))}
          </dl>
          <section className="rounded-lg border border-border bg-surface p-4">
            <h2 className="mb-3 text-sm font-semibold">Tokens per day, by model</h2>
            <div
              role="img"
              aria-label={`Tokens per day by model: ${shaped.perModel.list.map((m) => `${m.name} ${m.totalTokens}`).join(", ")}`}
              className="h-72"
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={shaped.chart.data}
                  margin={{ top: 5, right: 16, bottom: 5, left: 0 }}
                >
                  <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="day"
                    tick={{ fill: "var(--muted)", fontSize: 11 }}
                    stroke="var(--border)"
                    tickFormatter={(d: string) => d.slice(5)}
                  />
                  <YAxis
                    tick={{ fill: "var(--muted)", fontSize: 11 }}
                    stroke="var(--border)"
                    tickFormatter={(v: number) => formatNumber(v)}
                    width={56}
                  />
                  <Tooltip
                    formatter={(v) => formatNumber(Number(v))}
                    contentStyle={{
                      background: "var(--surface)",
                      border: "1px solid var(--border)",
                      fontSize: 12,
                    }}
                    cursor={{ fill: "var(--surface-2)" }}
                  />
                  <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
                  {shaped.chart.models.map((m, i) => (
                    <Bar
                      key={m}
                      dataKey={m}
                      stackId="tokens"
                      fill={COLORS[i % COLORS.length]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          </section>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            {all && (
              <TotalsTable
                title="Tokens per user"
                rows={shaped.perUser.list}
                costs={shaped.cost.perUser}
                label="User"
              />
            )}
            {teams.length > 0 && !team && (
              <TotalsTable
                title="Tokens per team"
                rows={shaped.perTeam.list}
                costs={shaped.cost.perTeam}
                label="Team"
              />
            )}
            <TotalsTable
              title="Tokens per console token"
              rows={shaped.perToken.list}
              costs={shaped.cost.perToken}
              label="Console token"
            />
            <TotalsTable
              title="Tokens per model"
              rows={shaped.perModel.list}
              costs={shaped.cost.perModel}
              label="Model"
            />
          </div>
        </div>
      )}
      {shaped && shaped.units.length > 0 && <UnitsTable rows={shaped.units} />}
    </>
  );
}

/** OCR pages and transcribed audio: billed per page and per second, not per token. */
function UnitsTable({ rows }: { rows: ReturnType<typeof unitTotals> }) {
  const title = "Other units";
  return (
    <section className="mt-6">
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      <div className="overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm" aria-label={title}>
          <thead className="bg-surface-2 text-left text-xs text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Operation</th>
              <th className="px-3 py-2 font-medium">Model</th>
              <th className="px-3 py-2 text-right font-medium">Requests</th>
              <th className="px-3 py-2 text-right font-medium">Used</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.operation} ${r.model} ${r.unit}`} className="border-t border-border">
                <td className="px-3 py-2">{r.operation}</td>
                <td className="px-3 py-2">{r.model ?? "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.requests)}</td>
                <td className="px-3 py-2 text-right font-medium tabular-nums">
                  {formatNumber(r.quantity)} {UNIT_LABELS[r.unit] ?? r.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TotalsTable({
  title,
  label,
  rows,
  costs,
}: {
  title: string;
  label: string;
  /** Per row name; the column shows once any call in the range had a price. */
  costs: Map<string, number | null>;
  rows: {
    name: string;
    requests: number;
    promptTokens: number;
    completionTokens: number;
    totalTokens: number;
  }[];
}) {
  const priced = costs.get("") != null;
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold">{title}</h2>
      <div className="relative overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm" aria-label={title}>
          <thead className="bg-surface-2 text-left text-xs text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">{label}</th>
              <th className="px-3 py-2 text-right font-medium">Requests</th>
              <th className="px-3 py-2 text-right font-medium">Prompt</th>
              <th className="px-3 py-2 text-right font-medium">Completion</th>
              <th className="px-3 py-2 text-right font-medium">Total</th>
              {priced && <th className="px-3 py-2 text-right font-medium">Cost</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} className="border-t border-border">
                <td className="px-3 py-2">{r.name}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.requests)}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatNumber(r.promptTokens)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {formatNumber(r.completionTokens)}
                </td>
                <td className="px-3 py-2 text-right font-medium tabular-nums">
                  {formatNumber(r.totalTokens)}
                </td>
                {priced && (
                  <td className="px-3 py-2 text-right tabular-nums">
                    <CostCell nanos={costs.get(r.name)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
