// Files API: multipart uploads streamed to a temp file (never buffered whole), checked line by
// line while they stream, then renamed into place only once everything is accepted.
import { createHash, createHmac, randomUUID } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type WriteStream,
} from "node:fs";
import { rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { JsonlLinter, type LintReport } from "@/lib/jsonl";
import type { components } from "@/lib/mistral/schema.gen";
import type { SandboxContext } from "./context";
import { json, mistralError, validationError } from "./http";
import type { QueryValues } from "./validation";

type FileSchema = components["schemas"]["FileSchema"];

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const MAX_REPORTED_ERRORS = 5;
/** A temp file whose writer we cannot ask about (another host, an older name) is dropped after this. */
const STALE_TEMP_MS = 15 * 60 * 1000;

// A temp upload is named after the process writing it (`.tmp-<host>-<pid>-<uuid>`), so that a
// sandbox starting later can tell one left by a process that died (kill -9, a crash: nothing ran
// to remove it) from one that a live process sharing the folder is still writing. The host is a
// hash: pids of another machine or container sharing the folder mean nothing here.
const HOST_TAG = createHash("sha256").update(os.hostname()).digest("hex").slice(0, 8);
const TEMP_NAME = /^\.tmp-([0-9a-f]{8})-(\d+)-/;

/** The temp file name of upload `id` written by process `pid` of this host. */
export function tempUploadName(id: string, pid = process.pid): string {
  return `.tmp-${HOST_TAG}-${pid}-${id}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, it is just not ours to signal.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temp files of uploads that can never finish: those of a process of this host that
 * is gone, and any older than STALE_TEMP_MS. Runs when a sandbox starts; returns what it removed.
 */
export function removeLeftoverUploads(filesDir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(filesDir)) {
    if (!name.startsWith(".tmp-")) continue;
    const file = path.join(filesDir, name);
    const owner = TEMP_NAME.exec(name);
    const orphan =
      owner !== null &&
      owner[1] === HOST_TAG &&
      Number(owner[2]) !== process.pid &&
      !isAlive(Number(owner[2]));
    try {
      if (orphan || now - statSync(file).mtimeMs > STALE_TEMP_MS) {
        rmSync(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Gone already (its upload finished or failed meanwhile): nothing to clean.
    }
  }
  return removed;
}

/**
 * The purposes the sandbox accepts: the spec's FilePurpose enum (fine-tune, batch, ocr) and
 * `audio`, which its FileSchema documents ("Audio/Transcription (`audio`)") but the enum lacks.
 */
export const FILE_PURPOSES = ["fine-tune", "batch", "ocr", "audio"] as const;
export type SandboxFilePurpose = (typeof FILE_PURPOSES)[number];

interface FileRow {
  id: string;
  filename: string;
  bytes: number;
  /** Lines of a JSONL file; 0 for documents and audio (answered as null). */
  num_lines: number;
  sample_type: string;
  data_tokens: number;
  created_at: number;
  purpose: SandboxFilePurpose;
  mimetype: string;
  source: "upload" | "mistral";
  /** Unix seconds after which the file is gone (listed nowhere, 404 everywhere); null: kept. */
  expires_at: number | null;
  visibility: FileVisibility;
}

/** Today's FileVisibility: the whole workspace, or only the uploader (the sandbox has one). */
export const FILE_VISIBILITIES = ["workspace", "user"] as const;
type FileVisibility = (typeof FILE_VISIBILITIES)[number];

const JSONL_MIMETYPE = "application/jsonl";

/**
 * Where a file's bytes are: `<id>.jsonl` for JSONL files (as every file was named before files
 * had other purposes), `<id>` for the rest. Without `mimetype` the file's row decides.
 */
export function filePath(ctx: SandboxContext, id: string, mimetype?: string): string {
  const type = mimetype ?? getFileRow(ctx, id)?.mimetype ?? JSONL_MIMETYPE;
  return path.join(ctx.store.filesDir, type === JSONL_MIMETYPE ? `${id}.jsonl` : id);
}

function toFileOut(row: FileRow): FileSchema {
  return {
    id: row.id,
    object: "file",
    bytes: row.bytes,
    created_at: row.created_at,
    filename: row.filename,
    // `audio` is not in the generated enum (see FILE_PURPOSES) but is what the live API answers.
    purpose: row.purpose as FileSchema["purpose"],
    sample_type: row.sample_type as FileSchema["sample_type"],
    num_lines: row.mimetype === JSONL_MIMETYPE ? row.num_lines : null,
    mimetype: row.mimetype,
    source: row.source,
    signature: null,
    expires_at: row.expires_at,
    visibility: row.visibility,
  };
}

/** Magic bytes of the documents OCR reads, and their types. */
const DOCUMENT_MAGIC: { type: string; matches(head: Buffer): boolean }[] = [
  { type: "application/pdf", matches: (h) => h.subarray(0, 5).toString("latin1") === "%PDF-" },
  {
    type: "image/png",
    matches: (h) =>
      h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: "image/jpeg", matches: (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  { type: "image/gif", matches: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString("latin1")) },
  {
    type: "image/webp",
    matches: (h) =>
      h.subarray(0, 4).toString("latin1") === "RIFF" &&
      h.subarray(8, 12).toString("latin1") === "WEBP",
  },
];
const DOCUMENT_EXTENSIONS = [".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp"];

/** Audio files by extension, and their types. */
const AUDIO_TYPES: Record<string, string> = {
  ".wav": "audio/wav",
  ".mp3": "audio/mpeg",
  ".flac": "audio/flac",
  ".ogg": "audio/ogg",
  ".m4a": "audio/mp4",
  ".webm": "audio/webm",
};

/** The SQL condition of a file that has not expired at `now` (ms): expired files are gone. */
const LIVE = "(expires_at IS NULL OR expires_at > ?)";
const nowSeconds = (ctx: SandboxContext) => Math.floor(ctx.now() / 1000);

/** A file's row, unless it does not exist or has expired (then every route answers 404). */
export function getFileRow(ctx: SandboxContext, id: string): FileRow | undefined {
  return ctx.store.db
    .prepare(`SELECT * FROM files WHERE id = ? AND ${LIVE}`)
    .get(id, nowSeconds(ctx)) as FileRow | undefined;
}

const fileNotFound = (id: string) =>
  mistralError(404, `File '${id}' not found.`, "invalid_request_error", "file_not_found");

/**
 * GET /v1/files with today's query: page/page_size (newest first), include_total (default true),
 * and the filters (sample_type, source, purpose, mimetypes) on the stored values; search matches
 * the file name or the id. Expired files are left out.
 */
export function listFiles(ctx: SandboxContext, q: QueryValues = {}): Response {
  const where: string[] = [LIVE];
  const args: unknown[] = [nowSeconds(ctx)];
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const sampleTypes = list(q.sample_type);
  if (sampleTypes.length) {
    where.push(`sample_type IN (${sampleTypes.map(() => "?").join(", ")})`);
    args.push(...sampleTypes);
  }
  const sources = list(q.source);
  if (sources.length) {
    where.push(`source IN (${sources.map(() => "?").join(", ")})`);
    args.push(...sources);
  }
  if (typeof q.purpose === "string") {
    where.push("purpose = ?");
    args.push(q.purpose);
  }
  const mimetypes = list(q.mimetypes);
  if (mimetypes.length) {
    where.push(`mimetype IN (${mimetypes.map(() => "?").join(", ")})`);
    args.push(...mimetypes);
  }
  if (typeof q.search === "string" && q.search !== "") {
    where.push("(instr(lower(filename), lower(?)) > 0 OR id = ?)");
    args.push(q.search, q.search);
  }
  const clause = `WHERE ${where.join(" AND ")}`;
  const pageSize = typeof q.page_size === "number" ? Math.max(0, q.page_size) : 100;
  const page = typeof q.page === "number" ? Math.max(0, q.page) : 0;
  const rows = ctx.store.db
    .prepare(`SELECT * FROM files ${clause} ORDER BY rowid DESC LIMIT ? OFFSET ?`)
    .all(...args, pageSize, page * pageSize) as FileRow[];
  const out: { data: FileSchema[]; object: string; total?: number } = {
    data: rows.map(toFileOut),
    object: "list",
  };
  if (q.include_total !== false) {
    const { n } = ctx.store.db
      .prepare(`SELECT count(*) AS n FROM files ${clause}`)
      .get(...args) as { n: number };
    out.total = n;
  }
  return json(out);
}

export function retrieveFile(ctx: SandboxContext, id: string): Response {
  const row = getFileRow(ctx, id);
  return row ? json({ ...toFileOut(row), deleted: false }) : fileNotFound(id);
}

/** GET /v1/files/{id}/content: the bytes as uploaded, as an attachment. */
export function downloadFile(ctx: SandboxContext, id: string): Response {
  const row = getFileRow(ctx, id);
  if (!row) return fileNotFound(id);
  const stream = Readable.toWeb(
    createReadStream(filePath(ctx, id, row.mimetype)),
  ) as ReadableStream<Uint8Array>;
  const ascii = row.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": row.mimetype,
      "content-length": String(row.bytes),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
    },
  });
}

/** A per-sandbox secret for the signatures of signed URLs (they are not checked: the shape only). */
const URL_SECRET = randomUUID();

/**
 * GET /v1/files/{id}/url: `{ url }`, a link valid for `expiry` hours (default 24) like the live
 * API's blob-storage URLs (`?se=<expiry>&sp=r&sig=<signature>`). It points at this sandbox's
 * /content route, which still needs the caller's credentials.
 */
export function signedUrl(
  ctx: SandboxContext,
  id: string,
  q: QueryValues,
  origin: string,
): Response {
  if (!getFileRow(ctx, id)) return fileNotFound(id);
  const hours = typeof q.expiry === "number" ? q.expiry : 24;
  if (hours < 1) {
    return mistralError(400, "expiry must be at least 1 hour.", "invalid_request_error");
  }
  const se = new Date(ctx.now() + hours * 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const sig = createHmac("sha256", URL_SECRET).update(`${id}\n${se}`).digest("base64url");
  const url = `${origin}/v1/files/${id}/content?se=${encodeURIComponent(se)}&sp=r&sig=${sig}`;
  return json({ url });
}

export async function deleteFile(
  ctx: SandboxContext,
  id: string,
  beforeDelete: (fileId: string) => void,
): Promise<Response> {
  const row = getFileRow(ctx, id);
  if (!row) return fileNotFound(id);
  // Jobs past their validation keep the outcome they had while the file existed.
  beforeDelete(id);
  const { changes } = ctx.store.db.prepare("DELETE FROM files WHERE id = ?").run(id);
  if (!changes) return fileNotFound(id); // a concurrent delete won
  await rm(filePath(ctx, id, row.mimetype), { force: true });
  return json({ id, object: "file", deleted: true });
}

class UploadRefused extends Error {
  constructor(readonly response: Response) {
    super("upload refused");
  }
}

/**
 * POST /v1/files. The body is read as a stream; the file part goes to a temp file and is
 * renamed to its final name only when the whole upload is accepted, so an upload that is cut off,
 * too large or invalid leaves nothing behind.
 */
export async function uploadFile(ctx: SandboxContext, request: Request): Promise<Response> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) {
    return validationError([{ loc: ["body", "file"], msg: "Field required", type: "missing" }]);
  }
  const id = randomUUID();
  const tmp = path.join(ctx.store.filesDir, tempUploadName(id));
  const source = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": contentType },
      // Browsers and SDKs send a non-ASCII file name as raw UTF-8 in \`filename="..."\`; busboy's
      // default (latin1) would turn \`invoice®.jsonl\` into \`invoiceÂ®.jsonl\`. (\`filename*=\` names
      // its own charset.)
      defParamCharset: "utf8",
      limits: { fileSize: ctx.maxUploadBytes, files: 1, fields: 10, fieldSize: 1024 },
    });
  } catch {
    return validationError([{ loc: ["body"], msg: "Invalid multipart body", type: "value_error" }]);
  }

  let purpose: string | undefined;
  const fields: { expiry?: string; visibility?: string } = {};
  let filename: string | undefined;
  let extension = "";
  let bytes = 0;
  // A JSONL file is checked as its bytes are written, like the real API validates on upload; one
  // pass, nothing held but the current line. The purpose may come after the file part, so both
  // checks run: the training-data linter (issue 4) for fine-tuning, a light one for batch input.
  const linter = new JsonlLinter({ maxIssues: 200 });
  const batchLinter = new BatchInputLinter();
  let head = Buffer.alloc(0); // the first bytes, for the magic numbers of documents
  let fileDone: Promise<void> | undefined;
  let fileStream: Readable | undefined;
  let tmpStream: WriteStream | undefined;
  let report: LintReport;

  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown) => reject(err);
      bb.on("field", (name, value) => {
        if (name === "purpose") purpose = value;
        if (name === "expiry" || name === "visibility") fields[name] = value;
      });
      bb.on("file", (name, stream, info) => {
        // Errors of a part surface through busboy or the pipeline; a part we skip must not crash us.
        stream.on("error", () => undefined);
        if (name !== "file" || fileDone) {
          stream.resume();
          return;
        }
        filename = path.basename(info.filename ?? "");
        extension = path.extname(filename).toLowerCase();
        // Refused before its bytes are read when no purpose (or not the one given) takes it.
        const refusal = refuseExtension(purpose, filename, extension);
        if (refusal) {
          stream.resume();
          return fail(new UploadRefused(refusal));
        }
        const isJsonl = extension === ".jsonl";
        fileStream = stream;
        stream.on("limit", () =>
          fail(
            new UploadRefused(
              mistralError(
                413,
                `File too large: the maximum size is ${Math.round(ctx.maxUploadBytes / 1024 / 1024)} MB.`,
                "invalid_request_error",
                "file_too_large",
              ),
            ),
          ),
        );
        fileDone = pipeline(
          stream,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              bytes += chunk.length;
              if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
              if (isJsonl) {
                linter.push(chunk);
                batchLinter.push(chunk);
              }
              yield chunk;
            }
          },
          (tmpStream = createWriteStream(tmp, { flags: "wx" })),
        );
        fileDone.catch(fail);
      });
      // busboy's `files: 1` limit drops any further file part: refuse the upload instead of
      // silently keeping only the first file.
      bb.on("filesLimit", () =>
        fail(
          new UploadRefused(
            validationError([
              {
                loc: ["body", "file"],
                msg: "Only one file can be uploaded at a time; the body has more than one file part.",
                type: "value_error",
              },
            ]),
          ),
        ),
      );
      bb.on("close", () => resolve());
      bb.on("error", fail);
      source.on("error", fail);
      if (request.signal?.aborted) fail(new Error("client went away"));
      request.signal?.addEventListener("abort", () => fail(new Error("client went away")));
      source.pipe(bb);
    });
    if (!fileDone) {
      return validationError([{ loc: ["body", "file"], msg: "Field required", type: "missing" }]);
    }
    await fileDone;
    const refusal = refuseExtension(purpose ?? "fine-tune", filename!, extension);
    if (refusal) {
      await rm(tmp, { force: true });
      return refusal;
    }
    const refusedField = refuseFields(fields);
    if (refusedField) {
      await rm(tmp, { force: true });
      return refusedField;
    }
    report = linter.end();
  } catch (err) {
    // Stop reading what the client still sends (a 413 must not swallow 512 MB more) and drop the bytes.
    source.unpipe(bb);
    source.destroy();
    fileStream?.destroy(); // ends the pipeline to the temp file, so it can be removed
    bb.destroy();
    await fileDone?.catch(() => undefined);
    // The pipeline can fail before the temp file is even opened; removing it before the open
    // completes would leave it behind, so wait until the write stream has closed.
    if (tmpStream && !tmpStream.closed) {
      const ws = tmpStream;
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.destroy();
      });
    }
    await rm(tmp, { force: true });
    if (err instanceof UploadRefused) return err.response;
    // A failure to write our own disk is ours (500); anything else means the body broke off.
    if ((err as NodeJS.ErrnoException).syscall) throw err;
    return mistralError(
      400,
      "The upload was interrupted before it completed.",
      "invalid_request_error",
    );
  }
  const kind = describeUpload(
    (purpose ?? "fine-tune") as SandboxFilePurpose,
    filename!,
    extension,
    head,
    report,
    batchLinter,
  );
  if (kind instanceof Response) {
    await rm(tmp, { force: true });
    return kind;
  }
  const finalPath = filePath(ctx, id, kind.mimetype);
  await rename(tmp, finalPath).catch(async (err: unknown) => {
    await rm(tmp, { force: true });
    throw err;
  });
  const row: FileRow = {
    id,
    filename: filename!,
    bytes,
    ...kind,
    created_at: nowSeconds(ctx),
    source: "upload",
    expires_at: fields.expiry ? nowSeconds(ctx) + Number(fields.expiry) * 3600 : null,
    visibility: (fields.visibility || "workspace") as FileVisibility,
  };
  try {
    ctx.store.db
      .prepare(
        `INSERT INTO files (id, filename, bytes, num_lines, sample_type, data_tokens, created_at, purpose, mimetype, source, expires_at, visibility)
         VALUES (@id, @filename, @bytes, @num_lines, @sample_type, @data_tokens, @created_at, @purpose, @mimetype, @source, @expires_at, @visibility)`,
      )
      .run(row);
  } catch (err) {
    await rm(finalPath, { force: true }); // no bytes without their record
    throw err;
  }
  return json(toFileOut(row));
}

/**
 * The 422 for an `expiry` that is not a whole number of hours of at least 1 (the spec types it an
 * integer, null for none; the sandbox reads an empty field as none), or a `visibility` outside
 * FileVisibility; null when both are fine.
 */
function refuseFields(fields: { expiry?: string; visibility?: string }): Response | null {
  const { expiry, visibility } = fields;
  if (expiry !== undefined && expiry !== "" && !(/^\d+$/.test(expiry) && Number(expiry) >= 1)) {
    return validationError([
      {
        loc: ["body", "expiry"],
        msg: "Input should be a whole number of hours, at least 1",
        type: "int_parsing",
      },
    ]);
  }
  if (
    visibility !== undefined &&
    visibility !== "" &&
    !(FILE_VISIBILITIES as readonly string[]).includes(visibility)
  ) {
    return validationError([
      {
        loc: ["body", "visibility"],
        msg: `Input should be ${FILE_VISIBILITIES.map((v) => `'${v}'`).join(" or ")}`,
        type: "enum",
      },
    ]);
  }
  return null;
}

const refuseFile = (msg: string) =>
  validationError([{ loc: ["body", "file"], msg, type: "value_error" }]);

/**
 * The 422 for a purpose outside FILE_PURPOSES, or a file name `purpose` does not take (when the
 * purpose is not known yet: one that no purpose takes); null when it may go on.
 */
function refuseExtension(
  purpose: string | undefined,
  filename: string,
  extension: string,
): Response | null {
  const shown = filename || "(no name)";
  if (purpose !== undefined && !(FILE_PURPOSES as readonly string[]).includes(purpose)) {
    return validationError([
      {
        loc: ["body", "purpose"],
        msg: `Input should be ${FILE_PURPOSES.map((p) => `'${p}'`).join(", ")}`,
        type: "enum",
      },
    ]);
  }
  switch (purpose) {
    case "fine-tune":
    case "batch":
      return extension === ".jsonl"
        ? null
        : refuseFile(
            `Only .jsonl files are supported for ${purpose === "batch" ? "batch" : "fine-tuning"}, got '${shown}'.`,
          );
    case "ocr":
      return DOCUMENT_EXTENSIONS.includes(extension)
        ? null
        : refuseFile(
            `Only PDF and image files (PNG, JPEG, GIF, WebP) are supported for OCR, got '${shown}'.`,
          );
    case "audio":
      return extension in AUDIO_TYPES
        ? null
        : refuseFile(
            `Only audio files (${Object.keys(AUDIO_TYPES).join(", ")}) are supported for audio, got '${shown}'.`,
          );
    default:
      return extension === ".jsonl" ||
        DOCUMENT_EXTENSIONS.includes(extension) ||
        extension in AUDIO_TYPES
        ? null
        : refuseFile(
            `Unsupported file '${shown}': .jsonl files are supported for fine-tuning and batch, PDFs and images for OCR, audio files for audio.`,
          );
  }
}

type UploadKind = Pick<
  FileRow,
  "purpose" | "mimetype" | "sample_type" | "num_lines" | "data_tokens"
>;

/** What an upload accepted by its name is, once all its bytes are in; or the 422 refusing it. */
function describeUpload(
  purpose: SandboxFilePurpose,
  filename: string,
  extension: string,
  head: Buffer,
  report: LintReport,
  batch: BatchInputLinter,
): UploadKind | Response {
  switch (purpose) {
    case "fine-tune": {
      const kind = report.stats.sampleType;
      if (report.errorCount > 0 || kind === null || kind === "mixed") {
        return invalidFile(filename, report);
      }
      // Classifier data has no SampleType of its own in the spec: text to label reads as
      // pretrain data, conversations to label as instruct data.
      const sampleType =
        kind !== "classifier" ? kind : report.stats.messagesPerSample ? "instruct" : "pretrain";
      return {
        purpose,
        mimetype: JSONL_MIMETYPE,
        sample_type: sampleType,
        num_lines: report.stats.lines,
        data_tokens: report.stats.estimatedTokens,
      };
    }
    case "batch": {
      const result = batch.end();
      if (typeof result === "object") {
        return validationError([
          { loc: ["body", "file", result.line], msg: result.msg, type: "value_error" },
        ]);
      }
      return {
        purpose,
        mimetype: JSONL_MIMETYPE,
        sample_type: "batch_request",
        num_lines: result,
        data_tokens: 0,
      };
    }
    case "ocr": {
      const type = DOCUMENT_MAGIC.find((m) => m.matches(head))?.type;
      if (!type) {
        return refuseFile(
          `'${filename}' is not a PDF or an image (PNG, JPEG, GIF, WebP): its content does not start like one.`,
        );
      }
      // `ocr_input` is what the live API answers for OCR uploads (the spec's SampleType lacks it).
      return { purpose, mimetype: type, sample_type: "ocr_input", num_lines: 0, data_tokens: 0 };
    }
    case "audio":
      return {
        purpose,
        mimetype: AUDIO_TYPES[extension],
        sample_type: "audio_input",
        num_lines: 0,
        data_tokens: 0,
      };
  }
}

/**
 * Checks batch input lines as they stream (see readInputFile in batch.ts): each non-blank line a
 * JSON object with an object `body`. Holds only the current line; `end()` gives the number of
 * lines, or the first problem with its (1-based) line number.
 */
class BatchInputLinter {
  private partial: Buffer[] = [];
  private lineNo = 0;
  private lines = 0;
  private problem: { line: number; msg: string } | undefined;

  push(chunk: Buffer): void {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      this.partial.push(chunk.subarray(start, i));
      this.line(Buffer.concat(this.partial).toString("utf8"));
      this.partial = [];
      start = i + 1;
    }
    // A line already refused need not be held.
    if (start < chunk.length && !this.problem) this.partial.push(chunk.subarray(start));
  }

  end(): number | { line: number; msg: string } {
    if (this.partial.length) this.line(Buffer.concat(this.partial).toString("utf8"));
    this.partial = [];
    if (!this.problem && this.lines === 0) {
      return { line: 1, msg: "The batch file has no requests." };
    }
    return this.problem ?? this.lines;
  }

  private line(text: string): void {
    this.lineNo++;
    if (this.problem || !text.trim()) return;
    this.lines++;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.problem = { line: this.lineNo, msg: `Line ${this.lineNo} is not valid JSON.` };
      return;
    }
    const isObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
    if (!isObject(value)) {
      this.problem = { line: this.lineNo, msg: `Line ${this.lineNo} is not a JSON object.` };
    } else if (!isObject((value as { body?: unknown }).body)) {
      this.problem = {
        line: this.lineNo,
        msg: `Line ${this.lineNo} has no \`body\` object (each line is {"custom_id": ..., "body": {...}}).`,
      };
    }
  }
}

