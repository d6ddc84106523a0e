"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/session";
import { Uploader } from "@/components/files/uploader";
import { useMemo, useState } from "react";
import { get, useFormState, useWatch } from "react-hook-form";
import { inputClassFor } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState, EmptyState } from "@/components/ui/states";
import { useFiles } from "@/lib/api/hooks/use-files";
import { formatBytes, formatNumber, formatRelative } from "@/lib/format";
import { dataWarnings, type JobForm, type TrainingFileField } from "@/lib/fine-tuning/form";
import type { FileSchema } from "@/lib/mistral/types";
import { useJobForm } from "./wizard-fields";
import { routes } from "@/lib/routes";

const toggle = (list: string[], id: string, on: boolean) =>
  on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);

function setTraining(list: TrainingFileField[], id: string, on: boolean): TrainingFileField[] {
  const has = list.some((f) => f.file_id === id);
  if (on && !has) return [...list, { file_id: id, weight: "1" }];
  if (!on) return list.filter((f) => f.file_id !== id);
  return list;
}

/** The data step's lists, and how it changes them (checked as they change, like a typed field). */
function useDataFields() {
  const { setValue, getValues } = useJobForm();
  const [training, validation] = useWatch<JobForm, ["training_files", "validation_files"]>({
    name: ["training_files", "validation_files"],
  });
  const { errors } = useFormState<JobForm>();
  const options = { shouldValidate: true, shouldDirty: true, shouldTouch: true } as const;
  return {
    training,
    validation,
    /** The message of the error at this path, if any. */
    errorAt: (path: string): string | undefined =>
      (get(errors, path) as { message?: string } | undefined)?.message,
    setTraining: (id: string, on: boolean) =>
      setValue("training_files", setTraining(getValues("training_files"), id, on), options),
    setValidation: (id: string, on: boolean) =>
      setValue("validation_files", toggle(getValues("validation_files"), id, on), options),
    setWeight: (index: number, weight: string) =>
      setValue(`training_files.${index}.weight`, weight, options),
  };
}

