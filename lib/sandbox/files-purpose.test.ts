// Files of every purpose (fine-tune, batch, ocr, audio): uploaded, checked for their purpose,
// listed by purpose, served with their type and used by the operations that read them. Answers go
// through the official SDK 2.x (its zod models) or the spec's schemas.
import { readdirSync } from "node:fs";
import path from "node:path";
import { HTTPClient, Mistral } from "@mistralai/mistralai";
import type { FilePurpose } from "@mistralai/mistralai/models/components";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, describe, expect, it } from "vitest";
import {
  INSTRUCT_LINE,
  jsonlFile,
  manualClock,
  openSandbox,
  type TestSandbox,
} from "./test/helpers";
import { wav } from "./test/media";

/** Not in the SDK's (nor the spec's) FilePurpose enum, which is open. */
const AUDIO = "audio" as FilePurpose;

let t: TestSandbox | undefined;
afterEach(() => t?.close());

function setup() {
  const clock = manualClock();
  t = openSandbox({ now: clock.now, speed: 1 });
  const sb = t;
  const client = new Mistral({
    apiKey: "sandbox",
    serverURL: "http://sandbox.test",
    httpClient: new HTTPClient({
      fetcher: (input, init) => sb.sandbox.handle(new Request(input, init)),
    }),
  });
  return { t: sb, clock, client };
}

const storedNames = (sb: TestSandbox) => readdirSync(path.join(sb.dir, "sandbox", "files"));

async function pdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 300]).drawText(text, { x: 20, y: 200, font, size: 12 });
  return doc.save();
}

function form(purpose: string | undefined, content: BlobPart, name: string): FormData {
  const fd = new FormData();
  if (purpose !== undefined) fd.append("purpose", purpose);
  fd.append("file", new Blob([content]), name);
  return fd;
}

const batchLines = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      custom_id: `r${i}`,
      body: { messages: [{ role: "user", content: `Question ${i}` }], max_tokens: 10 },
    }),
  ).join("\n") + "\n";

type Refusal = { message: { detail: { loc: unknown[]; msg: string }[] } };

