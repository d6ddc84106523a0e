import "server-only";
import { sql, type Compilable, type Insertable, type Kysely } from "kysely";
import type { AuditEntry, UsageSource, UsageUnit } from "@/lib/console/audit";
import type { UnitUsageRow, UsageRow } from "@/lib/console/usage";
import {
  applicableBudgets,
  budgetConditions,
  crossedThresholds,
  ensureCounters,
  lockKeys,
  refusalOf,
  reserveOnCounters,
  settleOnCounters,
  subjectLockKeys,
  type BudgetRow,
  type Reservation,
  type Subjects,
} from "../budgets";
import type { Database } from "../db/schema";
import { recordCost } from "../metrics";
import { perProcess } from "../per-process";
import { costNanos, priceFor } from "../prices";
import type { AuthContext } from "./auth";
import type { Principal } from "./principal";

export interface AuditStart {
  operation: string;
  method: string;
  path: string;
  target: string | null;
  spend: boolean;
}

export interface AuditResult {
  status: number;
  target?: string | null;
  model?: string | null;
  usage?: Usage | null;
}

export interface Usage {
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  /** "console" when the console estimated the counts (a stream that ended without usage). */
  source?: UsageSource;
  /** OCR: `usage_info.pages_processed`. */
  pages: number | null;
  /** Transcription: `usage.prompt_audio_seconds`. */
  audioSeconds: number | null;
}

/** The unit a spending call is billed in, by operation label; other calls record none. */
const USAGE_UNITS: Record<string, UsageUnit> = {
  "chat.completions": "tokens",
  "fim.completions": "tokens",
  "agents.completions": "tokens",
  embeddings: "tokens",
  moderations: "tokens",
  "chat.moderations": "tokens",
  classifications: "tokens",
  "chat.classifications": "tokens",
  "conversations.start": "tokens",
  "conversations.append": "tokens",
  "conversations.restart": "tokens",
  ocr: "pages",
  // Its answer counts tokens too (kept in the token columns), but it is billed by the minute.
  "audio.transcriptions": "audio_seconds",
};

/** The unit and amount a finished call consumed, or nulls when its answer says nothing. */
function consumed(operation: string, usage: Usage | null | undefined) {
  const unit = Object.hasOwn(USAGE_UNITS, operation) ? USAGE_UNITS[operation] : null;
  const quantity =
    unit === "tokens"
      ? usage?.totalTokens
      : unit === "pages"
        ? usage?.pages
        : unit === "audio_seconds"
          ? usage?.audioSeconds
          : null;
  return quantity === null || quantity === undefined
    ? { usage_unit: null, usage_quantity: null }
    : { usage_unit: unit, usage_quantity: quantity };
}

export type { AuditEntry, UnitUsageRow, UsageRow, UsageSource, UsageUnit };

type Finish = (result: AuditResult) => Promise<void>;

/** The audit row of a call as it starts: status null while in flight. */
function startRow(principal: Principal, start: AuditStart, at: number) {
  return {
    at,
    user_id: principal.userId,
    user_email: principal.email,
    via: principal.via,
    token_id: principal.tokenId,
    operation: start.operation,
    method: start.method,
    path: start.path,
    target: start.target,
    status: null,
    model: null,
    prompt_tokens: null,
    completion_tokens: null,
    total_tokens: null,
    usage_unit: null,
    usage_quantity: null,
    duration_ms: null,
    spend: start.spend ? 1 : 0,
  };
}

/** What a settled call cost at its model's price now (null: unpriced), in its billing unit. */
async function settledCost(ctx: AuthContext, operation: string, result: AuditResult) {
  const usage = result.usage;
  const unit = Object.hasOwn(USAGE_UNITS, operation) ? USAGE_UNITS[operation] : null;
  if (!usage || !unit || !result.model) return null;
  const price = await priceFor(ctx, result.model);
  return unit === "tokens"
    ? costNanos(price, usage)
    : costNanos(price, {
        promptTokens: null,
        completionTokens: null,
        pages: unit === "pages" ? usage.pages : null,
        audioSeconds: unit === "audio_seconds" ? usage.audioSeconds : null,
      });
}

/** A spending call as admitted: whom it counts for, what it reserved, and against which budgets. */
interface Budgeted {
  principal: Principal;
  path: string;
  subjects: Subjects;
  /** The ledger's time of the call (its periods). */
  at: number;
  reservation: Reservation | null;
  budgets: readonly BudgetRow[];
}

