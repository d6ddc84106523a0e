// Fine-tuning jobs. Nothing runs in the background: a job's whole life follows from the timestamps
// stored when it was created, started or cancelled, and whatever has happened by "now" (events,
// checkpoints, the fine-tuned model) is written to the store idempotently whenever a job, the jobs
// list or the models are read. So a job advances while nobody watches and survives restarts.
import { createHash, randomUUID } from "node:crypto";
import { FINISHED_JOB_STATUSES, isFinished } from "@/lib/mistral/job-status";
import type { components } from "@/lib/mistral/schema.gen";
import { type SandboxContext, seededRandom, toSeconds } from "./context";
import { getFileRow } from "./files";
import { FINE_TUNEABLE, findBaseModel } from "./models";
import { json, mistralError, type ValidationDetail, validationError } from "./http";
import type { QueryValues } from "./validation";

export const TRAIN_TOKENS_PER_STEP = 131072;
const DEFAULT_TRAINING_STEPS = 10;
// Phase lengths at speed 1 (divided by the speed): about a minute from creation to success.
const QUEUED_MS = 4_000;
const VALIDATING_MS = 8_000;
const RUNNING_MS = 48_000;
const CANCELLING_MS = 3_000;
// USD per million trained tokens (the last published fine-tuning price list), for today's
// tunable bases; others cost 2.
const PRICE_PER_M_TOKENS: Record<string, number> = {
  "mistral-small-latest": 4,
  "codestral-latest": 3,
  "mistral-large-latest": 9,
  "ministral-8b-latest": 1,
  "ministral-14b-latest": 2,
  "mistral-medium-latest": 6,
};

type S = components["schemas"];
// Today's job shapes (the 2026-07-15 spec, the last that lists the jobs routes).
type JobIn = S["JobIn"];
type CompletionJobOut = S["CompletionJobOut"];
type ClassifierJobOut = S["ClassifierJobOut"];
type JobOut = CompletionJobOut | ClassifierJobOut;
type DetailedJobOut = S["CompletionDetailedJobOut"] | S["ClassifierDetailedJobOut"];
type CheckpointOut = S["CheckpointOut"];
type EventOut = S["EventOut"];
type LegacyJobMetadataOut = S["LegacyJobMetadataOut"];
export type ClassifierTargetOut = S["ClassifierTargetOut"];
export type JobType = "completion" | "classifier";

type Status = DetailedJobOut["status"];
type Hyperparameters = S["CompletionTrainingParameters"];

export interface JobRow {
  id: string;
  model: string;
  status: Status;
  auto_start: number;
  hyperparameters: string;
  training_files: string;
  validation_files: string;
  suffix: string | null;
  integrations: string | null;
  repositories: string;
  wandb_project: string | null;
  wandb_name: string | null;
  data_tokens: number;
  training_steps: number;
  created_ms: number;
  modified_ms: number;
  /** The speed the job was created at, so changing SANDBOX_SPEED never rewrites its past. */
  speed: number;
  validated_ok: number | null;
  start_ms: number | null;
  cancel_ms: number | null;
  fine_tuned_model: string | null;
  trained_tokens: number | null;
  job_type: JobType;
  /** JSON of ClassifierTargetOut[] for classifier jobs. */
  classifier_targets: string | null;
}

const phases = (speed: number) => ({
  queued: QUEUED_MS / speed,
  validating: VALIDATING_MS / speed,
  running: RUNNING_MS / speed,
  cancelling: CANCELLING_MS / speed,
});

// ---------------------------------------------------------------------------------------------
// The timeline: every status change a job has gone through by `now`, derived from its timestamps.

interface Transition {
  status: Status;
  ms: number;
}

interface Derived {
  transitions: Transition[];
  /** When training ran: [start, end) clipped to now and to a cancellation. */
  run: { start: number; end: number } | null;
  succeededAt: number | null;
}

