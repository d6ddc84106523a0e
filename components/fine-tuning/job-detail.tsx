"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { useCan, useSession } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError, describeError } from "@/lib/api/errors";
import {
  formatDateTime,
  formatDuration,
  formatMoney,
  formatNumber,
  formatRelative,
  orDash,
} from "@/lib/format";
import { useFiles } from "@/lib/api/hooks/use-files";
import { useJobOwners } from "@/lib/api/hooks/use-job-owners";
import {
  type JobOrArchived,
  useCancelJob,
  useFineTuningRetired,
  useJob,
  useStartJob,
} from "@/lib/api/hooks/use-jobs";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import { isFinished } from "@/lib/mistral/job-status";
import { jobProgress } from "@/lib/fine-tuning/progress";
import { JobTypeLabel } from "./job-type-label";
import { CheckpointsTable } from "./checkpoints-table";
import { EventsTimeline } from "./events-timeline";
import { JobProgress } from "./job-progress";
import { ArchivedBadge, RetiredNotice } from "./retired-notice";
import { StatusBadge } from "./status-badge";
import { useFinishNotice } from "./use-finish-notice";
import { routes } from "@/lib/routes";

const JobCharts = dynamic(() => import("./job-charts"), {
  ssr: false,
  loading: () => <LoadingState label="Loading charts…" />,
});