/**
 * Takes the advisory locks of `keys` (PostgreSQL, in a transaction), in one fixed order (by lock
 * id) so two transactions never wait on each other crosswise.
 */
async function lockSubjects(db: Kysely<Database>, keys: string[]) {
  await sql`select pg_advisory_xact_lock(${sql.lit(SPEND_LOCK_SPACE)}, h)
    from (select distinct hashtext(k) as h from unnest(cast(${keys} as text[])) as k
      order by h) as locks`.execute(db);
}

/**
 * Runs `work` in a transaction holding the subjects' locks on PostgreSQL; on SQLite in a
 * transaction (the driver runs one at a time).
 */
function underLocks<T>(
  ctx: AuthContext,
  keys: string[],
  work: (db: Kysely<Database>) => Promise<T>,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    if (ctx.database.kind === "postgres" && keys.length) await lockSubjects(trx, keys);
    return work(trx);
  });
}

/**
 * Completes the entry `id` of `operation` started at `at` with the call's outcome: one UPDATE
 * that settles a spending call to what it really used (its reservation cleared) and keeps its
 * cost at today's price, so a later price change leaves it alone.
 */
function finisher(
  ctx: AuthContext,
  row: Promise<number>,
  at: number,
  operation: string,
  budgeted?: Budgeted,
): Finish {
  return async (result) => {
    const id = await row;
    const cost = await settledCost(ctx, operation, result);
    const settle = (db: Kysely<Database>) =>
      db
        .updateTable("audit_log")
        .set({
          status: result.status,
          duration_ms: Date.now() - at,
          model: result.model ?? null,
          prompt_tokens: result.usage?.promptTokens ?? null,
          completion_tokens: result.usage?.completionTokens ?? null,
          total_tokens: result.usage?.totalTokens ?? null,
          usage_source: result.usage ? (result.usage.source ?? "upstream") : null,
          ...consumed(operation, result.usage),
          ...(result.target ? { target: result.target } : {}),
          reserved_tokens: null,
          reserved_cost_nanos: null,
          cost_nanos: cost,
        })
        .where("id", "=", id)
        .execute();
    if (!budgeted) {
      await settle(ctx.database.db);
    } else {
      // The ledger row and every counter that counts it move together, under the subjects'
      // locks: a counter being made from the ledger at that moment sees one state or the other.
      const r = budgeted.reservation;
      const delta = {
        tokens: (result.usage?.totalTokens ?? 0) - (r?.tokens ?? 0),
        costNanos: (cost ?? 0) - (r?.costNanos ?? 0),
      };
      await underLocks(ctx, subjectLockKeys(budgeted.subjects), async (db) => {
        await settle(db);
        await settleOnCounters(db, budgeted.subjects, budgeted.at, delta);
      });
    }
    recordCost(result.model ?? null, cost);
    if (budgeted?.budgets.length) await noticeThresholds(ctx, budgeted);
  };
}

/** One audit entry per budget this call took past its soft threshold, once per period. */
async function noticeThresholds(ctx: AuthContext, { principal, path, budgets }: Budgeted) {
  for (const status of await crossedThresholds(ctx, budgets)) {
    const whose =
      status.scope === "team"
        ? `team “${status.subjectName}”`
        : status.scope === "token"
          ? `token “${status.subjectName}”`
          : status.subjectName;
    await audit(ctx, principal, {
      operation: "budget.threshold",
      method: "POST",
      path,
      target: `${whose} ${status.period === "day" ? "daily" : "monthly"} budget at ${status.softPercent} %`,
      status: 200,
    });
  }
}

/** A call's entry, started: `finish` completes it once the call is over. */
export interface Started {
  finish: Finish;
  /** Settles once the start row is written (rejects if it could not be). */
  recorded: Promise<unknown>;
}

/**
 * Writes a start row: at once, or with `after` once that settles. The gateway's `sent(request)` is
 * such a promise: a call that has nothing to be admitted by (no limit, no budget) is then
 * forwarded first and recorded while the upstream works on it, taking the row's write off the
 * time to the first token. Its answer still waits for the row (`recorded`), and a call whose row
 * cannot be written is cut off and fails.
 */
function writeStart(
  ctx: AuthContext,
  row: Insertable<Database["audit_log"]>,
  after?: Promise<unknown>,
): Promise<number> {
  const id = after
    ? after.then(() => ctx.database.insertAudit(row))
    : ctx.database.insertAudit(row);
  // Awaited by `recorded`'s and `finish`'s callers; a failure must not go unhandled meanwhile.
  id.catch(() => {});
  return id;
}

