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

interface FileRow {
  id: string;
  filename: string;
  bytes: number;
  num_lines: number;
  sample_type: "instruct" | "pretrain";
  data_tokens: number;
  created_at: number;
}

export function filePath(ctx: SandboxContext, id: string): string {
  return path.join(ctx.store.filesDir, `${id}.jsonl`);
}

function toFileOut(row: FileRow): FileSchema {
  return {
    id: row.id,
    object: "file",
    bytes: row.bytes,
    created_at: row.created_at,
    filename: row.filename,
    purpose: "fine-tune",
    sample_type: row.sample_type,
    num_lines: row.num_lines,
    mimetype: MIMETYPE,
    source: "upload",
    signature: null,
  };
}

/** The sandbox only keeps JSONL training files (as uploaded for fine-tuning). */
const MIMETYPE = "application/jsonl";

export function getFileRow(ctx: SandboxContext, id: string): FileRow | undefined {
  return ctx.store.db.prepare("SELECT * FROM files WHERE id = ?").get(id) as FileRow | undefined;
}

const fileNotFound = (id: string) =>
  mistralError(404, `File '${id}' not found.`, "invalid_request_error", "file_not_found");

/**
 * GET /v1/files with today's query: page/page_size (newest first), include_total (default true),
 * and the filters. Every sandbox file is an uploaded JSONL fine-tuning file, so sample_type,
 * source, purpose and mimetypes filter on those values; search matches the file name or the id.
 */
export function listFiles(ctx: SandboxContext, q: QueryValues = {}): Response {
  const where: string[] = [];
  const args: unknown[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  const sampleTypes = list(q.sample_type);
  if (sampleTypes.length) {
    where.push(`sample_type IN (${sampleTypes.map(() => "?").join(", ")})`);
    args.push(...sampleTypes);
  }
  const none = "0";
  if (list(q.source).length && !list(q.source).includes("upload")) where.push(none);
  if (typeof q.purpose === "string" && q.purpose !== "fine-tune") where.push(none);
  if (list(q.mimetypes).length && !list(q.mimetypes).includes(MIMETYPE)) where.push(none);
  if (typeof q.search === "string" && q.search !== "") {
    where.push("(instr(lower(filename), lower(?)) > 0 OR id = ?)");
    args.push(q.search, q.search);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
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
  const stream = Readable.toWeb(createReadStream(filePath(ctx, id))) as ReadableStream<Uint8Array>;
  const ascii = row.filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "application/octet-stream",
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
  if (!getFileRow(ctx, id)) return fileNotFound(id);
  // Jobs past their validation keep the outcome they had while the file existed.
  beforeDelete(id);
  const { changes } = ctx.store.db.prepare("DELETE FROM files WHERE id = ?").run(id);
  if (!changes) return fileNotFound(id); // a concurrent delete won
  await rm(filePath(ctx, id), { force: true });
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
  let filename: string | undefined;
  let bytes = 0;
  // The training-data linter (issue 4) checks the bytes as they are written, like the real API
  // validates on upload; one pass, nothing held but the current line.
  const linter = new JsonlLinter({ maxIssues: 200 });
  let fileDone: Promise<void> | undefined;
  let fileStream: Readable | undefined;
  let tmpStream: WriteStream | undefined;
  let report: LintReport;

  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (err: unknown) => reject(err);
      bb.on("field", (name, value) => {
        if (name === "purpose") purpose = value;
      });
      bb.on("file", (name, stream, info) => {
        // Errors of a part surface through busboy or the pipeline; a part we skip must not crash us.
        stream.on("error", () => undefined);
        if (name !== "file" || fileDone) {
          stream.resume();
          return;
        }
        filename = path.basename(info.filename ?? "");
        if (!filename.toLowerCase().endsWith(".jsonl")) {
          stream.resume();
          return fail(
            new UploadRefused(
              validationError([
                {
                  loc: ["body", "file"],
                  msg: `Only .jsonl files are supported for fine-tuning, got '${filename || "(no name)"}'.`,
                  type: "value_error",
                },
              ]),
            ),
          );
        }
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
              linter.push(chunk);
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
    if (purpose !== undefined && purpose !== "fine-tune") {
      await rm(tmp, { force: true });
      return validationError([
        { loc: ["body", "purpose"], msg: "Input should be 'fine-tune'", type: "literal_error" },
      ]);
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
  const sampleType = report.stats.sampleType;
  if (report.errorCount > 0 || (sampleType !== "instruct" && sampleType !== "pretrain")) {
    await rm(tmp, { force: true });
    return invalidFile(filename!, report);
  }
  await rename(tmp, filePath(ctx, id)).catch(async (err: unknown) => {
    await rm(tmp, { force: true });
    throw err;
  });
  const row: FileRow = {
    id,
    filename: filename!,
    bytes,
    num_lines: report.stats.lines,
    sample_type: sampleType,
    data_tokens: report.stats.estimatedTokens,
    created_at: Math.floor(ctx.now() / 1000),
  };
  try {
    ctx.store.db
      .prepare(
        "INSERT INTO files (id, filename, bytes, num_lines, sample_type, data_tokens, created_at) VALUES (@id, @filename, @bytes, @num_lines, @sample_type, @data_tokens, @created_at)",
      )
      .run(row);
  } catch (err) {
    await rm(filePath(ctx, id), { force: true }); // no bytes without their record
    throw err;
  }
  return json(toFileOut(row));
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
// upload (bytes at filePath, one row in `files`); `sample_type` tells them apart (batch_result,
// batch_error, batch_request) until the files table records a purpose and a source.

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
  writeFileSync(filePath(ctx, id), bytes);
  const lines =
    typeof file.content === "string"
      ? file.content.split("\n").filter((l) => l.trim() !== "").length
      : 0;
  try {
    ctx.store.db
      .prepare(
        "INSERT INTO files (id, filename, bytes, num_lines, sample_type, data_tokens, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
      )
      .run(id, file.filename, bytes.length, lines, file.sampleType, Math.floor(ctx.now() / 1000));
  } catch (err) {
    rmSync(filePath(ctx, id), { force: true }); // no bytes without their record
    throw err;
  }
  return id;
}

/** Removes a file the sandbox created, bytes and row (e.g. a duplicate lost to a concurrent writer). */
export function removeSandboxFile(ctx: SandboxContext, id: string): void {
  ctx.store.db.prepare("DELETE FROM files WHERE id = ?").run(id);
  rmSync(filePath(ctx, id), { force: true });
}
