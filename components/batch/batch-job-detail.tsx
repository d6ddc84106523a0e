"use client";

import Link from "next/link";
import { useState } from "react";
import { useSession } from "@/components/auth/session";
import { RunError } from "@/components/playground/run-error";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Progress } from "@/components/ui/progress";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { toApiError } from "@/lib/api/errors";
import { useBatchJob, useCancelBatchJob } from "@/lib/api/hooks/use-batch";
import {
  canCancel,
  endpointChoice,
  mayCancelBatch,
  statusLabel,
  statusTone,
} from "@/lib/batch/batch";
import { formatDateTime, formatNumber } from "@/lib/format";
import { routes } from "@/lib/routes";
import { ResultFile } from "./result-file";
import { startedBy, useBatchOwners } from "./use-batch-owners";

/** One batch job, read again every second while it moves: progress, counts, cancel, results. */
export function BatchJobDetail({ id }: { id: string }) {
  const job = useBatchJob(id);
  const cancel = useCancelBatchJob();
  const { user } = useSession();
  const owners = useBatchOwners([id]);
  const [confirming, setConfirming] = useState(false);

  if (job.isPending) return <LoadingState label="Loading the batch job…" />;
  if (job.isError) {
    return (
      <>
        <PageHeader
          title="Batch job"
          description={
            <Link href={routes.batch()} className="text-accent underline">
              All batch jobs
            </Link>
          }
        />
        <ErrorState error={job.error} onRetry={() => job.refetch()} />
      </>
    );
  }
  const j = job.data;
  const done = j.completed_requests ?? j.succeeded_requests + j.failed_requests;
  const endpoint = endpointChoice(j.endpoint);
  const facts: [string, React.ReactNode][] = [
    ["Endpoint", endpoint ? `${endpoint.label} (${j.endpoint})` : j.endpoint],
    ["Model", j.model ?? j.agent_id ?? "—"],
    ["Started by", startedBy(owners, j.id)],
    ["Created", formatDateTime(j.created_at)],
    ["Started", formatDateTime(j.started_at)],
    ["Ended", formatDateTime(j.completed_at)],
  ];
  const counts: [string, number][] = [
    ["Succeeded", j.succeeded_requests],
    ["Failed", j.failed_requests],
    ["Total", j.total_requests],
  ];

  return (
    <>
      <PageHeader
        title="Batch job"
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={routes.batch()} className="text-accent underline">
              All batch jobs
            </Link>
            <span aria-hidden>·</span>
            <code className="font-mono text-xs break-all">{j.id}</code>
            <CopyButton text={j.id} label="Copy job id" />
          </span>
        }
        actions={
          canCancel(j.status) && mayCancelBatch(user, owners.data?.[j.id]) ? (
            <Button
              variant="danger"
              onClick={() => setConfirming(true)}
              disabled={cancel.isPending}
            >
              Cancel job
            </Button>
          ) : undefined
        }
      />

      <section
        aria-labelledby="progress-title"
        className="rounded-lg border border-border bg-surface p-4"
      >
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="progress-title" className="text-base font-semibold">
            Progress
          </h2>
          <span data-testid="batch-status">
            <Badge tone={statusTone(j.status)}>{statusLabel(j.status)}</Badge>
          </span>
        </div>
        <Progress
          className="mt-3"
          label="Requests done"
          value={done}
          max={j.total_requests}
          valueText={`${formatNumber(done)} of ${formatNumber(j.total_requests)} requests done`}
        />
        <dl className="mt-3 grid grid-cols-3 gap-3 text-sm sm:max-w-md" aria-label="Request counts">
          {counts.map(([term, value]) => (
            <div key={term}>
              <dt className="text-muted">{term}</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
        <dl className="mt-4 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="text-muted">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
        {cancel.error && (
          <div className="mt-3">
            <RunError error={toApiError(cancel.error)} onRetry={() => cancel.mutate(j.id)} />
          </div>
        )}
      </section>

      {j.errors.length > 0 && (
        <section
          aria-labelledby="errors-so-far-title"
          className="mt-4 rounded-lg border border-border bg-surface p-4"
        >
          <h2 id="errors-so-far-title" className="text-base font-semibold">
            Errors so far
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {j.errors.map((e) => (
              <li key={e.message}>
                <span className="font-medium tabular-nums">{formatNumber(e.count ?? 1)} ×</span>{" "}
                {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-4 grid gap-4">
        {j.output_file && (
          <ResultFile title="Results" fileId={j.output_file} jobId={j.id} kind="results" />
        )}
        {j.error_file && (
          <ResultFile title="Errors" fileId={j.error_file} jobId={j.id} kind="errors" />
        )}
        {!j.output_file && !j.error_file && (
          <p className="text-sm text-muted">
            {["QUEUED", "RUNNING", "CANCELLATION_REQUESTED"].includes(j.status)
              ? "Results and errors can be read and downloaded once the job ends."
              : "This job left no result or error file."}
          </p>
        )}
      </div>

      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          cancel.mutate(j.id);
        }}
        title="Cancel this batch job?"
        confirmLabel="Cancel job"
        busy={cancel.isPending}
      >
        <p>
          Requests not yet run are dropped. What is done so far is kept in the job&apos;s results.
        </p>
      </ConfirmDialog>
    </>
  );
}
