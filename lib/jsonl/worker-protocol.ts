// The messages between lint.worker.ts and worker-client.ts, and the worker's logic, kept apart
// from the `self` wiring so it can be tested in Node.
import { lintStream, type LintReport } from "./linter";

export interface LintRequest {
  file: Blob;
}

export type LintResponse =
  | { type: "progress"; bytesRead: number; total: number }
  | { type: "done"; report: LintReport }
  | { type: "error"; message: string };

/** Progress is posted at most this often and at least every 1% of the file. */
export const PROGRESS_INTERVAL_MS = 100;

export async function runLintRequest(
  { file }: LintRequest,
  post: (message: LintResponse) => void,
  now: () => number = () => Date.now(),
): Promise<void> {
  const total = file.size;
  const step = Math.max(1, Math.floor(total / 100));
  let lastTime = -Infinity;
  let lastBytes = 0;
  try {
    const report = await lintStream(file.stream(), {
      onProgress(bytesRead) {
        const t = now();
        if (t - lastTime < PROGRESS_INTERVAL_MS && bytesRead - lastBytes < step) return;
        lastTime = t;
        lastBytes = bytesRead;
        post({ type: "progress", bytesRead, total });
      },
    });
    post({ type: "progress", bytesRead: total, total });
    post({ type: "done", report });
  } catch (e) {
    post({
      type: "error",
      message: `could not read the file: ${e instanceof Error ? e.message : String(e)}`,
    });
  }
}
