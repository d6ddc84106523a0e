import "server-only";
import { sql } from "kysely";
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
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: string;
  userEmail: string;
  via: string;
  tokenId: string | null;
  operation: string;
  method: string;
  path: string;
  target: string | null;
  status: number | null;
  model: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  durationMs: number | null;
}

/**
 * Records a call as it starts (status null while in flight) and returns a function that completes
 * the entry. Writing first means a crash mid-call still leaves a trace, and per-user limits see
 * calls that have not finished yet.
 */
export async function auditStart(
  ctx: AuthContext,
  principal: Principal,
  start: AuditStart,
): Promise<(result: AuditResult) => Promise<void>> {
  const at = Date.now();
  const row = await ctx.database.db
    .insertInto("audit_log")
    .values({
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
      duration_ms: null,
      spend: start.spend ? 1 : 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return async (result) => {
    await ctx.database.db
      .updateTable("audit_log")
      .set({
        status: result.status,
        duration_ms: Date.now() - at,
        model: result.model ?? null,
        prompt_tokens: result.usage?.promptTokens ?? null,
        completion_tokens: result.usage?.completionTokens ?? null,
        total_tokens: result.usage?.totalTokens ?? null,
        ...(result.target ? { target: result.target } : {}),
      })
      .where("id", "=", Number(row.id))
      .execute();
  };
}

/** A one-shot entry for the console's own writes (tokens, users, setup). */
export async function audit(
  ctx: AuthContext,
  principal: Principal,
  operation: string,
  method: string,
  path: string,
  target: string | null,
  status: number,
): Promise<void> {
  const finish = await auditStart(ctx, principal, {
    operation,
    method,
    path,
    target,
    spend: false,
  });
  await finish({ status });
}

/**
 * Seconds until the caller may spend again, or null when under the limit: counts this user's
 * spending calls started in the last minute (in flight included), across every instance.
 */
export async function retryAfterSeconds(
  ctx: AuthContext,
  userId: string,
  perMinute: number,
): Promise<number | null> {
  const since = Date.now() - 60_000;
  const rows = await ctx.database.db
    .selectFrom("audit_log")
    .select("at")
    .where("user_id", "=", userId)
    .where("spend", "=", 1)
    .where("at", ">", since)
    .orderBy("at", "desc")
    .limit(perMinute)
    .execute();
  if (rows.length < perMinute) return null;
  const oldest = Number(rows[rows.length - 1].at);
  return Math.max(1, Math.ceil((oldest + 60_000 - Date.now()) / 1000));
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
    via: r.via,
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

export interface UsageRow {
  day: string;
  model: string;
  userId: string;
  userEmail: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** The calls that use tokens (job creation also names a model, but spends none here). */
const TOKEN_OPERATIONS = [
  "chat.completions",
  "fim.completions",
  "agents.completions",
  "embeddings",
];

/** Tokens per day, model and user from the audit log (UTC days), summed by the database. */
export async function queryUsage(
  ctx: AuthContext,
  filter: { from: number; to: number; userId?: string },
): Promise<UsageRow[]> {
  const day =
    ctx.database.kind === "postgres"
      ? sql<string>`to_char(to_timestamp(at / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`
      : sql<string>`strftime('%Y-%m-%d', at / 1000, 'unixepoch')`;
  let query = ctx.database.db
    .selectFrom("audit_log")
    .select((eb) => [
      day.as("day"),
      "model",
      "user_id",
      eb.fn.max("user_email").as("user_email"),
      eb.fn.countAll<number>().as("requests"),
      eb.fn.sum<number>("prompt_tokens").as("prompt_tokens"),
      eb.fn.sum<number>("completion_tokens").as("completion_tokens"),
      eb.fn.sum<number>("total_tokens").as("total_tokens"),
    ])
    .where("spend", "=", 1)
    .where("operation", "in", TOKEN_OPERATIONS)
    .where("model", "is not", null)
    .where("at", ">=", filter.from)
    .where("at", "<", filter.to)
    .groupBy([day, "model", "user_id"])
    .orderBy(day)
    .orderBy("model")
    .orderBy("user_id");
  if (filter.userId) query = query.where("user_id", "=", filter.userId);
  const rows = await query.execute();
  return rows.map((r) => ({
    day: r.day,
    model: r.model!,
    userId: r.user_id,
    userEmail: r.user_email,
    requests: Number(r.requests),
    promptTokens: Number(r.prompt_tokens ?? 0),
    completionTokens: Number(r.completion_tokens ?? 0),
    totalTokens: Number(r.total_tokens ?? 0),
  }));
}