describe("files of every purpose", () => {
  it("an OCR upload (PDF) is read by file_id through /v1/ocr and served as application/pdf", async () => {
    const { t, client } = setup();
    const bytes = await pdf("Hello from a file");
    const up = await client.files.upload({
      purpose: "ocr",
      file: { fileName: "scan.pdf", content: bytes },
    });
    expect(up).toMatchObject({
      purpose: "ocr",
      mimetype: "application/pdf",
      source: "upload",
    });
    const got = await client.files.retrieve({ fileId: up.id });
    expect(got).toMatchObject({ purpose: "ocr", mimetype: "application/pdf" });
    const ocr = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "file", fileId: up.id },
    });
    expect(ocr.pages[0].markdown).toBe("Hello from a file");
    const content = await t.call("GET", `/v1/files/${up.id}/content`);
    expect(content.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes);
    // Not stored as a .jsonl.
    expect(storedNames(t)).toEqual([up.id]);
  });

  it("images are recognised by their magic bytes", async () => {
    const { client } = setup();
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const up = await client.files.upload({
      purpose: "ocr",
      file: { fileName: "page.png", content: new Uint8Array(png) },
    });
    expect(up.mimetype).toBe("image/png");
  });

  it("a batch upload creates a batch job that succeeds on the manual clock", async () => {
    const { t, clock, client } = setup();
    const up = await t.api<{ id: string; purpose: string; sample_type: string }>(
      "POST",
      "/v1/files",
      form("batch", batchLines(2), "requests.jsonl"),
    );
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({
      purpose: "batch",
      sample_type: "batch_request",
      num_lines: 2,
      mimetype: "application/jsonl",
      source: "upload",
    });
    const job = await client.batch.jobs.create({
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
      inputFiles: [up.body.id],
    });
    expect(job.totalRequests).toBe(2);
    clock.advance(60_000);
    const done = await client.batch.jobs.get({ jobId: job.id });
    expect(done).toMatchObject({ status: "SUCCESS", succeededRequests: 2 });
    // The output file is the sandbox's, for batch.
    const out = await t.api("GET", `/v1/files/${done.outputFile}`);
    expect(out.body).toMatchObject({
      purpose: "batch",
      source: "mistral",
      sample_type: "batch_result",
      mimetype: "application/jsonl",
    });
    const content = await t.call("GET", `/v1/files/${done.outputFile}/content`);
    expect(content.headers.get("content-type")).toBe("application/jsonl");
    expect((await content.text()).trim().split("\n")).toHaveLength(2);
  });

  it("an audio upload (WAV) is transcribed by file_id", async () => {
    const { t, client } = setup();
    const up = await client.files.upload({
      purpose: AUDIO,
      file: { fileName: "clip.wav", content: wav(2) },
    });
    expect(up).toMatchObject({ purpose: AUDIO, mimetype: "audio/wav", source: "upload" });
    const res = await client.audio.transcriptions.complete({
      model: "voxtral-mini-latest",
      fileId: up.id,
    });
    expect(res.usage.promptAudioSeconds).toBe(2);
    const content = await t.call("GET", `/v1/files/${up.id}/content`);
    expect(content.headers.get("content-type")).toBe("audio/wav");
  });

  it("refuses what a purpose does not take with a 422 naming the field, keeping nothing", async () => {
    const { t } = setup();
    const cases: [FormData, unknown[], RegExp][] = [
      [form("ocr", batchLines(1), "requests.jsonl"), ["body", "file"], /PDF/],
      [form("ocr", "not a pdf", "fake.pdf"), ["body", "file"], /not a PDF/],
      [form("audio", "%PDF-1.7", "doc.pdf"), ["body", "file"], /audio/],
      [form("batch", "%PDF-1.7", "doc.pdf"), ["body", "file"], /\.jsonl/],
      [form("fine-tune", wav(1) as BlobPart, "clip.wav"), ["body", "file"], /fine-tuning/],
      [form(undefined, "x", "notes.txt"), ["body", "file"], /Unsupported/],
      [form("translate", batchLines(1), "r.jsonl"), ["body", "purpose"], /'fine-tune'/],
      // A batch file: every line an object with an object `body`, the line named.
      [
        form("batch", `${batchLines(1)}{"custom_id": "x", "body": "hi"}\n`, "r.jsonl"),
        ["body", "file", 2],
        /Line 2 has no `body`/,
      ],
      [form("batch", `${batchLines(2)}[1]\n`, "r.jsonl"), ["body", "file", 3], /Line 3/],
      [form("batch", "{oops\n", "r.jsonl"), ["body", "file", 1], /not valid JSON/],
      // Training lines are not batch requests, and batch requests are not training data.
      [jsonlFile(2), ["body", "file", 1], /./],
      [form("batch", `${INSTRUCT_LINE(0)}\n`, "train.jsonl"), ["body", "file", 1], /body/],
    ];
    (cases[10][0] as FormData).set("purpose", "batch");
    for (const [fd, loc, msg] of cases) {
      const res = await t.api<Refusal>("POST", "/v1/files", fd);
      expect(res.status, JSON.stringify(loc)).toBe(422);
      expect(res.body.message.detail[0].loc).toEqual(loc);
      expect(res.body.message.detail[0].msg).toMatch(msg);
    }
    // A batch request file is not a training file.
    const res = await t.call("POST", "/v1/files", form("fine-tune", batchLines(1), "r.jsonl"));
    expect(res.status).toBe(422);
    expect(storedNames(t)).toEqual([]);
  });

  it("the list filters by purpose, mimetype and source", async () => {
    const { t, client } = setup();
    const ft = await t.api<{ id: string }>("POST", "/v1/files", jsonlFile(2));
    const batch = await t.api<{ id: string }>(
      "POST",
      "/v1/files",
      form("batch", batchLines(1), "r.jsonl"),
    );
    const ocr = await client.files.upload({
      purpose: "ocr",
      file: { fileName: "a.pdf", content: await pdf("A") },
    });
    const audio = await client.files.upload({
      purpose: AUDIO,
      file: { fileName: "a.mp3", content: new Uint8Array([0x49, 0x44, 0x33, 3, 0]) },
    });
    expect(audio.mimetype).toBe("audio/mpeg");
    const ids = async (purpose: string) =>
      ((await client.files.list({ purpose: purpose as FilePurpose })).data ?? []).map((f) => f.id);
    expect(await ids("fine-tune")).toEqual([ft.body.id]);
    expect(await ids("batch")).toEqual([batch.body.id]);
    expect(await ids("ocr")).toEqual([ocr.id]);
    // The spec's FilePurpose enum (the list's query) has no `audio`, and the sandbox validates
    // queries by the spec: audio files are found by their mimetype instead.
    const audioQuery = await t.api("GET", "/v1/files?purpose=audio");
    expect(audioQuery.status).toBe(422);
    const wavs = await client.files.list({ mimetypes: ["audio/mpeg", "audio/wav"] });
    expect(wavs.data.map((f) => f.id)).toEqual([audio.id]);
    const all = await client.files.list({});
    expect(all.total).toBe(4);
    expect(all.data.map((f) => f.purpose)).toEqual(["audio", "ocr", "batch", "fine-tune"]);
    const pdfs = await client.files.list({ mimetypes: ["application/pdf"] });
    expect(pdfs.data.map((f) => f.id)).toEqual([ocr.id]);
    const mistral = await client.files.list({ source: ["mistral"] });
    expect(mistral.data).toEqual([]);
  });

  it("the list filters by sample type and source, pages and counts", async () => {
    const { t, client } = setup();
    const instruct = await t.api<{ id: string }>("POST", "/v1/files", jsonlFile(2));
    const batch = await t.api<{ id: string }>(
      "POST",
      "/v1/files",
      form("batch", batchLines(1), "r.jsonl"),
    );
    const ids = async (q: Parameters<typeof client.files.list>[0]) =>
      (await client.files.list(q)).data.map((f) => f.id);
    expect(await ids({ sampleType: ["instruct"] })).toEqual([instruct.body.id]);
    expect(await ids({ sampleType: ["instruct", "batch_request"] })).toEqual([
      batch.body.id,
      instruct.body.id,
    ]);
    expect(await ids({ source: ["upload"], sampleType: ["batch_request"] })).toEqual([
      batch.body.id,
    ]);
    expect(await ids({ source: ["repository"] })).toEqual([]);
    const page = await client.files.list({ page: 1, pageSize: 1 });
    expect(page.data.map((f) => f.id)).toEqual([instruct.body.id]);
    expect(page.total).toBe(2);
    const untotalled = await t.api<{ total?: number }>("GET", "/v1/files?include_total=false");
    expect(untotalled.body.total).toBeUndefined();
    // The spec's SampleType enum is the filter's: anything else is a 422 naming it.
    const bad = await t.call("GET", "/v1/files?sample_type=poetry");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("sample_type");
  });
});

