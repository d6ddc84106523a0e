"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/session";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Dash, TextCell } from "@/components/ui/cells";
import {
  type ColumnDef,
  DataTable,
  type RowSelectionState,
  selectColumn,
  type SortingState,
} from "@/components/ui/data-table";
import { Tooltip } from "@/components/ui/tooltip";
import { routes } from "@/lib/routes";
import { cn } from "@/lib/ui/cn";
import { capabilityLabel, type ModelRow } from "@/lib/models/filter";
import { deprecationTone, formatContext, formatDay } from "@/lib/models/format";
import { COLUMNS, DEFAULT_COLUMNS } from "@/lib/models/columns";
import { defaultDir, SORT_COLUMNS, type SortColumn, type SortDir } from "@/lib/models/table-state";
import { CopyId } from "./copy-id";
import { type EditState, ModelFieldEditor } from "./editable-text";

const ROW_HEIGHT = 48;

export const displayName = (row: ModelRow) => row.model.name || row.id;
export const canChat = (row: ModelRow) => row.caps.includes("completion_chat");

const ACTIONS_WIDTH = 200;
/** Only "Try ▸" is left when the user may use the playground but not change models. */
const TRY_ONLY_WIDTH = 80;

export interface ModelsTableProps {
  rows: ModelRow[];
  sort: SortColumn;
  dir: SortDir;
  onSort: (column: SortColumn, dir: SortDir) => void;
  /** Ids of the selected fine-tuned models (also ones not shown under the current filter). */
  selected: ReadonlySet<string>;
  onSelectedChange: (selected: Set<string>) => void;
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

// On a phone nothing sticks sideways: sticky id and actions columns would leave no room for the
// rest, so the table simply scrolls inside its box.
const stickyCell = "z-10 bg-inherit md:sticky";
const stickyHeader = "z-30";

export function ModelsTable(props: ModelsTableProps) {
  const { rows, sort, dir, selected } = props;
  const visible = props.visible ?? DEFAULT_COLUMNS;
  const rights: RowRights = { manage: useCan("models.manage"), tryIt: useCan("playground.use") };
  const columns = modelColumns(props, rights);
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const rowSelection: RowSelectionState = Object.fromEntries([...selected].map((id) => [id, true]));
  return (
    <DataTable<ModelRow>
      label="Models"
      data={rows}
      columns={columns}
      getRowId={(r) => r.id}
      manualSorting
      sorting={sorting}
      onSortingChange={([next]) => {
        if (next) props.onSort(next.id as SortColumn, next.desc ? "desc" : "asc");
      }}
      // Selection only feeds the bulk actions, which are all models.manage.
      enableRowSelection={rights.manage && ((row) => row.original.kind === "fine-tuned")}
      rowSelection={rowSelection}
      onRowSelectionChange={(next) =>
        props.onSelectedChange(new Set(Object.keys(next).filter((id) => next[id])))
      }
      columnVisibility={Object.fromEntries(SORT_COLUMNS.map((k) => [k, visible.includes(k)]))}
      virtualize={{
        rowHeight: ROW_HEIGHT,
        maxHeight: props.height ?? "max(320px, calc(100vh - 19rem))",
        resetKey: props.viewKey,
      }}
      fixedLayout
      density="tall"
      rowProps={(row) => ({ "data-model-id": row.id })}
      data-testid="models-scroller"
    />
  );
}

function modelColumns(props: ModelsTableProps, rights: RowRights): ColumnDef<ModelRow>[] {
  const { edit } = props;
  const editable = (row: ModelRow, field: EditState["field"]) => (
    <ModelFieldEditor
      id={row.id}
      field={field}
      value={field === "name" ? row.model.name : row.model.description}
      edit={edit?.id === row.id ? edit : null}
      onEdit={props.onEdit}
      onCommit={props.onCommitEdit}
      readOnly={!rights.manage}
    />
  );
  const cells: Record<SortColumn, (row: ModelRow) => React.ReactNode> = {
    id: (row) => <IdCell row={row} />,
    name: (row) =>
      row.kind === "fine-tuned" ? editable(row, "name") : <TextCell value={row.model.name} />,
    description: (row) =>
      row.kind === "fine-tuned" ? (
        editable(row, "description")
      ) : (
        <TextCell value={row.model.description} />
      ),
    root: (row) => <TextCell value={row.kind === "fine-tuned" ? row.model.root : null} mono />,
    owned_by: (row) => <TextCell value={row.model.owned_by} />,
    capabilities: (row) => (
      <div className="flex gap-1 overflow-hidden">
        {row.caps.length ? (
          row.caps.map((c) => (
            <Badge key={c} tone={c in CAP_TONES ? CAP_TONES[c] : "neutral"} title={c}>
              {capabilityLabel(c)}
            </Badge>
          ))
        ) : (
          <Dash />
        )}
      </div>
    ),
    max_context_length: (row) => (
      <span title={row.model.max_context_length?.toString()}>
        {formatContext(row.model.max_context_length)}
      </span>
    ),
    created: (row) => <span className="whitespace-nowrap">{formatDay(row.model.created)}</span>,
    aliases: (row) => <TextCell value={aliasesOf(row).join(", ")} mono />,
    deprecation: (row) =>
      row.deprecationMs == null ? (
        <Dash />
      ) : (
        <Badge tone={deprecationTone(row.deprecationMs)} title={row.model.deprecation ?? undefined}>
          {formatDay(row.model.deprecation)}
        </Badge>
      ),
    archived: (row) =>
      row.model.archived === true ? (
        <Badge tone="warning">Archived</Badge>
      ) : (
        <span className="text-muted">Active</span>
      ),
    job: (row) =>
      row.jobId ? (
        <Link
          href={routes.job(row.jobId)}
          prefetch={false}
          aria-label={`Job ${row.jobId}`}
          title={row.jobId}
          className="font-mono text-xs text-accent hover:underline"
        >
          {row.jobId.slice(0, 8)}…
        </Link>
      ) : (
        <Dash />
      ),
  };

  const idLeft = rights.manage ? "md:left-11" : "md:left-0";
  const columns: ColumnDef<ModelRow>[] = COLUMNS.map((c) => ({
    id: c.key,
    header: c.label,
    size: c.width,
    sortDescFirst: defaultDir(c.key) === "desc",
    enableHiding: c.key !== "id",
    meta: {
      align: c.align,
      headerClassName: c.key === "id" ? cn(stickyHeader, idLeft) : undefined,
      cellClassName:
        c.key === "id"
          ? cn(stickyCell, idLeft, "px-1")
          : c.key === "created"
            ? "tabular-nums"
            : undefined,
    },
    cell: ({ row }) => cells[c.key](row.original),
  }));

  if (rights.manage) {
    const select = selectColumn<ModelRow>({
      rowLabel: (r) => `Select ${r.id}`,
      allLabel: (n) => `Select all ${n} fine-tuned models shown`,
      never: (r) => r.kind !== "fine-tuned",
    });
    select.meta = {
      ...select.meta,
      headerClassName: cn(stickyHeader, "md:left-0"),
      cellClassName: cn(stickyCell, "md:left-0"),
    };
    columns.unshift(select);
  }
  if (rights.manage || rights.tryIt) {
    columns.push({
      id: "actions",
      header: "Actions",
      size: rights.manage ? ACTIONS_WIDTH : TRY_ONLY_WIDTH,
      enableSorting: false,
      enableHiding: false,
      meta: {
        headerClassName: cn(stickyHeader, "border-l md:sticky md:right-0"),
        cellClassName: cn(stickyCell, "border-l px-2 md:right-0"),
      },
      cell: ({ row }) => <Actions row={row.original} rights={rights} {...props} />,
    });
  }
  return columns;
}

const aliasesOf = (row: ModelRow) => (Array.isArray(row.model.aliases) ? row.model.aliases : []);

function IdCell({ row }: { row: ModelRow }) {
  const aliases = aliasesOf(row);
  return (
    <>
      <div className="flex min-w-0 items-center gap-0.5">
        <Link
          href={routes.model(row.id)}
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
    </>
  );
}

function Actions({
  row,
  rights,
  onArchive,
  onDelete,
}: ModelsTableProps & { row: ModelRow; rights: RowRights }) {
  const archived = row.model.archived === true;
  const ghost = buttonVariants({ variant: "ghost", size: "sm" });
  return (
    <div className="flex items-center gap-0.5">
      {rights.tryIt && canChat(row) && (
        <Tooltip content="Try in playground">
          <Link
            href={routes.playground({ model: row.id })}
            prefetch={false}
            className={cn(ghost, "px-2 text-accent")}
            aria-label={`Try ${row.id} in playground`}
          >
            Try ▸
          </Link>
        </Tooltip>
      )}
      {rights.manage && row.kind === "fine-tuned" && (
        <>
          <button
            type="button"
            className={cn(ghost, "px-2")}
            aria-label={`${archived ? "Unarchive" : "Archive"} ${row.id}`}
            onClick={() => onArchive(row, !archived)}
          >
            {archived ? "Unarchive" : "Archive"}
          </button>
          <button
            type="button"
            className={cn(ghost, "px-2 text-danger")}
            aria-label={`Delete ${row.id}`}
            onClick={() => onDelete(row)}
          >
            Delete
          </button>
        </>
      )}
    </div>
  );
}

const CAP_TONES: Record<string, "accent" | "info" | "success" | "warning"> = {
  completion_chat: "accent",
  completion_fim: "info",
  function_calling: "success",
  fine_tuning: "warning",
};
