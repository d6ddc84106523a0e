"use client";

import {
  type Cell,
  type ColumnDef,
  functionalUpdate,
  getCoreRowModel,
  getSortedRowModel,
  type Header,
  type Row,
  type RowData,
  type RowSelectionState,
  type SortingState,
  type Table,
  type Updater,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/ui/cn";
import { LoadingState } from "./states";
import { Tooltip } from "./tooltip";

declare module "@tanstack/react-table" {
  // The kit's per-column options, read by DataTable (TValue is part of TanStack's signature).
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's name where its header is not plain text (sort button title, chooser). */
    label?: string;
    /** Numbers line up on the right. */
    align?: "left" | "right";
    /** The cell names its row for screen readers: it is drawn as <th scope="row">. */
    rowHeader?: boolean;
    /** Classes for this column's header and body cells (sticky columns, widths, wrapping). */
    className?: string;
    headerClassName?: string;
    cellClassName?: string;
  }
}

export type { ColumnDef, Row, RowSelectionState, SortingState, VisibilityState };

/*
 * One home for table cell styles: every table of the console draws its cells with these.
 * Rows are separated by a border under each cell (not on the row) so that sticky cells keep it.
 */
const densities = { compact: "py-1.5", normal: "py-2", tall: "h-12 py-0" } as const;
export type Density = keyof typeof densities;

export function headerCellClass({ align }: { align?: "left" | "right" } = {}) {
  return cn(
    "border-b border-border bg-surface-2 px-3 py-2 text-xs font-medium whitespace-nowrap text-muted",
    align === "right" ? "text-right" : "text-left",
  );
}

export function bodyCellClass({
  density = "normal",
  align,
}: { density?: Density; align?: "left" | "right" } = {}) {
  return cn(
    "border-b border-border px-3 align-middle",
    densities[density],
    align === "right" && "text-right tabular-nums",
  );
}

export interface DataTableProps<T> {
  /** The table's accessible name ("Uploaded files"). */
  label: string;
  data: readonly T[];
  // Each column has its own value type (TanStack's own examples type the list this way).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** A stable id per row: keys rows and selection (the index only for lists that never change). */
  getRowId: (row: T, index: number) => string;

  /** Sorting, controlled (with `onSortingChange`) or from `defaultSorting`. One column at a time. */
  sorting?: SortingState;
  defaultSorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /**
   * The caller hands the rows over sorted already (by a server or its own rules); then every
   * column sorts, accessor or not, unless it says `enableSorting: false`.
   */
  manualSorting?: boolean;

  /** Row selection by row id, controlled or not; `enableRowSelection` says which rows may be. */
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (selection: RowSelectionState) => void;
  enableRowSelection?: boolean | ((row: Row<T>) => boolean);

  /** Hidden columns are `{ id: false }`; controlled so that a caller can remember the choice. */
  columnVisibility?: VisibilityState;
  onColumnVisibilityChange?: (visibility: VisibilityState) => void;

  /**
   * Draws only the rows in view, inside a box of `maxHeight` that scrolls with a sticky header.
   * Rows must have one fixed height. A change of `resetKey` (a new filter) scrolls to the top.
   */
  virtualize?: {
    rowHeight: number;
    maxHeight: string;
    headerHeight?: number;
    overscan?: number;
    resetKey?: string;
  };
  /** Column widths come from each column's `size` (needed to keep virtual rows from shifting). */
  fixedLayout?: boolean;

  /** Shown instead of the table while the first data loads. */
  loading?: boolean;
  loadingState?: React.ReactNode;
  /** Shown instead of the table when there is no row. */
  empty?: React.ReactNode;

  density?: Density;
  /** The header stays in view when the caller's box (`className` with a max height) scrolls. */
  stickyHeader?: boolean;
  /** Extra attributes and classes for a row (a data-* id for tests, a highlight). */
  rowProps?: (row: Row<T>) => React.HTMLAttributes<HTMLTableRowElement> & {
    [data: `data-${string}`]: string;
  };
  className?: string;
  /** On the box around the table (the scroller, when virtual). */
  "data-testid"?: string;
}

