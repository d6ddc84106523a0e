"use client";

import { useDropzone } from "react-dropzone";
import { Button } from "@/components/ui/button";
import { canUpload } from "@/lib/files/queue";
import type { UploadFileOut } from "@/lib/mistral/types";
import { QueueItemCard } from "./queue-item";
import { useUploadQueue } from "./use-upload-queue";

/** The drop zone's id, so other parts of the page (the empty table) can send the user to it. */
export const DROPZONE_ID = "training-file-dropzone";

/**
 * Drop or pick .jsonl files; each is checked in a Web Worker before a byte is sent, then uploaded
 * (one at a time, with progress and Cancel) when the user says so. Self-contained: used on the
 * Files page and inline in the fine-tuning wizard.
 */
export function Uploader({
  onUploaded,
  compact = false,
}: {
  onUploaded?(file: UploadFileOut): void;
  compact?: boolean;
}) {
  const { items, add, cancel, dispatch } = useUploadQueue(onUploaded);
  // No `accept` here: every file reaches the queue, which refuses the wrong ones with a reason.
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    onDrop: (accepted, rejected) => add([...accepted, ...rejected.map((r) => r.file)]),
    multiple: true,
  });

  const ready = items.filter((i) => i.state.kind === "checked" && canUpload(i));
  const finished = items.filter((i) => i.state.kind === "uploaded" || i.state.kind === "refused");

  return (
    <div className="flex flex-col gap-3">
      <div
        {...getRootProps({
          id: DROPZONE_ID,
          role: "button",
          "aria-label": "Choose or drop .jsonl training files",
          "aria-describedby": `${DROPZONE_ID}-hint`,
        })}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed text-center transition-colors outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40 ${
          isDragActive
            ? "border-accent bg-accent-soft"
            : "border-border bg-surface hover:border-accent/60 hover:bg-surface-2"
        } ${compact ? "px-4 py-5" : "px-6 py-10"}`}
      >
        <input {...getInputProps({ "aria-label": "Training files (.jsonl)", accept: ".jsonl" })} />
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
          {isDragActive ? "Drop to check the files" : "Drop .jsonl files here, or click to choose"}
        </p>
        <p id={`${DROPZONE_ID}-hint`} className="text-xs text-muted">
          JSON Lines, up to 512 MB each. Each file is checked in your browser before anything is
          uploaded.
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