/** 422 naming the offending lines: `detail` per issue, and the first few in one readable message. */
function invalidFile(filename: string, report: LintReport): Response {
  const errors = report.issues.filter((e) => e.severity === "error").slice(0, MAX_REPORTED_ERRORS);
  if (errors.length === 0) {
    errors.push({
      line: 0,
      severity: "error",
      code: "sample_type",
      message: "the file mixes instruct and pretrain samples",
    });
  }
  // The linter's messages already name their line.
  const shown = errors.map((e) => e.message).join("; ");
  const hidden = Math.max(0, report.errorCount - errors.length);
  const more = hidden ? ` (and ${hidden} more)` : "";
  // The Mistral error shape with a readable message, and pydantic-style details beside it.
  return json(
    {
      object: "error",
      type: "invalid_request_error",
      param: null,
      code: null,
      detail: errors.map((e) => ({
        loc: ["body", "file", ...(e.line ? [e.line] : [])],
        msg: e.message,
        type: e.code,
      })),
      message: `Invalid training file '${filename}': ${shown}${more}.`,
    },
    422,
  );
}

// ---------------------------------------------------------------------------------------------
// issue 11b: files the sandbox itself creates (batch output and error files). Same storage as an
// upload (bytes at filePath, one row in `files`), with purpose `batch` and source `mistral`;
// `sample_type` tells them apart (batch_result, batch_error).

