"use client";

import { useCan, useSession } from "@/components/auth/session";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { formatNumber } from "@/lib/format";
import { useDeleteFile, useFiles } from "@/lib/api/hooks/use-files";
import {
  filterFiles,
  readState,
  sortFiles,
  TABLE_PARAMS,
  type TableState,
  toggleSort,
  writeState,
} from "@/lib/files/table";
import type { FileSchema } from "@/lib/mistral/types";
import { useUrlQuery } from "@/lib/ui/use-url-query";
import { FileDetail } from "./file-detail";
import { FilesTable } from "./files-table";
import { DROPZONE_ID, Uploader } from "./uploader";

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
    (next: TableState) => setQuery(new URLSearchParams(writeState(next))),
    [setQuery],
  );

  const files = useFiles();
  const remove = useDeleteFile();
  const toast = useToast();
  const [deleting, setDeleting] = useState<FileSchema | null>(null);
  const { user } = useSession();
  const canUpload = useCan("files.upload");
  const canDelete = useCan("files.delete");
  const onDelete = canDelete ? setDeleting : undefined;

  const sorted = useMemo(
    () => sortFiles(files.data ?? [], state.sort, state.dir),
    [files.data, state.sort, state.dir],
  );
  const shown = useMemo(() => filterFiles(sorted, state.q), [sorted, state.q]);

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

  const total = files.data?.length ?? 0;
  return (
    <>
      <section aria-labelledby="upload-heading" className="mb-8">
        <h2 id="upload-heading" className="mb-3 text-base font-semibold">
          Upload training data
        </h2>
        {canUpload ? (
          <Uploader />
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
                {state.q.trim()
                  ? `Showing ${formatNumber(shown.length)} of ${formatNumber(total)} file${total === 1 ? "" : "s"}`
                  : `${formatNumber(total)} file${total === 1 ? "" : "s"}`}
              </p>
            )}
          </div>
          <div className="flex items-center gap-2">
            <input
              type="search"
              aria-label="Filter files by name or id"
              placeholder="Filter by name or id"
              className={`${inputClass} w-64`}
              value={state.q}
              onChange={(e) => setState({ ...state, q: e.target.value })}
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

        {files.isPending ? (
          <LoadingState label="Loading files…" />
        ) : files.isError && !files.data ? (
          <>
            <ErrorState error={files.error} onRetry={() => files.refetch()} />
          </>
        ) : total === 0 ? (
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
              ? "Upload a .jsonl training file above: it is checked in your browser first, then appears here, ready for a fine-tuning job."
              : "Files uploaded by the team's members will appear here."}
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState
            title={`No file matches “${state.q.trim()}”`}
            action={<Button onClick={() => setState({ ...state, q: "" })}>Clear the filter</Button>}
          >
            The filter looks in file names and ids.
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
            />
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