/** State a caller may control; held here when it does not. */
function useMaybeControlled<S>(
  value: S | undefined,
  initial: S,
  onChange: ((next: S) => void) | undefined,
) {
  const [own, setOwn] = useState(initial);
  const current = value ?? own;
  const set = (updater: Updater<S>) => {
    const next = functionalUpdate(updater, current);
    if (value === undefined) setOwn(next);
    onChange?.(next);
  };
  return [current, set] as const;
}

// TanStack sorts only columns with a value; when the caller sorts, the value is never read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sortableByCaller<T>(column: ColumnDef<T, any>): ColumnDef<T, any> {
  return "accessorFn" in column || "accessorKey" in column
    ? column
    : { ...column, accessorFn: () => null };
}

const NO_SORTING: SortingState = [];
const NO_SELECTION: RowSelectionState = {};
const ALL_VISIBLE: VisibilityState = {};

/**
 * A table on TanStack Table: a real <table> with column headers, sort buttons in the headers
 * (aria-sort says the order), optional row selection, column visibility and virtual rows.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { label, density = "normal", virtualize } = props;
  const [sorting, setSorting] = useMaybeControlled(
    props.sorting,
    props.defaultSorting ?? NO_SORTING,
    props.onSortingChange,
  );
  const [rowSelection, setRowSelection] = useMaybeControlled(
    props.rowSelection,
    NO_SELECTION,
    props.onRowSelectionChange,
  );
  const [columnVisibility, setColumnVisibility] = useMaybeControlled(
    props.columnVisibility,
    ALL_VISIBLE,
    props.onColumnVisibilityChange,
  );

  // TanStack hands back functions React Compiler cannot memoize; that is expected here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data: props.data as T[],
    columns: props.manualSorting ? props.columns.map(sortableByCaller) : props.columns,
    getRowId: (row, index) => props.getRowId(row, index),
    state: { sorting, rowSelection, columnVisibility },
    onSortingChange: setSorting,
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: setColumnVisibility,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: props.manualSorting ? undefined : getSortedRowModel(),
    manualSorting: props.manualSorting,
    enableMultiSort: false,
    // A header click flips between the two orders; columns that read best descending first
    // (dates, sizes) say `sortDescFirst: true`.
    enableSortingRemoval: false,
    sortDescFirst: false,
    enableRowSelection: props.enableRowSelection ?? false,
  });

  if (props.loading) return <>{props.loadingState ?? <LoadingState />}</>;
  if (props.data.length === 0 && props.empty) return <>{props.empty}</>;

  const common = { table, label, density, rowProps: props.rowProps, fixed: props.fixedLayout };
  const testId = props["data-testid"];
  return virtualize ? (
    <VirtualTable
      {...common}
      virtualize={virtualize}
      className={props.className}
      data-testid={testId}
    />
  ) : (
    <div
      data-testid={testId}
      className={cn(
        "relative overflow-x-auto rounded-lg border border-border bg-surface",
        props.className,
      )}
    >
      <TableElement {...common} sticky={props.stickyHeader}>
        {table.getRowModel().rows.map((row) => (
          <BodyRow key={row.id} row={row} density={density} rowProps={props.rowProps} />
        ))}
      </TableElement>
    </div>
  );
}

interface TableParts<T> {
  table: Table<T>;
  label: string;
  density: Density;
  rowProps: DataTableProps<T>["rowProps"];
  fixed?: boolean;
}

function TableElement<T>({
  table,
  label,
  fixed,
  sticky = false,
  headerHeight,
  rowCount,
  children,
}: TableParts<T> & {
  sticky?: boolean;
  headerHeight?: number;
  rowCount?: number;
  children: React.ReactNode;
}) {
  const columns = table.getVisibleLeafColumns();
  const width = fixed ? columns.reduce((sum, c) => sum + c.getSize(), 0) : undefined;
  return (
    <table
      aria-label={label}
      aria-rowcount={rowCount}
      className={cn(
        "border-separate border-spacing-0 text-sm",
        fixed ? "table-fixed" : "w-full",
        "[&>tbody>tr:last-child>*]:border-b-0",
      )}
      style={fixed ? { width, minWidth: "100%" } : undefined}
    >
      {fixed && (
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.getSize() }} />
          ))}
        </colgroup>
      )}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr
            key={group.id}
            aria-rowindex={rowCount ? 1 : undefined}
            style={headerHeight ? { height: headerHeight } : undefined}
          >
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} sticky={sticky} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * A header or cell is drawn by calling its function, not mounting it as a component (as
 * TanStack's flexRender does): a caller's column list made anew on each render would otherwise
 * remount every cell, losing focus and what is typed. So these functions use no hooks; a cell
 * that needs some returns a component.
 */
