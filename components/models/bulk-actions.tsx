"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { describeError } from "@/lib/api/errors";
import { type BulkResult, type ModelChange, useBulkModelChange } from "@/lib/api/hooks/use-models";

type BulkKind = "archive" | "unarchive" | "delete";

const WORDS: Record<BulkKind, { label: string; doing: string; done: string }> = {
  archive: { label: "Archive", doing: "Archiving", done: "Archived" },
  unarchive: { label: "Unarchive", doing: "Unarchiving", done: "Unarchived" },
  delete: { label: "Delete", doing: "Deleting", done: "Deleted" },
};

function changeFor(kind: BulkKind, id: string): ModelChange {
  return kind === "delete"
    ? { kind: "delete", id }
    : { kind: "archive", id, archived: kind === "archive" };
}

/**
 * Stays mounted (the report outlives the selection, whose rows may leave the view).
 * The bar shown while fine-tuned models are selected: archive, unarchive or delete them all, then
 * a result for each model. Models that failed stay selected so the user can retry them.
 */
export function BulkActions({
  ids,
  onDone,
  onClear,
}: {
  /** The selected models the action applies to (those shown by the current filter). */
  ids: string[];
  /** Called with the ids that succeeded, to unselect them. */
  onDone: (succeeded: string[]) => void;
  onClear: () => void;
}) {
  const run = useBulkModelChange();
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ kind: BulkKind; done: number; total: number } | null>(
    null,
  );
  const [report, setReport] = useState<{ kind: BulkKind; results: BulkResult[] } | null>(null);

  async function start(kind: BulkKind) {
    setConfirming(false);
    const targets = [...ids];
    setProgress({ kind, done: 0, total: targets.length });
    const results = await run(
      targets.map((id) => changeFor(kind, id)),
      (done, total) => setProgress({ kind, done, total }),
    );
    setProgress(null);
    setReport({ kind, results });
    onDone(results.filter((r) => r.ok).map((r) => r.id));
  }

  const busy = progress != null;
  const failed = report?.results.filter((r) => !r.ok) ?? [];
  const n = ids.length;
  const confirmText = `delete ${n} model${n === 1 ? "" : "s"}`;

  return (
    <>
      {(n > 0 || busy) && (
        <div
          role="region"
          aria-label="Bulk actions"
          className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-accent/40 bg-accent-soft px-3 py-2 text-sm"
        >
          <span className="font-medium">
            {n} fine-tuned model{n === 1 ? "" : "s"} selected
          </span>
          <span className="grow" />
          {busy ? (
            <span role="status" className="text-muted">
              {WORDS[progress.kind].doing} {progress.done} of {progress.total}…
            </span>
          ) : (
            <>
              <Button size="sm" onClick={() => start("archive")} disabled={!n}>
                Archive selected
              </Button>
              <Button size="sm" onClick={() => start("unarchive")} disabled={!n}>
                Unarchive selected
              </Button>
              <Button size="sm" variant="danger" onClick={() => setConfirming(true)} disabled={!n}>
                Delete selected
              </Button>
              <Button size="sm" variant="ghost" onClick={onClear}>
                Clear selection
              </Button>
            </>
          )}
        </div>
      )}

      {confirming && (
        <ConfirmDialog
          open
          title={`Delete ${n} model${n === 1 ? "" : "s"}?`}
          confirmLabel={`Delete ${n}`}
          confirmText={confirmText}
          onClose={() => setConfirming(false)}
          onConfirm={() => start("delete")}
        >
          <p>
            These fine-tuned models will be deleted for good. Requests that name them will fail. The
            jobs that trained them are kept.
          </p>
          <ul className="mt-2 max-h-40 overflow-auto rounded border border-border bg-surface-2 px-3 py-2 font-mono text-xs">
            {ids.map((id) => (
              <li key={id} className="truncate">
                {id}
              </li>
            ))}
          </ul>
        </ConfirmDialog>
      )}

      {report && (
        <Dialog
          open
          wide
          title={`${WORDS[report.kind].label}: ${report.results.length - failed.length} done, ${failed.length} failed`}
          onClose={() => setReport(null)}
          footer={<Button onClick={() => setReport(null)}>Close</Button>}
        >
          {failed.length > 0 && (
            <p className="mb-3">
              The failed models were left as they were and stay selected: fix the cause and retry
              them.
            </p>
          )}
          <ul aria-label="Result per model" className="divide-y divide-border">
            {report.results.map((r) => {
              const why = r.ok ? null : describeError(r.error);
              return (
                <li key={r.id} className="flex items-start gap-3 py-2">
                  {r.ok ? (
                    <Badge tone="success">{WORDS[report.kind].done}</Badge>
                  ) : (
                    <Badge tone="danger">Failed</Badge>
                  )}
                  <div className="min-w-0">
                    <p className="font-mono text-xs break-all">{r.id}</p>
                    {why && (
                      <p className="mt-0.5 text-danger">
                        {why.title}: <span className="text-text">{why.hint}</span>
                      </p>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </Dialog>
      )}
    </>
  );
}
