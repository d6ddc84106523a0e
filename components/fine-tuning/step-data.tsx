"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/session";
import { Uploader } from "@/components/files/uploader";
import { useMemo, useState } from "react";
import { inputClassFor } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { ErrorState, LoadingState, EmptyState } from "@/components/ui/states";
import { useFiles } from "@/lib/api/hooks/use-files";
import { formatBytes, formatNumber, formatRelative } from "@/lib/format";
import { dataWarnings, type WizardDraft } from "@/lib/fine-tuning/form";
import type { FileSchema } from "@/lib/mistral/types";
import { useWizard } from "./wizard-fields";
import { routes } from "@/lib/routes";

const toggle = (list: string[], id: string, on: boolean) =>
  on ? (list.includes(id) ? list : [...list, id]) : list.filter((x) => x !== id);

function setTraining(d: WizardDraft, id: string, on: boolean): WizardDraft {
  const has = d.trainingFiles.some((f) => f.fileId === id);
  if (on && !has) return { ...d, trainingFiles: [...d.trainingFiles, { fileId: id, weight: "1" }] };
  if (!on) return { ...d, trainingFiles: d.trainingFiles.filter((f) => f.fileId !== id) };
  return d;
}

export function StepData() {
  const { draft, update, errorOf } = useWizard();
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
  const missing = files.data
    ? [...new Set([...draft.trainingFiles.map((f) => f.fileId), ...draft.validationFiles])].filter(
        (id) => !byId.has(id),
      )
    : [];
  const warnings = dataWarnings(draft, byId);
  const trainBytes = draft.trainingFiles.reduce((s, f) => s + (byId.get(f.fileId)?.bytes ?? 0), 0);
  const validBytes = draft.validationFiles.reduce((s, id) => s + (byId.get(id)?.bytes ?? 0), 0);
  const listError = errorOf("training_files") ?? errorOf("validation_files");

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        Choose the uploaded JSONL files to train on, each with a weight (how often it is sampled
        relative to the others), and optionally files to validate on: validation data gives the
        validation loss and accuracy curves.
      </p>
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
              <Uploader
                compact
                onUploaded={(file) =>
                  update((d) => setTraining(d, file.id, true), "training_files")
                }
              />
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
          Training: {draft.trainingFiles.length} file{draft.trainingFiles.length === 1 ? "" : "s"},{" "}
          {formatBytes(trainBytes)} · Validation: {draft.validationFiles.length} file
          {draft.validationFiles.length === 1 ? "" : "s"}, {formatBytes(validBytes)}
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
            onClick={() =>
              update((d) => ({
                ...setTraining(d, id, false),
                validationFiles: d.validationFiles.filter((x) => x !== id),
              }))
            }
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
                <FileRow key={f.id} file={f} />
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

function FileRow({ file }: { file: FileSchema }) {
  const { draft, update, errorOf } = useWizard();
  const index = draft.trainingFiles.findIndex((t) => t.fileId === file.id);
  const training = index >= 0 ? draft.trainingFiles[index] : null;
  const validating = draft.validationFiles.includes(file.id);
  const weightKey = `training_files.${index}.weight`;
  const rowError =
    index >= 0
      ? (errorOf(`training_files.${index}.file_id`) ?? errorOf(`training_files.${index}`))
      : undefined;
  const vIndex = draft.validationFiles.indexOf(file.id);
  const vError = vIndex >= 0 ? errorOf(`validation_files.${vIndex}`) : undefined;
  const weightError = training ? errorOf(weightKey) : undefined;
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
          onChange={(e) =>
            update((d) => setTraining(d, file.id, e.target.checked), "training_files")
          }
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
              onChange={(e) => {
                const weight = e.target.value;
                update(
                  (d) => ({
                    ...d,
                    trainingFiles: d.trainingFiles.map((t) =>
                      t.fileId === file.id ? { ...t, weight } : t,
                    ),
                  }),
                  weightKey,
                );
              }}
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
          onChange={(e) =>
            update(
              (d) => ({
                ...d,
                validationFiles: toggle(d.validationFiles, file.id, e.target.checked),
              }),
              "validation_files",
            )
          }
          className="h-4 w-4 accent-[var(--accent)]"
        />
      </td>
    </tr>
  );
}