describe("upload expiry and visibility", () => {
  const upload = (fields: Record<string, string>) => {
    const fd = form("batch", batchLines(1), "r.jsonl");
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    return fd;
  };

  it("a file with an expiry says when it expires, then is gone from the list and 404s", async () => {
    const { t, clock } = setup();
    const up = await t.api<{ id: string; expires_at: number; visibility: string }>(
      "POST",
      "/v1/files",
      upload({ expiry: "2", visibility: "user" }),
    );
    expect(up.status).toBe(200);
    expect(up.body.expires_at).toBe(Math.floor(clock.now() / 1000) + 2 * 3600);
    expect(up.body.visibility).toBe("user");
    const kept = await t.api<{ id: string; expires_at: unknown; visibility: string }>(
      "POST",
      "/v1/files",
      upload({}),
    );
    expect(kept.body.expires_at).toBeNull();
    expect(kept.body.visibility).toBe("workspace");
    const listed = async () =>
      (await t.api<{ data: { id: string }[]; total: number }>("GET", "/v1/files")).body;
    expect((await listed()).total).toBe(2);

    clock.advance(2 * 3600_000 - 1000);
    expect((await t.api("GET", `/v1/files/${up.body.id}`)).status).toBe(200);
    clock.advance(1000);
    const after = await listed();
    expect(after.data.map((f) => f.id)).toEqual([kept.body.id]);
    expect(after.total).toBe(1);
    for (const suffix of ["", "/content", "/url"]) {
      expect((await t.call("GET", `/v1/files/${up.body.id}${suffix}`)).status).toBe(404);
    }
    expect((await t.call("DELETE", `/v1/files/${up.body.id}`)).status).toBe(404);
    // A batch job cannot read it either.
    const job = await t.call("POST", "/v1/batch/jobs", {
      input_files: [up.body.id],
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
    });
    expect(job.status).toBe(400);
    expect(JSON.stringify(await job.json())).toContain(`File '${up.body.id}' not found.`);
  });

  it("refuses an expiry or a visibility outside the spec with a 422 naming the field, keeping nothing", async () => {
    const { t } = setup();
    for (const [fields, field] of [
      [{ expiry: "0" }, "expiry"],
      [{ expiry: "1.5" }, "expiry"],
      [{ expiry: "soon" }, "expiry"],
      [{ visibility: "public" }, "visibility"],
    ] as const) {
      const res = await t.call("POST", "/v1/files", upload(fields));
      expect(res.status).toBe(422);
      const body = (await res.json()) as Refusal;
      expect(body.message.detail[0].loc).toEqual(["body", field]);
    }
    expect(storedNames(t)).toEqual([]);
    expect((await t.api<{ total: number }>("GET", "/v1/files")).body.total).toBe(0);
  });
});
