"use client";

import Link from "next/link";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { describeError } from "@/lib/api/errors";
import { formatBytes, formatDateTime, formatDuration, formatNumber } from "@/lib/format";
import { canUpload, type QueueAction, type QueueItem } from "@/lib/files/queue";
import { speedOf } from "@/lib/files/speed";
import { serverLineErrors } from "@/lib/files/upload";
import { LintIssues } from "./lint-issues";
import { LintStats } from "./lint-stats";
import { Progress } from "@/components/ui/progress";
import { SamplePreview } from "./sample-preview";
import { purposeLabel, sampleTypeLabel, visibilityLabel } from "@/lib/files/purposes";
import { useFileActions } from "./use-file-actions";

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? "" : "s"}`;

function StatusBadge({ item }: { item: QueueItem }) {
  const { state, report } = item;
  switch (state.kind) {
    case "refused":
      return <Badge tone="danger">Refused</Badge>;
    case "waiting":
      return <Badge>Waiting to check</Badge>;
    case "checking":
      return <Badge tone="info">Checking</Badge>;
    case "check-failed":
      return <Badge tone="danger">Check failed</Badge>;
    case "checked":
      if (report && report.errorCount > 0)
        return <Badge tone="danger">{plural(report.errorCount, "error")}</Badge>;
      if (report && report.warningCount > 0)
        return <Badge tone="warning">Ready · {plural(report.warningCount, "warning")}</Badge>;
      return <Badge tone="success">Ready to upload</Badge>;
    case "queued":
      return <Badge>Queued</Badge>;
    case "uploading":
      return <Badge tone="info">Uploading</Badge>;
    case "upload-failed":
      return <Badge tone="danger">Upload failed</Badge>;
    case "cancelled":
      return <Badge tone="warning">Cancelled</Badge>;
    case "uploaded":
      return <Badge tone="success">Uploaded</Badge>;
  }
}

function UploadProgress({
  loaded,
  total,
  speed,
}: {
  loaded: number;
  total: number;
  speed: number | null;
}) {
  const fraction = total > 0 ? loaded / total : 0;
  const left = speed && speed > 0 ? (total - loaded) / speed : null;
  return (
    <div className="flex flex-col gap-1">
      <Progress label="Upload progress" value={Math.floor(fraction * 100)} />
      <p className="text-xs text-muted tabular-nums">
        {Math.floor(fraction * 100)}% · {formatBytes(loaded)} of {formatBytes(total)}
        {speed != null && ` · ${formatBytes(speed)}/s`}
        {left != null && loaded < total && ` · about ${formatDuration(Math.max(1, left))} left`}
        {loaded >= total && " · waiting for the server to store it"}
      </p>
    </div>
  );
}

function UploadError({ error }: { error: unknown }) {
  const lines = serverLineErrors(error);
  const { title, hint, signIn } = describeError(error);
  return (
    <div
      role="alert"
      className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm"
    >
      {lines.length > 0 ? (
        <>
          <p className="font-medium text-danger">The server refused the file</p>
          <ul className="mt-1 list-disc pl-5">
            {lines.map((l, i) => (
              <li key={i}>{l.message}</li>
            ))}
          </ul>
          <p className="mt-1 text-muted">Fix these lines and drop the file again.</p>
        </>
      ) : (
        <>
          <p className="font-medium text-danger">{title}</p>
          <p>{hint} Nothing was lost: retry when ready.</p>
          {signIn && (
            <a href={signIn} className="mt-1 inline-block font-medium text-accent underline">
              Sign in again
            </a>
          )}
        </>
      )}
    </div>
  );
}

export function QueueItemCard({
  item,
  compact,
  ...props
}: {
  item: QueueItem;
  compact: boolean;
  onCancel: (id: string) => void;
  dispatch: (action: QueueAction) => void;
  /** Focus goes here when the card leaves the list. */
  onGone?: () => void;
}) {
  const { id, file, report, state } = item;
  const ref = useRef<HTMLLIElement>(null);
  const actionsFor = useFileActions();
  // An action replaces the buttons of the card: keep keyboard focus on the card, not the page.
  const dispatch = (action: QueueAction) => {
    props.dispatch(action);
    requestAnimationFrame(() => {
      const li = ref.current;
      if (li?.isConnected && !li.contains(document.activeElement)) li.focus();
      else if (!li?.isConnected) props.onGone?.();
    });
  };
  const onCancel = (itemId: string) => {
    props.onCancel(itemId);
    requestAnimationFrame(() => {
      if (ref.current && !ref.current.contains(document.activeElement)) ref.current.focus();
    });
  };
  const remove = (
    <Button size="sm" variant="ghost" onClick={() => dispatch({ type: "remove", id })}>
      Remove
    </Button>
  );
  let actions: React.ReactNode = remove;
  switch (state.kind) {
    case "checking":
    case "queued":
    case "uploading":
      actions = (
        <Button size="sm" onClick={() => onCancel(id)}>
          Cancel
        </Button>
      );
      break;
    case "check-failed":
      actions = (
        <>
          <Button size="sm" onClick={() => dispatch({ type: "recheck", id })}>
            Check again
          </Button>
          {remove}
        </>
      );
      break;
    case "checked":
    case "upload-failed":
    case "cancelled":
      if (canUpload(item)) {
        actions = (
          <>
            <Button size="sm" variant="primary" onClick={() => dispatch({ type: "enqueue", id })}>
              {state.kind === "checked"
                ? "Upload"
                : state.kind === "cancelled"
                  ? "Upload again"
                  : "Retry"}
            </Button>
            {remove}
          </>
        );
      }
      break;
    case "uploaded":
      actions = (
        <>
          {!compact &&
            actionsFor(state.file).map((a) => (
              <Link
                key={a.label}
                href={a.href}
                className={buttonVariants({ variant: "secondary", size: "sm" })}
              >
                {a.label}
              </Link>
            ))}
          <Button size="sm" variant="ghost" onClick={() => dispatch({ type: "remove", id })}>
            Dismiss
          </Button>
        </>
      );
      break;
  }

  const showReport =
    report && state.kind !== "uploaded" && state.kind !== "queued" && state.kind !== "uploading";
  return (
    <li
      ref={ref}
      tabIndex={-1}
      aria-label={file.name}
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3 outline-none focus-visible:ring-2 focus-visible:ring-accent/40"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium" title={file.name}>
            {file.name}
          </p>
          <p className="text-xs text-muted tabular-nums">
            {formatBytes(file.size)} · for {purposeLabel(item.purpose)}
          </p>
        </div>
        <span aria-live="polite">
          <StatusBadge item={item} />
        </span>
        <div className="flex items-center gap-1.5">{actions}</div>
      </div>

      {state.kind === "refused" && <p className="text-sm text-danger">{state.reason}</p>}
      {state.kind === "checking" && (
        <div className="flex flex-col gap-1">
          <Progress
            label="Check progress"
            value={file.size > 0 ? Math.floor((state.bytesRead / file.size) * 100) : 0}
          />
          <p className="text-xs text-muted tabular-nums">
            Checking in your browser: {formatBytes(state.bytesRead)} of {formatBytes(file.size)}
          </p>
        </div>
      )}
      {state.kind === "check-failed" && (
        <p role="alert" className="text-sm text-danger">
          The file could not be checked: {state.message}. Check that it is still readable, then
          check again.
        </p>
      )}
      {state.kind === "queued" && (
        <p className="text-xs text-muted">Waiting for the upload before it to finish.</p>
      )}
      {state.kind === "uploading" && (
        <UploadProgress loaded={state.loaded} total={state.total} speed={speedOf(state.samples)} />
      )}
      {state.kind === "upload-failed" && <UploadError error={state.error} />}
      {state.kind === "cancelled" && (
        <p className="text-sm text-muted">
          Upload cancelled. Nothing was stored; upload it again when ready.
        </p>
      )}
      {state.kind === "uploaded" && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span>
            Stored as <code className="font-mono text-xs">{state.file.id}</code>
          </span>
          <CopyButton text={state.file.id} label="Copy file id" />
          <span className="text-muted">
            {[
              state.file.num_lines != null && plural(state.file.num_lines, "line"),
              sampleTypeLabel(state.file.sample_type),
              state.file.expires_at && `expires ${formatDateTime(state.file.expires_at)}`,
              state.file.visibility === "user" && visibilityLabel(state.file.visibility),
            ]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </div>
      )}

      {showReport && (
        <>
          {report.errorCount > 0 && state.kind === "checked" && (
            <p className="text-sm text-danger">
              Errors block the upload: fix the lines below and drop the file again.
            </p>
          )}
          {item.purpose === "fine-tune" && <LintStats stats={report.stats} />}
          <LintIssues report={report} fileName={file.name} />
          {item.purpose === "fine-tune" && report.preview.length > 0 && (
            <details open={!compact} className="text-sm">
              <summary className="cursor-pointer text-muted hover:text-text">
                Preview of the first{" "}
                {report.preview.length === 1 ? "sample" : `${report.preview.length} samples`}
              </summary>
              <div className="mt-2">
                <SamplePreview samples={report.preview} lines={report.previewLines} />
              </div>
            </details>
          )}
        </>
      )}
    </li>
  );
}