function derive(job: JobRow, now: number, speed: number, decideValidation: () => boolean): Derived {
  const p = phases(speed);
  const cancel = job.cancel_ms ?? Infinity;
  const transitions: Transition[] = [];
  const at = (status: Status, ms: number) => {
    // A transition at the very moment of a cancellation happened before it.
    if (ms <= now && ms <= cancel) {
      transitions.push({ status, ms });
      return true;
    }
    return false;
  };
  let run: Derived["run"] = null;
  let succeededAt: number | null = null;
  const validatedAt = job.created_ms + p.queued + p.validating;
  let ok = true;
  if (
    at("QUEUED", job.created_ms) &&
    at("VALIDATING", job.created_ms + p.queued) &&
    validatedAt <= now &&
    validatedAt <= cancel
  ) {
    ok = job.validated_ok === null ? decideValidation() : job.validated_ok === 1;
    at(ok ? "VALIDATED" : "FAILED_VALIDATION", validatedAt);
  }
  const validated = transitions.at(-1)?.status === "VALIDATED";
  if (validated) {
    const start = job.auto_start ? validatedAt : job.start_ms;
    if (start !== null && at("RUNNING", start)) {
      const end = start + p.running;
      run = { start, end: Math.min(end, now, cancel) };
      if (at("SUCCESS", end)) succeededAt = end;
    }
  }
  const last = transitions.at(-1)?.status;
  if (job.cancel_ms !== null && job.cancel_ms <= now && !(last && isFinished(last))) {
    transitions.push({ status: "CANCELLATION_REQUESTED", ms: job.cancel_ms });
    const done = job.cancel_ms + p.cancelling;
    if (done <= now) transitions.push({ status: "CANCELLED", ms: done });
  }
  return { transitions, run, succeededAt };
}

