"use client";

import { useCan, useSession } from "@/components/auth/session";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ColumnChooser, useStoredColumns } from "@/components/ui/column-chooser";
import { ConfirmDialog } from "@/components/ui/dialog";
import { inputClassFor } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { formatNumber } from "@/lib/format";
import { useDeleteFile, useFilesPage } from "@/lib/api/hooks/use-files";
import { purposeLabel, sampleTypeLabel, sourceLabel, UPLOAD_PURPOSES } from "@/lib/files/purposes";
import {
  isFiltered,
  MEDIA_TYPES,
  readState,
  SAMPLE_TYPES,
  SOURCES,
  sortFiles,
  TABLE_PARAMS,
  type TableState,
  toggleSort,
  writeState,
} from "@/lib/files/table";
import type { FileSchema } from "@/lib/mistral/types";
import { useUrlQuery } from "@/lib/ui/use-url-query";
import { FileDetail } from "./file-detail";
import { DEFAULT_FILE_COLUMNS, FILE_COLUMNS, FilesTable } from "./files-table";

/** The stored choice of columns: known ids only; anything else stored means "the defaults". */
function parseColumns(raw: string | null): string[] | null {
  try {
    const ids: unknown = JSON.parse(raw ?? "null");
    return Array.isArray(ids) ? ids.filter((id) => FILE_COLUMNS.some((c) => c.id === id)) : null;
  } catch {
    return null;
  }
}
import { DROPZONE_ID, Uploader } from "./uploader";

/** Files per page of the table (the API's default page size). */
const PAGE_SIZE = 100;

/** Sends the user to the drop zone and opens the file picker. */
function chooseFiles() {
  const zone = document.getElementById(DROPZONE_ID);
  zone?.scrollIntoView({ block: "center", behavior: "smooth" });
  zone?.focus();
  zone?.click();
}

