// Batch jobs (/v1/batch/jobs). Like fine-tuning jobs nothing runs in the background: every
// request's answer is computed once, when the job is created (through the sandbox's own chat,
// FIM, embeddings, moderation, … handlers), stored, and revealed over time from the job's
// timestamps: QUEUED, then RUNNING with the completed count growing linearly, then SUCCESS. When
// a job ends (success or cancellation) its output and error files are written as sandbox files,
// once, whoever reads the job first. So a job progresses while nobody watches and survives restarts.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type SandboxContext, toSeconds } from "./context";
import { filePath, getFileRow, removeSandboxFile, storeSandboxFile } from "./files";
import { json, mistralError, validationError } from "./http";

/** Runs one request body against a simulated endpoint (never streamed). */
export type EndpointRunner = (body: Record<string, unknown>) => Promise<Response>;

// Phase lengths at speed 1 (divided by the job's speed).
const QUEUED_MS = 2_000;
const PER_REQUEST_MS = 500;
/** A big batch still finishes within a minute at speed 1. */
const MAX_RUN_MS = 60_000;
const CANCELLING_MS = 2_000;
/** The spec's limit for inline requests; files get the same cap here (the real API allows more). */
const MAX_REQUESTS = 10_000;

type Status =
  | "QUEUED"
  | "RUNNING"
  | "SUCCESS"
  | "FAILED"
  | "TIMEOUT_EXCEEDED"
  | "CANCELLATION_REQUESTED"
  | "CANCELLED";

interface BatchRow {
  id: string;
  endpoint: string;
  model: string | null;
  agent_id: string | null;
  metadata: string | null;
  input_files: string;
  total_requests: number;
  created_ms: number;
  speed: number;
  cancel_ms: number | null;
  finalized: number;
  output_file: string | null;
  error_file: string | null;
  deleted: number;
}

interface ResultRow {
  ordinal: number;
  custom_id: string | null;
  status_code: number;
  body: string;
}

interface BatchRequest {
  custom_id?: string | null;
  body: Record<string, unknown>;
}

export interface CreateBatchJobRequest {
  input_files?: string[] | null;
  requests?: BatchRequest[] | null;
  endpoint: string;
  model?: string | null;
  agent_id?: string | null;
  metadata?: Record<string, string> | null;
  timeout_hours?: number;
}

// ---------------------------------------------------------------------------------------------
// The timeline

interface Derived {
  status: Status;
  /** Requests whose answer is out by now. */
  completed: number;
  startedMs: number | null;
  /** When the job reached a terminal status (SUCCESS or CANCELLED). */
  endedMs: number | null;
}

function derive(job: BatchRow, now: number): Derived {
  const start = job.created_ms + QUEUED_MS / job.speed;
  const runMs = Math.min(job.total_requests * PER_REQUEST_MS, MAX_RUN_MS) / job.speed;
  const end = start + runMs;
  const cancel = job.cancel_ms ?? Infinity;
  // Progress stops at a cancellation: what was done by then is kept.
  const doneBy = (ms: number) =>
    ms < start
      ? 0
      : Math.min(job.total_requests, Math.floor((job.total_requests * (ms - start)) / runMs));
  if (end <= now && end <= cancel) {
    return { status: "SUCCESS", completed: job.total_requests, startedMs: start, endedMs: end };
  }
  if (cancel <= now) {
    const startedMs = start <= cancel ? start : null;
    const cancelled = cancel + CANCELLING_MS / job.speed;
    return cancelled <= now
      ? { status: "CANCELLED", completed: doneBy(cancel), startedMs, endedMs: cancelled }
      : { status: "CANCELLATION_REQUESTED", completed: doneBy(cancel), startedMs, endedMs: null };
  }
  if (start <= now)
    return { status: "RUNNING", completed: doneBy(now), startedMs: start, endedMs: null };
  return { status: "QUEUED", completed: 0, startedMs: null, endedMs: null };
}

const isOk = (r: ResultRow) => r.status_code >= 200 && r.status_code < 300;

function results(ctx: SandboxContext, jobId: string, limit: number): ResultRow[] {
  return ctx.store.db
    .prepare(
      "SELECT ordinal, custom_id, status_code, body FROM batch_results WHERE job_id = ? ORDER BY ordinal LIMIT ?",
    )
    .all(jobId, limit) as ResultRow[];
}

