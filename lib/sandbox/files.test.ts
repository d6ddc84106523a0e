import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { JobOut, ListFilesOut, UploadFileOut } from "@/lib/mistral/seed-types";
import { tempUploadName } from "./files";
import { INSTRUCT_LINE, jsonlFile, openSandbox, type TestSandbox } from "./test/helpers";

let sb: TestSandbox;
afterEach(() => sb?.close());

const filesDir = () => path.join(sb.dir, "sandbox", "files");
const storedNames = () => readdirSync(filesDir());

/** A multipart body whose file part is produced by `fileChunks`, sent as a stream. */
function multipartStream(
  filename: string,
  fileChunks: () => Promise<Uint8Array | null>,
  opts: { failAfter?: boolean } = {},
): { body: ReadableStream<Uint8Array>; contentType: string; pulledBytes: () => number } {
  const boundary = "----sandbox-test-boundary";
  const enc = new TextEncoder();
  let stage = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 0) {
        stage = 1;
        controller.enqueue(
          enc.encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
              `Content-Type: application/octet-stream\r\n\r\n`,
          ),
        );
        return;
      }
      const chunk = stage === 1 ? await fileChunks() : null;
      if (chunk) {
        pulled += chunk.length;
        controller.enqueue(chunk);
        return;
      }
      if (opts.failAfter) {
        controller.error(new Error("connection reset"));
        return;
      }
      if (stage === 1) {
        stage = 2;
        controller.enqueue(enc.encode(`\r\n--${boundary}--\r\n`));
        return;
      }
      controller.close();
    },
  });
  return {
    body,
    contentType: `multipart/form-data; boundary=${boundary}`,
    pulledBytes: () => pulled,
  };
}

function streamRequest(
  s: { body: ReadableStream<Uint8Array>; contentType: string },
  signal?: AbortSignal,
) {
  return new Request("http://sandbox.test/v1/files", {
    method: "POST",
    body: s.body,
    headers: { "content-type": s.contentType },
    duplex: "half",
    signal,
  } as RequestInit);
}