/** Checkpoint i of 10 is taken at i/10 of the run, at step round(steps*i/10). */
function checkpointsFor(job: JobRow, run: { start: number; end: number }, speed: number) {
  const p = phases(speed);
  const hasValidation = (JSON.parse(job.validation_files) as string[]).length > 0;
  const random = seededRandom(job.id);
  const out: { step: number; ms: number; metrics: CheckpointOut["metrics"] }[] = [];
  // A plausible loss curve: fast early drop towards a floor, with noise; fixed per job id.
  const start = 1.6 + random() * 0.8;
  const floor = 0.35 + random() * 0.4;
  const rate = 2.5 + random() * 2;
  const gap = 0.05 + random() * 0.15;
  let lastStep = 0;
  for (let i = 1; i <= 10; i++) {
    const step = Math.max(1, Math.round((job.training_steps * i) / 10));
    const noise = () => (random() - 0.5) * 0.06;
    const progress = i / 10;
    const train = floor + (start - floor) * Math.exp(-rate * progress) + noise();
    const valid = train + gap * (0.5 + progress) + noise();
    const accuracy = Math.min(0.99, 0.45 + 0.45 * (1 - Math.exp(-rate * progress)) + noise() / 2);
    const ms = run.start + p.running * progress;
    if (step === lastStep || ms > run.end) continue;
    lastStep = step;
    out.push({
      step,
      ms,
      metrics: {
        train_loss: round(train, 6),
        valid_loss: hasValidation ? round(valid, 6) : null,
        valid_mean_token_accuracy: round(accuracy, 6),
      },
    });
  }
  return out;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function fineTunedModelId(
  job: Pick<JobRow, "id" | "model" | "suffix">,
  succeededMs: number,
): string {
  const tag = job.suffix || createHash("sha256").update(job.id).digest("hex").slice(0, 8);
  const date = new Date(succeededMs).toISOString().slice(0, 10).replace(/-/g, "");
  return `ft:${job.model}:${tag}:${date}:${job.id.replace(/-/g, "").slice(0, 8)}`;
}

/** Writes what has happened to a job by now. Idempotent; runs inside one transaction. */
function materialize(ctx: SandboxContext, job: JobRow, now: number): JobRow {
  if (isFinished(job.status)) return job;
  const { db } = ctx.store;
  let validatedOk = job.validated_ok;
  const decideValidation = () => {
    const ids = [
      ...(JSON.parse(job.training_files) as { file_id: string }[]).map((f) => f.file_id),
      ...(JSON.parse(job.validation_files) as string[]),
    ];
    const ok = ids.every((id) => getFileRow(ctx, id) !== undefined);
    validatedOk = ok ? 1 : 0;
    return ok;
  };
  const { transitions, run, succeededAt } = derive(job, now, job.speed, decideValidation);
  const insertEvent = db.prepare(
    "INSERT OR IGNORE INTO events (job_id, ordinal, name, data, created_at) VALUES (?, ?, 'status-updated', ?, ?)",
  );
  transitions.forEach((t, i) =>
    insertEvent.run(job.id, i, JSON.stringify({ status: t.status }), toSeconds(t.ms)),
  );
  if (run) {
    const insertCheckpoint = db.prepare(
      "INSERT OR IGNORE INTO checkpoints (job_id, step_number, metrics, created_at) VALUES (?, ?, ?, ?)",
    );
    for (const c of checkpointsFor(job, run, job.speed)) {
      insertCheckpoint.run(job.id, c.step, JSON.stringify(c.metrics), toSeconds(c.ms));
    }
  }
  let fineTunedModel = job.fine_tuned_model;
  let trainedTokens = job.trained_tokens;
  if (succeededAt !== null && !fineTunedModel) {
    fineTunedModel = fineTunedModelId(job, succeededAt);
    trainedTokens = job.training_steps * TRAIN_TOKENS_PER_STEP;
    db.prepare(
      "INSERT OR IGNORE INTO ft_models (id, job_id, root, created, archived, name, description, model_type, classifier_targets) VALUES (?, ?, ?, ?, 0, NULL, NULL, ?, ?)",
    ).run(
      fineTunedModel,
      job.id,
      job.model,
      toSeconds(succeededAt),
      job.job_type,
      job.classifier_targets,
    );
  }
  const last = transitions.at(-1)!;
  const updated: JobRow = {
    ...job,
    status: last.status,
    modified_ms: Math.max(job.modified_ms, last.ms),
    validated_ok: validatedOk,
    fine_tuned_model: fineTunedModel,
    trained_tokens: trainedTokens,
  };
  db.prepare(
    "UPDATE jobs SET status = @status, modified_ms = @modified_ms, validated_ok = @validated_ok, fine_tuned_model = @fine_tuned_model, trained_tokens = @trained_tokens WHERE id = @id",
  ).run(updated);
  return updated;
}

function loadJob(ctx: SandboxContext, id: string): JobRow | undefined {
  return ctx.store.db.prepare("SELECT * FROM jobs WHERE id = ?").get(id) as JobRow | undefined;
}

/** Brings one job up to date (in a transaction, so concurrent readers agree). */
function refreshJob(ctx: SandboxContext, id: string): JobRow | undefined {
  return ctx.store.db
    .transaction(() => {
      const job = loadJob(ctx, id);
      return job && materialize(ctx, job, ctx.now());
    })
    .immediate();
}

/** Brings every unfinished job up to date; called before lists and model lookups. */
export function refreshActiveJobs(ctx: SandboxContext, filter?: { fileId: string }): void {
  const { db } = ctx.store;
  const placeholders = FINISHED_JOB_STATUSES.map(() => "?").join(", ");
  const active = db.prepare(`SELECT * FROM jobs WHERE status NOT IN (${placeholders})`);
  // The common case (every job finished) needs no write lock: this runs before each chat request.
  const any = db.prepare(`SELECT 1 FROM jobs WHERE status NOT IN (${placeholders}) LIMIT 1`);
  if (!any.get(...FINISHED_JOB_STATUSES)) return;
  db.transaction(() => {
    const now = ctx.now();
    for (const job of active.all(...FINISHED_JOB_STATUSES) as JobRow[]) {
      if (
        filter &&
        !job.training_files.includes(filter.fileId) &&
        !job.validation_files.includes(filter.fileId)
      ) {
        continue;
      }
      materialize(ctx, job, now);
    }
  }).immediate();
}

// ---------------------------------------------------------------------------------------------
// Responses

function metadataOf(
  job: Pick<JobRow, "model" | "data_tokens" | "training_steps" | "created_ms" | "speed">,
) {
  const p = phases(job.speed);
  const trainTokens = job.training_steps * TRAIN_TOKENS_PER_STEP;
  return {
    expected_duration_seconds: Math.ceil((p.queued + p.validating + p.running) / 1000),
    cost: round((trainTokens / 1e6) * (PRICE_PER_M_TOKENS[job.model] ?? 2), 4),
    cost_currency: "USD",
    train_tokens_per_step: TRAIN_TOKENS_PER_STEP,
    train_tokens: trainTokens,
    data_tokens: job.data_tokens,
    estimated_start_time: toSeconds(job.created_ms + p.queued + p.validating),
  };
}

function toJobOut(job: JobRow): JobOut {
  const hp = JSON.parse(job.hyperparameters) as Hyperparameters;
  const common = {
    id: job.id,
    auto_start: job.auto_start === 1,
    model: job.model,
    status: job.status,
    created_at: toSeconds(job.created_ms),
    modified_at: toSeconds(job.modified_ms),
    training_files: (JSON.parse(job.training_files) as { file_id: string }[]).map((f) => f.file_id),
    validation_files: JSON.parse(job.validation_files) as string[],
    object: "job" as const,
    fine_tuned_model: job.fine_tuned_model,
    suffix: job.suffix,
    integrations: job.integrations
      ? (JSON.parse(job.integrations) as CompletionJobOut["integrations"])
      : null,
    trained_tokens: job.trained_tokens,
    metadata: metadataOf(job),
  };
  if (job.job_type === "classifier") {
    const { fim_ratio: _fim, ...classifierHp } = hp;
    void _fim;
    return { ...common, job_type: "classifier", hyperparameters: classifierHp };
  }
  return {
    ...common,
    job_type: "completion",
    hyperparameters: hp,
    repositories: JSON.parse(job.repositories) as CompletionJobOut["repositories"],
  };
}

function toDetailedJobOut(ctx: SandboxContext, job: JobRow): DetailedJobOut {
  const { db } = ctx.store;
  const events = (
    db
      .prepare("SELECT name, data, created_at FROM events WHERE job_id = ? ORDER BY ordinal")
      .all(job.id) as {
      name: string;
      data: string | null;
      created_at: number;
    }[]
  ).map((e): EventOut => ({
    name: e.name,
    data: e.data ? JSON.parse(e.data) : null,
    created_at: e.created_at,
  }));
  const checkpoints = (
    db
      .prepare(
        "SELECT step_number, metrics, created_at FROM checkpoints WHERE job_id = ? ORDER BY step_number",
      )
      .all(job.id) as { step_number: number; metrics: string; created_at: number }[]
  ).map((c): CheckpointOut => ({
    metrics: JSON.parse(c.metrics),
    step_number: c.step_number,
    created_at: c.created_at,
  }));
  const out = toJobOut(job);
  if (out.job_type === "classifier") {
    return {
      ...out,
      events,
      checkpoints,
      classifier_targets: JSON.parse(job.classifier_targets ?? "[]") as ClassifierTargetOut[],
    };
  }
  return { ...out, events, checkpoints };
}

const jobNotFound = (id: string) =>
  mistralError(404, `Fine-tuning job '${id}' not found.`, "invalid_request_error", "job_not_found");

// ---------------------------------------------------------------------------------------------
// Operations

export function getJob(ctx: SandboxContext, id: string): Response {
  const job = refreshJob(ctx, id);
  return job ? json(toDetailedJobOut(ctx, job)) : jobNotFound(id);
}

export function listJobs(ctx: SandboxContext, q: QueryValues): Response {
  refreshActiveJobs(ctx);
  const where: string[] = [];
  const args: unknown[] = [];
  const eq = (column: string, value: unknown) => {
    if (value === undefined || value === null) return;
    where.push(`${column} = ?`);
    args.push(value);
  };
  eq("model", q.model);
  eq("status", q.status);
  eq("wandb_project", q.wandb_project);
  eq("wandb_name", q.wandb_name);
  eq("suffix", q.suffix);
  if (typeof q.created_after === "string") {
    where.push("created_ms > ?");
    args.push(Date.parse(q.created_after));
  }
  // created_by_me: the sandbox has a single caller, so every job is theirs.
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const { db } = ctx.store;
  const total = (
    db.prepare(`SELECT count(*) AS n FROM jobs ${clause}`).get(...args) as { n: number }
  ).n;
  const pageSize = Math.max(0, (q.page_size as number | undefined) ?? 100);
  const page = Math.max(0, (q.page as number | undefined) ?? 0);
  // validateQuery bounds both; the cap keeps the offset an exact integer for SQLite regardless.
  const offset = Math.min(page * pageSize, Number.MAX_SAFE_INTEGER);
  const rows = db
    .prepare(`SELECT * FROM jobs ${clause} ORDER BY rowid DESC LIMIT ? OFFSET ?`)
    .all(...args, pageSize, offset) as JobRow[];
  return json({ data: rows.map((r) => toJobOut(r)), object: "list", total });
}

interface Plan {
  trainingFiles: { file_id: string; weight: number }[];
  validationFiles: string[];
  dataTokens: number;
  steps: number;
  hyperparameters: Hyperparameters;
}

/** Checks the files a job names and works out its size; a Response when something is wrong. */
function plan(ctx: SandboxContext, body: JobIn): Plan | Response {
  const trainingFiles = (body.training_files ?? []).map((f) => ({
    file_id: f.file_id,
    weight: f.weight ?? 1,
  }));
  const validationFiles = body.validation_files ?? [];
  if (trainingFiles.length === 0) {
    return validationError([
      {
        loc: ["body", "training_files"],
        msg: "At least one training file is required.",
        type: "value_error",
      },
    ]);
  }
  const missing = [
    ...trainingFiles.map((f, i) => ({
      id: f.file_id,
      loc: ["body", "training_files", i, "file_id"],
    })),
    ...validationFiles.map((id, i) => ({ id, loc: ["body", "validation_files", i] })),
  ].filter((f) => !getFileRow(ctx, f.id));
  if (missing.length) {
    return validationError(
      missing.map((f) => ({ loc: f.loc, msg: `File '${f.id}' not found.`, type: "value_error" })),
    );
  }
  const dataTokens = Math.round(
    trainingFiles.reduce((sum, f) => sum + getFileRow(ctx, f.file_id)!.data_tokens * f.weight, 0),
  );
  const hp = body.hyperparameters as S["CompletionTrainingParametersIn"];
  const steps =
    hp.training_steps ??
    (hp.epochs
      ? Math.max(1, Math.ceil((hp.epochs * dataTokens) / TRAIN_TOKENS_PER_STEP))
      : DEFAULT_TRAINING_STEPS);
  const epochs =
    hp.epochs ?? (dataTokens > 0 ? round((steps * TRAIN_TOKENS_PER_STEP) / dataTokens, 4) : null);
  return {
    trainingFiles,
    validationFiles,
    dataTokens,
    steps,
    hyperparameters: {
      training_steps: steps,
      learning_rate: hp.learning_rate ?? 0.0001,
      weight_decay: hp.weight_decay === undefined ? 0.1 : hp.weight_decay,
      warmup_fraction: hp.warmup_fraction === undefined ? 0.05 : hp.warmup_fraction,
      epochs,
      fim_ratio: hp.fim_ratio === undefined ? 0.9 : hp.fim_ratio,
      seq_len: hp.seq_len ?? null,
    },
  };
}

/**
 * The real API's rule for a job's `suffix` (it becomes part of the model id): at most 18 letters,
 * digits, '-', '_' or '.'. The console's job form (lib/fine-tuning/form.ts) applies the same rule.
 */
export const SUFFIX_PATTERN = /^[A-Za-z0-9._-]{1,18}$/;

function suffixError(suffix: string | null | undefined): ValidationDetail | null {
  // The spec's maxLength (checked before this) already refuses a longer one, in those words.
  if (suffix === undefined || suffix === null || SUFFIX_PATTERN.test(suffix)) return null;
  return {
    loc: ["body", "suffix"],
    msg: `String should match pattern '${SUFFIX_PATTERN.source}'`,
    type: "string_pattern_mismatch",
  };
}

/** What the service refuses in classifier targets the spec's shape lets through. */
function targetErrors(targets: NonNullable<JobIn["classifier_targets"]>): ValidationDetail[] {
  const out: ValidationDetail[] = [];
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    const loc = ["body", "classifier_targets", i];
    if (!t.name.trim()) {
      out.push({ loc: [...loc, "name"], msg: "A target needs a name.", type: "value_error" });
    } else if (seen.has(t.name)) {
      out.push({
        loc: [...loc, "name"],
        msg: `Value error, target '${t.name}' is listed twice.`,
        type: "value_error",
      });
    }
    seen.add(t.name);
    if (t.labels.length === 0) {
      out.push({
        loc: [...loc, "labels"],
        msg: `Value error, target '${t.name}' needs at least one label.`,
        type: "value_error",
      });
    }
  });
  return out;
}

