"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  formatBytes,
  formatDateTime,
  formatNumber,
  formatRelative,
  orDash,
  toDate,
} from "@/lib/format";
import type { SortDir, SortKey } from "@/lib/files/table";
import type { FileSchema } from "@/lib/mistral/types";

/** Re-renders every 30 s so "2 minutes ago" stays true. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

function SortHeader({
  label,
  column,
  sort,
  dir,
  onSort,
  numeric = false,
}: {
  label: string;
  column: SortKey;
  sort: SortKey;
  dir: SortDir;
  onSort: (key: SortKey) => void;
  numeric?: boolean;
}) {
  const active = sort === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
      className={`px-3 py-2 font-medium ${numeric ? "text-right" : ""}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className={`inline-flex items-center gap-1 rounded hover:text-text ${active ? "text-text" : ""}`}
      >
        {label}
        <span aria-hidden className="w-3 text-xs">
          {active ? (dir === "asc" ? "▲" : "▼") : ""}
        </span>
      </button>
    </th>
  );
}

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2";

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
  onSort: (key: SortKey) => void;
  onOpen: (file: FileSchema) => void;
  /** Absent when the user may not delete files: the actions column goes with it. */
  onDelete?: (file: FileSchema) => void;
}) {
  const now = useNow();
  const sortProps = { sort, dir, onSort };
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Uploaded files</caption>
        <thead className="border-b border-border bg-surface-2 text-xs text-muted">
          <tr>
            <SortHeader label="Name" column="name" {...sortProps} />
            <th scope="col" className={th}>
              Id
            </th>
            <SortHeader label="Size" column="size" numeric {...sortProps} />
            <SortHeader label="Lines" column="lines" numeric {...sortProps} />
            <th scope="col" className={th}>
              Sample type
            </th>
            <th scope="col" className={th}>
              Source
            </th>
            <th scope="col" className={th}>
              Purpose
            </th>
            <SortHeader label="Created" column="created" {...sortProps} />
            {onDelete && (
              <th scope="col" className={th}>
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr
              key={f.id}
              className="border-t border-border first:border-t-0 hover:bg-surface-2/50"
            >
              <th scope="row" className={`${td} max-w-72 font-normal`}>
                <button
                  type="button"
                  onClick={() => onOpen(f)}
                  className="max-w-full truncate text-left font-medium text-accent hover:underline"
                  title={f.filename}
                >
                  {f.filename}
                </button>
              </th>
              <td className={td}>
                <span className="flex items-center gap-0.5">
                  <code className="font-mono text-xs text-muted" title={f.id}>
                    {f.id.length > 13 ? `${f.id.slice(0, 8)}…` : f.id}
                  </code>
                  <CopyButton text={f.id} label={`Copy the id of ${f.filename}`} />
                </span>
              </td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                {formatBytes(f.bytes)}
              </td>
              <td className={`${td} text-right tabular-nums`}>{formatNumber(f.num_lines)}</td>
              <td className={td}>{orDash(f.sample_type)}</td>
              <td className={td}>{orDash(f.source)}</td>
              <td className={td}>{orDash(f.purpose)}</td>
              <td className={`${td} whitespace-nowrap`}>
                <time
                  dateTime={toDate(f.created_at)?.toISOString()}
                  title={formatDateTime(f.created_at)}
                >
                  {formatRelative(f.created_at, now)}
                </time>
              </td>
              {onDelete && (
                <td className={`${td} text-right`}>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Delete ${f.filename}`}
                    onClick={() => onDelete(f)}
                  >
                    Delete
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
