import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type RawBuilder } from "kysely";
import type {
  BudgetInfo,
  BudgetPeriod,
  BudgetScope,
  BudgetStatus,
  CreateBudgetBody,
  UpdateBudgetBody,
} from "@/lib/console/budgets";
import { formatUsd } from "@/lib/console/prices";
import type { AuthContext } from "./auth/auth";
import type { Principal } from "./auth/principal";
import { UserError } from "./auth/users";
import type { Database } from "./db/schema";

/**
 * Budgets (README "Teams, prices and budgets"): at most so many tokens and/or so much money per
 * UTC day or UTC calendar month, for a user, a team or a console token. The audit log is the
 * ledger: a spending call counts with its reservation (its worst case) while in flight and with
 * what it really used once settled, and a call is admitted only if that sum plus its own
 * reservation stays within every budget that applies, checked and recorded in one statement
 * (admitSpending in auth/audit.ts).
 */

export interface BudgetRow {
  id: string;
  scope: BudgetScope;
  subject_id: string;
  period: BudgetPeriod;
  max_tokens: number | null;
  max_cost_nanos: number | null;
  soft_percent: number;
}

/** The ledger column each scope's calls are counted by. */
export const SUBJECT_COLUMN = { user: "user_id", team: "team_id", token: "token_id" } as const;

/** A call's worst case: what it reserves against its budgets until it settles. */
export interface Reservation {
  tokens: number;
  costNanos: number;
}

/** The UTC day or UTC calendar month holding `now`: [start, end). */
export function periodBounds(period: BudgetPeriod, now: number): { start: number; end: number } {
  const d = new Date(now);
  if (period === "day") {
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return { start, end: start + 86_400_000 };
  }
  return {
    start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1),
    end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

/** Operations that generate text: bounded by `max_tokens` (else the configured default). */
const GENERATING = new Set([
  "chat.completions",
  "fim.completions",
  "agents.completions",
  "conversations.start",
  "conversations.append",
  "conversations.restart",
]);
/** Operations billed in tokens that generate none (their answer is a vector or a verdict). */
const READING = new Set([
  "embeddings",
  "moderations",
  "chat.moderations",
  "classifications",
  "chat.classifications",
]);

/**
 * A spending call's worst case from its request: the prompt as a quarter of the JSON body's
 * characters (more than the prompt's tokens: the JSON around it counts too) plus `max_tokens`, or
 * `defaultMax` when it sets none. Calls billed in pages or audio, and uploads, reserve no tokens
 * (they are still refused once a budget is used up).
 */
export function spendingBound(
  operation: string,
  body: string | null,
  defaultMax: number,
): { model: string | null; promptTokens: number; completionTokens: number } {
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = body ? JSON.parse(body) : null;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      parsed = value as Record<string, unknown>;
    }
  } catch {
    // Not JSON: the upstream will refuse it; it reserves the default.
  }
  const model = typeof parsed.model === "string" ? parsed.model : null;
  if (!GENERATING.has(operation) && !READING.has(operation)) {
    return { model, promptTokens: 0, completionTokens: 0 };
  }
  const promptTokens = Math.ceil((body ?? "").length / 4);
  if (READING.has(operation)) return { model, promptTokens, completionTokens: 0 };
  const args = parsed.completion_args as Record<string, unknown> | undefined;
  const stated = parsed.max_tokens ?? args?.max_tokens;
  const completionTokens =
    typeof stated === "number" && Number.isInteger(stated) && stated > 0 ? stated : defaultMax;
  return { model, promptTokens, completionTokens };
}

/** Who a spending call counts for: the user, the team they are in now, the token it came with. */
export interface Subjects {
  userId: string;
  teamId: string | null;
  tokenId: string | null;
}

const toRow = (r: Record<string, unknown>): BudgetRow => ({
  id: String(r.id),
  scope: r.scope as BudgetScope,
  subject_id: String(r.subject_id),
  period: r.period as BudgetPeriod,
  max_tokens: r.max_tokens === null ? null : Number(r.max_tokens),
  max_cost_nanos: r.max_cost_nanos === null ? null : Number(r.max_cost_nanos),
  soft_percent: Number(r.soft_percent),
});

