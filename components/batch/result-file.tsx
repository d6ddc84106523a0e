"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useFileText } from "@/lib/api/hooks/use-batch";
import { parseResults, type ResultRow } from "@/lib/batch/batch";
import { formatNumber } from "@/lib/format";
import { download } from "@/lib/ui/download";

/** Rows shown in the preview; the download has them all. */
const PREVIEW_ROWS = 50;

const col = createColumnHelper<ResultRow>();
const columns = [
  col.accessor((r) => r.customId ?? `line ${r.line}`, {
    id: "request",
    header: "Request",
    meta: { rowHeader: true, cellClassName: "font-mono text-xs whitespace-nowrap" },
  }),
  col.accessor("status", {
    header: "Status",
    cell: (c) => (
      <span className={c.row.original.ok ? "" : "text-danger"}>{c.getValue() ?? "—"}</span>
    ),
  }),
  col.accessor("summary", {
    header: "Answer",
    enableSorting: false,
    meta: { cellClassName: "min-w-48" },
    cell: (c) => <p className="line-clamp-2 break-words">{c.getValue()}</p>,
  }),
];

/** A batch's output or error file: a preview of its first lines and a download of all of it. */
export function ResultFile({
  title,
  fileId,
  jobId,
  kind,
}: {
  title: string;
  fileId: string;
  jobId: string;
  kind: "results" | "errors";
}) {
  const content = useFileText(fileId);
  const rows = content.data ? parseResults(content.data) : [];
  const headingId = `${kind}-title`;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-border bg-surface p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
          {content.data && (
            <span className="ml-2 text-sm font-normal text-muted">
              {formatNumber(rows.length)} lines
            </span>
          )}
        </h2>
        <Button
          size="sm"
          disabled={!content.data}
          onClick={() =>
            download({
              fileName: `batch-${jobId}-${kind}.jsonl`,
              text: content.data ?? "",
              type: "application/jsonl",
            })
          }
        >
          Download {kind}
        </Button>
      </div>
      {content.isPending ? (
        <LoadingState label={`Loading the ${kind}…`} />
      ) : content.isError ? (
        <div className="mt-3">
          <ErrorState error={content.error} onRetry={() => content.refetch()} compact />
        </div>
      ) : rows.length === 0 ? (
        <p className="mt-2 text-sm text-muted">The file is empty.</p>
      ) : (
        <div className="mt-3">
          <DataTable
            label={title}
            data={rows.slice(0, PREVIEW_ROWS)}
            columns={columns}
            getRowId={(r) => String(r.line)}
            density="compact"
          />
          {rows.length > PREVIEW_ROWS && (
            <p className="mt-2 text-xs text-muted">
              The first {PREVIEW_ROWS} of {formatNumber(rows.length)} lines. Download the file for
              all of them.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
