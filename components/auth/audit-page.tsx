"use client";

import { debounce, useQueryStates } from "nuqs";
import { useEffect, useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { auditCsvHref, useConsoleAudit } from "@/lib/api/hooks/use-console-audit";
import { useConsoleUsers } from "@/lib/api/hooks/use-console-users";
import { auditFilterParsers, isFiltered } from "@/lib/auth/audit-filter";
import { AUDITED_OPERATIONS } from "@/lib/auth/permissions";
import type { AuditEntry } from "@/lib/console/audit";
import { UNIT_LABELS } from "@/lib/auth/usage";
import { formatDateTime, formatNumber } from "@/lib/format";
import { cn } from "@/lib/ui/cn";
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

/** Usage in the unit the call is billed in; an estimate says so. */
function UsageCell({ entry: e }: { entry: AuditEntry }) {
  if (e.usageUnit && e.usageUnit !== "tokens" && e.usageQuantity !== null) {
    return `${formatNumber(e.usageQuantity)} ${UNIT_LABELS[e.usageUnit] ?? e.usageUnit}`;
  }
  if (e.totalTokens === null) return "—";
  const counts = `${formatNumber(e.promptTokens)} / ${formatNumber(e.completionTokens)} / ${formatNumber(e.totalTokens)}`;
  if (e.usageSource !== "console") return counts;
  return (
    <span title="Estimated by the console: the stream ended (stopped or cut) before the API reported its usage.">
      ≈ {counts}
      <span className="block text-xs text-muted">(estimated)</span>
    </span>
  );
}

/** Newest first as the server pages them: not sortable here (a page is only part of the log). */
const UNSORTED: ColumnDef<AuditEntry>[] = [
  {
    id: "at",
    header: "Time (UTC)",
    meta: { cellClassName: "whitespace-nowrap" },
    cell: ({ row }) => <When value={row.original.at} />,
  },
  {
    id: "user",
    header: "User",
    meta: { cellClassName: "leading-tight" },
    cell: ({ row: { original: e } }) => (
      <>
        <span className="block">{e.userEmail}</span>
        <span className="block text-xs text-muted">via {e.via}</span>
      </>
    ),
  },
  {
    id: "operation",
    header: "Operation",
    meta: { cellClassName: "font-mono text-xs" },
    cell: ({ row }) => row.original.operation,
  },
  {
    id: "target",
    header: "Target",
    meta: { cellClassName: "max-w-36 truncate font-mono text-xs" },
    cell: ({ row: { original: e } }) => <span title={e.target ?? ""}>{e.target ?? "—"}</span>,
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row: { original: e } }) => (
      <Badge tone={statusTone(e.status)}>{e.status ?? "in flight"}</Badge>
    ),
  },
  {
    id: "model",
    header: "Model",
    meta: { cellClassName: "max-w-36 truncate font-mono text-xs" },
    cell: ({ row: { original: e } }) => <span title={e.model ?? ""}>{e.model ?? "—"}</span>,
  },
  {
    id: "usage",
    header: () => (
      <>
        <span className="block">Usage</span>
        <span className="block whitespace-nowrap">tokens in / out / total</span>
      </>
    ),
    meta: { label: "Usage", align: "right", cellClassName: "whitespace-nowrap" },
    cell: ({ row }) => <UsageCell entry={row.original} />,
  },
  {
    id: "duration",
    header: "Duration",
    meta: { align: "right", cellClassName: "whitespace-nowrap" },
    cell: ({ row: { original: e } }) =>
      e.durationMs === null ? "—" : `${formatNumber(e.durationMs)} ms`,
  },
];
const COLUMNS = UNSORTED.map((column) => ({
  ...column,
  enableSorting: false,
  // An entry's cells start at its top: the time and the user take two lines.
  meta: { ...column.meta, cellClassName: cn("align-top", column.meta?.cellClassName) },
}));

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
          <DataTable
            label="Audit log"
            data={rows}
            columns={COLUMNS}
            getRowId={(e) => String(e.id)}
            manualSorting
          />
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