type Applicable = { subjects: Subjects; budgets: readonly BudgetRow[] };

/**
 * The caller's team and every budget that applies to their call (theirs, their team's, their
 * token's), in one query, remembered for a few seconds with the caller's credential (every change
 * to budgets, teams or memberships forgets it, on every instance: `budgetsChanged`). Only which
 * budgets apply is remembered (and given at once then); what they have used is always read in the
 * admission itself.
 */
export function applicableBudgets(
  ctx: AuthContext,
  principal: Pick<Principal, "userId" | "tokenId">,
): Applicable | Promise<Applicable> {
  return ctx.credentials.lookup(`budgets:${principal.userId}:${principal.tokenId ?? ""}`, () =>
    lookUpBudgets(ctx, principal),
  );
}

/** Tells every instance that which budgets apply to whom may have changed. */
export function budgetsChanged(ctx: AuthContext): Promise<void> {
  return ctx.credentials.invalidate({ kind: "budgets", id: "*" });
}

async function lookUpBudgets(
  ctx: AuthContext,
  principal: Pick<Principal, "userId" | "tokenId">,
): Promise<{ subjects: Subjects; budgets: BudgetRow[] }> {
  const token = principal.tokenId ?? "";
  const rows = await ctx.database.run(
    sql<Record<string, unknown>>`
    select m.team_id as member_team, b.id, b.scope, b.subject_id, b.period, b.max_tokens,
      b.max_cost_nanos, b.soft_percent
    from (select ${principal.userId} as uid) x
    left join team_member m on m.user_id = x.uid
    left join budget b on (b.scope = 'user' and b.subject_id = x.uid)
      or (b.scope = 'team' and b.subject_id = m.team_id)
      or (b.scope = 'token' and b.subject_id = ${token})
    order by b.id`.compile(ctx.database.db),
  );
  const teamId = (rows[0]?.member_team as string | null | undefined) ?? null;
  return {
    subjects: { userId: principal.userId, teamId, tokenId: principal.tokenId },
    budgets: rows.filter((r) => r.id !== null && r.id !== undefined).map(toRow),
  };
}

const subjectOf = (b: BudgetRow, s: Subjects) =>
  b.scope === "user" ? s.userId : b.scope === "team" ? s.teamId : s.tokenId;

/** The counter a budget reads in the period holding `now`. */
function counterOf(b: BudgetRow, now: number) {
  return {
    scope: b.scope,
    subject_id: b.subject_id,
    period: b.period,
    period_start: periodBounds(b.period, now).start,
  };
}

/** WHERE the counter is `k`. */
const isCounter = (k: ReturnType<typeof counterOf>) =>
  sql<boolean>`(scope = ${k.scope} and subject_id = ${k.subject_id} and period = ${k.period} and period_start = ${k.period_start})`;

/**
 * Makes the counters `budgets` read at `now` that do not exist yet (a budget's first call in a
 * period, or a new budget), from the ledger's sum for that subject and period. Runs in the
 * admission's transaction, under the subjects' locks, so no settlement slips between the sum and
 * the counter.
 */
export async function ensureCounters(
  db: Kysely<Database>,
  budgets: readonly BudgetRow[],
  now: number,
): Promise<void> {
  const keys = budgets.map((b) => counterOf(b, now));
  const existing = await db
    .selectFrom("budget_counter")
    .select(["scope", "subject_id", "period"])
    .where(sql<boolean>`${sql.join(keys.map(isCounter), sql` or `)}`)
    .execute();
  const have = new Set(existing.map((e) => `${e.scope}:${e.subject_id}:${e.period}`));
  for (const b of budgets) {
    const key = `${b.scope}:${b.subject_id}:${b.period}`;
    if (have.has(key)) continue;
    have.add(key);
    const { start, end } = periodBounds(b.period, now);
    const sums = await db
      .selectFrom("audit_log")
      .select([
        sql<number>`coalesce(sum(coalesce(reserved_tokens, total_tokens, 0)), 0)`.as("tokens"),
        sql<number>`coalesce(sum(coalesce(reserved_cost_nanos, cost_nanos, 0)), 0)`.as("cost"),
      ])
      .where(SUBJECT_COLUMN[b.scope], "=", b.subject_id)
      .where("spend", "=", 1)
      .where("at", ">=", start)
      .where("at", "<", end)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("budget_counter")
      .values({ ...counterOf(b, now), tokens: Number(sums.tokens), cost_nanos: Number(sums.cost) })
      .execute();
  }
}

