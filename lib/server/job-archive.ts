import "server-only";
import type { OperationId } from "@/lib/mistral/operations";
import type { Answer } from "./answer";
import type { AuthContext } from "./auth/auth";

// Mistral retired fine-tuning training in August 2026: its jobs routes answer 410 Gone, and the
// jobs a team ran (their checkpoints, metrics and events) can no longer be read from the API.
// The console keeps a copy of every job it passes on, so the job pages stay readable (marked
// archived) after the upstream stops serving them. Only the answers of the operations below are
// read, as they pass; they are small JSON documents, kept whole up to MAX_BYTES.

const LIST: OperationId = "jobs_api_routes_fine_tuning_get_fine_tuning_jobs";
/** Operations whose answer is one job (the detailed shape, with checkpoints and events). */
const ONE_JOB = new Set<OperationId>([
  "jobs_api_routes_fine_tuning_get_fine_tuning_job",
  "jobs_api_routes_fine_tuning_create_fine_tuning_job",
  "jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
  "jobs_api_routes_fine_tuning_start_fine_tuning_job",
]);
/** A job answer larger than this is passed on without being archived. */
const MAX_BYTES = 4 * 1024 * 1024;

/** Whether `keepJobs` reads this operation's answers (the rest pass untouched). */
function archives(operation: OperationId): boolean {
  return operation === LIST || ONE_JOB.has(operation);
}

/**
 * Passes a jobs answer on unchanged, filing a copy of the jobs it shows as it goes (a tap on its
 * body: the filing is done before the caller sees the answer's end). An answer past MAX_BYTES,
 * or one that does not end, is not filed. A failure to file is logged and never fails the call.
 */
export function keepJobs(ctx: AuthContext, operation: OperationId, response: Answer): Answer {
  if (!archives(operation) || response.status !== 200 || !response.body) return response;
  if (!/[/+]json\b/.test(response.headers["content-type"] ?? "")) return response;
  const chunks: Uint8Array[] = [];
  let size = 0;
  response.body.tap({
    chunk(chunk) {
      size += chunk.byteLength;
      if (size <= MAX_BYTES) chunks.push(chunk);
      return chunk;
    },
    async done(how) {
      if (how !== "end" || size > MAX_BYTES) return;
      const text = new TextDecoder().decode(Buffer.concat(chunks, size));
      chunks.length = 0;
      if (filedLately(ctx, text)) return;
      try {
        const body = JSON.parse(text) as unknown;
        if (operation === LIST) {
          const data = (body as { data?: unknown }).data;
          if (Array.isArray(data)) await fileJobs(ctx, data, false);
        } else {
          await fileJobs(ctx, [body], true);
        }
        rememberFiled(ctx, text);
      } catch (error) {
        console.error(`[archive] could not file a fine-tuning job: ${String(error)}`);
      }
    },
  });
  return response;
}

/** An unchanged answer is not filed again within this time (only `seen_at` would move). */
const REFILE_AFTER_MS = 60_000;
/** Answers remembered per database, and the largest one remembered. */
const REMEMBERED = 64;
const MAX_REMEMBERED_BYTES = 256 * 1024;
const filed = new WeakMap<object, Map<string, number>>();

/**
 * Whether this process filed exactly this answer less than a minute ago (a jobs list polled by a
 * page, or by a script): then it is passed on without parsing it or writing to the database.
 */
function filedLately(ctx: AuthContext, text: string): boolean {
  const at = filed.get(ctx.database)?.get(text);
  return at !== undefined && Date.now() - at < REFILE_AFTER_MS;
}

function rememberFiled(ctx: AuthContext, text: string): void {
  if (text.length > MAX_REMEMBERED_BYTES) return;
  let answers = filed.get(ctx.database);
  if (!answers) filed.set(ctx.database, (answers = new Map()));
  answers.delete(text);
  if (answers.size >= REMEMBERED) answers.delete(answers.keys().next().value!);
  answers.set(text, Date.now());
}

type Job = Record<string, unknown> & { id: string };

const isJob = (x: unknown): x is Job =>
  !!x && typeof x === "object" && typeof (x as Job).id === "string" && (x as Job).id !== "";

async function fileJobs(ctx: AuthContext, jobs: unknown[], detailed: boolean): Promise<void> {
  const now = Date.now();
  // By id, the last one listed winning, as when each was filed in turn.
  const rows = new Map<string, JobRow>();
  for (const job of jobs.filter(isJob)) {
    const summary = JSON.stringify(job);
    const created = typeof job.created_at === "number" ? job.created_at * 1000 : now;
    rows.set(job.id, {
      job_id: job.id,
      summary,
      detail: detailed ? summary : null,
      created_at: created,
      seen_at: now,
    });
  }
  if (rows.size === 0) return;
  // One statement for the whole answer (one statement per job was 8 PostgreSQL round trips per
  // jobs list, bench/README.md): a list refreshes the summaries and keeps the last details.
  await ctx.database.db
    .insertInto("job_archive")
    .values([...rows.values()])
    .onConflict((oc) =>
      oc.column("job_id").doUpdateSet((eb) => ({
        summary: eb.ref("excluded.summary"),
        seen_at: eb.ref("excluded.seen_at"),
        ...(detailed ? { detail: eb.ref("excluded.detail") } : {}),
      })),
    )
    .execute();
}

interface JobRow {
  job_id: string;
  summary: string;
  detail: string | null;
  created_at: number;
  seen_at: number;
}

export interface ArchivedJob {
  /** The job as the API last showed it (checkpoints and events when a job page was opened). */
  job: Record<string, unknown>;
  /** When the console last saw it, in milliseconds. */
  seenAt: number;
}

/** The archived jobs, newest first. */
export async function archivedJobs(
  ctx: AuthContext,
  { limit, offset }: { limit: number; offset: number },
): Promise<{ jobs: ArchivedJob[]; total: number }> {
  const db = ctx.database.db;
  const [rows, count] = await Promise.all([
    db
      .selectFrom("job_archive")
      .select(["summary", "seen_at"])
      .orderBy("created_at", "desc")
      .orderBy("job_id")
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom("job_archive")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    jobs: rows.map((r) => {
      // A list shows jobs, not their histories: a summary filed from a job answer sheds them.
      const job = JSON.parse(r.summary) as Record<string, unknown>;
      delete job.checkpoints;
      delete job.events;
      return { job, seenAt: Number(r.seen_at) };
    }),
    total: Number(count.n),
  };
}

/** One archived job: its last detailed answer updated by any later summary; null if never seen. */
export async function archivedJob(ctx: AuthContext, id: string): Promise<ArchivedJob | null> {
  const row = await ctx.database.db
    .selectFrom("job_archive")
    .select(["summary", "detail", "seen_at"])
    .where("job_id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {};
  return {
    job: { checkpoints: [], events: [], ...detail, ...JSON.parse(row.summary) },
    seenAt: Number(row.seen_at),
  };
}