/**
 * Records a call as it starts (status null while in flight) and returns a function that completes
 * the entry. Writing first means a crash mid-call still leaves a trace, and per-user limits see
 * calls that have not finished yet. With `after` (see writeStart) it returns at once.
 */
export async function auditStart(
  ctx: AuthContext,
  principal: Principal,
  start: AuditStart,
  after?: Promise<unknown>,
): Promise<Started> {
  const at = Date.now();
  const recorded = writeStart(ctx, startRow(principal, start, at), after);
  if (!after) await recorded;
  return { finish: finisher(ctx, recorded, at, start.operation), recorded };
}

export type Admission =
  | ({ ok: true } & Started)
  | { ok: false; reason: "rate_limited"; retryAfter: number }
  | { ok: false; reason: "budget_exceeded"; retryAfter: number; message: string };

/** A spending call's bound as its request states it (read only when a budget applies). */
export interface SpendingBound {
  /** The model it names, to reserve its cost when the model has a price. */
  model: string | null;
  promptTokens: number;
  /** `max_tokens`, or the configured default for a call without one (0 when it generates none). */
  completionTokens: number;
}

/** Separates this module's advisory locks from any other user of the database's. */
const SPEND_LOCK_SPACE = 0x6d632d73; // "mc-s"

/**
 * Admits a spending call when the user has started fewer than `perMinute` of them in the last
 * minute (in flight included, across every instance; null: no limit) and every budget that
 * applies (the user's, their team's, the console token's) has room for the call's worst case,
 * recording it as auditStart does with that reservation; else says why and how many seconds until
 * it may pass. A refused call inserts nothing: it reserves nothing.
 *
 * The checks and the record are one INSERT … SELECT … WHERE (count) < limit AND (counter) +
 * reserve <= budget …, so no call can slip in between them. A budget's counter is what the
 * period's ledger counts (reservations in flight, usage settled), kept in step with it in the
 * same transaction (made from the ledger when missing, raised by the admitted reservation, moved
 * to the real usage at settlement), so admission reads one row per budget however long the
 * period's ledger. On SQLite the statement is exact alone: a writing statement takes the
 * database's single write lock as it begins, before it counts, and the driver runs one
 * transaction at a time. On PostgreSQL it is not: under READ COMMITTED, concurrent statements
 * each read from a snapshot without the others' uncommitted rows. So there the transaction first
 * takes an advisory lock per subject it reads (the user, their team, the token), in one fixed
 * order (by lock id) so two calls never wait on each other crosswise: the next call for a subject
 * waits until the previous one commits, and its statement, which starts after the locks are
 * granted, sees that row. Other subjects are not held up (a hash collision only makes two queue
 * together).
 */
