"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { Spinner } from "@/components/ui/spinner";
import { formatDuration, formatMoney, formatNumber } from "@/lib/format";
import { useFiles } from "@/lib/api/hooks/use-files";
import type { UseQueryResult } from "@tanstack/react-query";
import {
  JOB_TYPES,
  LOSS_FUNCTIONS,
  parseLabels,
  STEPS,
  stepOf,
  usesFim,
  type Errors,
} from "@/lib/fine-tuning/form";
import type { LegacyJobMetadataOut } from "@/lib/mistral/types";
import { EpochsWarning } from "./epochs-warning";
import { useJobForm } from "./wizard-fields";

export function StepReview({
  problems,
  dryRun,
  goTo,
}: {
  problems: Errors;
  dryRun: UseQueryResult<LegacyJobMetadataOut>;
  goTo: (step: number, key?: string) => void;
}) {
  // Nothing is edited on this step: the values as they stand are what it sums up.
  const form = useJobForm().getValues();
  const hp = form.hyperparameters;
  const files = useFiles();
  const name = (id: string) => files.data?.find((f) => f.id === id)?.filename ?? id;
  const entries = Object.entries(problems);
  const m = dryRun.data;
  const classifier = form.job_type === "classifier";
  return (
    <div className="flex flex-col gap-5">
      {entries.length > 0 && (
        <div
          role="alert"
          className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3 text-sm"
        >
          <p className="font-medium text-danger">
            {entries.length === 1 ? "One thing to fix" : `${entries.length} things to fix`} before
            the job can be created
          </p>
          <ul className="mt-2 flex flex-col gap-1">
            {entries.map(([key, msg]) => (
              <li key={key} className="flex flex-wrap items-center gap-2">
                <span>
                  <span className="font-mono text-xs">{key}</span>: {msg}
                </span>
                <Button size="sm" variant="ghost" onClick={() => goTo(stepOf(key), key)}>
                  Fix in {STEPS[stepOf(key)]}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <section aria-labelledby="dry-h">
        <h3 id="dry-h" className="mb-2 text-sm font-semibold">
          Dry run
        </h3>
        <p className="mb-3 text-xs text-muted">
          The service sizes the job without creating it (<code>dry_run=true</code>): nothing is
          spent yet.
        </p>
        {entries.length > 0 ? (
          <p className="text-sm text-muted">Fix the problems above to see the figures.</p>
        ) : dryRun.isPending ? (
          <p className="flex items-center gap-2 text-sm text-muted">
            <Spinner label="Running the dry run" /> Running the dry run…
          </p>
        ) : dryRun.isError ? (
          <ErrorState error={dryRun.error} onRetry={() => dryRun.refetch()} />
        ) : m ? (
          <dl
            aria-label="Dry-run figures"
            className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg border border-border bg-surface p-4 text-sm sm:grid-cols-4"
          >
            <Figure label="Expected duration" value={formatDuration(m.expected_duration_seconds)} />
            <Figure label="Cost" value={formatMoney(m.cost, m.cost_currency)} />
            <Figure label="Data tokens" value={formatNumber(m.data_tokens)} />
            <Figure label="Train tokens" value={formatNumber(m.train_tokens)} />
            <Figure label="Tokens per step" value={formatNumber(m.train_tokens_per_step)} />
            <Figure label="Training steps" value={formatNumber(m.training_steps)} />
            <Figure label="Epochs" value={formatNumber(m.epochs, 4)} />
          </dl>
        ) : null}
        {m && entries.length === 0 && (
          <div className="mt-3">
            <EpochsWarning epochs={m.epochs} />
          </div>
        )}
      </section>

      <section aria-labelledby="sum-h">
        <h3 id="sum-h" className="mb-2 text-sm font-semibold">
          Settings
        </h3>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
          <Row label="Base model" value={form.model || "—"} mono />
          <Row
            label="Job type"
            value={JOB_TYPES.find((t) => t.id === form.job_type)?.label ?? form.job_type}
          />
          {classifier && (
            <>
              <dt className="text-muted">Classifier targets</dt>
              <dd>
                <ul aria-label="Classifier targets" className="flex flex-col gap-1">
                  {form.classifier_targets.map((t, i) => (
                    <li key={i}>
                      <span className="font-medium">{t.name.trim() || "—"}</span>:{" "}
                      {parseLabels(t.labels).join(", ") || "no labels"} · weight {t.weight} ·{" "}
                      {LOSS_FUNCTIONS.find((l) => l.id === t.loss_function)?.label ??
                        t.loss_function}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <Row
            label="Training files"
            value={
              form.training_files
                .map((f) => `${name(f.file_id)} (weight ${f.weight})`)
                .join(", ") || "—"
            }
          />
          <Row
            label="Validation files"
            value={form.validation_files.map(name).join(", ") || "none"}
          />
          <Row
            label={form.length === "steps" ? "Training steps" : "Epochs"}
            value={(form.length === "steps" ? hp.training_steps : hp.epochs) || "service default"}
          />
          <Row label="Learning rate" value={hp.learning_rate} />
          <Row label="Weight decay" value={hp.weight_decay || "default"} />
          <Row label="Warm-up fraction" value={hp.warmup_fraction || "default"} />
          <Row label="Sequence length" value={hp.seq_len || "default"} />
          {!classifier && usesFim(form.model) && (
            <Row label="FIM ratio" value={hp.fim_ratio || "default"} />
          )}
          <Row label="Suffix" value={form.suffix || "none"} />
          <Row
            label="W&B"
            value={form.wandb_enabled ? `project ${form.integrations[0].project}` : "off"}
          />
          {!classifier && <Row label="Repositories" value={String(form.repositories.length)} />}
          <Row
            label="Start"
            value={
              form.auto_start
                ? "The job starts on its own once validated; untick “Start training automatically” in Extras to start it yourself."
                : "The job waits at VALIDATED: start it yourself from its page."
            }
          />
        </dl>
      </section>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

function Row({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt className="text-muted">{label}</dt>
      <dd className={`break-all ${mono ? "font-mono" : ""}`}>{value}</dd>
    </>
  );
}
