// The uploader's list of files and what happens to each: refused at once, checked by the linter
// (one at a time, in a worker), then uploaded one at a time. Pure, so it is tested without a DOM;
// components/files/use-upload-queue.ts runs the side effects.
import { formatBytes } from "@/lib/format";
import type { LintReport } from "@/lib/jsonl";
import type { UploadFileOut } from "@/lib/mistral/types";
import { PURPOSE_UPLOADS, type UploadPurpose } from "./purposes";
import type { UploadSettings } from "./upload";
import { addSample, type SpeedSample } from "./speed";

/** The API's limit per file (the sandbox enforces the same). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export type ItemState =
  | { kind: "refused"; reason: string }
  | { kind: "waiting" }
  | { kind: "checking"; bytesRead: number }
  | { kind: "check-failed"; message: string }
  /** Checked; uploadable when the report has no errors. */
  | { kind: "checked" }
  | { kind: "queued" }
  | { kind: "uploading"; loaded: number; total: number; samples: SpeedSample[] }
  | { kind: "upload-failed"; error: unknown }
  | { kind: "cancelled" }
  | { kind: "uploaded"; file: UploadFileOut };

export interface QueueItem {
  id: string;
  file: File;
  /** What it is uploaded for; decides the check it gets and what it can be used for. */
  purpose: UploadPurpose;
  /** The expiry and visibility chosen when it was added, sent with it. */
  settings: UploadSettings;
  report: LintReport | null;
  state: ItemState;
}

export type QueueAction =
  | {
      type: "add";
      files: File[];
      ids: string[];
      purpose?: UploadPurpose;
      settings?: UploadSettings;
    }
  | { type: "check-started"; id: string }
  | { type: "check-progress"; id: string; bytesRead: number }
  | { type: "check-done"; id: string; report: LintReport }
  | { type: "check-failed"; id: string; message: string }
  /** The user stopped the check: the file leaves the list. */
  | { type: "check-cancelled"; id: string }
  | { type: "recheck"; id: string }
  | { type: "enqueue"; id: string }
  | { type: "enqueue-all" }
  | { type: "unqueue"; id: string }
  | { type: "upload-started"; id: string; at: number; total: number }
  | { type: "upload-progress"; id: string; loaded: number; total: number; at: number }
  | { type: "upload-done"; id: string; file: UploadFileOut }
  | { type: "upload-failed"; id: string; error: unknown }
  | { type: "upload-cancelled"; id: string }
  | { type: "remove"; id: string }
  | { type: "clear-finished" };

/** Whether files of this purpose are checked in the browser before upload (JSON Lines are). */
export const isChecked = (purpose: UploadPurpose) => purpose === "fine-tune" || purpose === "batch";

/** Why a file cannot even be checked (or, for documents and audio, uploaded), or null when it can. */
export function refusalReason(
  file: { name: string; size: number },
  purpose: UploadPurpose = "fine-tune",
): string | null {
  const { extensions, kind } = PURPOSE_UPLOADS[purpose];
  const name = file.name.toLowerCase();
  if (!extensions.some((ext) => name.endsWith(ext))) {
    return purpose === "fine-tune"
      ? "Not a .jsonl file. Training data must be JSON Lines: one JSON object per line, in a file named *.jsonl."
      : purpose === "batch"
        ? "Not a .jsonl file. A batch file is JSON Lines: one request per line, in a file named *.jsonl."
        : `Not one of the ${kind} this purpose takes (${extensions.join(", ")}).`;
  }
  if (file.size > MAX_FILE_BYTES) {
    const n = (v: number) => v.toLocaleString("en-US");
    return `Too large: ${formatBytes(file.size)} (${n(file.size)} bytes), over the limit of 512 MB (${n(MAX_FILE_BYTES)} bytes) per file. Split it into smaller files.`;
  }
  return null;
}

/**
 * A checked file may be uploaded when its check found no errors (warnings are allowed); a file
 * of a purpose without a check (documents, audio) once it is added.
 */
export function canUpload(item: QueueItem): boolean {
  return (
    (item.report != null ? item.report.errorCount === 0 : !isChecked(item.purpose)) &&
    (item.state.kind === "checked" ||
      item.state.kind === "upload-failed" ||
      item.state.kind === "cancelled")
  );
}

/** Nothing is lost by removing it (it is not being worked on). */
export function isBusy(item: QueueItem): boolean {
  return item.state.kind === "checking" || item.state.kind === "uploading";
}