/** One line of an output or error file, in the real API's shape. */
function resultLine(job: BatchRow, r: ResultRow): Record<string, unknown> {
  const body = JSON.parse(r.body) as Record<string, unknown>;
  const message =
    typeof body.message === "string"
      ? body.message
      : Array.isArray(body.detail)
        ? "Invalid request body: " + JSON.stringify(body.detail)
        : `Request failed with status ${r.status_code}`;
  return {
    id: `batch-${job.id.slice(0, 8)}-${r.ordinal}`,
    custom_id: r.custom_id,
    response: { status_code: r.status_code, body },
    error: isOk(r) ? null : { message, code: r.status_code },
  };
}

/** Writes the output and error files of a job that has ended, once. */
function finalize(ctx: SandboxContext, job: BatchRow, completed: number): BatchRow {
  if (job.finalized) return job;
  const done = results(ctx, job.id, completed);
  const ok = done.filter(isOk);
  const failed = done.filter((r) => !isOk(r));
  const jsonl = (rows: ResultRow[]) =>
    rows.map((r) => JSON.stringify(resultLine(job, r)) + "\n").join("");
  const output = ok.length
    ? storeSandboxFile(ctx, {
        filename: `${job.id}.jsonl`,
        content: jsonl(ok),
        sampleType: "batch_result",
      })
    : null;
  const errors = failed.length
    ? storeSandboxFile(ctx, {
        filename: `${job.id}_error.jsonl`,
        content: jsonl(failed),
        sampleType: "batch_error",
      })
    : null;
  const { changes } = ctx.store.db
    .prepare(
      "UPDATE batch_jobs SET finalized = 1, output_file = ?, error_file = ? WHERE id = ? AND finalized = 0",
    )
    .run(output, errors, job.id);
  if (!changes) {
    // Another process finished it first: keep its files, drop ours.
    for (const id of [output, errors]) if (id) removeSandboxFile(ctx, id);
    return getRow(ctx, job.id)!;
  }
  return { ...job, finalized: 1, output_file: output, error_file: errors };
}

function getRow(ctx: SandboxContext, id: string): BatchRow | undefined {
  return ctx.store.db.prepare("SELECT * FROM batch_jobs WHERE id = ? AND deleted = 0").get(id) as
    BatchRow | undefined;
}

function toBatchJob(ctx: SandboxContext, row: BatchRow, inline = false): Record<string, unknown> {
  const d = derive(row, ctx.now());
  let job = row;
  if (d.endedMs !== null) job = finalize(ctx, row, d.completed);
  const done = results(ctx, job.id, d.completed);
  const failed = done.filter((r) => !isOk(r));
  // The errors so far, grouped by message.
  const errorCounts = new Map<string, number>();
  for (const r of failed) {
    const { message } = resultLine(job, r).error as { message: string };
    errorCounts.set(message, (errorCounts.get(message) ?? 0) + 1);
  }
  return {
    id: job.id,
    object: "batch",
    input_files: JSON.parse(job.input_files) as string[],
    metadata: job.metadata === null ? null : (JSON.parse(job.metadata) as Record<string, string>),
    endpoint: job.endpoint,
    model: job.model,
    agent_id: job.agent_id,
    output_file: job.output_file,
    error_file: job.error_file,
    errors: [...errorCounts].map(([message, count]) => ({ message, count })),
    outputs: inline && d.endedMs !== null ? done.map((r) => resultLine(job, r)) : null,
    status: d.status,
    created_at: toSeconds(job.created_ms),
    total_requests: job.total_requests,
    completed_requests: d.completed,
    succeeded_requests: d.completed - failed.length,
    failed_requests: failed.length,
    started_at: d.startedMs === null ? null : toSeconds(d.startedMs),
    completed_at: d.endedMs === null ? null : toSeconds(d.endedMs),
  };
}

const jobNotFound = (id: string) =>
  mistralError(404, `Batch job '${id}' not found.`, "invalid_request_error", "batch_job_not_found");

// ---------------------------------------------------------------------------------------------
// Routes

