"use client";

import { Button } from "@/components/ui/button";
import { RelativeTime, TextCell, useNow } from "@/components/ui/cells";
import { CopyButton } from "@/components/ui/copy-button";
import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import { formatBytes, formatNumber } from "@/lib/format";
import { firstDir, type SortDir, type SortKey } from "@/lib/files/table";
import type { FileSchema } from "@/lib/mistral/types";

const sortable = (key: SortKey) => ({ id: key, sortDescFirst: firstDir(key) === "desc" });

export function FilesTable({
  files,
  sort,
  dir,
  onSort,
  onOpen,
  onDelete,
}: {
  files: FileSchema[];
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
      cell: ({ row }) => <TextCell value={row.original.sample_type} />,
    },
    {
      id: "source",
      header: "Source",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={row.original.source} />,
    },
    {
      id: "purpose",
      header: "Purpose",
      enableSorting: false,
      cell: ({ row }) => <TextCell value={row.original.purpose} />,
    },
    {
      ...sortable("created"),
      header: "Created",
      cell: ({ row }) => <RelativeTime value={row.original.created_at} now={now} />,
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
      manualSorting
      sorting={[{ id: sort, desc: dir === "desc" }]}
      onSortingChange={([next]) => next && onSort(next.id as SortKey)}
    />
  );
}