/** The next file for the linter, if none is being checked. */
export function nextToCheck(items: QueueItem[]): QueueItem | null {
  if (items.some((i) => i.state.kind === "checking")) return null;
  return items.find((i) => i.state.kind === "waiting") ?? null;
}

/** The next file to upload, if none is uploading. */
export function nextToUpload(items: QueueItem[]): QueueItem | null {
  if (items.some((i) => i.state.kind === "uploading")) return null;
  return items.find((i) => i.state.kind === "queued") ?? null;
}

/** Files that hold the page: leaving would lose work in progress or not yet sent. */
export function hasPendingWork(items: QueueItem[]): boolean {
  return items.some((i) => ["waiting", "checking", "queued", "uploading"].includes(i.state.kind));
}

function update(
  items: QueueItem[],
  id: string,
  when: (item: QueueItem) => boolean,
  change: (item: QueueItem) => QueueItem,
): QueueItem[] {
  let changed = false;
  const next = items.map((item) => {
    if (item.id !== id || !when(item)) return item;
    changed = true;
    return change(item);
  });
  return changed ? next : items;
}

const is =
  (...kinds: ItemState["kind"][]) =>
  (item: QueueItem) =>
    kinds.includes(item.state.kind);

export function queueReducer(items: QueueItem[], action: QueueAction): QueueItem[] {
  switch (action.type) {
    case "add":
      return [
        ...items,
        ...action.files.map((file, i): QueueItem => {
          const purpose = action.purpose ?? "fine-tune";
          const reason = refusalReason(file, purpose);
          return {
            id: action.ids[i],
            file,
            purpose,
            settings: action.settings ?? {},
            report: null,
            state: reason
              ? { kind: "refused", reason }
              : isChecked(purpose)
                ? { kind: "waiting" }
                : { kind: "checked" },
          };
        }),
      ];
    case "check-started":
      return update(items, action.id, is("waiting"), (item) => ({
        ...item,
        state: { kind: "checking", bytesRead: 0 },
      }));
    case "check-progress":
      return update(items, action.id, is("checking"), (item) => ({
        ...item,
        state: { kind: "checking", bytesRead: action.bytesRead },
      }));
    case "check-done":
      return update(items, action.id, is("checking"), (item) => ({
        ...item,
        report: action.report,
        state: { kind: "checked" },
      }));
    case "check-failed":
      return update(items, action.id, is("checking"), (item) => ({
        ...item,
        state: { kind: "check-failed", message: action.message },
      }));
    case "check-cancelled":
      return items.filter((i) => !(i.id === action.id && i.state.kind === "checking"));
    case "recheck":
      return update(items, action.id, is("check-failed"), (item) => ({
        ...item,
        state: { kind: "waiting" },
      }));
    case "enqueue":
      return update(items, action.id, canUpload, (item) => ({
        ...item,
        state: { kind: "queued" },
      }));
    case "enqueue-all":
      return items.some((i) => i.state.kind === "checked" && canUpload(i))
        ? items.map((i) =>
            i.state.kind === "checked" && canUpload(i) ? { ...i, state: { kind: "queued" } } : i,
          )
        : items;
    case "unqueue":
      return update(items, action.id, is("queued"), (item) => ({
        ...item,
        state: { kind: "checked" },
      }));
    case "upload-started":
      return update(items, action.id, is("queued"), (item) => ({
        ...item,
        state: {
          kind: "uploading",
          loaded: 0,
          total: action.total,
          samples: [{ at: action.at, loaded: 0 }],
        },
      }));
    case "upload-progress":
      return update(items, action.id, is("uploading"), (item) => {
        const s = item.state as Extract<ItemState, { kind: "uploading" }>;
        return {
          ...item,
          state: {
            kind: "uploading",
            loaded: action.loaded,
            total: action.total,
            samples: addSample(s.samples, { at: action.at, loaded: action.loaded }),
          },
        };
      });
    case "upload-done":
      return update(items, action.id, is("uploading"), (item) => ({
        ...item,
        state: { kind: "uploaded", file: action.file },
      }));
    case "upload-failed":
      return update(items, action.id, is("uploading"), (item) => ({
        ...item,
        state: { kind: "upload-failed", error: action.error },
      }));
    case "upload-cancelled":
      return update(items, action.id, is("uploading"), (item) => ({
        ...item,
        state: { kind: "cancelled" },
      }));
    case "remove":
      return items.some((i) => i.id === action.id && !isBusy(i))
        ? items.filter((i) => i.id !== action.id)
        : items;
    case "clear-finished":
      return items.filter((i) => i.state.kind !== "uploaded" && i.state.kind !== "refused");
  }
}