/** A job's type: as asked, else a classifier when it names classifier targets. */
function jobTypeOf(body: JobIn): JobType {
  return body.job_type ?? (body.classifier_targets?.length ? "classifier" : "completion");
}

export function createJob(ctx: SandboxContext, body: JobIn, dryRun: boolean): Response {
  const badSuffix = suffixError(body.suffix);
  if (badSuffix) return validationError([badSuffix]);
  // Today's JobIn takes any string: the service refuses a model that cannot be fine-tuned.
  const base = findBaseModel(body.model);
  if (!base?.capabilities.fine_tuning) {
    return validationError([
      {
        type: "value_error",
        loc: ["body", "model"],
        msg: `Value error, model '${body.model}' cannot be fine-tuned. Fine-tuneable models: ${FINE_TUNEABLE.join(", ")}`,
        input: body.model,
      },
    ]);
  }
  const jobType = jobTypeOf(body);
  if (jobType === "classifier" && !body.classifier_targets?.length) {
    return validationError([
      {
        type: "value_error",
        loc: ["body", "classifier_targets"],
        msg: "Value error, a classifier job needs at least one classifier target.",
      },
    ]);
  }
  const badTargets = jobType === "classifier" ? targetErrors(body.classifier_targets!) : [];
  if (badTargets.length) return validationError(badTargets);
  const targets: ClassifierTargetOut[] | null =
    jobType === "classifier"
      ? body.classifier_targets!.map((t) => ({
          name: t.name,
          labels: t.labels,
          weight: t.weight ?? 1,
          loss_function: t.loss_function ?? "single_class",
        }))
      : null;
  const p = plan(ctx, body);
  if (p instanceof Response) return p;
  const now = ctx.now();
  if (dryRun) {
    const meta = metadataOf({
      model: body.model,
      data_tokens: p.dataTokens,
      training_steps: p.steps,
      created_ms: now,
      speed: ctx.speed,
    });
    const out: LegacyJobMetadataOut = {
      ...meta,
      object: "job.metadata",
      deprecated: true,
      details: "",
      epochs: p.hyperparameters.epochs ?? null,
      training_steps: p.steps,
    };
    return json(out);
  }
  // Secrets (W&B api_key, GitHub token) are used by the real service and never echoed back.
  const integrations =
    body.integrations?.map((i) => ({
      type: "wandb" as const,
      project: i.project,
      name: i.name ?? null,
      run_name: i.run_name ?? null,
    })) ?? null;
  const repositories = (body.repositories ?? []).map((r) => ({
    type: "github" as const,
    name: r.name,
    owner: r.owner,
    ref: r.ref ?? null,
    weight: r.weight ?? 1,
    commit_id: createHash("sha1")
      .update(`${r.owner}/${r.name}@${r.ref ?? "main"}`)
      .digest("hex"),
  }));
  const job: JobRow = {
    id: randomUUID(),
    model: body.model,
    status: "QUEUED",
    auto_start: body.auto_start === false ? 0 : 1,
    hyperparameters: JSON.stringify(p.hyperparameters),
    training_files: JSON.stringify(p.trainingFiles),
    validation_files: JSON.stringify(p.validationFiles),
    suffix: body.suffix ?? null,
    integrations: integrations ? JSON.stringify(integrations) : null,
    repositories: JSON.stringify(repositories),
    wandb_project: integrations?.[0]?.project ?? null,
    wandb_name: integrations?.[0]?.name ?? null,
    data_tokens: p.dataTokens,
    training_steps: p.steps,
    created_ms: now,
    modified_ms: now,
    speed: ctx.speed,
    validated_ok: null,
    start_ms: null,
    cancel_ms: null,
    fine_tuned_model: null,
    trained_tokens: null,
    job_type: jobType,
    classifier_targets: targets ? JSON.stringify(targets) : null,
  };
  const created = insertJob(ctx, job, now);
  return json(toJobOut(created));
}

