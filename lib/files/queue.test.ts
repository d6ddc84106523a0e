import { describe, expect, it } from "vitest";
import { lintText, type LintReport } from "@/lib/jsonl";
import type { UploadFileOut } from "@/lib/mistral/types";
import {
  canUpload,
  hasPendingWork,
  MAX_FILE_BYTES,
  nextToCheck,
  nextToUpload,
  type QueueAction,
  type QueueItem,
  queueReducer,
  refusalReason,
} from "./queue";

const GOOD =
  '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n';
const okReport = lintText(GOOD);
const warnReport = lintText(GOOD + "\n" + GOOD); // a blank line: a warning
const badReport = lintText(GOOD + "{oops}\n");

const file = (name: string, body = GOOD) => new File([body], name);
/** A File whose size we choose without allocating it. */
const sized = (name: string, size: number) => {
  const f = file(name);
  Object.defineProperty(f, "size", { value: size });
  return f;
};

function run(actions: QueueAction[], start: QueueItem[] = []): QueueItem[] {
  return actions.reduce(queueReducer, start);
}
const kinds = (items: QueueItem[]) => items.map((i) => i.state.kind);
const add = (...files: File[]): QueueAction => ({
  type: "add",
  files,
  ids: files.map((f) => f.name),
});
const checked = (id: string, report: LintReport): QueueAction[] => [
  { type: "check-started", id },
  { type: "check-done", id, report },
];
const FILE_OUT = { id: "f1", filename: "a.jsonl", num_lines: 1 } as UploadFileOut;

describe("refusing files at once", () => {
  it("accepts .jsonl in any case, up to 512 MB", () => {
    expect(refusalReason({ name: "train.jsonl", size: 10 })).toBeNull();
    expect(refusalReason({ name: "TRAIN.JSONL", size: MAX_FILE_BYTES })).toBeNull();
  });

  it("refuses another extension and a file over 512 MB, saying why", () => {
    expect(refusalReason({ name: "data.csv", size: 10 })).toMatch(/Not a \.jsonl file/);
    expect(refusalReason({ name: "train.jsonl.gz", size: 10 })).toMatch(/Not a \.jsonl file/);
    expect(refusalReason({ name: "big.jsonl", size: MAX_FILE_BYTES + 1 })).toMatch(
      /Too large: 512 MB \(536,870,913 bytes\), over the limit of 512 MB \(536,870,912 bytes\)/,
    );
  });

  it("adds refused files as refused and the others as waiting for the check", () => {
    const items = run([add(file("a.jsonl"), file("b.txt"), sized("c.jsonl", MAX_FILE_BYTES + 1))]);
    expect(kinds(items)).toEqual(["waiting", "refused", "refused"]);
    expect(nextToCheck(items)?.id).toBe("a.jsonl");
  });
});

describe("checking", () => {
  it("checks one file at a time, in order", () => {
    let items = run([add(file("a.jsonl"), file("b.jsonl"))]);
    items = run([{ type: "check-started", id: "a.jsonl" }], items);
    expect(nextToCheck(items)).toBeNull();
    items = run([{ type: "check-progress", id: "a.jsonl", bytesRead: 5 }], items);
    expect(items[0].state).toEqual({ kind: "checking", bytesRead: 5 });
    items = run([{ type: "check-done", id: "a.jsonl", report: okReport }], items);
    expect(nextToCheck(items)?.id).toBe("b.jsonl");
  });

  it("lets files without errors be uploaded, warnings or not, and blocks files with errors", () => {
    const items = run([
      add(file("ok.jsonl"), file("warn.jsonl"), file("bad.jsonl")),
      ...checked("ok.jsonl", okReport),
      ...checked("warn.jsonl", warnReport),
      ...checked("bad.jsonl", badReport),
    ]);
    expect(warnReport.warningCount).toBeGreaterThan(0);
    expect(badReport.errorCount).toBeGreaterThan(0);
    expect(items.map(canUpload)).toEqual([true, true, false]);
    const after = run([{ type: "enqueue", id: "bad.jsonl" }], items);
    expect(after).toBe(items);
  });

  it("a failed check can be run again; a cancelled one leaves the list", () => {
    let items = run([
      add(file("a.jsonl"), file("b.jsonl")),
      { type: "check-started", id: "a.jsonl" },
      { type: "check-failed", id: "a.jsonl", message: "unreadable" },
    ]);
    expect(items[0].state).toEqual({ kind: "check-failed", message: "unreadable" });
    items = run([{ type: "recheck", id: "a.jsonl" }], items);
    expect(items[0].state.kind).toBe("waiting");
    items = run(
      [
        { type: "check-started", id: "a.jsonl" },
        { type: "check-cancelled", id: "a.jsonl" },
      ],
      items,
    );
    expect(items.map((i) => i.id)).toEqual(["b.jsonl"]);
  });
});

