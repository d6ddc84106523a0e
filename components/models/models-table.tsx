"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useCan } from "@/components/auth/session";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/ui/cn";
import { capabilityLabel, type ModelRow } from "@/lib/models/filter";
import { deprecationTone, formatContext, formatDay } from "@/lib/models/format";
import { COLUMNS, DEFAULT_COLUMNS } from "@/lib/models/columns";
import { defaultDir, type SortColumn, type SortDir } from "@/lib/models/table-state";
import { CopyId } from "./copy-id";
import { type EditState, ModelFieldEditor } from "./editable-text";

const ROW_HEIGHT = 48;
const HEADER_HEIGHT = 40;

export const playgroundHref = (id: string) => `/playground?model=${encodeURIComponent(id)}`;
export const modelHref = (id: string) => `/models/${encodeURIComponent(id).replace(/%3A/gi, ":")}`;
export const jobHref = (id: string) => `/fine-tuning/${encodeURIComponent(id)}`;
export const displayName = (row: ModelRow) => row.model.name || row.id;
export const canChat = (row: ModelRow) => row.caps.includes("completion_chat");

const SELECT_WIDTH = 44;
const ACTIONS_WIDTH = 200;
/** Only "Try ▸" is left when the user may use the playground but not change models. */
const TRY_ONLY_WIDTH = 80;

export interface ModelsTableProps {
  rows: ModelRow[];
  sort: SortColumn;
  dir: SortDir;
  onSort: (column: SortColumn, dir: SortDir) => void;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  edit: EditState | null;
  onEdit: (edit: EditState | null) => void;
  onCommitEdit: (edit: EditState) => void;
  onArchive: (row: ModelRow, archived: boolean) => void;
  onDelete: (row: ModelRow) => void;
  /** The most height the scrolling area may take (rows beyond it are not rendered). */
  height?: string;
  /** When this changes (a new filter or sort), the table scrolls back to its first row. */
  viewKey?: string;
  /** The columns to draw (the column chooser's choice); the defaults when not given. */
  visible?: readonly SortColumn[];
}

/** What the signed-in user may do from a row; a column with nothing to do is not drawn. */
interface RowRights {
  manage: boolean;
  tryIt: boolean;
}