/**
 * The WHERE conditions that admit a call reserving `r` at `now`: for each budget, its counter
 * (what the period's ledger counts) plus the reservation stays within each of its limits. A
 * reservation counts as at least 1, so a call that reserves nothing is still refused at the limit.
 */
export function budgetConditions(
  budgets: readonly BudgetRow[],
  r: Reservation,
  now: number,
): RawBuilder<boolean>[] {
  return budgets.map((b) => {
    const checks: RawBuilder<boolean>[] = [];
    if (b.max_tokens !== null) {
      checks.push(sql<boolean>`tokens + ${Math.max(1, r.tokens)} <= ${b.max_tokens}`);
    }
    if (b.max_cost_nanos !== null) {
      checks.push(sql<boolean>`cost_nanos + ${Math.max(1, r.costNanos)} <= ${b.max_cost_nanos}`);
    }
    return sql<boolean>`coalesce((select ${sql.join(checks, sql` and `)} from budget_counter
      where ${isCounter(counterOf(b, now))}), false)`;
  });
}

/** Adds an admitted call's reservation to the counters of its budgets. */
export async function reserveOnCounters(
  db: Kysely<Database>,
  budgets: readonly BudgetRow[],
  r: Reservation,
  now: number,
): Promise<void> {
  await db
    .updateTable("budget_counter")
    .set((eb) => ({
      tokens: eb("tokens", "+", r.tokens),
      cost_nanos: eb("cost_nanos", "+", r.costNanos),
    }))
    .where(
      sql<boolean>`${sql.join(
        budgets.map((b) => isCounter(counterOf(b, now))),
        sql` or `,
      )}`,
    )
    .execute();
}

/**
 * Moves a settled call from its reservation to what it used on every counter that counts it:
 * its user's, team's and token's, for the day and the month of `at` (a budget made while it was
 * in flight has a counter that counted it too).
 */
export async function settleOnCounters(
  db: Kysely<Database>,
  s: Subjects,
  at: number,
  delta: Reservation,
): Promise<void> {
  if (!delta.tokens && !delta.costNanos) return;
  const subjects = [
    sql`(scope = 'user' and subject_id = ${s.userId})`,
    ...(s.teamId ? [sql`(scope = 'team' and subject_id = ${s.teamId})`] : []),
    ...(s.tokenId ? [sql`(scope = 'token' and subject_id = ${s.tokenId})`] : []),
  ];
  await db
    .updateTable("budget_counter")
    .set((eb) => ({
      tokens: eb("tokens", "+", delta.tokens),
      cost_nanos: eb("cost_nanos", "+", delta.costNanos),
    }))
    .where(
      sql<boolean>`(${sql.join(subjects, sql` or `)}) and ((period = 'day' and period_start = ${periodBounds("day", at).start}) or (period = 'month' and period_start = ${periodBounds("month", at).start}))`,
    )
    .execute();
}

/** The advisory-lock keys of a call's subjects: its user, and its team and token if any. */
export function subjectLockKeys(s: Subjects): string[] {
  return [
    `user:${s.userId}`,
    ...(s.teamId ? [`team:${s.teamId}`] : []),
    ...(s.tokenId ? [`token:${s.tokenId}`] : []),
  ];
}

/** The advisory-lock keys of the subjects whose counters a call's admission reads. */
export function lockKeys(
  budgets: readonly BudgetRow[],
  s: Subjects,
  rateLimited: boolean,
): string[] {
  const keys = new Set<string>(rateLimited ? [`user:${s.userId}`] : []);
  for (const b of budgets) keys.add(`${b.scope}:${subjectOf(b, s)}`);
  return [...keys];
}

interface Sums {
  usedTokens: number;
  reservedTokens: number;
  usedCostNanos: number;
  reservedCostNanos: number;
}

