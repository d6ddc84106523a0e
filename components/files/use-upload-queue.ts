"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { toApiError } from "@/lib/api/errors";
import { fileKeys } from "@/lib/api/hooks/use-files";
import { uploadFile } from "@/lib/files/upload";
import {
  hasPendingWork,
  nextToCheck,
  nextToUpload,
  type QueueAction,
  queueReducer,
} from "@/lib/files/queue";
import { lintFileInWorker, type LintJob } from "@/lib/jsonl/worker-client";
import type { FileSchema, UploadFileOut } from "@/lib/mistral/types";

let counter = 0;
const newId = () => `upload-${Date.now().toString(36)}-${(counter++).toString(36)}`;

/**
 * Runs the uploader's queue: one linter worker at a time, then one upload at a time.
 * Leaving the page (or unmounting) stops both; the browser asks before a reload loses work.
 */
export function useUploadQueue(onUploaded?: (file: UploadFileOut) => void) {
  const [items, dispatch] = useReducer(queueReducer, []);
  const qc = useQueryClient();
  const checking = useRef<{ id: string; job: LintJob } | null>(null);
  const uploading = useRef<{ id: string; controller: AbortController } | null>(null);
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  }, [onUploaded]);

  useEffect(() => {
    if (checking.current) return;
    const next = nextToCheck(items);
    if (!next) return;
    const id = next.id;
    const job = lintFileInWorker(next.file, (bytesRead) =>
      dispatch({ type: "check-progress", id, bytesRead }),
    );
    checking.current = { id, job };
    dispatch({ type: "check-started", id });
    job.promise.then(
      (report) => {
        checking.current = null;
        dispatch({ type: "check-done", id, report });
      },
      (error: unknown) => {
        checking.current = null;
        if (error instanceof DOMException && error.name === "AbortError") {
          dispatch({ type: "check-cancelled", id });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          dispatch({ type: "check-failed", id, message });
        }
      },
    );
  }, [items]);

  useEffect(() => {
    if (uploading.current) return;
    const next = nextToUpload(items);
    if (!next) return;
    const id = next.id;
    const controller = new AbortController();
    uploading.current = { id, controller };
    dispatch({ type: "upload-started", id, at: performance.now(), total: next.file.size });
    uploadFile(next.file, {
      signal: controller.signal,
      onProgress: (loaded, total) =>
        dispatch({ type: "upload-progress", id, loaded, total, at: performance.now() }),
    }).then(
      (file) => {
        uploading.current = null;
        dispatch({ type: "upload-done", id, file });
        // Show it in the table at once, then let the server's list confirm it.
        qc.setQueryData<FileSchema[]>(fileKeys.list, (old) =>
          old ? [file, ...old.filter((f) => f.id !== file.id)] : old,
        );
        void qc.invalidateQueries({ queryKey: fileKeys.list });
        onUploadedRef.current?.(file);
      },
      (error: unknown) => {
        uploading.current = null;
        const e = toApiError(error);
        dispatch(
          e.kind === "aborted"
            ? { type: "upload-cancelled", id }
            : { type: "upload-failed", id, error: e },
        );
      },
    );
  }, [items, qc]);

  // Unmounting stops the worker and the request: nothing keeps running unseen.
  useEffect(
    () => () => {
      checking.current?.job.cancel();
      uploading.current?.controller.abort();
    },
    [],
  );

  const pending = hasPendingWork(items);
  useEffect(() => {
    if (!pending) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [pending]);

  const add = useCallback(
    (files: File[]) => dispatch({ type: "add", files, ids: files.map(newId) }),
    [],
  );
  const cancel = useCallback((id: string) => {
    if (checking.current?.id === id) checking.current.job.cancel();
    else if (uploading.current?.id === id) uploading.current.controller.abort();
    else dispatch({ type: "unqueue", id });
  }, []);
  const act = useCallback((action: QueueAction) => dispatch(action), []);

  return { items, add, cancel, dispatch: act };
}
