import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lintText } from "./index";
import { lintFileInWorker } from "./worker-client";
import type { LintResponse } from "./worker-protocol";

// Node has no Web Worker: stand in for the browser's at the edge, to check the client's protocol.
class FakeWorker {
  static last: FakeWorker;
  onmessage: ((event: MessageEvent<LintResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: unknown[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.last = this;
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  send(data: LintResponse) {
    this.onmessage?.({ data } as MessageEvent<LintResponse>);
  }
}

beforeEach(() => vi.stubGlobal("Worker", FakeWorker));
afterEach(() => vi.unstubAllGlobals());

const file = new File(['{"text":"a"}\n'], "a.jsonl");

describe("lintFileInWorker", () => {
  it("starts the module worker with the file, relays progress and resolves with the report", async () => {
    const progress: [number, number][] = [];
    const job = lintFileInWorker(file, (bytes, total) => progress.push([bytes, total]));
    const worker = FakeWorker.last;
    expect(worker.url.pathname).toMatch(/lib\/jsonl\/lint\.worker\.ts$/);
    expect(worker.options).toEqual({ type: "module" });
    expect(worker.posted).toEqual([{ file }]);

    const report = lintText('{"text":"a"}\n');
    worker.send({ type: "progress", bytesRead: 6, total: 13 });
    worker.send({ type: "done", report });
    await expect(job.promise).resolves.toEqual(report);
    expect(progress).toEqual([[6, 13]]);
    expect(worker.terminated).toBe(true);
  });

  it("rejects with the worker's message when it cannot read the file", async () => {
    const job = lintFileInWorker(file);
    FakeWorker.last.send({ type: "error", message: "could not read the file: gone" });
    await expect(job.promise).rejects.toThrow("could not read the file: gone");
    expect(FakeWorker.last.terminated).toBe(true);
  });

  it("rejects when the worker script itself fails", async () => {
    const job = lintFileInWorker(file);
    FakeWorker.last.onerror?.({ message: "SyntaxError", preventDefault() {} } as ErrorEvent);
    await expect(job.promise).rejects.toThrow("the file checker failed to run: SyntaxError");
  });

  it("cancel stops the worker and rejects with an AbortError; later messages are ignored", async () => {
    const job = lintFileInWorker(file);
    job.cancel();
    await expect(job.promise).rejects.toMatchObject({ name: "AbortError" });
    expect(FakeWorker.last.terminated).toBe(true);
    expect(() => FakeWorker.last.send({ type: "done", report: lintText("") })).not.toThrow();
  });
});