export function FilesPage() {
  // The URL holds the filter, sort and open file, written without a server round trip.
  const [query, setQuery] = useUrlQuery(TABLE_PARAMS);
  const state = useMemo(() => readState(new URLSearchParams(query)), [query]);
  const setState = useCallback(
    (next: TableState) => void setQuery(new URLSearchParams(writeState(next))),
    [setQuery],
  );

  // The search goes to the server a moment after the last key, not on every key.
  const [search, setSearch] = useState(state.q.trim());
  useEffect(() => {
    const t = setTimeout(() => setSearch(state.q.trim()), 250);
    return () => clearTimeout(t);
  }, [state.q]);
  const files = useFilesPage({
    page: state.page,
    pageSize: PAGE_SIZE,
    purpose: state.purpose,
    type: state.type,
    source: state.source,
    media: state.media,
    search,
  });
  const remove = useDeleteFile();
  const toast = useToast();
  const [deleting, setDeleting] = useState<FileSchema | null>(null);
  const { user } = useSession();
  const columns = useStoredColumns({
    storageKey: `mistral-console:files-columns:${user.id}`,
    columns: FILE_COLUMNS,
    defaults: DEFAULT_FILE_COLUMNS,
    parse: parseColumns,
  });
  const canUpload = useCan("files.upload");
  const canDelete = useCan("files.delete");
  const onDelete = canDelete ? setDeleting : undefined;

  const shown = useMemo(
    () => sortFiles(files.data?.data ?? [], state.sort, state.dir),
    [files.data, state.sort, state.dir],
  );
  const filtered = isFiltered({ ...state, q: search });
  // What the filters ask for, in words (the empty list says it).
  const filterWords = [
    state.q.trim() && `“${state.q.trim()}”`,
    state.purpose && purposeLabel(state.purpose),
    state.type && sampleTypeLabel(state.type),
    state.source && `from ${sourceLabel(state.source)}`,
    state.media && MEDIA_TYPES[state.media]?.label,
  ].filter(Boolean);
  const clearFilters = () =>
    setState({ ...state, q: "", purpose: "", type: "", source: "", media: "", page: 0 });
  const filterSelect = (
    key: "purpose" | "type" | "source" | "media",
    label: string,
    all: string,
    options: [string, string][],
  ) => (
    <select
      aria-label={label}
      className={inputClassFor({ width: "w-full sm:w-40" })}
      value={state[key]}
      onChange={(e) => setState({ ...state, [key]: e.target.value, page: 0 })}
    >
      <option value="">{all}</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
  // A filter or a page beyond the end: back to a page that has files.
  const total = files.data?.total ?? null;
  const pages = total != null ? Math.max(1, Math.ceil(total / PAGE_SIZE)) : null;

  const confirmDelete = () => {
    if (!deleting) return;
    const file = deleting;
    remove.mutate(file.id, {
      onSuccess: () => {
        setDeleting(null);
        // nuqs writes the URL in the background: nothing to wait for.
        if (state.file === file.id) void setState({ ...state, file: null });
        toast({ tone: "success", title: "File deleted", body: file.filename });
      },
    });
  };

  return (
    <>
      <section aria-labelledby="upload-heading" className="mb-8">
        <h2 id="upload-heading" className="mb-3 text-base font-semibold">
          Upload files
        </h2>
        {canUpload ? (
          <Uploader choosePurpose />
        ) : (
          <p className="rounded-lg border border-dashed border-border bg-surface px-4 py-3 text-sm text-muted">
            Your role ({user.role}) can see the files but not upload them: uploads need the member
            role. Ask an admin if you need it.
          </p>
        )}
      </section>

      <section aria-labelledby="files-heading">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="files-heading" className="text-base font-semibold">
              Uploaded files
            </h2>
            {files.data && (
              <p className="text-sm text-muted" aria-live="polite">
                {total == null
                  ? `${formatNumber(shown.length)} file${shown.length === 1 ? "" : "s"} on this page`
                  : `${formatNumber(total)} ${filtered ? "matching " : ""}file${total === 1 ? "" : "s"}`}
              </p>
            )}
          </div>
          <div className="flex items-center gap-2">
            <ColumnChooser
              columns={FILE_COLUMNS}
              visibility={columns.visibility}
              onChange={columns.setVisibility}
              onReset={columns.reset}
              isDefault={columns.isDefault}
            />
            <Button
              onClick={() => files.refetch()}
              disabled={files.isFetching}
              aria-label="Refresh the file list"
            >
              Refresh
            </Button>
          </div>
        </div>
        {/* Two filters a row on a phone, the search below them; one line when it fits. */}
        <div
          role="group"
          aria-label="Filters"
          className="mb-3 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center"
        >
          {filterSelect(
            "purpose",
            "Filter files by purpose",
            "All purposes",
            UPLOAD_PURPOSES.map((p) => [p, purposeLabel(p)]),
          )}
          {filterSelect(
            "type",
            "Filter files by sample type",
            "All sample types",
            SAMPLE_TYPES.map((t) => [t, sampleTypeLabel(t)]),
          )}
          {filterSelect(
            "source",
            "Filter files by source",
            "All sources",
            SOURCES.map((t) => [t, sourceLabel(t)]),
          )}
          {filterSelect(
            "media",
            "Filter files by media type",
            "All media types",
            Object.entries(MEDIA_TYPES).map(([k, m]) => [k, m.label]),
          )}
          <input
            type="search"
            aria-label="Filter files by name or id"
            placeholder="Filter by name or id"
            className={`col-span-2 ${inputClassFor({ width: "w-full sm:w-64" })}`}
            value={state.q}
            onChange={(e) => setState({ ...state, q: e.target.value, page: 0 })}
          />
        </div>

        {files.isPending ? (
          <LoadingState label="Loading files…" />
        ) : files.isError && !files.data ? (
          <>
            <ErrorState error={files.error} onRetry={() => files.refetch()} />
          </>
        ) : shown.length === 0 && !filtered && state.page === 0 ? (
          <EmptyState
            title="No files yet"
            action={
              canUpload ? (
                <Button variant="primary" onClick={chooseFiles}>
                  Choose a .jsonl file
                </Button>
              ) : undefined
            }
          >
            {canUpload
              ? "Upload a file above for fine-tuning, batch, OCR or audio: JSON Lines are checked in your browser first, then the file appears here."
              : "Files uploaded by the team's members will appear here."}
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState
            title={
              state.page > 0 && !filtered
                ? "No files on this page"
                : `No file matches ${filterWords.join(", ")}`
            }
            action={<Button onClick={clearFilters}>Clear the filters</Button>}
          >
            The search looks in file names and ids; the lists narrow by purpose, sample type, source
            and media type.
          </EmptyState>
        ) : (
          <>
            {files.isError && (
              <div className="mb-3">
                <ErrorState compact error={files.error} onRetry={() => files.refetch()} />
              </div>
            )}
            <FilesTable
              files={shown}
              sort={state.sort}
              dir={state.dir}
              onSort={(key) => setState(toggleSort(state, key))}
              onOpen={(f) => setState({ ...state, file: f.id })}
              onDelete={onDelete}
              visibility={columns.visibility}
            />
            {pages != null && pages > 1 && (
              <nav aria-label="Pages of files" className="mt-3 flex items-center justify-end gap-2">
                <Button
                  size="sm"
                  disabled={state.page === 0}
                  onClick={() => setState({ ...state, page: state.page - 1 })}
                >
                  Previous
                </Button>
                <span className="text-sm text-muted tabular-nums" aria-live="polite">
                  Page {formatNumber(state.page + 1)} of {formatNumber(pages)}
                </span>
                <Button
                  size="sm"
                  disabled={state.page + 1 >= pages}
                  onClick={() => setState({ ...state, page: state.page + 1 })}
                >
                  Next
                </Button>
              </nav>
            )}
          </>
        )}
      </section>

      <FileDetail
        id={state.file}
        onClose={() => setState({ ...state, file: null })}
        onDelete={onDelete}
      />
      <ConfirmDialog
        open={canDelete && !!deleting}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={confirmDelete}
        title="Delete this file?"
        confirmLabel={remove.isPending ? "Deleting…" : "Delete"}
        busy={remove.isPending}
      >
        <p>
          <span className="font-medium break-all">{deleting?.filename}</span> will be deleted from
          the server and can no longer be chosen for a fine-tuning job. This cannot be undone.
        </p>
        {remove.isError && (
          <div className="mt-3">
            <ErrorState compact error={remove.error} />
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}