export function ModelsTable(props: ModelsTableProps) {
  const { rows, sort, dir, selected, edit } = props;
  const visible = props.visible ?? DEFAULT_COLUMNS;
  const columns = COLUMNS.filter((c) => visible.includes(c.key));
  const show = new Set(visible);
  const rights: RowRights = { manage: useCan("models.manage"), tryIt: useCan("playground.use") };
  // Selection only feeds the bulk actions, which are all models.manage.
  const selectWidth = rights.manage ? SELECT_WIDTH : 0;
  const actionsWidth = rights.manage ? ACTIONS_WIDTH : rights.tryIt ? TRY_ONLY_WIDTH : 0;
  const columnCount = columns.length + (selectWidth ? 1 : 0) + (actionsWidth ? 1 : 0);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer hands back functions React Compiler cannot memoize; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 8,
    // Rows have one fixed height, so positions depend on the index alone; the default (index) key
    // keeps the virtualizer from recomputing every position when the order changes.
  });
  useEffect(() => {
    // The virtualizer's own offset, so that no layout is forced when already at the top.
    if (virtualizer.scrollOffset) virtualizer.scrollToOffset(0);
  }, [props.viewKey, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0].start - HEADER_HEIGHT : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  const selectable = rows.filter((r) => r.kind === "fine-tuned");
  const selectedShown = selectable.filter((r) => selected.has(r.id)).length;
  const allSelected = selectable.length > 0 && selectedShown === selectable.length;
  const tableWidth = selectWidth + actionsWidth + columns.reduce((s, c) => s + c.width, 0);

  return (
    <div
      ref={scroller}
      className="relative overflow-auto rounded-lg border border-border bg-surface"
      style={{ maxHeight: props.height ?? "max(320px, calc(100vh - 19rem))" }}
      data-testid="models-scroller"
    >
      <table
        aria-label="Models"
        aria-rowcount={rows.length + 1}
        className="table-fixed border-separate border-spacing-0 text-sm"
        style={{ width: tableWidth, minWidth: "100%" }}
      >
        <colgroup>
          {selectWidth > 0 && <col style={{ width: selectWidth }} />}
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
          {actionsWidth > 0 && <col style={{ width: actionsWidth }} />}
        </colgroup>
        <thead>
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {rights.manage && (
              <th
                scope="col"
                className="sticky top-0 z-30 border-b border-border bg-surface-2 px-3 md:left-0"
              >
                <input
                  type="checkbox"
                  aria-label={`Select all ${selectable.length} fine-tuned models shown`}
                  checked={allSelected}
                  disabled={!selectable.length}
                  ref={(el) => {
                    if (el) el.indeterminate = selectedShown > 0 && !allSelected;
                  }}
                  onChange={(e) => props.onSelectAll(e.target.checked)}
                />
              </th>
            )}
            {columns.map((c) => {
              const active = sort === c.key;
              const next: SortDir = active ? (dir === "asc" ? "desc" : "asc") : defaultDir(c.key);
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}
                  className={`sticky top-0 z-20 border-b border-border bg-surface-2 px-1 text-left font-medium ${
                    c.key === "id" ? (rights.manage ? "z-30 md:left-11" : "z-30 md:left-0") : ""
                  }`}
                >
                  <button
                    type="button"
                    onClick={() => props.onSort(c.key, next)}
                    title={`Sort by ${c.label.toLowerCase()} (${next === "asc" ? "ascending" : "descending"})`}
                    className={`flex w-full items-center gap-1 rounded px-2 py-1 hover:bg-surface ${
                      c.align === "right" ? "justify-end" : ""
                    } ${active ? "text-text" : "text-muted"}`}
                  >
                    {c.label}
                    <span aria-hidden className="w-3 text-xs">
                      {active ? (dir === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </button>
                </th>
              );
            })}
            {actionsWidth > 0 && (
              <th
                scope="col"
                className="sticky top-0 z-30 border-b border-l border-border bg-surface-2 px-3 text-left font-medium text-muted md:right-0"
              >
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columnCount} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            return (
              <ModelTableRow
                {...props}
                rights={rights}
                show={show}
                key={row.id}
                row={row}
                index={item.index}
                checked={selected.has(row.id)}
                edit={edit?.id === row.id ? edit : null}
              />
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columnCount} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

// On a phone nothing sticks sideways: sticky id and actions columns would leave no room for the
// rest, so the table simply scrolls inside its box.
const cell = "h-12 border-b border-border px-3 align-middle";

function ModelTableRow({
  row,
  index,
  checked,
  edit,
  onSelect,
  onEdit,
  onCommitEdit,
  onArchive,
  onDelete,
  rights,
  show,
}: ModelsTableProps & {
  row: ModelRow;
  index: number;
  checked: boolean;
  edit: EditState | null;
  rights: RowRights;
  show: ReadonlySet<SortColumn>;
}) {
  const m = row.model;
  const ft = row.kind === "fine-tuned";
  const archived = m.archived === true;
  const aliases = Array.isArray(m.aliases) ? m.aliases : [];
  const editable = (field: EditState["field"]) => (
    <ModelFieldEditor
      id={row.id}
      field={field}
      value={field === "name" ? m.name : m.description}
      edit={edit}
      onEdit={onEdit}
      onCommit={onCommitEdit}
      readOnly={!rights.manage}
    />
  );
  return (
    <tr
      aria-rowindex={index + 2}
      aria-selected={ft ? checked : undefined}
      data-model-id={row.id}
      className={`group/row ${checked ? "bg-accent-soft" : "bg-surface hover:bg-surface-2"}`}
    >
      {rights.manage && (
        <td className={`${cell} z-10 bg-inherit md:sticky md:left-0`}>
          {ft && (
            <input
              type="checkbox"
              aria-label={`Select ${row.id}`}
              checked={checked}
              onChange={(e) => onSelect(row.id, e.target.checked)}
            />
          )}
        </td>
      )}
      <td
        className={`${cell} z-10 bg-inherit px-1 md:sticky ${rights.manage ? "md:left-11" : "md:left-0"}`}
      >
        <div className="flex min-w-0 items-center gap-0.5">
          <Link
            href={modelHref(row.id)}
            prefetch={false}
            title={`Details of ${row.id}`}
            className="truncate rounded px-1 font-mono text-xs hover:underline"
          >
            {row.id}
          </Link>
          <CopyId text={row.id} />
        </div>
        {aliases.length > 0 && (
          <ul
            aria-label={`Aliases of ${row.id}`}
            title={`Also called ${aliases.join(", ")}`}
            className="flex min-w-0 gap-1 overflow-hidden px-1"
          >
            {aliases.map((a) => (
              <li
                key={a}
                className="shrink-0 rounded bg-surface-2 px-1 font-mono text-[10px] leading-4 text-muted"
              >
                {a}
              </li>
            ))}
          </ul>
        )}
      </td>
      {show.has("name") && (
        <td className={cell}>{ft ? editable("name") : <Text value={m.name} />}</td>
      )}
      {show.has("description") && (
        <td className={cell}>{ft ? editable("description") : <Text value={m.description} />}</td>
      )}
      {show.has("root") && (
        <td className={cell}>
          <Text value={ft ? m.root : null} mono />
        </td>
      )}
      {show.has("owned_by") && (
        <td className={cell}>
          <Text value={m.owned_by} />
        </td>
      )}
      {show.has("capabilities") && (
        <td className={cell}>
          <div className="flex gap-1 overflow-hidden">
            {row.caps.length ? (
              row.caps.map((c) => (
                <Badge key={c} tone={c in CAP_TONES ? CAP_TONES[c] : "neutral"} title={c}>
                  {capabilityLabel(c)}
                </Badge>
              ))
            ) : (
              <span className="text-muted">—</span>
            )}
          </div>
        </td>
      )}
      {show.has("max_context_length") && (
        <td className={`${cell} text-right tabular-nums`} title={m.max_context_length?.toString()}>
          {formatContext(m.max_context_length)}
        </td>
      )}
      {show.has("created") && (
        <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatDay(m.created)}</td>
      )}
      {show.has("aliases") && (
        <td className={cell}>
          <Text value={aliases.join(", ")} mono />
        </td>
      )}
      {show.has("deprecation") && (
        <td className={cell}>
          {row.deprecationMs == null ? (
            <span className="text-muted">—</span>
          ) : (
            <Badge tone={deprecationTone(row.deprecationMs)} title={m.deprecation ?? undefined}>
              {formatDay(m.deprecation)}
            </Badge>
          )}
        </td>
      )}
      {show.has("archived") && (
        <td className={cell}>
          {archived ? (
            <Badge tone="warning">Archived</Badge>
          ) : (
            <span className="text-muted">Active</span>
          )}
        </td>
      )}
      {show.has("job") && (
        <td className={cell}>
          {row.jobId ? (
            <Link
              href={jobHref(row.jobId)}
              prefetch={false}
              aria-label={`Job ${row.jobId}`}
              title={row.jobId}
              className="font-mono text-xs text-accent hover:underline"
            >
              {row.jobId.slice(0, 8)}…
            </Link>
          ) : (
            <span className="text-muted">—</span>
          )}
        </td>
      )}
      {(rights.manage || rights.tryIt) && (
        <td className={`${cell} z-10 border-l bg-inherit px-2 md:sticky md:right-0`}>
          <div className="flex items-center gap-0.5">
            {rights.tryIt && canChat(row) && (
              <Link
                href={playgroundHref(row.id)}
                prefetch={false}
                className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "px-2 text-accent")}
                aria-label={`Try ${row.id} in playground`}
                title="Try in playground"
              >
                Try ▸
              </Link>
            )}
            {rights.manage && ft && (
              <>
                <button
                  type="button"
                  className={cn(buttonVariants({ variant: "ghost", size: "sm" }), "px-2")}
                  aria-label={`${archived ? "Unarchive" : "Archive"} ${row.id}`}
                  onClick={() => onArchive(row, !archived)}
                >
                  {archived ? "Unarchive" : "Archive"}
                </button>
                <button
                  type="button"
                  className={cn(
                    buttonVariants({ variant: "ghost", size: "sm" }),
                    "px-2 text-danger",
                  )}
                  aria-label={`Delete ${row.id}`}
                  onClick={() => onDelete(row)}
                >
                  Delete
                </button>
              </>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}

const CAP_TONES: Record<string, "accent" | "info" | "success" | "warning"> = {
  completion_chat: "accent",
  completion_fim: "info",
  function_calling: "success",
  fine_tuning: "warning",
};

function Text({ value, mono = false }: { value: string | null | undefined; mono?: boolean }) {
  if (value == null || value === "") return <span className="text-muted">—</span>;
  return (
    <div className={`truncate ${mono ? "font-mono text-xs" : ""}`} title={value}>
      {value}
    </div>
  );
}