function insertJob(ctx: SandboxContext, job: JobRow, now: number): JobRow {
  const { db } = ctx.store;
  return db
    .transaction(() => {
      db.prepare(
        `INSERT INTO jobs (id, model, status, auto_start, hyperparameters, training_files, validation_files, suffix,
           integrations, repositories, wandb_project, wandb_name, data_tokens, training_steps, created_ms, modified_ms,
           speed, validated_ok, start_ms, cancel_ms, fine_tuned_model, trained_tokens, job_type, classifier_targets)
         VALUES (@id, @model, @status, @auto_start, @hyperparameters, @training_files, @validation_files, @suffix,
           @integrations, @repositories, @wandb_project, @wandb_name, @data_tokens, @training_steps, @created_ms,
           @modified_ms, @speed, @validated_ok, @start_ms, @cancel_ms, @fine_tuned_model, @trained_tokens,
           @job_type, @classifier_targets)`,
      ).run(job);
      return materialize(ctx, job, now);
    })
    .immediate();
}

/** Applies a start or cancel request to an up-to-date job, atomically. */
function act(
  ctx: SandboxContext,
  id: string,
  decide: (
    job: JobRow,
    now: number,
  ) => { set: "start_ms" | "cancel_ms" } | { error: string } | null,
): Response {
  const { db } = ctx.store;
  const result = db
    .transaction(() => {
      const now = ctx.now();
      const loaded = loadJob(ctx, id);
      if (!loaded) return undefined;
      let job = materialize(ctx, loaded, now);
      const d = decide(job, now);
      if (d && "error" in d) return d.error;
      if (d) {
        db.prepare(`UPDATE jobs SET ${d.set} = ?, modified_ms = ? WHERE id = ?`).run(now, now, id);
        job = materialize(ctx, { ...job, [d.set]: now, modified_ms: now }, now);
      }
      return job;
    })
    .immediate();
  if (result === undefined) return jobNotFound(id);
  if (typeof result === "string")
    return mistralError(400, result, "invalid_request_error", "invalid_job_state");
  return json(toDetailedJobOut(ctx, result));
}