/** Reads the `{custom_id, body}` lines of an uploaded batch file; a string is the problem found. */
function readInputFile(ctx: SandboxContext, fileId: string): BatchRequest[] | string {
  if (!getFileRow(ctx, fileId)) return `File '${fileId}' not found.`;
  const text = readFileSync(filePath(ctx, fileId), "utf8");
  const out: BatchRequest[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let line: unknown;
    try {
      line = JSON.parse(lines[i]);
    } catch {
      return `Line ${i + 1} of file '${fileId}' is not valid JSON.`;
    }
    const body = (line as { body?: unknown } | null)?.body;
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      return `Line ${i + 1} of file '${fileId}' has no \`body\` object.`;
    }
    const customId = (line as { custom_id?: unknown }).custom_id;
    out.push({
      custom_id: customId == null ? null : String(customId),
      body: body as Record<string, unknown>,
    });
  }
  return out;
}

export async function createBatchJob(
  ctx: SandboxContext,
  request: CreateBatchJobRequest,
  runners: Partial<Record<string, EndpointRunner>>,
): Promise<Response> {
  const runner = runners[request.endpoint];
  if (!runner) {
    return mistralError(
      400,
      `Batch jobs on ${request.endpoint} are not simulated by the sandbox (it runs ${Object.keys(runners).join(", ")}).`,
    );
  }
  const hasFiles = (request.input_files?.length ?? 0) > 0;
  const hasRequests = (request.requests?.length ?? 0) > 0;
  if (hasFiles === hasRequests) {
    return validationError([
      {
        loc: ["body"],
        msg: "Value error, Exactly one of input_files or requests must be provided",
        type: "value_error",
      },
    ]);
  }
  if (!request.model && !request.agent_id) {
    return validationError([
      {
        loc: ["body", "model"],
        msg: "Value error, Either model or agent_id must be provided",
        type: "value_error",
      },
    ]);
  }
  let requests: BatchRequest[] = request.requests ?? [];
  for (const fileId of request.input_files ?? []) {
    const read = readInputFile(ctx, fileId);
    if (typeof read === "string") return mistralError(400, read);
    requests = requests.concat(read);
  }
  if (requests.length === 0) return mistralError(400, "The batch has no requests.");
  if (requests.length > MAX_REQUESTS) {
    return mistralError(
      400,
      `A sandbox batch holds at most ${MAX_REQUESTS} requests, got ${requests.length}.`,
    );
  }

  // Every answer now, in order; never streamed. The job's model (or agent) wins over the body's.
  const answers: { status: number; body: string }[] = [];
  for (const r of requests) {
    const body: Record<string, unknown> = { ...r.body };
    // Batch answers are whole documents; `stream` only exists where the endpoint has it.
    if (body.stream) body.stream = false;
    if (request.model) body.model = request.model;
    if (request.agent_id) body.agent_id = request.agent_id;
    let res: Response;
    try {
      res = await runner(body);
    } catch {
      // A body the handler could not make sense of: a failed request, not a failed job.
      res = mistralError(400, "The request body could not be processed.");
    }
    answers.push({ status: res.status, body: await res.text() });
  }

  const id = randomUUID();
  const created = ctx.now();
  const { db } = ctx.store;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO batch_jobs (id, endpoint, model, agent_id, metadata, input_files, total_requests, created_ms, speed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      request.endpoint,
      request.model ?? null,
      request.agent_id ?? null,
      request.metadata ? JSON.stringify(request.metadata) : null,
      JSON.stringify(request.input_files ?? []),
      requests.length,
      created,
      ctx.speed,
    );
    const insert = db.prepare(
      "INSERT INTO batch_results (job_id, ordinal, custom_id, status_code, body) VALUES (?, ?, ?, ?, ?)",
    );
    answers.forEach((a, i) => insert.run(id, i, requests[i].custom_id ?? null, a.status, a.body));
  })();
  return json(toBatchJob(ctx, getRow(ctx, id)!));
}

export function getBatchJob(ctx: SandboxContext, id: string, inline: boolean): Response {
  const row = getRow(ctx, id);
  return row ? json(toBatchJob(ctx, row, inline)) : jobNotFound(id);
}

