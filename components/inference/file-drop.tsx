"use client";

import { useId } from "react";
import { type Accept, useDropzone } from "react-dropzone";
import { formatBytes } from "@/lib/format";

/**
 * Drop one file or pick it (click, or Enter/Space on the focused zone). The chosen file is named
 * below with its size; an error (a refused type, say) is tied to the zone for screen readers.
 */
export function FileDrop({
  label,
  hint,
  accept,
  file,
  onFile,
  error,
  disabled = false,
}: {
  /** The file input's accessible name ("Document (PDF or image)"). */
  label: string;
  hint: string;
  accept: Accept;
  file: File | null;
  onFile: (file: File | null) => void;
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    // Refused files are passed on too: the form says why it cannot take them.
    onDrop: (accepted, rejected) => onFile(accepted[0] ?? rejected[0]?.file ?? null),
    multiple: false,
    disabled,
  });
  return (
    <div className="flex flex-col gap-1">
      <div
        {...getRootProps({
          role: "button",
          "aria-label": `Choose or drop: ${label}`,
          "aria-describedby": `${id}-hint${error ? ` ${id}-err` : ""}`,
        })}
        className={`flex cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-8 text-center transition-colors outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/40 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${
          isDragActive
            ? "border-accent bg-accent-soft"
            : error
              ? "border-danger bg-surface"
              : "border-border bg-surface hover:border-accent/60 hover:bg-surface-2"
        }`}
      >
        <input
          {...getInputProps({
            "aria-label": label,
            accept: Object.values(accept).flat().join(","),
          })}
        />
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          className="h-7 w-7 text-muted"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        >
          <path d="M12 16V4m0 0L7 9m5-5 5 5M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
        </svg>
        <p className="text-sm font-medium">
          {file ? (
            <>
              <span className="break-all">{file.name}</span>{" "}
              <span className="font-normal text-muted">({formatBytes(file.size)})</span>
            </>
          ) : isDragActive ? (
            "Drop the file here"
          ) : (
            "Drop a file here, or click to choose"
          )}
        </p>
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      </div>
      {error && (
        <p id={`${id}-err`} className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
