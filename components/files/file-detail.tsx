"use client";

import Link from "next/link";
import { useState } from "react";
import { useCan } from "@/components/auth/session";
import { Button, buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ApiError } from "@/lib/api/errors";
import { formatBytes, formatDateTime, formatNumber, formatRelative, orDash } from "@/lib/format";
import { fileContent, useFile } from "@/lib/api/hooks/use-files";
import { purposeLabel, sampleTypeLabel, sourceLabel, visibilityLabel } from "@/lib/files/purposes";
import type { FileSchema } from "@/lib/mistral/types";
import { download } from "@/lib/ui/download";
import { expiryText } from "./files-table";
import { useFileActions } from "./use-file-actions";

/** The record of one file as GET /v1/files/{id} returns it now, with what can be done with it. */
export function FileDetail({
  id,
  onClose,
  onDelete,
}: {
  id: string | null;
  onClose: () => void;
  /** Absent when the user may not delete files. */
  onDelete?: (file: FileSchema) => void;
}) {
  const file = useFile(id);
  const actionsFor = useFileActions();
  const canDownload = useCan("files.read");
  const data = file.data;
  const gone = file.error instanceof ApiError && file.error.status === 404;
  const actions = data ? actionsFor(data) : [];
  const [downloading, setDownloading] = useState<{ id: string; error?: unknown } | null>(null);
  const saveContent = async (f: FileSchema) => {
    setDownloading({ id: f.id });
    try {
      const blob = await fileContent(f.id);
      download({ fileName: f.filename, text: blob, type: f.mimetype ?? blob.type });
      setDownloading(null);
    } catch (error) {
      setDownloading({ id: f.id, error });
    }
  };
  const downloadError = downloading?.id === id ? downloading.error : undefined;
  return (
    <Dialog
      open={!!id}
      onClose={onClose}
      title={data ? data.filename : "File"}
      wide
      footer={
        data && !gone && (onDelete || canDownload || actions.length > 0) ? (
          // Three buttons do not fit a phone's width on one line: they wrap, right-aligned.
          <div className="flex flex-wrap justify-end gap-2">
            {onDelete && (
              <Button variant="danger" onClick={() => onDelete(data)}>
                Delete
              </Button>
            )}
            {canDownload && (
              <Button
                onClick={() => saveContent(data)}
                disabled={downloading?.id === data.id && !downloading.error}
              >
                {downloading?.id === data.id && !downloading.error ? "Downloading…" : "Download"}
              </Button>
            )}
            {actions.map((a) => (
              <Link key={a.label} href={a.href} className={buttonVariants({ variant: "primary" })}>
                {a.label}
              </Link>
            ))}
          </div>
        ) : undefined
      }
    >
      {gone ? (
        <div role="alert" className="text-sm">
          <p className="font-medium">This file does not exist (any more)</p>
          <p className="mt-1 text-muted">
            No file has the id <code className="font-mono">{id}</code>: it may have been deleted.
          </p>
        </div>
      ) : file.error && !data ? (
        <ErrorState error={file.error} onRetry={() => file.refetch()} />
      ) : !data ? (
        <LoadingState label="Loading the file…" />
      ) : (
        <>
          {file.error && <ErrorState compact error={file.error} onRetry={() => file.refetch()} />}
          {downloadError != null && (
            <div className="mb-3">
              <ErrorState compact error={downloadError} onRetry={() => saveContent(data)} />
            </div>
          )}
          <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-6 gap-y-2">
            <dt className="text-muted">Id</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <code className="truncate font-mono text-xs">{data.id}</code>
              <CopyButton text={data.id} label="Copy file id" />
            </dd>
            <dt className="text-muted">Name</dt>
            <dd className="break-all">{data.filename}</dd>
            <dt className="text-muted">Size</dt>
            <dd className="tabular-nums">
              {formatBytes(data.bytes)}{" "}
              <span className="text-muted">({formatNumber(data.bytes)} bytes)</span>
            </dd>
            <dt className="text-muted">Lines</dt>
            <dd className="tabular-nums">{formatNumber(data.num_lines)}</dd>
            <dt className="text-muted">Purpose</dt>
            <dd>{purposeLabel(data.purpose)}</dd>
            <dt className="text-muted">Sample type</dt>
            <dd>{sampleTypeLabel(data.sample_type)}</dd>
            <dt className="text-muted">Source</dt>
            <dd>{sourceLabel(data.source)}</dd>
            <dt className="text-muted">Media type</dt>
            <dd className="font-mono text-xs break-all">{orDash(data.mimetype)}</dd>
            <dt className="text-muted">Visibility</dt>
            <dd>{visibilityLabel(data.visibility)}</dd>
            <dt className="text-muted">Expires</dt>
            <dd>{expiryText(data.expires_at)}</dd>
            <dt className="text-muted">Created</dt>
            <dd>
              {formatDateTime(data.created_at)}{" "}
              <span className="text-muted">({formatRelative(data.created_at)})</span>
            </dd>
          </dl>
          {file.isFetching && (
            <p className="mt-3 text-xs text-muted" aria-live="polite">
              Refreshing…
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
