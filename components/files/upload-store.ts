"use client";

// The uploads of this browser tab. It lives outside React so that moving to another page of the
// console does not stop a check or an upload: the Files page and the fine-tuning wizard show the
// same list, and a file finishes uploading while the user looks elsewhere.
import type { QueryClient } from "@tanstack/react-query";
import { toApiError } from "@/lib/api/errors";
import { fileKeys } from "@/lib/api/hooks/use-files";
import {
  hasPendingWork,
  nextToCheck,
  nextToUpload,
  type QueueAction,
  type QueueItem,
  queueReducer,
} from "@/lib/files/queue";
import { checkBatchText } from "@/lib/files/batch-check";
import type { UploadPurpose } from "@/lib/files/purposes";
import { type UploadSettings, uploadFile } from "@/lib/files/upload";
import { lintFileInWorker, type LintJob } from "@/lib/jsonl/worker-client";
import type { FileSchema, UploadFileOut } from "@/lib/mistral/types";

type Listener = () => void;
type UploadedListener = (file: UploadFileOut) => void;

const EMPTY: QueueItem[] = [];
let counter = 0;

export class UploadStore {
  private items: QueueItem[] = EMPTY;
  private listeners = new Set<Listener>();
  /** Who added each item, so the Uploader that started an upload hears of its end. */
  private owners = new Map<string, string>();
  private uploadedListeners = new Map<string, UploadedListener>();
  private checking: { id: string; job: LintJob } | null = null;
  private uploading: { id: string; controller: AbortController } | null = null;
  private queryClient: QueryClient | null = null;

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = () => this.items;
  getServerSnapshot = () => EMPTY;

  /** The tab's query client: a finished upload refreshes the file list even when no page shows it. */
  setQueryClient(client: QueryClient) {
    this.queryClient = client;
  }

  /** Registers an Uploader; returns its id and a function to unregister it. */
  register(onUploaded: UploadedListener): [string, () => void] {
    const owner = `uploader-${counter++}`;
    this.uploadedListeners.set(owner, onUploaded);
    return [owner, () => this.uploadedListeners.delete(owner)];
  }

  add(
    files: File[],
    owner?: string,
    purpose: UploadPurpose = "fine-tune",
    settings: UploadSettings = {},
  ) {
    const ids = files.map(() => `upload-${Date.now().toString(36)}-${(counter++).toString(36)}`);
    if (owner) ids.forEach((id) => this.owners.set(id, owner));
    this.dispatch({ type: "add", files, ids, purpose, settings });
  }

  dispatch = (action: QueueAction) => {
    const before = this.items;
    this.items = queueReducer(this.items, action);
    if (this.items === before) return;
    for (const id of this.owners.keys()) {
      if (!this.items.some((i) => i.id === id)) this.owners.delete(id);
    }
    this.updateLeaveWarning();
    this.listeners.forEach((l) => l());
    this.pump();
  };

  /** Stops the check or upload of an item, or takes it out of the upload queue. */
  cancel = (id: string) => {
    if (this.checking?.id === id) this.checking.job.cancel();
    else if (this.uploading?.id === id) this.uploading.controller.abort();
    else this.dispatch({ type: "unqueue", id });
  };

  /** Stops all work and empties the list. */
  reset() {
    this.checking?.job.cancel();
    this.uploading?.controller.abort();
    this.checking = null;
    this.uploading = null;
    this.owners.clear();
    this.items = EMPTY;
    this.updateLeaveWarning();
    this.listeners.forEach((l) => l());
  }

  private pump() {
    if (!this.checking) this.startCheck();
    if (!this.uploading) this.startUpload();
  }

  private startCheck() {
    const next = nextToCheck(this.items);
    if (!next) return;
    const id = next.id;
    const job =
      next.purpose === "batch"
        ? checkBatchFile(next.file)
        : lintFileInWorker(next.file, (bytesRead) =>
            this.dispatch({ type: "check-progress", id, bytesRead }),
          );
    this.checking = { id, job };
    this.dispatch({ type: "check-started", id });
    job.promise.then(
      (report) => {
        if (this.checking?.job !== job) return;
        this.checking = null;
        this.dispatch({ type: "check-done", id, report });
      },
      (error: unknown) => {
        if (this.checking?.job !== job) return;
        this.checking = null;
        if (error instanceof DOMException && error.name === "AbortError") {
          this.dispatch({ type: "check-cancelled", id });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          this.dispatch({ type: "check-failed", id, message });
        }
      },
    );
  }

  private startUpload() {
    const next = nextToUpload(this.items);
    if (!next) return;
    const id = next.id;
    const controller = new AbortController();
    this.uploading = { id, controller };
    this.dispatch({ type: "upload-started", id, at: performance.now(), total: next.file.size });
    uploadFile(next.file, {
      ...next.settings,
      purpose: next.purpose,
      signal: controller.signal,
      onProgress: (loaded, total) =>
        this.dispatch({ type: "upload-progress", id, loaded, total, at: performance.now() }),
    }).then(
      (file) => {
        if (this.uploading?.controller !== controller) return;
        this.uploading = null;
        const owner = this.owners.get(id);
        this.dispatch({ type: "upload-done", id, file });
        // Show it in the table at once, then let the server's list confirm it.
        this.queryClient?.setQueryData<FileSchema[]>(fileKeys.list, (old) =>
          old ? [file, ...old.filter((f) => f.id !== file.id)] : old,
        );
        void this.queryClient?.invalidateQueries({ queryKey: fileKeys.all });
        if (owner) this.uploadedListeners.get(owner)?.(file);
      },
      (error: unknown) => {
        if (this.uploading?.controller !== controller) return;
        this.uploading = null;
        const e = toApiError(error);
        this.dispatch(
          e.kind === "aborted"
            ? { type: "upload-cancelled", id }
            : { type: "upload-failed", id, error: e },
        );
      },
    );
  }

  // Reloading or closing the tab would lose files not yet sent: the browser asks first.
  private warning = false;
  private static warn = (e: BeforeUnloadEvent) => e.preventDefault();
  private updateLeaveWarning() {
    const pending = hasPendingWork(this.items);
    if (pending === this.warning || typeof window === "undefined") return;
    this.warning = pending;
    if (pending) window.addEventListener("beforeunload", UploadStore.warn);
    else window.removeEventListener("beforeunload", UploadStore.warn);
  }
}

/** A batch file's check (lib/files/batch-check.ts), cancellable like the linter's worker. */
function checkBatchFile(file: File): LintJob {
  let cancelled = false;
  return {
    promise: file.text().then((text) => {
      if (cancelled) throw new DOMException("The check was cancelled", "AbortError");
      return checkBatchText(text);
    }),
    cancel: () => {
      cancelled = true;
    },
  };
}

/** The one store of this tab. */
export const uploadStore = new UploadStore();