function draw<C>(renderer: string | ((context: C) => React.ReactNode) | undefined, context: C) {
  return typeof renderer === "function" ? renderer(context) : renderer;
}

function ariaSort(sorted: false | "asc" | "desc") {
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}

function HeaderCell<T>({ header, sticky }: { header: Header<T, unknown>; sticky: boolean }) {
  const column = header.column;
  const meta = column.columnDef.meta;
  const canSort = column.getCanSort();
  const sorted = column.getIsSorted();
  const content = header.isPlaceholder ? null : draw(column.columnDef.header, header.getContext());
  const name =
    meta?.label ?? (typeof column.columnDef.header === "string" ? column.columnDef.header : "");
  const next = column.getNextSortingOrder() || (sorted === "asc" ? "desc" : "asc");
  return (
    <th
      scope="col"
      colSpan={header.colSpan > 1 ? header.colSpan : undefined}
      aria-sort={canSort ? ariaSort(sorted) : undefined}
      className={cn(
        headerCellClass({ align: meta?.align }),
        sticky && "sticky top-0 z-20",
        canSort && "px-1.5 py-1",
        meta?.className,
        meta?.headerClassName,
      )}
    >
      {canSort ? (
        <SortTip tip={name ? `Sort by ${name.toLowerCase()} (${next}ending)` : null}>
          <button
            type="button"
            onClick={column.getToggleSortingHandler()}
            className={cn(
              "inline-flex w-full items-center gap-1 rounded px-1.5 py-1 font-medium hover:bg-surface hover:text-text",
              meta?.align === "right" && "justify-end",
              sorted && "text-text",
            )}
          >
            {content}
            <span aria-hidden className="w-3 text-xs">
              {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}
            </span>
          </button>
        </SortTip>
      ) : (
        content
      )}
    </th>
  );
}

function SortTip({ tip, children }: { tip: string | null; children: React.ReactElement }) {
  return tip ? <Tooltip content={tip}>{children}</Tooltip> : children;
}

function BodyRow<T>({
  row,
  density,
  rowProps,
  index,
}: {
  row: Row<T>;
  density: Density;
  rowProps: DataTableProps<T>["rowProps"];
  /** 1-based position among all rows, when only some are drawn. */
  index?: number;
}) {
  const selected = row.getIsSelected();
  const extra = rowProps?.(row);
  return (
    <tr
      {...extra}
      aria-rowindex={index}
      aria-selected={row.getCanSelect() || selected ? selected : undefined}
      data-state={selected ? "selected" : undefined}
      className={cn(
        "group/row",
        selected ? "bg-accent-soft" : "bg-surface hover:bg-surface-2",
        extra?.className,
      )}
    >
      {row.getVisibleCells().map((cell) => (
        <BodyCell key={cell.id} cell={cell} density={density} />
      ))}
    </tr>
  );
}

