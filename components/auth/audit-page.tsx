"use client";

import { debounce, useQueryStates } from "nuqs";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { auditCsvHref, useConsoleAudit } from "@/lib/api/hooks/use-console-audit";
import { useConsoleUsers } from "@/lib/api/hooks/use-console-users";
import { auditFilterParsers, isFiltered } from "@/lib/auth/audit-filter";
import { AUDITED_OPERATIONS } from "@/lib/auth/permissions";
import { UNIT_LABELS } from "@/lib/auth/usage";
import { formatDateTime, formatNumber } from "@/lib/format";
import { Forbidden } from "./forbidden";
import { useCan } from "./session";

/** The exact time on two lines (date, then time), so the table stays narrow. */
function When({ value }: { value: string }) {
  const exact = formatDateTime(value);
  const split = exact.lastIndexOf(", ");
  return (
    <time dateTime={value} title={exact} className="block leading-tight">
      {split < 0 ? (
        exact
      ) : (
        <>
          <span className="block">{exact.slice(0, split)}</span>
          <span className="block text-xs text-muted tabular-nums">
            {exact.slice(split + 2).replace(/ UTC$/, "")}
          </span>
        </>
      )}
    </time>
  );
}

function statusTone(status: number | null) {
  if (status === null) return "info" as const;
  if (status < 300) return "success" as const;
  if (status === 499) return "warning" as const;
  return "danger" as const;
}

/** A value that follows `value` once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The audit log: who did what, when, with what result and token usage; filter and export. */
export function AuditPage() {
  const allowed = useCan("audit.read");
  // The filters live in the URL (a filtered view can be shared and reloaded), replaced in place.
  const [filter, setFilter] = useQueryStates(auditFilterParsers);
  // The target is typed: the URL and the query follow a moment after the last keystroke.
  const target = useSettled(filter.target, 300);
  const shown = { ...filter, target };
  const users = useConsoleUsers({ enabled: allowed });
  const entries = useConsoleAudit(shown, { enabled: allowed });

  if (!allowed) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Forbidden permission="audit.read" />
      </>
    );
  }
  const rows = entries.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every write and every playground call through this console, newest first."
        actions={
          <a
            className={buttonVariants({ variant: "secondary" })}
            href={auditCsvHref(shown)}
            download
          >
            Export CSV
          </a>
        }
      />
      <div className="mb-4 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field label="User">
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              value={filter.user}
              onChange={(e) => setFilter({ user: e.target.value })}
            >
              <option value="">Everyone</option>
              {users.data?.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.email}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Operation">
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              value={filter.operation}
              onChange={(e) => setFilter({ operation: e.target.value })}
            >
              <option value="">Any</option>
              {AUDITED_OPERATIONS.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Target">
          {(ids) => (
            <input
              {...ids}
              type="search"
              placeholder="file, job or model id"
              className={inputClass}
              value={filter.target}
              onChange={(e) =>
                setFilter({ target: e.target.value }, { limitUrlUpdates: debounce(300) })
              }
            />
          )}
        </Field>
        <Field label="From">
          {(ids) => (
            <input
              {...ids}
              type="date"
              className={inputClass}
              value={filter.from}
              onChange={(e) => setFilter({ from: e.target.value })}
            />
          )}
        </Field>
        <Field label="To">
          {(ids) => (
            <input
              {...ids}
              type="date"
              className={inputClass}
              value={filter.to}
              onChange={(e) => setFilter({ to: e.target.value })}
            />
          )}
        </Field>
      </div>
      {entries.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : entries.isError ? (
        <ErrorState error={entries.error} onRetry={() => entries.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="Nothing recorded">
          {isFiltered(shown)
            ? "No entry matches these filters."
            : "Writes and playground calls appear here as people use the console."}
        </EmptyState>
      ) : (
        <>
          <div className="relative overflow-x-auto rounded-lg border border-border">
            <table className="w-full text-sm">
              <thead className="bg-surface-2 text-left text-xs text-muted">
                <tr>
                  <th className="px-2.5 py-2 font-medium">Time (UTC)</th>
                  <th className="px-2.5 py-2 font-medium">User</th>
                  <th className="px-2.5 py-2 font-medium">Operation</th>
                  <th className="px-2.5 py-2 font-medium">Target</th>
                  <th className="px-2.5 py-2 font-medium">Status</th>
                  <th className="px-2.5 py-2 font-medium">Model</th>
                  <th className="px-2.5 py-2 text-right font-medium">
                    <span className="block">Usage</span>
                    <span className="block whitespace-nowrap">tokens in / out / total</span>
                  </th>
                  <th className="px-2.5 py-2 text-right font-medium">Duration</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <tr key={e.id} className="border-t border-border align-top">
                    <td className="px-2.5 py-2 whitespace-nowrap">
                      <When value={e.at} />
                    </td>
                    <td className="px-2.5 py-2 leading-tight">
                      <span className="block">{e.userEmail}</span>
                      <span className="block text-xs text-muted">via {e.via}</span>
                    </td>
                    <td className="px-2.5 py-2 font-mono text-xs">{e.operation}</td>
                    <td
                      className="max-w-36 truncate px-2.5 py-2 font-mono text-xs"
                      title={e.target ?? ""}
                    >
                      {e.target ?? "—"}
                    </td>
                    <td className="px-2.5 py-2">
                      <Badge tone={statusTone(e.status)}>{e.status ?? "in flight"}</Badge>
                    </td>
                    <td
                      className="max-w-36 truncate px-2.5 py-2 font-mono text-xs"
                      title={e.model ?? ""}
                    >
                      {e.model ?? "—"}
                    </td>
                    <td className="px-2.5 py-2 text-right whitespace-nowrap tabular-nums">
                      {e.usageUnit && e.usageUnit !== "tokens" && e.usageQuantity !== null ? (
                        `${formatNumber(e.usageQuantity)} ${UNIT_LABELS[e.usageUnit as keyof typeof UNIT_LABELS] ?? e.usageUnit}`
                      ) : e.totalTokens === null ? (
                        "—"
                      ) : e.usageSource === "console" ? (
                        <span title="Estimated by the console: the stream ended (stopped or cut) before the API reported its usage.">
                          ≈ {formatNumber(e.promptTokens)} / {formatNumber(e.completionTokens)} /{" "}
                          {formatNumber(e.totalTokens)}
                          <span className="block text-xs text-muted">(estimated)</span>
                        </span>
                      ) : (
                        `${formatNumber(e.promptTokens)} / ${formatNumber(e.completionTokens)} / ${formatNumber(e.totalTokens)}`
                      )}
                    </td>
                    <td className="px-2.5 py-2 text-right whitespace-nowrap tabular-nums">
                      {e.durationMs === null ? "—" : `${formatNumber(e.durationMs)} ms`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {entries.hasNextPage && (
            <div className="mt-3 flex justify-center">
              <Button onClick={() => entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
                {entries.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
