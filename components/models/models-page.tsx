"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useCan } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { formatNumber } from "@/lib/format";
import { useModels } from "@/lib/api/hooks/use-models";
import {
  computeFacets,
  filterRows,
  type ModelRow,
  prepareRows,
  sortRowsCached,
} from "@/lib/models/filter";
import { groupAliases } from "@/lib/models/group";
import { DEFAULT_STATE, type TableState } from "@/lib/models/table-state";
import { BulkActions } from "./bulk-actions";
import { editedFields, type EditState } from "./editable-text";
import { ModelsTable } from "./models-table";
import { ModelsToolbar } from "./models-toolbar";
import { useModelActions } from "./use-model-actions";
import { useTableState } from "./use-table-state";
import { CHOOSER_COLUMNS, useVisibleColumns } from "./use-visible-columns";
import { routes } from "@/lib/routes";

export function ModelsPage() {
  const models = useModels();
  const [state, setState] = useTableState();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [edit, setEdit] = useState<EditState | null>(null);
  const [deleting, setDeleting] = useState<ModelRow | null>(null);
  const { run } = useModelActions();
  const canManage = useCan("models.manage");
  const canCreateJob = useCan("jobs.create");

  // Sorting happens only when the list or the sort changes; a keystroke only filters.
  // One row per model: the cards of its aliases are folded into it.
  const rows = useMemo(() => prepareRows(groupAliases(models.data ?? [])), [models.data]);
  const columns = useVisibleColumns();
  const sorted = useMemo(
    () => sortRowsCached(rows, state.sort, state.dir),
    [rows, state.sort, state.dir],
  );
  const { q, kind, caps, showArchived } = state;
  const filter = useMemo(
    () => ({ ...DEFAULT_STATE, q, kind, caps, showArchived }),
    [q, kind, caps, showArchived],
  );
  const view = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  const facets = useMemo(() => computeFacets(rows, filter), [rows, filter]); // not on sort

  const change = useCallback(
    (patch: Partial<TableState>) => setState((s) => ({ ...s, ...patch })),
    [setState],
  );

  const selectedShown = useMemo(
    () => view.filter((r) => r.kind === "fine-tuned" && selected.has(r.id)).map((r) => r.id),
    [view, selected],
  );

  const commitEdit = (e: EditState) => {
    setEdit(null);
    const row = rows.find((r) => r.id === e.id);
    if (!row) return;
    const change = editedFields(e, row.model);
    if (change) run({ kind: "update", id: e.id, ...change });
  };

  const fineTuned = facets.kind["fine-tuned"];
  return (
    <>
      <PageHeader
        title="Models"
        description={
          models.data
            ? `${formatNumber(rows.length)} models, ${formatNumber(rows.filter((r) => r.kind === "fine-tuned").length)} of them fine-tuned.`
            : "Base and fine-tuned models."
        }
        actions={
          <>
            <Button
              size="sm"
              onClick={() => models.refetch()}
              disabled={models.isFetching}
              aria-label="Refresh the model list"
            >
              {models.isFetching ? <Spinner label="Refreshing" /> : "↻"} Refresh
            </Button>
            {canCreateJob && (
              <Link
                href={routes.newJob()}
                className={buttonVariants({ variant: "primary", size: "sm" })}
              >
                Fine-tune a model
              </Link>
            )}
          </>
        }
      />

      {models.isPending ? (
        <LoadingState label="Loading models…" />
      ) : models.isError && !models.data ? (
        <>
          <ErrorState error={models.error} onRetry={() => models.refetch()} />
        </>
      ) : (
        <>
          {models.isError && (
            <div className="mb-3">
              <ErrorState error={models.error} onRetry={() => models.refetch()} compact />
            </div>
          )}
          <ModelsToolbar state={state} facets={facets} onChange={change} />
          {canManage && (
            <BulkActions
              ids={selectedShown}
              onClear={() => setSelected(new Set())}
              onDone={(ok) => setSelected((s) => new Set([...s].filter((id) => !ok.includes(id))))}
            />
          )}
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <p role="status" className="text-sm text-muted">
              Showing {formatNumber(view.length)} of {formatNumber(rows.length)} models
              {!state.showArchived && facets.archived > 0
                ? ` (${formatNumber(facets.archived)} archived hidden)`
                : ""}
            </p>
            <ColumnChooser
              columns={CHOOSER_COLUMNS}
              visibility={columns.visibility}
              onChange={columns.setVisibility}
              onReset={columns.reset}
              isDefault={columns.isDefault}
            />
          </div>
          {rows.length === 0 ? (
            <EmptyState
              title="No models"
              action={
                canCreateJob ? (
                  <Link href={routes.newJob()} className={buttonVariants({ variant: "primary" })}>
                    Fine-tune a model
                  </Link>
                ) : undefined
              }
            >
              The API listed no models at all. Check the backend in the header.
            </EmptyState>
          ) : view.length === 0 ? (
            <EmptyState
              title="No model matches"
              action={
                <Button
                  onClick={() => change({ q: "", kind: "all", caps: [], showArchived: false })}
                >
                  Clear filters
                </Button>
              }
            >
              {state.kind === "fine-tuned" && fineTuned === 0 && !state.q
                ? "There are no fine-tuned models yet: a successful fine-tuning job creates one."
                : "Nothing matches the filter. Change it, or clear the filters."}
            </EmptyState>
          ) : (
            <ModelsTable
              rows={view}
              viewKey={`${q}|${kind}|${caps.join()}|${showArchived}|${state.sort}|${state.dir}`}
              sort={state.sort}
              dir={state.dir}
              onSort={(sort, dir) => change({ sort, dir })}
              selected={selected}
              onSelectedChange={setSelected}
              edit={edit}
              onEdit={setEdit}
              onCommitEdit={commitEdit}
              onArchive={(row, archived) => run({ kind: "archive", id: row.id, archived })}
              onDelete={setDeleting}
              visible={columns.visible}
            />
          )}
        </>
      )}

      {canManage && deleting && (
        <ConfirmDialog
          open
          title={`Delete ${deleting.model.name || deleting.id}?`}
          confirmText={deleting.id}
          confirmLabel="Delete model"
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            run({ kind: "delete", id: deleting.id });
            setSelected((s) => new Set([...s].filter((id) => id !== deleting.id)));
            setDeleting(null);
          }}
        >
          <p>
            The fine-tuned model <code className="font-mono break-all">{deleting.id}</code> will be
            deleted for good: requests that name it will fail. The job that trained it is kept.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