async function sumsOf(ctx: AuthContext, b: BudgetRow, now: number): Promise<Sums> {
  const { start, end } = periodBounds(b.period, now);
  const row = await ctx.database.db
    .selectFrom("audit_log")
    .select([
      sql<number>`coalesce(sum(case when reserved_tokens is null then coalesce(total_tokens, 0) else 0 end), 0)`.as(
        "used_tokens",
      ),
      sql<number>`coalesce(sum(coalesce(reserved_tokens, 0)), 0)`.as("reserved_tokens"),
      sql<number>`coalesce(sum(case when reserved_cost_nanos is null then coalesce(cost_nanos, 0) else 0 end), 0)`.as(
        "used_cost",
      ),
      sql<number>`coalesce(sum(coalesce(reserved_cost_nanos, 0)), 0)`.as("reserved_cost"),
    ])
    .where(SUBJECT_COLUMN[b.scope], "=", b.subject_id)
    .where("spend", "=", 1)
    .where("at", ">=", start)
    .where("at", "<", end)
    .executeTakeFirstOrThrow();
  return {
    usedTokens: Number(row.used_tokens),
    reservedTokens: Number(row.reserved_tokens),
    usedCostNanos: Number(row.used_cost),
    reservedCostNanos: Number(row.reserved_cost),
  };
}

/** What to call each budget's subject: the user's email, the team's or the token's name. */
async function subjectNames(
  ctx: AuthContext,
  budgets: readonly BudgetRow[],
): Promise<Map<string, string>> {
  const ids = (scope: BudgetScope) =>
    budgets.filter((b) => b.scope === scope).map((b) => b.subject_id);
  const db = ctx.database.db;
  const names = new Map<string, string>();
  const [users, teams, tokens] = [ids("user"), ids("team"), ids("token")];
  if (users.length) {
    for (const u of await db
      .selectFrom("user")
      .select(["id", "email"])
      .where("id", "in", users)
      .execute())
      names.set(`user:${u.id}`, u.email);
  }
  if (teams.length) {
    for (const t of await db
      .selectFrom("team")
      .select(["id", "name"])
      .where("id", "in", teams)
      .execute())
      names.set(`team:${t.id}`, t.name);
  }
  if (tokens.length) {
    const rows = await db
      .selectFrom("console_token")
      .innerJoin("user", "user.id", "console_token.user_id")
      .select(["console_token.id", "console_token.name", "user.email"])
      .where("console_token.id", "in", tokens)
      .execute();
    for (const k of rows) names.set(`token:${k.id}`, `${k.name} (${k.email})`);
  }
  return names;
}

const reached = (used: number, max: number | null, percent: number) =>
  max !== null && used * 100 >= max * percent;

/** Where each budget stands now (its current period). */
export async function budgetStatuses(
  ctx: AuthContext,
  budgets: readonly BudgetRow[],
  now = Date.now(),
): Promise<BudgetStatus[]> {
  const names = await subjectNames(ctx, budgets);
  return Promise.all(
    budgets.map(async (b) => {
      const s = await sumsOf(ctx, b, now);
      const { start, end } = periodBounds(b.period, now);
      const tokens = s.usedTokens + s.reservedTokens;
      const cost = s.usedCostNanos + s.reservedCostNanos;
      const left = (max: number | null, counted: number) =>
        max === null ? null : Math.max(0, max - counted);
      return {
        budgetId: b.id,
        scope: b.scope,
        subjectId: b.subject_id,
        subjectName: names.get(`${b.scope}:${b.subject_id}`) ?? b.subject_id,
        period: b.period,
        periodStart: new Date(start).toISOString(),
        resetsAt: new Date(end).toISOString(),
        softPercent: b.soft_percent,
        maxTokens: b.max_tokens,
        usedTokens: s.usedTokens,
        reservedTokens: s.reservedTokens,
        leftTokens: left(b.max_tokens, tokens),
        maxCostNanos: b.max_cost_nanos,
        usedCostNanos: s.usedCostNanos,
        reservedCostNanos: s.reservedCostNanos,
        leftCostNanos: left(b.max_cost_nanos, cost),
        warning:
          reached(tokens, b.max_tokens, b.soft_percent) ||
          reached(cost, b.max_cost_nanos, b.soft_percent),
        exceeded: reached(tokens, b.max_tokens, 100) || reached(cost, b.max_cost_nanos, 100),
      };
    }),
  );
}