describe("uploading files", () => {
  it("stores the bytes and answers what the real API does", async () => {
    sb = openSandbox();
    const res = await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(12, "data.jsonl"));
    expect(res.status).toBe(200);
    const expected = Array.from({ length: 12 }, (_, i) => INSTRUCT_LINE(i)).join("\n") + "\n";
    expect(res.body).toMatchObject({
      object: "file",
      filename: "data.jsonl",
      purpose: "fine-tune",
      bytes: Buffer.byteLength(expected),
      num_lines: 12,
      sample_type: "instruct",
      source: "upload",
      mimetype: "application/jsonl",
      expires_at: null,
      visibility: "workspace",
    });
    expect(readFileSync(path.join(filesDir(), `${res.body.id}.jsonl`), "utf8")).toBe(expected);
    expect((await sb.api<UploadFileOut>("GET", `/v1/files/${res.body.id}`)).body).toEqual({
      ...res.body,
      deleted: false,
    });
  });

  it("detects pretrain files", async () => {
    sb = openSandbox();
    const res = await sb.api<UploadFileOut>(
      "POST",
      "/v1/files",
      jsonlFile(3, "corpus.jsonl", (i) => JSON.stringify({ text: `Document ${i} about rivers.` })),
    );
    expect(res.body).toMatchObject({ sample_type: "pretrain", num_lines: 3 });
  });

  it("takes classifier data (text or conversations with labels) and refuses bad labels", async () => {
    sb = openSandbox();
    const text = await sb.api<UploadFileOut>(
      "POST",
      "/v1/files",
      jsonlFile(3, "topics.jsonl", (i) =>
        JSON.stringify({ text: `Match ${i} ended 2-1.`, labels: { topic: "sport" } }),
      ),
    );
    expect(text.body).toMatchObject({ sample_type: "pretrain", num_lines: 3 });
    const chats = await sb.api<UploadFileOut>(
      "POST",
      "/v1/files",
      jsonlFile(2, "chats.jsonl", (i) =>
        JSON.stringify({
          messages: [{ role: "user", content: `Question ${i}` }],
          labels: { tone: ["calm"] },
        }),
      ),
    );
    expect(chats.body).toMatchObject({ sample_type: "instruct", num_lines: 2 });
    const bad = await sb.api<{ detail: { loc: unknown[] }[] }>(
      "POST",
      "/v1/files",
      jsonlFile(2, "bad.jsonl", (i) => JSON.stringify({ text: `t${i}`, labels: { topic: i } })),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d) => d.loc)).toEqual([
      ["body", "file", 1],
      ["body", "file", 2],
    ]);
  });

  it("refuses an invalid file with its line numbers and keeps nothing", async () => {
    sb = openSandbox();
    const fd = new FormData();
    fd.append(
      "file",
      new Blob([`${INSTRUCT_LINE(0)}\n{"messages": oops}\n${INSTRUCT_LINE(2)}\n[1,2]\n`]),
      "bad.jsonl",
    );
    const res = await sb.api<{ detail: { loc: unknown[] }[]; message: string }>(
      "POST",
      "/v1/files",
      fd,
    );
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d) => d.loc)).toEqual([
      ["body", "file", 2],
      ["body", "file", 4],
    ]);
    expect(res.body.message).toMatch(/line 2.*line 4/);
    expect(storedNames()).toEqual([]);
  });

  it("accepts only .jsonl files", async () => {
    sb = openSandbox();
    const fd = new FormData();
    fd.append("file", new Blob(["a,b\n"]), "data.csv");
    const res = await sb.api<{ message: { detail: { loc: unknown[]; msg: string }[] } }>(
      "POST",
      "/v1/files",
      fd,
    );
    expect(res.status).toBe(422);
    expect(res.body.message.detail[0].loc).toEqual(["body", "file"]);
    expect(res.body.message.detail[0].msg).toMatch(/\.jsonl/);
    expect(storedNames()).toEqual([]);
  });

  it("refuses a missing file and a purpose the API does not have", async () => {
    sb = openSandbox();
    const noFile = new FormData();
    noFile.append("purpose", "fine-tune");
    expect((await sb.api("POST", "/v1/files", noFile)).status).toBe(422);
    const fd = jsonlFile(2);
    fd.set("purpose", "assistants");
    const res = await sb.api<{ message: { detail: { loc: unknown[] }[] } }>(
      "POST",
      "/v1/files",
      fd,
    );
    expect(res.status).toBe(422);
    expect(res.body.message.detail[0].loc).toEqual(["body", "purpose"]);
    expect(storedNames()).toEqual([]);
  });

  it("answers 413 beyond the size limit, stops reading and keeps nothing", async () => {
    sb = openSandbox({ maxUploadBytes: 64 * 1024 });
    const line = new TextEncoder().encode(INSTRUCT_LINE(1) + "\n");
    // An endless upload: only stopping early can end this request.
    const upload = multipartStream("huge.jsonl", async () => line);
    const res = await sb.sandbox.handle(streamRequest(upload));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      object: "error",
      message: expect.stringMatching(/too large/),
    });
    expect(upload.pulledBytes()).toBeLessThan(1024 * 1024);
    expect(storedNames()).toEqual([]);
    expect((await sb.api<ListFilesOut>("GET", "/v1/files")).body.data).toEqual([]);
  });

  it("leaves nothing behind when an upload is cut off half way", async () => {
    sb = openSandbox();
    let sent = 0;
    const upload = multipartStream(
      "cut.jsonl",
      async () => (sent++ < 20 ? new TextEncoder().encode(INSTRUCT_LINE(sent) + "\n") : null),
      { failAfter: true },
    );
    const res = await sb.sandbox.handle(streamRequest(upload));
    expect(res.status).toBe(400);
    expect(storedNames()).toEqual([]);
    expect((await sb.api<ListFilesOut>("GET", "/v1/files")).body.data).toEqual([]);
  });

  it("leaves nothing behind when the client aborts mid-upload", async () => {
    sb = openSandbox();
    const controller = new AbortController();
    let sent = 0;
    const upload = multipartStream("gone.jsonl", async () => {
      if (++sent === 10) controller.abort();
      if (sent > 10) await new Promise(() => undefined); // the client never sends more
      return new TextEncoder().encode(INSTRUCT_LINE(sent) + "\n");
    });
    await sb.sandbox.handle(streamRequest(upload, controller.signal));
    expect(storedNames()).toEqual([]);
    expect((await sb.api<ListFilesOut>("GET", "/v1/files")).body.data).toEqual([]);
  });

  it("keeps non-ASCII file names intact, raw UTF-8 or RFC 5987 (issue 9.12a)", async () => {
    sb = openSandbox();
    const name = "invoice®-€-日本語.jsonl";
    const content = INSTRUCT_LINE(1) + "\n";
    const boundary = "----utf8-name";
    const upload = async (disposition: string) => {
      // Raw bytes: the part header is UTF-8 exactly as browsers and SDKs send it.
      const body = new TextEncoder().encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\n` +
          `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      );
      const res = await sb.call("POST", "/v1/files", undefined, {
        body,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as UploadFileOut;
    };
    const raw = await upload(`filename="${name}"`);
    const extended = await upload(
      `filename="invoice.jsonl"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    // The way undici's FormData (Node's fetch, the SDKs) writes it.
    const viaFormData = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(1, name))).body;
    for (const file of [raw, extended, viaFormData]) {
      expect(file.filename).toBe(name);
      expect((await sb.api<UploadFileOut>("GET", `/v1/files/${file.id}`)).body.filename).toBe(name);
    }
    const list = await sb.api<ListFilesOut>("GET", "/v1/files");
    expect(list.body.data.map((f) => f.filename)).toEqual([name, name, name]);
  });

  it("removes at start the temp files of uploads whose process died, and only those (issue 9.12c)", async () => {
    sb = openSandbox();
    // A process that has exited (as one killed by kill -9 has), and one that is still running.
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
    const live = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const put = (name: string, ageMs = 0) => {
        const file = path.join(filesDir(), name);
        writeFileSync(file, INSTRUCT_LINE(0));
        const t = (Date.now() - ageMs) / 1000;
        utimesSync(file, t, t);
        return name;
      };
      const orphan = put(tempUploadName("orphan", deadPid));
      const writing = put(tempUploadName("writing", live.pid!));
      const ours = put(tempUploadName("ours")); // this very process: maybe another sandbox's
      const otherHost = put(`.tmp-00000000-${deadPid}-other-host`);
      const olderName = put(".tmp-11111111-1111-4111-8111-111111111111");
      const staleOtherHost = put(`.tmp-00000000-${live.pid}-stale`, 20 * 60_000);
      const staleLive = put(tempUploadName("stale-live", live.pid!), 20 * 60_000);
      const kept = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(1))).body;

      sb.reopen();
      expect(storedNames().sort()).toEqual(
        [writing, ours, otherHost, olderName, `${kept.id}.jsonl`].sort(),
      );
      expect(storedNames()).not.toContain(orphan);
      expect(storedNames()).not.toContain(staleOtherHost);
      expect(storedNames()).not.toContain(staleLive);
      expect((await sb.api<ListFilesOut>("GET", "/v1/files")).body.data).toHaveLength(1);
    } finally {
      live.kill();
    }
  });

  it("deletes a file and its bytes", async () => {
    sb = openSandbox();
    const up = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(2))).body;
    expect(existsSync(path.join(filesDir(), `${up.id}.jsonl`))).toBe(true);
    const del = await sb.api("DELETE", `/v1/files/${up.id}`);
    expect(del.body).toEqual({ id: up.id, object: "file", deleted: true });
    expect(storedNames()).toEqual([]);
    expect((await sb.api("GET", `/v1/files/${up.id}`)).status).toBe(404);
    expect((await sb.api("DELETE", `/v1/files/${up.id}`)).status).toBe(404);
  });

  it("lists files newest first and keeps them across a restart", async () => {
    sb = openSandbox();
    const a = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(1, "a.jsonl"))).body;
    const b = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(1, "b.jsonl"))).body;
    sb.reopen();
    const list = await sb.api<ListFilesOut>("GET", "/v1/files");
    expect(list.body.data.map((f) => f.id)).toEqual([b.id, a.id]);
  });
});

describe("concurrency", () => {
  it("loses nothing with parallel uploads and job creations", async () => {
    sb = openSandbox();
    const uploads = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(5 + i, `f${i}.jsonl`)),
      ),
    );
    expect(uploads.every((u) => u.status === 200)).toBe(true);
    const ids = uploads.map((u) => u.body.id);
    expect(new Set(ids).size).toBe(24);
    expect(uploads.map((u) => u.body.num_lines)).toEqual(
      Array.from({ length: 24 }, (_, i) => 5 + i),
    );

    const jobs = await Promise.all(
      ids.map((id) =>
        sb.api<JobOut>("POST", "/v1/fine_tuning/jobs", {
          model: "mistral-small-latest",
          training_files: [{ file_id: id }],
          hyperparameters: { training_steps: 3 },
        }),
      ),
    );
    expect(jobs.every((j) => j.status === 200)).toBe(true);
    const list = await sb.api<{ data: JobOut[]; total: number }>("GET", "/v1/fine_tuning/jobs");
    expect(list.body.total).toBe(24);
    expect(new Set(list.body.data.map((j) => j.training_files[0]))).toEqual(new Set(ids));
    expect((await sb.api<ListFilesOut>("GET", "/v1/files")).body.data).toHaveLength(24);
    expect(storedNames()).toHaveLength(24);
  });
});