export function startJob(ctx: SandboxContext, id: string): Response {
  return act(ctx, id, (job) => {
    if (job.status === "VALIDATED" && !job.auto_start && job.start_ms === null)
      return { set: "start_ms" };
    if (job.status === "QUEUED" || job.status === "VALIDATING") {
      return {
        error: `Job ${id} cannot be started yet: it is ${job.status}; start it once it is VALIDATED.`,
      };
    }
    return { error: `Job ${id} cannot be started: it is ${job.status}.` };
  });
}

export function cancelJob(ctx: SandboxContext, id: string): Response {
  return act(ctx, id, (job) => {
    if (job.status === "CANCELLATION_REQUESTED") return null; // already on its way
    if (isFinished(job.status))
      return { error: `Job ${id} cannot be cancelled: it is already ${job.status}.` };
    return { set: "cancel_ms" };
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding many finished jobs and their models at once (for benchmarks of the models page).

/** A fine-tuned classifier model's targets, or null for any other model (or an unknown id). */
export function classifierTargetsOf(
  ctx: SandboxContext,
  modelId: string,
): { name: string; labels: string[] }[] | null {
  refreshActiveJobs(ctx); // a job that finished since the last look has its model now
  const row = ctx.store.db
    .prepare("SELECT model_type, classifier_targets FROM ft_models WHERE id = ? AND deleted = 0")
    .get(modelId) as { model_type: string; classifier_targets: string | null } | undefined;
  if (row?.model_type !== "classifier" || !row.classifier_targets) return null;
  return (JSON.parse(row.classifier_targets) as ClassifierTargetOut[]).map((t) => ({
    name: t.name,
    labels: t.labels,
  }));
}

export function seedFineTunedModels(ctx: SandboxContext, count: number): number {
  const { db } = ctx.store;
  const existing = (db.prepare("SELECT count(*) AS n FROM ft_models").get() as { n: number }).n;
  const missing = Math.max(0, count - existing);
  if (!missing) return 0;
  const models = Object.keys(PRICE_PER_M_TOKENS);
  const suffixes = ["support", "legal", "sql", "triage", "summaries", null, null];
  const random = seededRandom(`seed-${existing}`);
  const now = ctx.now();
  const day = 86_400_000;
  db.transaction(() => {
    for (let i = 0; i < missing; i++) {
      const model = models[Math.floor(random() * models.length)];
      const suffix = suffixes[Math.floor(random() * suffixes.length)];
      const created = now - Math.floor(random() * 180 * day) - day;
      const steps = 5 + Math.floor(random() * 200);
      const job: JobRow = {
        id: randomUUID(),
        model,
        status: "QUEUED",
        auto_start: 1,
        hyperparameters: JSON.stringify({
          training_steps: steps,
          learning_rate: 0.0001,
          weight_decay: 0.1,
          warmup_fraction: 0.05,
          epochs: null,
          fim_ratio: 0.9,
        }),
        training_files: JSON.stringify([{ file_id: randomUUID(), weight: 1 }]),
        validation_files: "[]",
        suffix,
        integrations: null,
        repositories: "[]",
        wandb_project: null,
        wandb_name: null,
        data_tokens: steps * 50_000,
        training_steps: steps,
        created_ms: created,
        modified_ms: created,
        speed: ctx.speed,
        validated_ok: 1, // seeded jobs name no stored files; treat them as validated
        start_ms: null,
        cancel_ms: null,
        fine_tuned_model: null,
        trained_tokens: null,
        job_type: "completion",
        classifier_targets: null,
      };
      const done = insertJob(ctx, job, now);
      if (random() < 0.3) {
        db.prepare("UPDATE ft_models SET name = ?, description = ?, archived = ? WHERE id = ?").run(
          `${suffix ?? model} v${i + existing + 1}`,
          `Seeded model ${i + existing + 1} trained from ${model}.`,
          random() < 0.2 ? 1 : 0,
          done.fine_tuned_model,
        );
      }
    }
  })();
  return missing;
}