const number = (n: number) => n.toLocaleString("en-US");

/** "2027-01-01 00:00 UTC". */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The 429's message for the budget that refused a call reserving `r`: whose budget, what is used
 * and reserved of what, and when the period resets. Null when no budget refused it (the rate
 * limit did).
 */
export async function refusalOf(
  ctx: AuthContext,
  budgets: readonly BudgetRow[],
  r: Reservation,
  now: number,
  principal: Pick<Principal, "userId">,
): Promise<{ message: string; retryAfter: number } | null> {
  for (const status of await budgetStatuses(ctx, budgets, now)) {
    const counted = status.usedTokens + status.reservedTokens;
    const countedCost = status.usedCostNanos + status.reservedCostNanos;
    let what: string | null = null;
    if (status.maxTokens !== null && counted + Math.max(1, r.tokens) > status.maxTokens) {
      what = `${number(status.usedTokens)} of ${number(status.maxTokens)} tokens used (${number(status.reservedTokens)} reserved${r.tokens ? `; this call needs up to ${number(r.tokens)}` : ""})`;
    } else if (
      status.maxCostNanos !== null &&
      countedCost + Math.max(1, r.costNanos) > status.maxCostNanos
    ) {
      what = `${formatUsd(status.usedCostNanos)} of ${formatUsd(status.maxCostNanos)} used (${formatUsd(status.reservedCostNanos)} reserved${r.costNanos ? `; this call may cost up to ${formatUsd(r.costNanos)}` : ""})`;
    }
    if (!what) continue;
    const period = status.period === "day" ? "daily" : "monthly";
    const whose =
      status.scope === "team"
        ? `Team “${status.subjectName}” ${period} budget`
        : status.scope === "token"
          ? `Console token “${status.subjectName}” ${period} budget`
          : status.subjectId === principal.userId
            ? `Your ${period} budget`
            : `The ${period} budget of ${status.subjectName}`;
    const retryAfter = Math.max(1, Math.ceil((Date.parse(status.resetsAt) - now) / 1000));
    return { message: `${whose}: ${what}; resets ${utc(status.resetsAt)}.`, retryAfter };
  }
  return null;
}

/**
 * Whether a settled call took one of its budgets past its soft threshold for the first time this
 * period (read from the counters): each budget's crossing is claimed once per period in
 * budget_notice (the insert that wins, on whichever instance, is the one that says so). Returns
 * the budgets just crossed.
 */
export async function crossedThresholds(
  ctx: AuthContext,
  budgets: readonly BudgetRow[],
  now = Date.now(),
): Promise<BudgetStatus[]> {
  const counters = await ctx.database.db
    .selectFrom("budget_counter")
    .selectAll()
    .where(
      sql<boolean>`${sql.join(
        budgets.map((b) => isCounter(counterOf(b, now))),
        sql` or `,
      )}`,
    )
    .execute();
  const crossed: BudgetRow[] = [];
  for (const b of budgets) {
    const c = counters.find(
      (x) => x.scope === b.scope && x.subject_id === b.subject_id && x.period === b.period,
    );
    if (
      !c ||
      !(
        reached(Number(c.tokens), b.max_tokens, b.soft_percent) ||
        reached(Number(c.cost_nanos), b.max_cost_nanos, b.soft_percent)
      )
    ) {
      continue;
    }
    const result = await ctx.database.db
      .insertInto("budget_notice")
      .values({ budget_id: b.id, period_start: counterOf(b, now).period_start, at: now })
      .onConflict((oc) => oc.columns(["budget_id", "period_start"]).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) crossed.push(b);
  }
  return crossed.length ? budgetStatuses(ctx, crossed, now) : [];
}

// --- Managing budgets ----------------------------------------------------------------------------

const BUDGET_COLUMNS = [
  "id",
  "scope",
  "subject_id",
  "period",
  "max_tokens",
  "max_cost_nanos",
  "soft_percent",
  "created_at",
  "updated_at",
] as const;

const notFound = (id: string) => new UserError(404, "not_found", `No budget has the id ${id}.`);