describe("uploading", () => {
  const ready = () =>
    run([
      add(file("a.jsonl"), file("b.jsonl"), file("c.jsonl")),
      ...checked("a.jsonl", okReport),
      ...checked("b.jsonl", warnReport),
      ...checked("c.jsonl", badReport),
    ]);

  it("queues every ready file with one action and uploads them one at a time, in order", () => {
    let items = run([{ type: "enqueue-all" }], ready());
    expect(kinds(items)).toEqual(["queued", "queued", "checked"]);
    expect(nextToUpload(items)?.id).toBe("a.jsonl");
    items = run([{ type: "upload-started", id: "a.jsonl", at: 0, total: 100 }], items);
    expect(nextToUpload(items)).toBeNull();
    items = run([{ type: "upload-done", id: "a.jsonl", file: FILE_OUT }], items);
    expect(items[0].state).toEqual({ kind: "uploaded", file: FILE_OUT });
    expect(nextToUpload(items)?.id).toBe("b.jsonl");
  });

  it("tracks bytes sent and the samples for the speed", () => {
    const items = run(
      [
        { type: "enqueue", id: "a.jsonl" },
        { type: "upload-started", id: "a.jsonl", at: 0, total: 1000 },
        { type: "upload-progress", id: "a.jsonl", loaded: 400, total: 1000, at: 500 },
      ],
      ready(),
    );
    expect(items[0].state).toEqual({
      kind: "uploading",
      loaded: 400,
      total: 1000,
      samples: [
        { at: 0, loaded: 0 },
        { at: 500, loaded: 400 },
      ],
    });
  });

  it("keeps a cancelled or failed upload with its check, ready to go again", () => {
    let items = run(
      [
        { type: "enqueue", id: "a.jsonl" },
        { type: "upload-started", id: "a.jsonl", at: 0, total: 100 },
        { type: "upload-cancelled", id: "a.jsonl" },
        { type: "enqueue", id: "b.jsonl" },
        { type: "upload-started", id: "b.jsonl", at: 0, total: 100 },
        { type: "upload-failed", id: "b.jsonl", error: new Error("502") },
      ],
      ready(),
    );
    expect(kinds(items)).toEqual(["cancelled", "upload-failed", "checked"]);
    expect(items[0].report).toBe(okReport);
    expect(items.map(canUpload)).toEqual([true, true, false]);
    items = run([{ type: "enqueue", id: "b.jsonl" }], items);
    expect(nextToUpload(items)?.id).toBe("b.jsonl");
  });

  it("a queued file can be taken out of the queue before it starts", () => {
    const items = run(
      [
        { type: "enqueue", id: "a.jsonl" },
        { type: "unqueue", id: "a.jsonl" },
      ],
      ready(),
    );
    expect(items[0].state.kind).toBe("checked");
  });
});

describe("the list", () => {
  it("never drops a file being checked or uploaded", () => {
    const items = run([
      add(file("a.jsonl"), file("b.jsonl")),
      { type: "check-started", id: "a.jsonl" },
      { type: "remove", id: "a.jsonl" },
      { type: "remove", id: "b.jsonl" },
    ]);
    expect(items.map((i) => i.id)).toEqual(["a.jsonl"]);
  });

  it("clears uploaded and refused files only", () => {
    const items = run([
      add(file("a.jsonl"), file("b.csv"), file("c.jsonl")),
      ...checked("a.jsonl", okReport),
      { type: "enqueue", id: "a.jsonl" },
      { type: "upload-started", id: "a.jsonl", at: 0, total: 1 },
      { type: "upload-done", id: "a.jsonl", file: FILE_OUT },
      { type: "clear-finished" },
    ]);
    expect(items.map((i) => i.id)).toEqual(["c.jsonl"]);
  });

  it("has pending work while a file waits, is checked, queued or uploading", () => {
    let items = run([add(file("a.jsonl"))]);
    expect(hasPendingWork(items)).toBe(true);
    items = run(checked("a.jsonl", okReport), items);
    expect(hasPendingWork(items)).toBe(false);
    items = run([{ type: "enqueue", id: "a.jsonl" }], items);
    expect(hasPendingWork(items)).toBe(true);
  });
});

describe("purposes", () => {
  const add = (name: string, purpose: "fine-tune" | "batch" | "ocr" | "audio") =>
    queueReducer([], { type: "add", files: [new File(["x"], name)], ids: ["p1"], purpose })[0];

  it("checks JSON Lines (training and batch files) before they may go", () => {
    expect(add("t.jsonl", "fine-tune").state.kind).toBe("waiting");
    expect(add("b.jsonl", "batch").state.kind).toBe("waiting");
    expect(canUpload(add("b.jsonl", "batch"))).toBe(false);
  });

  it("lets a document or an audio file go at once, as the purpose it was added for", () => {
    const doc = add("scan.PDF", "ocr");
    expect(doc).toMatchObject({ purpose: "ocr", state: { kind: "checked" }, report: null });
    expect(canUpload(doc)).toBe(true);
    expect(canUpload(add("talk.mp3", "audio"))).toBe(true);
  });

  it("refuses a file the purpose does not take", () => {
    expect(add("scan.pdf", "fine-tune").state.kind).toBe("refused");
    expect(add("data.jsonl", "ocr").state).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/PDF or image documents/),
    });
    expect(add("talk.mp3", "batch").state.kind).toBe("refused");
  });
});