export async function admitSpending(
  ctx: AuthContext,
  principal: Principal,
  start: AuditStart,
  perMinute: number | null,
  bound: () => Promise<SpendingBound>,
  { at = Date.now(), after }: { at?: number; after?: Promise<unknown> } = {},
): Promise<Admission> {
  const startedAt = Date.now();
  // At once when remembered (most calls): one microtask turn fewer on the call's path.
  const applicable = applicableBudgets(ctx, principal);
  const { subjects, budgets } = applicable instanceof Promise ? await applicable : applicable;
  if (!perMinute && !budgets.length) {
    // Nothing to admit by: recorded as any other write (with `after`, once forwarded). Its
    // duration is wall-clock time since now, whatever `at` a test set for the ledger.
    const recorded = writeStart(
      ctx,
      { ...startRow(principal, start, at), team_id: subjects.teamId },
      after,
    );
    if (!after) await recorded;
    const budgeted = { principal, path: start.path, subjects, at, reservation: null, budgets };
    return {
      ok: true,
      finish: finisher(ctx, recorded, startedAt, start.operation, budgeted),
      recorded,
    };
  }
  let reservation: Reservation | null = null;
  if (budgets.length) {
    const b = await bound();
    const price = budgets.some((x) => x.max_cost_nanos !== null)
      ? await priceFor(ctx, b.model)
      : null;
    reservation = {
      tokens: b.promptTokens + b.completionTokens,
      costNanos: costNanos(price, b) ?? 0,
    };
  }
  const row = {
    ...startRow(principal, start, at),
    team_id: subjects.teamId,
    reserved_tokens: reservation?.tokens ?? null,
    reserved_cost_nanos: reservation?.costNanos ?? null,
  };
  const conditions = reservation ? budgetConditions(budgets, reservation, at) : [];
  // Outside a transaction (no budget applies) the row is written at once (ConsoleDatabase.run).
  const run = <R>(db: Kysely<Database>, query: Compilable<R>) =>
    db === ctx.database.db ? ctx.database.run(query) : db.executeQuery(query).then((r) => r.rows);
  const admit = async (db: Kysely<Database>) => {
    const columns = Object.keys(row) as (keyof typeof row)[];
    const [inserted] = await run(
      db,
      db
        .insertInto("audit_log")
        .columns(columns)
        .expression(
          db
            .selectNoFrom((eb) => columns.map((c) => eb.val(row[c]).as(c)))
            .where((eb) =>
              eb.and([
                ...(perMinute
                  ? [
                      eb(
                        eb
                          .selectFrom("audit_log")
                          .select((e) => e.fn.countAll().as("n"))
                          .where("user_id", "=", principal.userId)
                          .where("spend", "=", 1)
                          .where("at", ">", at - 60_000),
                        "<",
                        perMinute,
                      ),
                    ]
                  : []),
                ...conditions,
              ]),
            ),
        )
        .returning("id"),
    );
    return inserted ? Number(inserted.id) : null;
  };
  const keys = lockKeys(budgets, subjects, Boolean(perMinute));
  const id = reservation
    ? await underLocks(ctx, keys, async (db) => {
        await ensureCounters(db, budgets, at);
        const admitted = await admit(db);
        if (admitted !== null) await reserveOnCounters(db, budgets, reservation, at);
        return admitted;
      })
    : ctx.database.kind === "postgres" && keys.length
      ? await underLocks(ctx, keys, admit)
      : await admit(ctx.database.db);
  if (id !== null) {
    const recorded = Promise.resolve(id);
    return {
      ok: true,
      recorded,
      // Its duration is wall-clock time since now, whatever `at` a test set for the ledger.
      finish: finisher(ctx, recorded, startedAt, start.operation, {
        principal,
        path: start.path,
        subjects,
        at,
        reservation,
        budgets,
      }),
    };
  }
  const over = reservation ? await refusalOf(ctx, budgets, reservation, at, principal) : null;
  if (over) return { ok: false, reason: "budget_exceeded", ...over };
  return {
    ok: false,
    reason: "rate_limited",
    retryAfter: await retryAfterSeconds(ctx, principal.userId, perMinute ?? 1),
  };
}

/** Seconds until the oldest of the user's last `perMinute` spending calls leaves the minute. */
async function retryAfterSeconds(
  ctx: AuthContext,
  userId: string,
  perMinute: number,
): Promise<number> {
  const rows = await ctx.database.db
    .selectFrom("audit_log")
    .select("at")
    .where("user_id", "=", userId)
    .where("spend", "=", 1)
    .where("at", ">", Date.now() - 60_000)
    .orderBy("at", "desc")
    .limit(perMinute)
    .execute();
  const oldest = rows.length ? Number(rows[rows.length - 1].at) : Date.now();
  return Math.min(60, Math.max(1, Math.ceil((oldest + 60_000 - Date.now()) / 1000)));
}

/** A write that is over, as one audit entry records it. */
export interface AuditedWrite {
  operation: string;
  method: string;
  path: string;
  target: string | null;
  status: number;
}

/** A one-shot entry for the console's own writes (tokens, users, setup). */
export async function audit(
  ctx: AuthContext,
  principal: Principal,
  { status, ...entry }: AuditedWrite,
): Promise<void> {
  const { finish } = await auditStart(ctx, principal, { ...entry, spend: false });
  await finish({ status });
}

/** Refused writes recorded per user per minute; the rest of that minute's are only counted. */
export const REFUSED_AUDIT_PER_MINUTE = 20;

/**
 * Per user: when their current minute began and how many refused writes it has seen. In memory,
 * so with several instances each records up to the cap (cap × instances a minute at most): the
 * point is to bound what a script hammering the console can add to the log, and the first
 * refusals, which say who tried what, are kept. Counting in the database instead would cost a
 * query per refusal and still overshoot under concurrency. One map per process (per-process.ts),
 * whichever of the /v1 fast path or a route handler records the refusal.
 */
const refusedWindows = perProcess(
  "refused-audit-windows",
  () => new Map<string, { start: number; count: number }>(),
);