export function StepData() {
  const data = useDataFields();
  const classifier = useWatch<JobForm, "job_type">({ name: "job_type" }) === "classifier";
  const [uploading, setUploading] = useState(false);
  const canUpload = useCan("files.upload");
  const files = useFiles();
  const [query, setQuery] = useState("");
  const all = useMemo(
    () =>
      [...(files.data ?? [])]
        .filter((f) => !f.purpose || f.purpose === "fine-tune")
        .sort((a, b) => b.created_at - a.created_at),
    [files.data],
  );
  const byId = useMemo(() => new Map(all.map((f) => [f.id, f])), [all]);
  const shown = all.filter(
    (f) => !query || `${f.filename} ${f.id}`.toLowerCase().includes(query.toLowerCase()),
  );
  const { training, validation } = data;
  const missing = files.data
    ? [...new Set([...training.map((f) => f.file_id), ...validation])].filter((id) => !byId.has(id))
    : [];
  const warnings = dataWarnings({ training_files: training, validation_files: validation }, byId);
  const trainBytes = training.reduce((s, f) => s + (byId.get(f.file_id)?.bytes ?? 0), 0);
  const validBytes = validation.reduce((s, id) => s + (byId.get(id)?.bytes ?? 0), 0);
  // A list's own error (none chosen) sits at its path or, beside its items' errors, at `.root`.
  const listError =
    data.errorAt("training_files") ??
    data.errorAt("training_files.root") ??
    data.errorAt("validation_files") ??
    data.errorAt("validation_files.root");

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        Choose the uploaded JSONL files to train on, each with a weight (how often it is sampled
        relative to the others), and optionally files to validate on: validation data gives the
        validation loss and accuracy curves.
      </p>
      {classifier && (
        <p className="text-sm text-muted">
          A classifier trains on samples of text and their labels, one line each:{" "}
          <code className="text-xs">{'{"text": "…", "labels": {"topic": "sport"}}'}</code> (a list
          of labels for a multi-class target). Uploads are checked for that shape.
        </p>
      )}
      {canUpload && (
        <div className="flex flex-col gap-2">
          <div>
            <Button
              size="sm"
              aria-expanded={uploading}
              aria-controls="wizard-uploader"
              onClick={() => setUploading((u) => !u)}
            >
              {uploading ? "Hide the uploader" : "Upload a new file"}
            </Button>
          </div>
          {uploading && (
            <div id="wizard-uploader">
              {/* An uploaded file joins the training files at once (it can be moved to validation). */}
              <Uploader compact onUploaded={(file) => data.setTraining(file.id, true)} />
            </div>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium whitespace-nowrap">Filter files</span>
          <input
            type="search"
            className={inputClassFor({ width: "w-64" })}
            value={query}
            placeholder="Name or id"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <p className="text-sm text-muted" aria-live="polite">
          Training: {training.length} file{training.length === 1 ? "" : "s"},{" "}
          {formatBytes(trainBytes)} · Validation: {validation.length} file
          {validation.length === 1 ? "" : "s"}, {formatBytes(validBytes)}
        </p>
      </div>
      {listError && (
        <p className="text-sm text-danger" role="alert">
          {listError}
        </p>
      )}
      {missing.map((id) => (
        <div
          key={id}
          role="alert"
          className="flex items-center justify-between gap-2 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm"
        >
          <span>
            File <code className="font-mono">{id}</code> is in this draft but no longer exists
            (deleted?).
          </span>
          <Button
            size="sm"
            onClick={() => {
              data.setTraining(id, false);
              data.setValidation(id, false);
            }}
          >
            Remove it
          </Button>
        </div>
      ))}
      {files.isPending ? (
        <LoadingState label="Loading files…" />
      ) : files.isError ? (
        <ErrorState error={files.error} onRetry={() => files.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState
          title="No training files yet"
          action={
            <Button variant="primary" onClick={() => setUploading(true)}>
              Upload a file
            </Button>
          }
        >
          Upload a JSONL file of conversations here or on the{" "}
          <Link href={routes.files()} className="text-accent underline">
            Files page
          </Link>
          .
        </EmptyState>
      ) : (
        <div className="relative max-h-[28rem] overflow-auto rounded-lg border border-border">
          <table className="w-full text-sm">
            <caption className="sr-only">Uploaded files</caption>
            <thead className="sticky top-0 bg-surface-2 text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  File
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Size
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Lines
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Train
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Weight
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Validate
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <FileRow key={f.id} file={f} data={data} />
              ))}
              {shown.length === 0 && (
                <tr>
                  <td colSpan={6} className="px-3 py-6 text-center text-muted">
                    No file matches “{query}”.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {warnings.length > 0 && (
        <ul className="flex flex-col gap-1" aria-label="Warnings about the data">
          {warnings.map((w) => (
            <li
              key={w}
              className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
            >
              <span className="font-medium text-warning">Warning: </span>
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FileRow({ file, data }: { file: FileSchema; data: ReturnType<typeof useDataFields> }) {
  const index = data.training.findIndex((t) => t.file_id === file.id);
  const training = index >= 0 ? data.training[index] : null;
  const validating = data.validation.includes(file.id);
  const weightKey = `training_files.${index}.weight`;
  // A server's 422 may be about the file (`training_files.0.file_id`) or the entry as a whole.
  const rowError =
    index >= 0
      ? (data.errorAt(`training_files.${index}.file_id`) ?? data.errorAt(`training_files.${index}`))
      : undefined;
  const vIndex = data.validation.indexOf(file.id);
  const vError = vIndex >= 0 ? data.errorAt(`validation_files.${vIndex}`) : undefined;
  const weightError = training ? data.errorAt(weightKey) : undefined;
  return (
    <tr className="border-t border-border align-top">
      <td className="px-3 py-2">
        <div className="font-medium break-all">{file.filename}</div>
        <div className="font-mono text-xs text-muted">
          {file.id} · {formatRelative(file.created_at)}
        </div>
        {(rowError || vError) && <p className="mt-1 text-xs text-danger">{rowError ?? vError}</p>}
      </td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">{formatBytes(file.bytes)}</td>
      <td className="px-3 py-2 tabular-nums">{formatNumber(file.num_lines)}</td>
      <td className="px-3 py-2">
        <input
          type="checkbox"
          aria-label={`Train on ${file.filename}`}
          data-field={index >= 0 ? `training_files.${index}.file_id` : undefined}
          checked={!!training}
          onChange={(e) => data.setTraining(file.id, e.target.checked)}
          className="h-4 w-4 accent-[var(--accent)]"
        />
      </td>
      <td className="px-3 py-2">
        {training && (
          <div className="w-20">
            <input
              aria-label={`Weight of ${file.filename}`}
              aria-invalid={weightError ? true : undefined}
              data-field={weightKey}
              inputMode="decimal"
              className={inputClassFor({ height: "h-8" })}
              value={training.weight}
              onChange={(e) => data.setWeight(index, e.target.value)}
            />
            {weightError && <p className="mt-1 text-xs text-danger">{weightError}</p>}
          </div>
        )}
      </td>
      <td className="px-3 py-2">
        <input
          type="checkbox"
          aria-label={`Validate on ${file.filename}`}
          checked={validating}
          onChange={(e) => data.setValidation(file.id, e.target.checked)}
          className="h-4 w-4 accent-[var(--accent)]"
        />
      </td>
    </tr>
  );
}