function Section({
  title,
  children,
  id,
}: {
  title: string;
  children: React.ReactNode;
  id: string;
}) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-border bg-surface p-4">
      <h2 id={id} className="mb-3 text-sm font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1.5 text-sm">
      {items.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-muted">{k}</dt>
          <dd className="min-w-0 break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A job that is not there: the API's 404 for an unknown id, the gateway's 404 for a path that is
 * no job id at all, or the API's 422 on such an id. Either way the user followed a bad link.
 */
function isMissingJob(id: string, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 404 || (error.status === 422 && !UUID.test(id));
}

export function JobDetail({ id }: { id: string }) {
  const job = useJob(id);
  const notice = useFinishNotice(job.data);
  const retired = useFineTuningRetired();
  if (job.isPending) return <LoadingState label="Loading the job…" />;
  // Retired: the API serves no job, and the console's archive (fetchJob's fallback) has no copy.
  if (job.isError && !job.data && retired && isMissingJob(id, job.error)) {
    return (
      <>
        <PageHeader title="Fine-tuning job" />
        <RetiredNotice>
          The console has no copy of the job <code className="font-mono break-all">{id}</code>: it
          never showed it while the API still served jobs.{" "}
          <Link href={routes.jobs()} className="font-medium text-accent underline">
            See the jobs it kept
          </Link>
          .
        </RetiredNotice>
      </>
    );
  }
  if (job.isError && !job.data && isMissingJob(id, job.error)) {
    return (
      <>
        <PageHeader title="Fine-tuning job" />
        <EmptyState
          title="No such job"
          action={
            <Link href={routes.jobs()} className={buttonVariants({ variant: "primary" })}>
              Back to the jobs
            </Link>
          }
        >
          No fine-tuning job has the id <code className="font-mono break-all">{id}</code>. Check the
          link, or find the job in the list.
        </EmptyState>
      </>
    );
  }
  if (job.isError && !job.data) {
    return (
      <>
        <PageHeader title="Fine-tuning job" />
        <ErrorState error={job.error} onRetry={() => job.refetch()} />
        <p className="mt-3 text-sm">
          <Link href={routes.jobs()} className="text-accent underline">
            Back to the jobs
          </Link>
        </p>
      </>
    );
  }
  return (
    <JobView
      job={job.data}
      refreshError={job.isError ? job.error : null}
      fetching={job.isFetching}
      notice={notice}
    />
  );
}

function JobView({
  job,
  refreshError,
  fetching,
  notice,
}: {
  job: JobOrArchived;
  refreshError: unknown;
  fetching: boolean;
  notice: ReturnType<typeof useFinishNotice>;
}) {
  const toast = useToast();
  const start = useStartJob();
  const cancel = useCancelJob();
  const files = useFiles();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { user } = useSession();
  const owners = useJobOwners([job.id]);
  const owner = owners.data?.[job.id];
  // Anyone's job with jobs.manage_any; one's own (created through this console) with manage_own.
  const manageAny = useCan("jobs.manage_any");
  const manageOwn = useCan("jobs.manage_own");
  const mayManage = manageAny || (manageOwn && owner?.userId === user.id);
  // An archived job (the API retired its jobs routes) can be read, not started, cancelled or cloned.
  const archived = job.archived_at !== undefined;
  const mayClone = useCan("jobs.create") && !archived;
  const mayTry = useCan("playground.use");
  const finished = isFinished(job.status);
  const progress = jobProgress(job);
  const name = jobDisplayName(job);
  const canStart = !archived && mayManage && job.status === "VALIDATED" && !job.auto_start;
  // A member's rights wait for the owner lookup; say nothing about them until it answers.
  const decided = manageAny || !manageOwn || !owners.isPending;
  const canCancel = !archived && mayManage && !finished && job.status !== "CANCELLATION_REQUESTED";
  const fileName = (fid: string) => files.data?.find((f) => f.id === fid)?.filename;
  const checkpoints = job.checkpoints ?? [];
  const meta = job.metadata;
  const hp = job.hyperparameters;
  // Only completion jobs have a FIM ratio and repositories (classifier jobs have neither).
  const fimRatio = "fim_ratio" in hp ? hp.fim_ratio : null;
  const repositories = "repositories" in job ? job.repositories : null;
  // Only classifier jobs have targets (one head each, with its labels).
  const targets = "classifier_targets" in job ? job.classifier_targets : null;
  const seqLen = "seq_len" in hp ? hp.seq_len : null;

  const fail = (what: string) => (error: unknown) => {
    const { title, hint } = describeError(error);
    toast({ tone: "error", title: `${what}: ${title}`, body: hint });
  };

  const fileLink = (fid: string) => (
    <li key={fid}>
      <Link href={routes.files({ q: fid })} className="text-accent hover:underline">
        {fileName(fid) ?? fid}
      </Link>{" "}
      {fileName(fid) && <span className="font-mono text-xs text-muted">{fid}</span>}
    </li>
  );

  return (
    <div className="flex flex-col gap-4">
      <Link href={routes.jobs()} className="text-sm text-muted hover:text-text">
        ← Fine-tuning jobs
      </Link>
      <PageHeader
        title={`Job ${name}`}
        description={
          <>
            <span className="font-mono text-xs">
              {job.id} <CopyButton text={job.id} label="Copy job id" />
            </span>
            {owner ? (
              <span className="mt-0.5 block" data-testid="job-owner">
                Created by {owner.userId === user.id ? `you (${owner.email})` : owner.email}
              </span>
            ) : owners.data ? (
              <span className="mt-0.5 block" data-testid="job-owner">
                Created outside this console
              </span>
            ) : null}
          </>
        }
        actions={
          <>
            {canStart && (
              <Button
                variant="primary"
                disabled={start.isPending}
                onClick={() =>
                  start.mutate(job.id, {
                    onSuccess: () => toast({ tone: "info", title: `Training of ${name} started` }),
                    onError: fail("Could not start"),
                  })
                }
              >
                {start.isPending ? "Starting…" : "Start training"}
              </Button>
            )}
            {canCancel && (
              <Button variant="danger" onClick={() => setConfirmCancel(true)}>
                Cancel job
              </Button>
            )}
            {mayClone && (
              <Link
                href={routes.newJob({ clone: job.id })}
                className={buttonVariants({ variant: "secondary" })}
              >
                Clone
              </Link>
            )}
          </>
        }
      />

      {archived && (
        <RetiredNotice>
          This page shows the console&apos;s archived copy of the job, as it last saw it: its
          settings, checkpoints, loss curves and events stay readable here.
        </RetiredNotice>
      )}
      <section
        aria-label="Status"
        className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4"
      >
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-sm text-muted">Status</span>
          <span data-testid="job-status">
            <StatusBadge status={job.status} />
          </span>
          {job.archived_at !== undefined ? (
            <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
              <ArchivedBadge />
              as the console last saw it, {formatDateTime(job.archived_at / 1000)}
            </span>
          ) : (
            <span className="text-xs text-muted">
              {finished
                ? `finished ${formatRelative(job.modified_at)}`
                : fetching
                  ? "updating…"
                  : "updates every few seconds"}
            </span>
          )}
          {!archived && !finished && notice.permission === "default" && (
            <Button size="sm" variant="ghost" onClick={notice.request}>
              Notify me when it finishes
            </Button>
          )}
          {!archived && !finished && notice.permission === "granted" && (
            <span className="text-xs text-muted">
              A browser notification will say when it finishes.
            </span>
          )}
        </div>
        <JobProgress progress={progress} label="Training progress" />
        {job.status === "VALIDATED" && !job.auto_start && (
          <p className="text-sm">
            {canStart || !decided ? (
              <>
                The data is validated. Check the cost below, then <strong>Start training</strong>.
              </>
            ) : (
              "The data is validated. The job waits for its creator or an admin to start it."
            )}
          </p>
        )}
        {job.status === "SUCCESS" && job.fine_tuned_model && (
          <div className="flex flex-wrap items-center gap-2 rounded-md bg-success-soft px-3 py-2 text-sm">
            <span>
              Fine-tuned model: <code className="font-mono break-all">{job.fine_tuned_model}</code>
            </span>
            <Link
              href={routes.models({ q: job.fine_tuned_model })}
              className={buttonVariants({ variant: "secondary", size: "sm" })}
            >
              Open in Models
            </Link>
            {mayTry && (
              <Link
                href={routes.playground({ model: job.fine_tuned_model })}
                className={buttonVariants({ variant: "secondary", size: "sm" })}
              >
                Try in the Playground
              </Link>
            )}
          </div>
        )}
        {refreshError != null && (
          <>
            <ErrorState error={refreshError} compact />
          </>
        )}
      </section>

      <Section title="Metrics" id="metrics-h">
        <JobCharts checkpoints={checkpoints} fileStem={job.suffix || job.id} />
      </Section>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Section title="Overview" id="overview-h">
          <Facts
            items={[
              [
                "Base model",
                <span key="m" className="font-mono">
                  {job.model}
                </span>,
              ],
              ["Suffix", orDash(job.suffix)],
              [
                "Fine-tuned model",
                <span key="f" className="font-mono">
                  {orDash(job.fine_tuned_model)}
                </span>,
              ],
              ["Created", formatDateTime(job.created_at)],
              ["Last change", formatDateTime(job.modified_at)],
              ["Auto start", job.auto_start ? "yes" : "no"],
              ["Trained tokens", formatNumber(job.trained_tokens)],
              ["Job type", <JobTypeLabel key="t" type={job.job_type} />],
            ]}
          />
        </Section>
        <Section title="Cost and size" id="cost-h">
          {meta ? (
            <Facts
              items={[
                ["Cost", formatMoney(meta.cost, meta.cost_currency)],
                ["Expected duration", formatDuration(meta.expected_duration_seconds)],
                ["Estimated start", formatDateTime(meta.estimated_start_time)],
                ["Data tokens", formatNumber(meta.data_tokens)],
                ["Train tokens", formatNumber(meta.train_tokens)],
                ["Tokens per step", formatNumber(meta.train_tokens_per_step)],
              ]}
            />
          ) : (
            <p className="text-sm text-muted">The API sent no cost metadata for this job.</p>
          )}
        </Section>
        <Section title="Hyperparameters" id="hp-h">
          <Facts
            items={[
              ["Training steps", formatNumber(hp.training_steps)],
              ["Epochs", formatNumber(hp.epochs, 4)],
              ["Learning rate", orDash(hp.learning_rate)],
              ["Weight decay", orDash(hp.weight_decay)],
              ["Warm-up fraction", orDash(hp.warmup_fraction)],
              ["Sequence length", formatNumber(seqLen)],
              ...(job.model.startsWith("codestral")
                ? ([["FIM ratio", orDash(fimRatio)]] as [string, React.ReactNode][])
                : []),
            ]}
          />
        </Section>
        <Section title="Data" id="data-h">
          <h3 className="text-xs font-medium text-muted">Training files</h3>
          <ul className="mb-3 flex flex-col gap-1 text-sm">{job.training_files.map(fileLink)}</ul>
          <h3 className="text-xs font-medium text-muted">Validation files</h3>
          {job.validation_files?.length ? (
            <ul className="flex flex-col gap-1 text-sm">{job.validation_files.map(fileLink)}</ul>
          ) : (
            <p className="text-sm text-muted">None: no validation loss for this job.</p>
          )}
        </Section>
        {targets?.length ? (
          <Section title="Classifier targets" id="targets-h">
            <ul className="flex flex-col gap-2 text-sm">
              {targets.map((t) => (
                <li key={t.name}>
                  <span className="font-mono font-medium">{t.name}</span> · weight {t.weight ?? 1}
                  {t.loss_function && <> · {t.loss_function.replace(/_/g, " ")} loss</>}
                  <div className="text-xs text-muted">Labels: {t.labels.join(", ")}</div>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        <Section title="Integrations" id="int-h">
          {job.integrations?.length ? (
            <ul className="flex flex-col gap-2 text-sm">
              {job.integrations.map((i, n) => (
                <li key={n}>
                  <span className="font-medium">Weights &amp; Biases</span> · project{" "}
                  <span className="font-mono">{i.project}</span>
                  {i.name && (
                    <>
                      {" "}
                      · name <span className="font-mono">{i.name}</span>
                    </>
                  )}
                  {i.run_name && (
                    <>
                      {" "}
                      · run <span className="font-mono">{i.run_name}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">None.</p>
          )}
        </Section>
        {/* Classifier jobs train on files only: they have no repositories to show. */}
        {job.job_type !== "classifier" && (
          <Section title="Repositories" id="repo-h">
            {repositories?.length ? (
              <ul className="flex flex-col gap-2 text-sm">
                {repositories.map((r, n) => (
                  <li key={n}>
                    <span className="font-mono">
                      {r.owner}/{r.name}
                    </span>
                    {r.ref && <span className="text-muted"> @ {r.ref}</span>} · weight{" "}
                    {r.weight ?? 1}
                    <div className="font-mono text-xs text-muted">commit {r.commit_id}</div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">None.</p>
            )}
          </Section>
        )}
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Section title="Events" id="events-h">
          <EventsTimeline events={job.events ?? []} />
        </Section>
        <Section title={`Checkpoints (${checkpoints.length})`} id="cp-h">
          <CheckpointsTable checkpoints={checkpoints} />
        </Section>
      </div>

      <ConfirmDialog
        open={canCancel && confirmCancel}
        onClose={() => setConfirmCancel(false)}
        busy={cancel.isPending}
        onConfirm={() =>
          cancel.mutate(job.id, {
            onSuccess: () => {
              setConfirmCancel(false);
              toast({ tone: "info", title: `Cancellation of ${name} requested` });
            },
            onError: (e) => {
              setConfirmCancel(false);
              fail("Could not cancel")(e);
            },
          })
        }
        title={`Cancel job ${name}?`}
        confirmLabel="Yes, cancel the job"
      >
        Training stops and cannot be resumed.{" "}
        {job.status === "RUNNING" && "Steps already trained are billed."}
      </ConfirmDialog>
    </div>
  );
}
