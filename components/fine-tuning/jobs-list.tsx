"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useCan, useSession } from "@/components/auth/session";
import { Button, buttonVariants } from "@/components/ui/button";
import { inputClass, inputClassFor } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { Spinner } from "@/components/ui/spinner";
import { Dash, RelativeTime } from "@/components/ui/cells";
import { type ColumnDef, DataTable, selectColumn } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/format";
import { type JobOwner, useJobOwners } from "@/lib/api/hooks/use-job-owners";
import { useJobArchive } from "@/lib/api/hooks/use-job-archive";
import { useJob, useJobs } from "@/lib/api/hooks/use-jobs";
import { isFineTuningRetired } from "@/lib/fine-tuning/retirement";
import { isFinished } from "@/lib/mistral/job-status";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import { routes } from "@/lib/routes";
import { useModelsFor } from "@/lib/api/hooks/use-models-for";
import {
  emptyView,
  hasFilters,
  JOB_STATUSES,
  PAGE_SIZES,
  VIEW_PARAMS,
  viewFromParams,
  viewToFilters,
  viewToParams,
  type ListView,
} from "@/lib/fine-tuning/filters";
import { jobProgress } from "@/lib/fine-tuning/progress";
import type { JobOut } from "@/lib/mistral/types";
import { useUrlQuery } from "@/lib/ui/use-url-query";
import { NewJobLink } from "./new-job-link";
import { ArchivedBadge, RetiredNotice } from "./retired-notice";
import { JobProgress } from "./job-progress";
import { JobTypeLabel } from "./job-type-label";
import { StatusBadge } from "./status-badge";

export const MAX_COMPARE = 8;