function BodyCell<T>({ cell, density }: { cell: Cell<T, unknown>; density: Density }) {
  const meta = cell.column.columnDef.meta;
  const className = cn(
    bodyCellClass({ density, align: meta?.align }),
    meta?.className,
    meta?.cellClassName,
  );
  const content = draw(cell.column.columnDef.cell, cell.getContext());
  return meta?.rowHeader ? (
    <th scope="row" className={cn("text-left font-normal", className)}>
      {content}
    </th>
  ) : (
    <td className={className}>{content}</td>
  );
}

function VirtualTable<T>({
  virtualize,
  className,
  "data-testid": testId,
  ...parts
}: TableParts<T> & {
  virtualize: NonNullable<DataTableProps<T>["virtualize"]>;
  className?: string;
  "data-testid"?: string;
}) {
  const { rowHeight, maxHeight, headerHeight = 40, overscan = 8, resetKey } = virtualize;
  const rows = parts.table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    paddingStart: headerHeight,
    scrollPaddingStart: headerHeight,
    overscan,
    // Rows have one fixed height, so positions depend on the index alone; the default (index) key
    // keeps the virtualizer from recomputing every position when the order changes.
  });
  useEffect(() => {
    // The virtualizer's own offset, so that no layout is forced when already at the top.
    if (virtualizer.scrollOffset) virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0].start - headerHeight : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const span = parts.table.getVisibleLeafColumns().length;
  return (
    <div
      ref={scroller}
      data-testid={testId}
      className={cn("relative overflow-auto rounded-lg border border-border bg-surface", className)}
      style={{ maxHeight }}
    >
      <TableElement {...parts} sticky headerHeight={headerHeight} rowCount={rows.length + 1}>
        {top > 0 && (
          <tr aria-hidden style={{ height: top }}>
            <td colSpan={span} />
          </tr>
        )}
        {items.map((item) => (
          <BodyRow
            key={rows[item.index].id}
            row={rows[item.index]}
            index={item.index + 2}
            density={parts.density}
            rowProps={parts.rowProps}
          />
        ))}
        {bottom > 0 && (
          <tr aria-hidden style={{ height: bottom }}>
            <td colSpan={span} />
          </tr>
        )}
      </TableElement>
    </div>
  );
}

/**
 * A first column of checkboxes for `enableRowSelection`. The header's box selects every row that
 * may be selected now (and says how many), unless `allLabel` is left out. A row that may be
 * selected later (when fewer are) shows a disabled box; one that never may, as `never` says, none.
 */
export function selectColumn<T>({
  rowLabel,
  allLabel,
  never,
}: {
  rowLabel: (row: T) => string;
  allLabel?: (count: number) => string;
  never?: (row: T) => boolean;
}): ColumnDef<T> {
  return {
    id: "select",
    size: 44,
    enableSorting: false,
    enableHiding: false,
    meta: { label: "Select", className: "w-11" },
    header: ({ table }) => {
      if (!allLabel) return <span className="sr-only">Select</span>;
      const selectable = table.getRowModel().rows.filter((r) => r.getCanSelect());
      const chosen = selectable.filter((r) => r.getIsSelected()).length;
      const all = selectable.length > 0 && chosen === selectable.length;
      return (
        <input
          type="checkbox"
          aria-label={allLabel(selectable.length)}
          checked={all}
          disabled={!selectable.length}
          ref={(el) => {
            if (el) el.indeterminate = chosen > 0 && !all;
          }}
          onChange={(e) => {
            const on = e.target.checked;
            // Only the rows shown change: a selection made under another filter stays.
            table.setRowSelection((prev) => {
              const next = { ...prev };
              for (const r of selectable) {
                if (on) next[r.id] = true;
                else delete next[r.id];
              }
              return next;
            });
          }}
          className={checkboxClass}
        />
      );
    },
    cell: ({ row }) =>
      never?.(row.original) ? null : (
        <input
          type="checkbox"
          aria-label={rowLabel(row.original)}
          checked={row.getIsSelected()}
          disabled={!row.getCanSelect() && !row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          className={checkboxClass}
        />
      ),
  };
}

const checkboxClass = "h-4 w-4 accent-[var(--accent)]";
