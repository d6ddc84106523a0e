"use client";

import { useRef, useState } from "react";
import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { Field, inputClassFor } from "@/components/ui/field";
import {
  PURPOSE_UPLOADS,
  purposeLabel,
  UPLOAD_PURPOSES,
  type UploadPurpose,
  visibilityLabel,
} from "@/lib/files/purposes";
import { canUpload } from "@/lib/files/queue";
import { parseUploadSettings, UPLOAD_VISIBILITIES } from "@/lib/files/upload";
import type { UploadFileOut } from "@/lib/mistral/types";
import { QueueItemCard } from "./queue-item";
import { useUploadQueue } from "./use-upload-queue";

/** The drop zone's id, so other parts of the page (the empty table) can send the user to it. */
export const DROPZONE_ID = "training-file-dropzone";

/**
 * Drop or pick files for a purpose (training data unless the user may choose); JSON Lines are
 * checked before a byte is sent (training data by the linter in a Web Worker, batch files line
 * by line), then uploaded (one at a time, with progress and Cancel) when the user says so.
 * Self-contained: used on the Files page and inline in the fine-tuning wizard.
 */
export function Uploader({
  onUploaded,
  compact = false,
  choosePurpose = false,
}: {
  onUploaded?(file: UploadFileOut): void;
  compact?: boolean;
  /** Offer every purpose, an expiry and a visibility (the Files page); otherwise uploads are training data kept for the workspace. */
  choosePurpose?: boolean;
}) {
  const { items, add, cancel, dispatch } = useUploadQueue(onUploaded);
  const [purpose, setPurpose] = useState<UploadPurpose>("fine-tune");
  const [settingsInput, setSettingsInput] = useState({ expiry: "", visibility: "workspace" });
  const settings = parseUploadSettings(settingsInput);
  const fieldRefs = {
    expiry: useRef<HTMLInputElement>(null),
    visibility: useRef<HTMLSelectElement>(null),
  };
  const accepts = PURPOSE_UPLOADS[purpose];
  // No `accept` here: every file reaches the queue, which refuses the wrong ones with a reason.
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    onDrop: (accepted, rejected) => {
      // Files are added with the settings shown; a wrong one is fixed first, where it is.
      if (!settings.ok) return fieldRefs[settings.field].current?.focus();
      add([...accepted, ...rejected.map((r) => r.file)], purpose, settings.settings);
    },
    multiple: true,
  });
  const fieldError = (field: "expiry" | "visibility") =>
    !settings.ok && settings.field === field ? settings.message : null;

  const ready = items.filter((i) => i.state.kind === "checked" && canUpload(i));
  const finished = items.filter((i) => i.state.kind === "uploaded" || i.state.kind === "refused");

  return (
    <div className="flex flex-col gap-3">
      {choosePurpose && (
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <legend className="float-left mr-2 font-medium">Purpose</legend>
          {UPLOAD_PURPOSES.map((p) => (
            <label key={p} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="upload-purpose"
                value={p}
                checked={purpose === p}
                onChange={() => setPurpose(p)}
              />
              {purposeLabel(p)}
            </label>
          ))}
        </fieldset>
      )}
      {choosePurpose && (
        <div className="flex flex-wrap items-start gap-x-6 gap-y-3">
          <Field
            label="Expires after (hours)"
            description="Empty: kept until deleted."
            error={fieldError("expiry")}
          >
            {(ids) => (
              <input
                {...ids}
                ref={fieldRefs.expiry}
                inputMode="numeric"
                placeholder="Never"
                className={inputClassFor({ width: "w-36" })}
                value={settingsInput.expiry}
                onChange={(e) => setSettingsInput((s) => ({ ...s, expiry: e.target.value }))}
              />
            )}
          </Field>
          <Field
            label="Visibility"
            className="max-w-sm"
            description="In the Mistral workspace. Every console user uploads as the console's API key, so they all see the file either way."
            error={fieldError("visibility")}
          >
            {(ids) => (
              <select
                {...ids}
                ref={fieldRefs.visibility}
                className={inputClassFor({ width: "w-48" })}
                value={settingsInput.visibility}
                onChange={(e) => setSettingsInput((s) => ({ ...s, visibility: e.target.value }))}
              >
                {UPLOAD_VISIBILITIES.map((v) => (
                  <option key={v} value={v}>
                    {visibilityLabel(v)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      <div
        {...getRootProps({
          id: DROPZONE_ID,
          role: "button",
          "aria-label": `Choose or drop ${accepts.kind}`,
          "aria-describedby": `${DROPZONE_ID}-hint`,
        })}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed text-center transition-colors outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40 ${
          isDragActive
            ? "border-accent bg-accent-soft"
            : "border-border bg-surface hover:border-accent/60 hover:bg-surface-2"
        } ${compact ? "px-4 py-5" : "px-6 py-10"}`}
      >
        <input {...getInputProps({ "aria-label": accepts.inputLabel, accept: accepts.accept })} />
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className={`text-muted ${compact ? "h-6 w-6" : "h-8 w-8"}`}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        >
          <path d="M12 16V4m0 0L7 9m5-5 5 5M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
        </svg>
        <p className="text-sm font-medium">
          {isDragActive
            ? "Drop to add the files"
            : `Drop ${purpose === "fine-tune" || purpose === "batch" ? ".jsonl files" : accepts.kind} here, or click to choose`}
        </p>
        <p id={`${DROPZONE_ID}-hint`} className="text-xs text-muted">
          {accepts.hint}
        </p>
      </div>

      {(ready.length > 1 || finished.length > 0) && (
        <div className="flex flex-wrap justify-end gap-2">
          {finished.length > 0 && (
            <Button size="sm" variant="ghost" onClick={() => dispatch({ type: "clear-finished" })}>
              Clear finished
            </Button>
          )}
          {ready.length > 1 && (
            <Button size="sm" variant="primary" onClick={() => dispatch({ type: "enqueue-all" })}>
              Upload all {ready.length} ready files
            </Button>
          )}
        </div>
      )}

      {items.length > 0 && (
        <ul aria-label="Files to upload" className="flex flex-col gap-2">
          {items.map((item) => (
            <QueueItemCard
              key={item.id}
              item={item}
              compact={compact}
              onCancel={cancel}
              dispatch={dispatch}
              onGone={() => document.getElementById(DROPZONE_ID)?.focus()}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