export function cancelBatchJob(ctx: SandboxContext, id: string): Response {
  const row = getRow(ctx, id);
  if (!row) return jobNotFound(id);
  const now = ctx.now();
  const { status } = derive(row, now);
  if (status === "QUEUED" || status === "RUNNING") {
    ctx.store.db
      .prepare("UPDATE batch_jobs SET cancel_ms = ? WHERE id = ? AND cancel_ms IS NULL")
      .run(now, id);
    return json(toBatchJob(ctx, getRow(ctx, id)!));
  }
  if (status === "CANCELLATION_REQUESTED" || status === "CANCELLED")
    return json(toBatchJob(ctx, row));
  return mistralError(
    400,
    `Batch job '${id}' has already finished (${status}): it cannot be cancelled.`,
  );
}

export function deleteBatchJob(ctx: SandboxContext, id: string): Response {
  const { changes } = ctx.store.db
    .prepare("UPDATE batch_jobs SET deleted = 1 WHERE id = ? AND deleted = 0")
    .run(id);
  if (!changes) return jobNotFound(id);
  ctx.store.db.prepare("DELETE FROM batch_results WHERE job_id = ?").run(id);
  return json({ id, object: "batch", deleted: true });
}

const STATUSES = new Set<string>([
  "QUEUED",
  "RUNNING",
  "SUCCESS",
  "FAILED",
  "TIMEOUT_EXCEEDED",
  "CANCELLATION_REQUESTED",
  "CANCELLED",
]);

/** GET /v1/batch/jobs with the spec's filters; query values are checked here (422 like FastAPI). */
export function listBatchJobs(ctx: SandboxContext, query: URLSearchParams): Response {
  const int = (name: string, fallback: number, min: number) => {
    const raw = query.get(name);
    if (raw === null) return fallback;
    return /^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= 2 ** 31 - 1
      ? Number(raw)
      : NaN;
  };
  const page = int("page", 0, 0);
  const pageSize = int("page_size", 100, 1);
  const statuses = query.getAll("status").flatMap((s) => s.split(","));
  const orderBy = query.get("order_by") ?? "-created";
  const createdAfterRaw = query.get("created_after");
  const createdAfter = createdAfterRaw === null ? null : Date.parse(createdAfterRaw);
  let metadata: Record<string, unknown> | null = null;
  const bad = (name: string, msg: string, type: string) =>
    validationError([{ loc: ["query", name], msg, type }]);
  if (Number.isNaN(page)) return bad("page", "Input should be a valid integer", "int_parsing");
  if (Number.isNaN(pageSize))
    return bad("page_size", "Input should be a valid integer", "int_parsing");
  const badStatus = statuses.find((s) => !STATUSES.has(s));
  if (badStatus) return bad("status", `Input should be one of ${[...STATUSES].join(", ")}`, "enum");
  if (orderBy !== "created" && orderBy !== "-created") {
    return bad("order_by", "Input should be 'created' or '-created'", "literal_error");
  }
  if (createdAfter !== null && Number.isNaN(createdAfter)) {
    return bad("created_after", "Input should be a valid datetime", "datetime_parsing");
  }
  const metadataRaw = query.get("metadata");
  if (metadataRaw !== null) {
    try {
      metadata = JSON.parse(metadataRaw) as Record<string, unknown>;
    } catch {
      metadata = null;
    }
    if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) {
      return bad("metadata", "Input should be a valid dictionary", "dict_type");
    }
  }
  const model = query.get("model");
  const agentId = query.get("agent_id");
  const rows = ctx.store.db
    .prepare(
      `SELECT * FROM batch_jobs WHERE deleted = 0 ORDER BY rowid ${orderBy === "created" ? "ASC" : "DESC"}`,
    )
    .all() as BatchRow[];
  const jobs = rows
    .filter((r) => model === null || r.model === model)
    .filter((r) => agentId === null || r.agent_id === agentId)
    .filter((r) => createdAfter === null || r.created_ms > createdAfter)
    .filter((r) => {
      if (!metadata) return true;
      const own = r.metadata ? (JSON.parse(r.metadata) as Record<string, unknown>) : {};
      return Object.entries(metadata).every(([k, v]) => own[k] === v);
    })
    .map((r) => toBatchJob(ctx, r))
    .filter((j) => statuses.length === 0 || statuses.includes(j.status as string));
  return json({
    data: jobs.slice(page * pageSize, (page + 1) * pageSize),
    object: "list",
    total: jobs.length,
  });
}
