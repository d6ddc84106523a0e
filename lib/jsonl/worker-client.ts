// Browser-only: lints a File in a Web Worker.
import type { LintReport } from "./linter";
import type { LintRequest, LintResponse } from "./worker-protocol";

export interface LintJob {
  promise: Promise<LintReport>;
  /** Stops the worker; the promise rejects with an AbortError. */
  cancel(): void;
}

export function lintFileInWorker(
  file: File,
  onProgress?: (bytesRead: number, total: number) => void,
): LintJob {
  // Keep `new URL(..., import.meta.url)` inline in `new Worker(...)`: that is the form
  // Turbopack and webpack recognise and bundle as a separate worker entry.
  const worker = new Worker(new URL("./lint.worker.ts", import.meta.url), { type: "module" });
  let settle: { resolve(r: LintReport): void; reject(e: Error): void } | null = null;
  const promise = new Promise<LintReport>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (result: LintReport | Error) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    worker.terminate();
    if (result instanceof Error) s.reject(result);
    else s.resolve(result);
  };
  worker.onmessage = (event: MessageEvent<LintResponse>) => {
    const msg = event.data;
    if (msg.type === "progress") onProgress?.(msg.bytesRead, msg.total);
    else if (msg.type === "done") finish(msg.report);
    else finish(new Error(msg.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(new Error(`the file checker failed to run: ${event.message || "worker error"}`));
  };
  worker.postMessage({ file } satisfies LintRequest);
  return {
    promise,
    cancel: () => finish(new DOMException("The check was cancelled", "AbortError") as Error),
  };
}