function refusalRecordable(userId: string, now: number): boolean {
  let window = refusedWindows.get(userId);
  if (!window || now - window.start >= 60_000) {
    if (refusedWindows.size >= 10_000) {
      for (const [key, w] of refusedWindows)
        if (now - w.start >= 60_000) refusedWindows.delete(key);
    }
    window = { start: now, count: 0 };
    refusedWindows.set(userId, window);
  }
  window.count += 1;
  if (window.count === REFUSED_AUDIT_PER_MINUTE + 1) {
    console.warn(
      `[audit] more than ${REFUSED_AUDIT_PER_MINUTE} refused writes by user ${userId} within a minute: the rest of this minute's are not recorded`,
    );
  }
  return window.count <= REFUSED_AUDIT_PER_MINUTE;
}

/** Records a refused write (403, 429), up to REFUSED_AUDIT_PER_MINUTE per user per minute. */
export async function auditRefusal(
  ctx: AuthContext,
  principal: Principal,
  refused: AuditedWrite,
): Promise<void> {
  if (!refusalRecordable(principal.userId, Date.now())) return;
  await audit(ctx, principal, refused);
}

export interface AuditFilter {
  userId?: string;
  operation?: string;
  target?: string;
  from?: number;
  to?: number;
  before?: number;
  limit: number;
}

export async function queryAudit(ctx: AuthContext, filter: AuditFilter): Promise<AuditEntry[]> {
  let query = ctx.database.db.selectFrom("audit_log").selectAll().orderBy("id", "desc");
  if (filter.userId) query = query.where("user_id", "=", filter.userId);
  if (filter.operation) query = query.where("operation", "=", filter.operation);
  if (filter.target) {
    const pattern = `%${filter.target.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(target) like lower(${pattern}) escape '\\'`);
  }
  if (filter.from !== undefined) query = query.where("at", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("at", "<", filter.to);
  if (filter.before !== undefined) query = query.where("id", "<", filter.before);
  const rows = await query.limit(filter.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(Number(r.at)).toISOString(),
    userId: r.user_id,
    userEmail: r.user_email,
    via: r.via as AuditEntry["via"],
    tokenId: r.token_id,
    operation: r.operation,
    method: r.method,
    path: r.path,
    target: r.target,
    status: r.status,
    model: r.model,
    promptTokens: r.prompt_tokens,
    completionTokens: r.completion_tokens,
    totalTokens: r.total_tokens,
    usageSource:
      r.usage_source === "console" || r.usage_source === "upstream" ? r.usage_source : null,
    usageUnit: r.usage_unit as UsageUnit | null,
    usageQuantity: r.usage_quantity === null ? null : Number(r.usage_quantity),
    durationMs: r.duration_ms,
  }));
}