/** ISO date-time <-> the local "YYYY-MM-DDTHH:mm" a datetime-local input shows. */
function toLocalInput(iso: string): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function JobsList() {
  const [query, setQuery] = useUrlQuery(VIEW_PARAMS);
  const view = useMemo(() => viewFromParams(new URLSearchParams(query)), [query]);
  const filters = useMemo(() => viewToFilters(view), [view]);
  const jobs = useJobs(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const canCreate = useCan("jobs.create");
  const { user } = useSession();

  // Any change of filter goes back to the first page; paging itself sets `page`.
  const setView = useCallback(
    (change: Partial<ListView>) => {
      // The readers see the change at once; the promise is only the address catching up.
      void setQuery(viewToParams({ ...view, page: 0, ...change }));
    },
    [view, setQuery],
  );

  // Once the API has retired its jobs routes (410), the console's own archive is listed instead,
  // paged the same way (it has no filters: it only keeps what the API showed).
  const retired = jobs.isError && isFineTuningRetired(jobs.error);
  const archive = useJobArchive(
    { page: view.page, page_size: view.pageSize },
    { enabled: retired },
  );
  const source = retired ? archive : jobs;
  const data = source.data;
  const total = data?.total ?? 0;
  const rows = data?.data ?? [];
  const first = view.page * view.pageSize;
  const pages = Math.max(1, Math.ceil(total / view.pageSize));
  const anyActive = !retired && rows.some((j) => !isFinished(j.status));
  const owners = useJobOwners(rows.map((j) => j.id));

  return (
    <div className="flex flex-col gap-4">
      {retired ? (
        <RetiredNotice>
          The jobs below are the console&apos;s archive: every job it showed while the API still
          served them, as last seen, with their checkpoints and loss curves.
        </RetiredNotice>
      ) : (
        <Filters view={view} setView={setView} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite" className="flex items-center gap-2 text-muted">
          {data
            ? total === 0
              ? "No jobs"
              : `Showing ${formatNumber(first + 1)}–${formatNumber(first + rows.length)} of ${formatNumber(total)} jobs`
            : "\u00a0"}
          {anyActive && (
            <span className="inline-flex items-center gap-1 text-xs">
              · {jobs.isFetching ? <Spinner label="Refreshing" className="h-3 w-3" /> : null}{" "}
              refreshing while jobs run
            </span>
          )}
        </p>
        <div className="flex items-center gap-2">
          {selected.length > 0 && (
            <Button size="sm" variant="ghost" onClick={() => setSelected([])}>
              Clear selection
            </Button>
          )}
          {selected.length >= 2 ? (
            <Link
              href={routes.compareJobs(selected)}
              className={buttonVariants({ variant: "secondary", size: "sm" })}
            >
              Compare {selected.length} jobs
            </Link>
          ) : (
            <span className="text-xs text-muted">
              Select 2 or more jobs to compare their loss curves
            </span>
          )}
        </div>
      </div>

      {source.isPending ? (
        <LoadingState label="Loading jobs…" />
      ) : source.isError && !data ? (
        <>
          <ErrorState error={source.error} onRetry={() => source.refetch()} />
        </>
      ) : rows.length === 0 ? (
        retired ? (
          <EmptyState title="No archived jobs">
            The console keeps the jobs it showed while the API served them; it showed none.
          </EmptyState>
        ) : hasFilters(view) ? (
          <EmptyState
            title="No job matches these filters"
            action={<Button onClick={() => setView(emptyView())}>Clear filters</Button>}
          >
            The API&apos;s filters match exactly (a whole suffix or model name).
          </EmptyState>
        ) : view.page > 0 ? (
          <EmptyState
            title="This page is empty"
            action={<Button onClick={() => setView({ page: 0 })}>Go to the first page</Button>}
          />
        ) : (
          <EmptyState
            title="No fine-tuning jobs yet"
            action={canCreate ? <NewJobLink /> : undefined}
          >
            {canCreate
              ? "Upload training data on the Files page, then create a job."
              : "Jobs the team's members create will appear here."}
          </EmptyState>
        )
      ) : (
        <>
          {source.isError && (
            <>
              <ErrorState error={source.error} onRetry={() => source.refetch()} compact />
            </>
          )}
          <JobsTable
            archived={retired}
            jobs={rows}
            selected={selected}
            onSelectedChange={setSelected}
            owners={owners}
            me={user.id}
          />
        </>
      )}

      {data && total > 0 && (
        <nav
          aria-label="Pagination"
          className="flex flex-wrap items-center justify-between gap-2 text-sm"
        >
          <label className="flex items-center gap-2">
            <span className="whitespace-nowrap text-muted">Rows per page</span>
            <select
              className={inputClassFor({ width: "w-20" })}
              value={view.pageSize}
              onChange={(e) => setView({ pageSize: Number(e.target.value) })}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <div className="flex items-center gap-2">
            <Button
              size="sm"
              disabled={view.page === 0}
              onClick={() => setView({ page: view.page - 1 })}
            >
              Previous
            </Button>
            <span className="text-muted tabular-nums">
              Page {view.page + 1} of {pages}
            </span>
            <Button
              size="sm"
              disabled={view.page + 1 >= pages}
              onClick={() => setView({ page: view.page + 1 })}
            >
              Next
            </Button>
          </div>
        </nav>
      )}
    </div>
  );
}

function Filters({
  view,
  setView,
}: {
  view: ListView;
  setView: (change: Partial<ListView>) => void;
}) {
  // Text filters are typed locally and written to the URL after a pause, not on every key.
  const fromUrl = {
    suffix: view.suffix,
    wandbProject: view.wandbProject,
    wandbName: view.wandbName,
  };
  const urlKey = JSON.stringify(fromUrl);
  const [text, setText] = useState(fromUrl);
  // The base models the wizard offers (/v1/models' `fine_tuning` capability), not a fixed list;
  // a model named in the address that is not one of them is kept as an option below.
  const { models } = useModelsFor("fine_tuning");
  const baseModels = useMemo(() => models.map((m) => m.id), [models]);
  const [syncedKey, setSyncedKey] = useState(urlKey);
  if (urlKey !== syncedKey) {
    // The URL changed (a link, back/forward, "Clear filters"): show what it says.
    setSyncedKey(urlKey);
    setText(fromUrl);
  }
  useEffect(() => {
    if (JSON.stringify(text) === urlKey) return;
    const t = setTimeout(() => setView(text), 400);
    return () => clearTimeout(t);
  }, [text, urlKey, setView]);

  const textInput = (field: keyof typeof text, label: string) => (
    <label className="flex flex-col gap-1 text-xs font-medium">
      {label}
      <input
        type="search"
        className={inputClass}
        value={text[field]}
        onChange={(e) => setText((t) => ({ ...t, [field]: e.target.value }))}
        onKeyDown={(e) => e.key === "Enter" && setView(text)}
      />
    </label>
  );

  return (
    <form
      role="search"
      aria-label="Filter jobs"
      onSubmit={(e) => {
        e.preventDefault();
        setView(text);
      }}
      className="grid grid-cols-1 gap-3 rounded-lg border border-border bg-surface p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="flex flex-col gap-1 text-xs font-medium">
        Status
        <select
          className={inputClass}
          value={view.status}
          onChange={(e) => setView({ status: e.target.value as ListView["status"] })}
        >
          <option value="">Any status</option>
          {JOB_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        Base model
        <select
          className={inputClass}
          value={view.model}
          onChange={(e) => setView({ model: e.target.value })}
        >
          <option value="">Any model</option>
          {baseModels.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
          {view.model && !baseModels.includes(view.model) && (
            <option value={view.model}>{view.model}</option>
          )}
        </select>
      </label>
      {textInput("suffix", "Suffix")}
      <label className="flex flex-col gap-1 text-xs font-medium">
        Created after
        <input
          type="datetime-local"
          className={inputClass}
          value={toLocalInput(view.createdAfter)}
          onChange={(e) =>
            setView({ createdAfter: e.target.value ? new Date(e.target.value).toISOString() : "" })
          }
        />
      </label>
      {textInput("wandbProject", "W&B project")}
      {textInput("wandbName", "W&B run name")}
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          checked={view.createdByMe}
          onChange={(e) => setView({ createdByMe: e.target.checked })}
          className="h-4 w-4 accent-[var(--accent)]"
        />
        Created by me
      </label>
      <div className="flex items-end justify-end gap-2 pb-0.5">
        {hasFilters(view) && (
          <Button size="sm" variant="ghost" onClick={() => setView(emptyView())}>
            Clear filters
          </Button>
        )}
      </div>
    </form>
  );
}

/** null: created outside this console; undefined: not known (yet). */
type Owner = JobOwner | null | undefined;

function JobsTable({
  archived,
  jobs,
  selected,
  onSelectedChange,
  owners,
  me,
}: {
  /** The jobs come from the console's archive: each is marked so, and none is live. */
  archived: boolean;
  jobs: JobOut[];
  /** Ids in the order they were chosen (the comparison lists them so). */
  selected: string[];
  onSelectedChange: (selected: string[]) => void;
  owners: ReturnType<typeof useJobOwners>;
  me: string;
}) {
  const ownerOf = (id: string): Owner =>
    owners.data ? (owners.data[id] ?? null) : owners.isError ? null : undefined;
  const columns: ColumnDef<JobOut>[] = [
    selectColumn<JobOut>({ rowLabel: (job) => `Select ${jobDisplayName(job)} to compare` }),
    {
      id: "job",
      header: "Job",
      cell: ({ row: { original: job } }) => (
        <>
          <Link
            href={routes.job(job.id)}
            className="font-medium whitespace-nowrap text-accent hover:underline"
          >
            {job.suffix || "(no suffix)"}
          </Link>
          <div className="font-mono text-xs text-muted">{job.id.slice(0, 8)}</div>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-1">
          <StatusBadge status={row.original.status} />
          {archived && <ArchivedBadge />}
        </span>
      ),
    },
    {
      id: "model",
      header: "Model",
      meta: { cellClassName: "font-mono text-xs whitespace-nowrap" },
      cell: ({ row }) => row.original.model,
    },
    {
      id: "job_type",
      header: "Type",
      cell: ({ row }) => <JobTypeLabel type={row.original.job_type} />,
    },
    {
      id: "fine_tuned_model",
      header: "Fine-tuned model",
      meta: { cellClassName: "max-w-64 font-mono text-xs break-all" },
      cell: ({ row: { original: job } }) =>
        job.fine_tuned_model ? (
          <Link href={routes.models({ q: job.fine_tuned_model })} className="hover:underline">
            {job.fine_tuned_model}
          </Link>
        ) : (
          <Dash />
        ),
    },
    {
      id: "created",
      header: "Created",
      cell: ({ row }) => <RelativeTime value={row.original.created_at} />,
    },
    {
      id: "created_by",
      header: "Created by",
      meta: { cellClassName: "max-w-56 truncate whitespace-nowrap" },
      cell: ({ row }) => {
        const owner = ownerOf(row.original.id);
        return owner ? (
          <span title={owner.email}>{owner.userId === me ? "You" : owner.email}</span>
        ) : owner === null ? (
          <Dash title="Created outside this console" />
        ) : (
          <span className="text-muted">…</span>
        );
      },
    },
    {
      id: "trained_tokens",
      header: "Trained tokens",
      meta: { align: "right" },
      cell: ({ row }) => formatNumber(row.original.trained_tokens),
    },
    {
      id: "progress",
      header: "Progress",
      cell: ({ row }) => (
        <RowProgress job={row.original} name={jobDisplayName(row.original)} archived={archived} />
      ),
    },
  ];
  const full = selected.length >= MAX_COMPARE;
  return (
    <DataTable<JobOut>
      label="Fine-tuning jobs"
      data={jobs}
      columns={columns}
      getRowId={(job) => job.id}
      enableRowSelection={(row) => !full || row.getIsSelected()}
      rowSelection={Object.fromEntries(selected.map((id) => [id, true]))}
      onRowSelectionChange={(next) =>
        onSelectedChange([
          ...selected.filter((id) => next[id]),
          ...Object.keys(next).filter((id) => next[id] && !selected.includes(id)),
        ])
      }
    />
  );
}

/**
 * The list has no checkpoints: a running job's steps are read from its own page's data. An
 * archived job runs no more: it shows what the list last said.
 */
function RowProgress({ job, name, archived }: { job: JobOut; name: string; archived: boolean }) {
  const live = !archived && (job.status === "RUNNING" || job.status === "CANCELLATION_REQUESTED");
  const detail = useJob(job.id, { enabled: live });
  if (live) {
    return detail.data ? (
      <JobProgress compact progress={jobProgress(detail.data)} label={`Progress of ${name}`} />
    ) : (
      <Spinner label="Loading progress" className="h-3 w-3" />
    );
  }
  if (job.status === "SUCCESS" || !isFinished(job.status)) {
    return <JobProgress compact progress={jobProgress(job)} label={`Progress of ${name}`} />;
  }
  return <Dash />;
}
