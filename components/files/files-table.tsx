"use client";

import type { VisibilityState } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { RelativeTime, TextCell, useNow } from "@/components/ui/cells";
import type { ChooserColumn } from "@/components/ui/column-chooser";
import { CopyButton } from "@/components/ui/copy-button";
import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import { formatBytes, formatDateTime, formatNumber } from "@/lib/format";
import { purposeLabel, sampleTypeLabel, sourceLabel, visibilityLabel } from "@/lib/files/purposes";
import { firstDir, type SortDir, type SortKey } from "@/lib/files/table";
import type { FileSchema } from "@/lib/mistral/types";

const sortable = (key: SortKey) => ({ id: key, sortDescFirst: firstDir(key) === "desc" });

/** The columns the chooser offers; the name always shows. */
export const FILE_COLUMNS: readonly ChooserColumn[] = [
  { id: "name", label: "Name", fixed: true },
  { id: "id", label: "Id" },
  { id: "size", label: "Size" },
  { id: "lines", label: "Lines" },
  { id: "sample_type", label: "Sample type" },
  { id: "source", label: "Source" },
  { id: "purpose", label: "Purpose" },
  { id: "created", label: "Created" },
  { id: "mimetype", label: "Media type" },
  { id: "expires", label: "Expires" },
  { id: "visibility", label: "Visibility" },
];
/** Shown until the user chooses: all but visibility (the same for every file of a workspace). */
export const DEFAULT_FILE_COLUMNS = FILE_COLUMNS.map((c) => c.id).filter(
  (id) => id !== "visibility",
);

/** When a file expires, or "Never" (kept until deleted). */
export function expiryText(expiresAt: number | null | undefined): string {
  return expiresAt ? formatDateTime(expiresAt) : "Never";
}

export function FilesTable({
  files,
  sort,
  dir,
  onSort,
  onOpen,
  onDelete,
  visibility,
}: {
  files: FileSchema[];
  /** Which columns show (the column chooser's choice). */
  visibility?: VisibilityState;
  sort: SortKey;
  dir: SortDir;
  /** A header was clicked: the page flips or changes its sort (it sorts the rows itself). */
  onSort: (key: SortKey) => void;
  onOpen: (file: FileSchema) => void;
  /** Absent when the user may not delete files: the actions column goes with it. */
  onDelete?: (file: FileSchema) => void;
}) {
  const now = useNow();
  const columns: ColumnDef<FileSchema>[] = [
    {
      ...sortable("name"),
      header: "Name",
      meta: { rowHeader: true, className: "max-w-72" },
      cell: ({ row: { original: f } }) => (
        <button
          type="button"
          onClick={() => onOpen(f)}
          className="max-w-full truncate text-left font-medium text-accent hover:underline"
          title={f.filename}
        >
          {f.filename}
        </button>
      ),
    },
    {
      id: "id",
      header: "Id",
      enableSorting: false,
      cell: ({ row: { original: f } }) => (
        <span className="flex items-center gap-0.5">
          <code className="font-mono text-xs text-muted" title={f.id}>
            {f.id.length > 13 ? `${f.id.slice(0, 8)}…` : f.id}
          </code>
          <CopyButton text={f.id} label={`Copy the id of ${f.filename}`} />
        </span>
      ),
    },
    {
      ...sortable("size"),
      header: "Size",
      meta: { align: "right", cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => formatBytes(row.original.bytes),
    },
    {
      ...sortable("lines"),
      header: "Lines",
      meta: { align: "right" },
      cell: ({ row }) => formatNumber(row.original.num_lines),
    },
    {
      id: "sample_type",
      header: "Sample type",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={sampleTypeLabel(row.original.sample_type)} />,
    },
    {
      id: "source",
      header: "Source",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={sourceLabel(row.original.source)} />,
    },
    {
      id: "purpose",
      header: "Purpose",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={purposeLabel(row.original.purpose)} />,
    },
    {
      ...sortable("created"),
      header: "Created",
      cell: ({ row }) => <RelativeTime value={row.original.created_at} now={now} />,
    },
    {
      id: "mimetype",
      header: "Media type",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={row.original.mimetype} mono />,
    },
    {
      id: "expires",
      header: "Expires",
      enableSorting: false,
      meta: { cellClassName: "whitespace-nowrap" },
      cell: ({ row }) => expiryText(row.original.expires_at),
    },
    {
      id: "visibility",
      header: "Visibility",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={visibilityLabel(row.original.visibility)} />,
    },
  ];
  if (onDelete) {
    columns.push({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { align: "right" },
      cell: ({ row: { original: f } }) => (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Delete ${f.filename}`}
          onClick={() => onDelete(f)}
        >
          Delete
        </Button>
      ),
    });
  }
  return (
    <DataTable<FileSchema>
      label="Uploaded files"
      data={files}
      columns={columns}
      getRowId={(f) => f.id}
      columnVisibility={visibility}
      manualSorting
      sorting={[{ id: sort, desc: dir === "desc" }]}
      onSortingChange={([next]) => next && onSort(next.id as SortKey)}
    />
  );
}
