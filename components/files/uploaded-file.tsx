"use client";

import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { ApiError } from "@/lib/api/errors";
import { useFile } from "@/lib/api/hooks/use-files";
import { formatBytes } from "@/lib/format";
import { useUrlQuery } from "@/lib/ui/use-url-query";

const FILE_PARAM = ["file"] as const;

/**
 * The file the address preselects (`?file=<id>`, as the Files page links to OCR, Audio and Batch),
 * and a way to drop it from the address when the user chooses another.
 */
export function usePreselectedFile() {
  const [query, setQuery] = useUrlQuery(FILE_PARAM);
  const id = new URLSearchParams(query).get("file") || null;
  return [id, () => setQuery(new URLSearchParams())] as const;
}

/**
 * An uploaded file chosen for a page, in place of its drop zone: its name and size, or why it
 * cannot be used (gone), with a way to choose another (a local file) instead.
 */
export function UploadedFile({
  id,
  label,
  onClear,
  disabled,
}: {
  id: string;
  /** What the file is for here ("Document", "Audio file"). */
  label: string;
  onClear: () => void;
  disabled?: boolean;
}) {
  const file = useFile(id);
  const gone = file.error instanceof ApiError && file.error.status === 404;
  return (
    <section
      aria-label={`${label}: uploaded file`}
      className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3 text-sm"
    >
      <p className="text-xs font-medium text-muted">{label}: an uploaded file</p>
      {gone ? (
        <p role="alert" className="text-danger">
          No file has the id <code className="font-mono text-xs">{id}</code>: it may have been
          deleted or have expired.
        </p>
      ) : file.error && !file.data ? (
        <ErrorState compact error={file.error} onRetry={() => file.refetch()} />
      ) : (
        <p className="min-w-0">
          <span className="font-medium break-all">{file.data?.filename ?? "Loading…"}</span>{" "}
          {file.data && <span className="text-muted">({formatBytes(file.data.bytes)})</span>}
          <code className="mt-0.5 block truncate font-mono text-xs text-muted">{id}</code>
        </p>
      )}
      <div>
        <Button size="sm" onClick={onClear} disabled={disabled}>
          Choose another file
        </Button>
      </div>
    </section>
  );
}

/** The name of an uploaded file, as far as the page knows it (its id until its record is in). */
export function useUploadedFileName(id: string | null): string | null {
  const file = useFile(id);
  return id ? (file.data?.filename ?? id) : null;
}