const CSV_COLUMNS: (keyof AuditEntry)[] = [
  "id",
  "at",
  "userEmail",
  "userId",
  "via",
  "tokenId",
  "operation",
  "method",
  "path",
  "target",
  "status",
  "model",
  "promptTokens",
  "completionTokens",
  "totalTokens",
  "usageSource",
  "usageUnit",
  "usageQuantity",
  "durationMs",
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // A cell starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsv(entries: AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of entries) lines.push(CSV_COLUMNS.map((c) => csvCell(e[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** The calls billed in tokens (job creation also names a model, but spends none here). */
const TOKEN_OPERATIONS = Object.keys(USAGE_UNITS).filter((op) => USAGE_UNITS[op] === "tokens");

/** The UTC day (YYYY-MM-DD) of a row's `at`, in the database's dialect. */
function dayOf(ctx: AuthContext) {
  return ctx.database.kind === "postgres"
    ? sql<string>`to_char(to_timestamp(at / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', at / 1000, 'unixepoch')`;
}

/** Whose usage: one user's, one team's, or (neither) everyone's. */
export interface UsageFilter {
  from: number;
  to: number;
  userId?: string;
  teamId?: string;
  tokenId?: string;
}

/**
 * Tokens (and cost, where priced) per day, model, user and team from the audit log (UTC days),
 * summed by the database. A sum of costs is null only when none of its calls had a price.
 */
export async function queryUsage(ctx: AuthContext, filter: UsageFilter): Promise<UsageRow[]> {
  const day = dayOf(ctx);
  let query = ctx.database.db
    .selectFrom("audit_log")
    .select((eb) => [
      day.as("day"),
      "model",
      "user_id",
      "team_id",
      "token_id",
      eb.fn.max("user_email").as("user_email"),
      eb.fn.countAll<number>().as("requests"),
      eb.fn.sum<number>("prompt_tokens").as("prompt_tokens"),
      eb.fn.sum<number>("completion_tokens").as("completion_tokens"),
      eb.fn.sum<number>("total_tokens").as("total_tokens"),
      eb.fn.sum<number | null>("cost_nanos").as("cost_nanos"),
    ])
    .where("spend", "=", 1)
    .where("operation", "in", TOKEN_OPERATIONS)
    .where("model", "is not", null)
    .where("at", ">=", filter.from)
    .where("at", "<", filter.to)
    .groupBy([day, "model", "user_id", "team_id", "token_id"])
    .orderBy(day)
    .orderBy("model")
    .orderBy("user_id");
  if (filter.userId) query = query.where("user_id", "=", filter.userId);
  if (filter.teamId) query = query.where("team_id", "=", filter.teamId);
  if (filter.tokenId) query = query.where("token_id", "=", filter.tokenId);
  const rows = await query.execute();
  return rows.map((r) => ({
    day: r.day,
    model: r.model!,
    userId: r.user_id,
    userEmail: r.user_email,
    teamId: r.team_id,
    tokenId: r.token_id,
    requests: Number(r.requests),
    promptTokens: Number(r.prompt_tokens ?? 0),
    completionTokens: Number(r.completion_tokens ?? 0),
    totalTokens: Number(r.total_tokens ?? 0),
    costNanos: r.cost_nanos === null ? null : Number(r.cost_nanos),
  }));
}

const USAGE_CSV_COLUMNS: (keyof UsageRow)[] = [
  "day",
  "model",
  "userEmail",
  "userId",
  "teamId",
  "tokenId",
  "requests",
  "promptTokens",
  "completionTokens",
  "totalTokens",
];

/** Token usage rows as CSV, with their cost in USD (empty where unpriced). */
export function usageCsv(
  rows: UsageRow[],
  teamNames: Map<string, string>,
  tokenNames: Map<string, string>,
): string {
  const lines = [[...USAGE_CSV_COLUMNS, "team", "token", "costUsd"].join(",")];
  for (const r of rows) {
    const cost = r.costNanos === null || r.costNanos === undefined ? null : r.costNanos / 1e9;
    lines.push(
      [
        ...USAGE_CSV_COLUMNS.map((c) => csvCell(r[c])),
        csvCell(r.teamId ? (teamNames.get(r.teamId) ?? null) : null),
        csvCell(r.tokenId ? (tokenNames.get(r.tokenId) ?? null) : null),
        csvCell(cost === null ? null : cost.toFixed(9).replace(/0+$/, "").replace(/\.$/, "")),
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * What calls billed in other units than tokens consumed (OCR pages, transcribed audio seconds)
 * per day, operation, model, user and unit, summed by the database.
 */
export async function queryUnitUsage(
  ctx: AuthContext,
  filter: UsageFilter,
): Promise<UnitUsageRow[]> {
  const day = dayOf(ctx);
  let query = ctx.database.db
    .selectFrom("audit_log")
    .select((eb) => [
      day.as("day"),
      "operation",
      "model",
      "user_id",
      "usage_unit",
      "team_id",
      eb.fn.max("user_email").as("user_email"),
      eb.fn.countAll<number>().as("requests"),
      eb.fn.sum<number>("usage_quantity").as("quantity"),
      eb.fn.sum<number | null>("cost_nanos").as("cost_nanos"),
    ])
    .where("spend", "=", 1)
    .where("usage_unit", "is not", null)
    .where("usage_unit", "!=", "tokens")
    .where("at", ">=", filter.from)
    .where("at", "<", filter.to)
    .groupBy([day, "operation", "model", "user_id", "usage_unit", "team_id"])
    .orderBy(day)
    .orderBy("operation")
    .orderBy("model")
    .orderBy("user_id");
  if (filter.userId) query = query.where("user_id", "=", filter.userId);
  if (filter.teamId) query = query.where("team_id", "=", filter.teamId);
  const rows = await query.execute();
  return rows.map((r) => ({
    day: r.day,
    operation: r.operation,
    model: r.model,
    userId: r.user_id,
    userEmail: r.user_email,
    unit: r.usage_unit as UnitUsageRow["unit"],
    teamId: r.team_id,
    requests: Number(r.requests),
    quantity: Number(r.quantity ?? 0),
    costNanos: r.cost_nanos === null ? null : Number(r.cost_nanos),
  }));
}
