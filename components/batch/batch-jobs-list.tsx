"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { parseAsArrayOf, parseAsStringLiteral, useQueryState } from "nuqs";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Progress } from "@/components/ui/progress";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useBatchJobs } from "@/lib/api/hooks/use-batch";
import {
  BATCH_STATUSES,
  type BatchJob,
  endpointChoice,
  statusLabel,
  statusTone,
} from "@/lib/batch/batch";
import { formatDateTime, formatNumber, formatRelative } from "@/lib/format";
import { routes } from "@/lib/routes";
import { startedBy, useBatchOwners } from "./use-batch-owners";

const col = createColumnHelper<BatchJob>();
const columnsWith = (owners: ReturnType<typeof useBatchOwners>) => [
  col.accessor("id", {
    header: "Job",
    size: 150,
    meta: { rowHeader: true },
    enableSorting: false,
    cell: (c) => (
      <Link
        href={routes.batchJob(c.getValue())}
        className="font-mono text-xs text-accent underline-offset-2 hover:underline"
        title={c.getValue()}
      >
        {c.getValue().slice(0, 8)}
      </Link>
    ),
  }),
  col.accessor("status", {
    header: "Status",
    size: 120,
    cell: (c) => <Badge tone={statusTone(c.getValue())}>{statusLabel(c.getValue())}</Badge>,
  }),
  col.accessor("endpoint", {
    header: "Endpoint",
    size: 150,
    cell: (c) => (
      <span title={c.getValue()}>{endpointChoice(c.getValue())?.label ?? c.getValue()}</span>
    ),
  }),
  col.accessor((j) => j.model ?? j.agent_id ?? "—", {
    id: "model",
    header: "Model",
    size: 200,
    cell: (c) => <span className="whitespace-nowrap">{c.getValue()}</span>,
  }),
  col.accessor((j) => (j.total_requests ? j.completed_requests / j.total_requests : 0), {
    id: "progress",
    header: "Requests",
    size: 200,
    cell: ({ row: { original: j } }) => (
      <div className="flex min-w-36 flex-col gap-1">
        <Progress
          size="sm"
          label={`Job ${j.id.slice(0, 8)} requests done`}
          value={j.completed_requests}
          max={j.total_requests}
        />
        <span className="text-xs text-muted tabular-nums">
          {formatNumber(j.succeeded_requests)} ok · {formatNumber(j.failed_requests)} failed ·{" "}
          {formatNumber(j.total_requests)} total
        </span>
      </div>
    ),
  }),
  col.display({
    id: "owner",
    header: "Started by",
    size: 180,
    cell: ({ row: { original: j } }) => (
      <span className="break-all">{startedBy(owners, j.id)}</span>
    ),
  }),
  col.accessor("created_at", {
    header: "Created",
    size: 130,
    sortDescFirst: true,
    cell: (c) => <span title={formatDateTime(c.getValue())}>{formatRelative(c.getValue())}</span>,
  }),
];

const statusParser = parseAsArrayOf(parseAsStringLiteral(BATCH_STATUSES)).withDefault([]);

/** The workspace's batch jobs, filtered by status (kept in the address), polled while any moves. */
export function BatchJobsList() {
  const [statuses, setStatuses] = useQueryState("status", statusParser);
  const jobs = useBatchJobs(statuses);
  const toggle = (s: (typeof BATCH_STATUSES)[number]) =>
    void setStatuses(statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s]);
  const rows = jobs.data?.data ?? [];
  const owners = useBatchOwners(rows.map((j) => j.id));
  const columns = useMemo(() => columnsWith(owners), [owners]);

  return (
    <section aria-labelledby="jobs-title" className="mt-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="jobs-title" className="text-base font-semibold">
          Batch jobs
          {jobs.data && (
            <span className="ml-2 text-sm font-normal text-muted">
              {formatNumber(jobs.data.total)}
            </span>
          )}
        </h2>
        <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1.5">
          <Button
            size="sm"
            variant={statuses.length === 0 ? "primary" : "secondary"}
            aria-pressed={statuses.length === 0}
            onClick={() => void setStatuses(null)}
          >
            All
          </Button>
          {BATCH_STATUSES.map((s) => (
            <Button
              key={s}
              size="sm"
              variant={statuses.includes(s) ? "primary" : "secondary"}
              aria-pressed={statuses.includes(s)}
              onClick={() => toggle(s)}
            >
              {statusLabel(s)}
            </Button>
          ))}
        </div>
      </div>
      {jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : (
        <DataTable
          label="Batch jobs"
          data={rows}
          columns={columns}
          getRowId={(j) => j.id}
          loading={jobs.isPending}
          defaultSorting={[{ id: "created_at", desc: true }]}
          empty={
            <EmptyState
              title={statuses.length ? "No batch job with these statuses" : "No batch job yet"}
            >
              {statuses.length
                ? "Choose other statuses, or All."
                : "Create one above: type a few prompts or upload a batch file."}
            </EmptyState>
          }
        />
      )}
    </section>
  );
}