/** Stores `content` as a new sandbox file and returns its id. */
export function storeSandboxFile(
  ctx: SandboxContext,
  file: { filename: string; content: string | Uint8Array; sampleType: string },
): string {
  const id = randomUUID();
  const bytes =
    typeof file.content === "string"
      ? Buffer.from(file.content, "utf8")
      : Buffer.from(file.content);
  writeFileSync(filePath(ctx, id, JSONL_MIMETYPE), bytes);
  const lines =
    typeof file.content === "string"
      ? file.content.split("\n").filter((l) => l.trim() !== "").length
      : 0;
  try {
    ctx.store.db
      .prepare(
        `INSERT INTO files (id, filename, bytes, num_lines, sample_type, data_tokens, created_at, purpose, mimetype, source)
         VALUES (?, ?, ?, ?, ?, 0, ?, 'batch', ?, 'mistral')`,
      )
      .run(
        id,
        file.filename,
        bytes.length,
        lines,
        file.sampleType,
        Math.floor(ctx.now() / 1000),
        JSONL_MIMETYPE,
      );
  } catch (err) {
    rmSync(filePath(ctx, id, JSONL_MIMETYPE), { force: true }); // no bytes without their record
    throw err;
  }
  return id;
}

/** Removes a file the sandbox created, bytes and row (e.g. a duplicate lost to a concurrent writer). */
export function removeSandboxFile(ctx: SandboxContext, id: string): void {
  const mimetype = getFileRow(ctx, id)?.mimetype;
  ctx.store.db.prepare("DELETE FROM files WHERE id = ?").run(id);
  rmSync(filePath(ctx, id, mimetype), { force: true });
}