/** Budgets with where they stand, all or those of one scope (and subject). */
export async function listBudgets(
  ctx: AuthContext,
  filter: { scope?: BudgetScope; subject?: string; ids?: string[] } = {},
  now = Date.now(),
): Promise<BudgetInfo[]> {
  let query = ctx.database.db.selectFrom("budget").select(BUDGET_COLUMNS).orderBy("created_at");
  if (filter.scope) query = query.where("scope", "=", filter.scope);
  if (filter.subject) query = query.where("subject_id", "=", filter.subject);
  if (filter.ids) query = query.where("id", "in", filter.ids.length ? filter.ids : [""]);
  const rows = await query.execute();
  const budgets = rows.map((r) => toRow(r as unknown as Record<string, unknown>));
  const statuses = await budgetStatuses(ctx, budgets, now);
  return rows.map((r, i) => ({
    id: r.id,
    scope: budgets[i].scope,
    subjectId: r.subject_id,
    subjectName: statuses[i].subjectName,
    period: budgets[i].period,
    maxTokens: budgets[i].max_tokens,
    maxCostNanos: budgets[i].max_cost_nanos,
    softPercent: budgets[i].soft_percent,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    updatedAt: new Date(Number(r.updated_at)).toISOString(),
    status: statuses[i],
  }));
}

async function getBudget(ctx: AuthContext, id: string): Promise<BudgetInfo> {
  const [found] = await listBudgets(ctx, { ids: [id] });
  if (!found) throw notFound(id);
  return found;
}

async function subjectExists(ctx: AuthContext, scope: BudgetScope, id: string) {
  const db = ctx.database.db;
  const row =
    scope === "user"
      ? await db.selectFrom("user").select("id").where("id", "=", id).executeTakeFirst()
      : scope === "team"
        ? await db.selectFrom("team").select("id").where("id", "=", id).executeTakeFirst()
        : await db.selectFrom("console_token").select("id").where("id", "=", id).executeTakeFirst();
  return Boolean(row);
}

export async function createBudget(
  ctx: AuthContext,
  body: Required<CreateBudgetBody>,
): Promise<BudgetInfo> {
  if (!(await subjectExists(ctx, body.scope, body.subjectId))) {
    throw new UserError(
      404,
      "not_found",
      `subjectId: no ${body.scope === "token" ? "console token" : body.scope} has the id ${body.subjectId}.`,
      "subjectId",
    );
  }
  const id = randomUUID();
  const now = Date.now();
  try {
    await ctx.database.db
      .insertInto("budget")
      .values({
        id,
        scope: body.scope,
        subject_id: body.subjectId,
        period: body.period,
        max_tokens: body.maxTokens,
        max_cost_nanos: body.maxCostNanos,
        soft_percent: body.softPercent,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await budgetsChanged(ctx);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === "23505" || /UNIQUE constraint failed/i.test(e.message ?? "")) {
      throw new UserError(
        409,
        "budget_exists",
        `This ${body.scope} already has a ${body.period === "day" ? "daily" : "monthly"} budget: change that one.`,
        "period",
      );
    }
    throw error;
  }
  return getBudget(ctx, id);
}

export async function updateBudget(
  ctx: AuthContext,
  id: string,
  patch: UpdateBudgetBody,
): Promise<BudgetInfo> {
  const current = await getBudget(ctx, id);
  const maxTokens = patch.maxTokens === undefined ? current.maxTokens : patch.maxTokens;
  const maxCost = patch.maxCostNanos === undefined ? current.maxCostNanos : patch.maxCostNanos;
  if (maxTokens === null && maxCost === null) {
    throw new UserError(
      422,
      "invalid_field",
      "maxTokens: Set a token limit, a cost limit, or both.",
      "maxTokens",
    );
  }
  await ctx.database.db
    .updateTable("budget")
    .set({
      max_tokens: maxTokens,
      max_cost_nanos: maxCost,
      soft_percent: patch.softPercent ?? current.softPercent,
      updated_at: Date.now(),
    })
    .where("id", "=", id)
    .execute();
  await budgetsChanged(ctx);
  return getBudget(ctx, id);
}

export async function deleteBudget(ctx: AuthContext, id: string): Promise<void> {
  const result = await ctx.database.db.deleteFrom("budget").where("id", "=", id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound(id);
  await budgetsChanged(ctx);
}
