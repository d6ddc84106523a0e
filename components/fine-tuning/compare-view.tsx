"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { formatNumber } from "@/lib/format";
import { type JobOrArchived, useJobsByIds } from "@/lib/api/hooks/use-jobs";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import { jobProgress } from "@/lib/fine-tuning/progress";
import { ArchivedBadge, RetiredNotice } from "./retired-notice";
import { StatusBadge } from "./status-badge";
import { routes } from "@/lib/routes";

const CompareCharts = dynamic(() => import("./compare-charts"), {
  ssr: false,
  loading: () => <LoadingState label="Loading charts…" />,
});

export function CompareView() {
  const params = useSearchParams();
  const ids = [
    ...new Set(
      (params.get("jobs") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const results = useJobsByIds(ids);
  if (ids.length < 2) {
    return (
      <EmptyState
        title="Choose jobs to compare"
        action={
          <Link href={routes.jobs()} className={buttonVariants({ variant: "primary" })}>
            Go to the jobs
          </Link>
        }
      >
        Select two or more jobs in the jobs list, then press Compare.
      </EmptyState>
    );
  }
  const jobs = results.map((r) => r.data).filter((j): j is JobOrArchived => !!j);
  // Jobs the API no longer serves come from the console's archive (useJobsByIds' fallback).
  const archived = jobs.some((j) => j.archived_at !== undefined);
  const failed = results.map((r, i) => ({ r, id: ids[i] })).filter(({ r }) => r.isError);
  return (
    <div className="flex flex-col gap-4">
      {archived && (
        <RetiredNotice>
          The jobs below are compared from the console&apos;s archive, as it last saw them.
        </RetiredNotice>
      )}
      {failed.map(({ r, id }) => (
        <div key={id}>
          <p className="mb-1 text-sm">
            Job <code className="font-mono">{id}</code>:
          </p>
          <ErrorState error={r.error} onRetry={() => r.refetch()} compact />
        </div>
      ))}
      {results.some((r) => r.isPending) ? (
        <LoadingState label="Loading the jobs…" />
      ) : jobs.length > 0 ? (
        <>
          <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full text-sm">
              <caption className="sr-only">Compared jobs</caption>
              <thead className="bg-surface-2 text-left text-xs text-muted">
                <tr>
                  {[
                    "Job",
                    "Status",
                    "Model",
                    "Steps",
                    "Learning rate",
                    "Last train loss",
                    "Last validation loss",
                  ].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => {
                  const last = [...(j.checkpoints ?? [])].sort(
                    (a, b) => b.step_number - a.step_number,
                  )[0];
                  const p = jobProgress(j);
                  return (
                    <tr key={j.id} className="border-t border-border">
                      <td className="px-3 py-2">
                        <Link
                          href={routes.job(j.id)}
                          className="font-medium text-accent hover:underline"
                        >
                          {jobDisplayName(j)}
                        </Link>
                      </td>
                      <td className="px-3 py-2">
                        <span className="flex flex-wrap items-center gap-1">
                          <StatusBadge status={j.status} />
                          {j.archived_at !== undefined && <ArchivedBadge />}
                        </span>
                      </td>
                      <td className="px-3 py-2 font-mono text-xs">{j.model}</td>
                      <td className="px-3 py-2 tabular-nums">
                        {formatNumber(p.done)} / {formatNumber(p.total)}
                      </td>
                      <td className="px-3 py-2 tabular-nums">
                        {j.hyperparameters.learning_rate ?? "—"}
                      </td>
                      <td className="px-3 py-2 tabular-nums">
                        {formatNumber(last?.metrics?.train_loss, 4)}
                      </td>
                      <td className="px-3 py-2 tabular-nums">
                        {formatNumber(last?.metrics?.valid_loss, 4)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <CompareCharts jobs={jobs} />
        </>
      ) : null}
    </div>
  );
}
