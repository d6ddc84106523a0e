import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { OwnedKind, Role } from "@/lib/auth/permissions";
import type { AuthInfo } from "@/lib/console/session";
import type { UpdateUserBody, UserInfo } from "@/lib/console/users";
import type { AuthContext } from "./auth";

export type { UserInfo };

export class UserError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

const toIso = (value: unknown) => new Date(value as string | number | Date).toISOString();

function toInfo(row: {
  id: string;
  email: string;
  name: string;
  role: string | null;
  createdAt: unknown;
  disabled: unknown;
  rateLimitPerMinute: number | null;
}): UserInfo {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role ?? "viewer",
    createdAt: toIso(row.createdAt),
    disabled: Boolean(row.disabled),
    rateLimitPerMinute: row.rateLimitPerMinute,
  };
}

const USER_COLUMNS = [
  "id",
  "email",
  "name",
  "role",
  "createdAt",
  "disabled",
  "rateLimitPerMinute",
] as const;

export async function listUsers(ctx: AuthContext): Promise<UserInfo[]> {
  const rows = await ctx.database.db
    .selectFrom("user")
    .select(USER_COLUMNS)
    .orderBy("email")
    .execute();
  return rows.map(toInfo);
}

export async function getUser(ctx: AuthContext, id: string): Promise<UserInfo | null> {
  const row = await ctx.database.db
    .selectFrom("user")
    .select(USER_COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toInfo(row) : null;
}

export async function countUsers(ctx: AuthContext): Promise<number> {
  const row = await ctx.database.db
    .selectFrom("user")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates an email/password account through better-auth (it hashes the password). */
export async function createUser(
  ctx: AuthContext,
  input: { email: string; name: string; password: string; role: Role },
): Promise<UserInfo> {
  const email = input.email.trim().toLowerCase();
  const existing = await ctx.database.db
    .selectFrom("user")
    .select("id")
    .where("email", "=", email)
    .executeTakeFirst();
  if (existing) {
    throw new UserError(409, "email_taken", `A user with the email ${email} exists.`, "email");
  }
  const internal = await ctx.auth.$context;
  const hash = await internal.password.hash(input.password);
  const user = await internal.internalAdapter.createUser(
    { email, name: input.name.trim(), emailVerified: true, role: input.role },
    { method: "admin" },
  );
  await internal.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  return (await getUser(ctx, user.id))!;
}

async function activeAdmins(ctx: AuthContext): Promise<string[]> {
  const rows = await ctx.database.db
    .selectFrom("user")
    .select(["id", "disabled"])
    .where("role", "=", "admin")
    .execute();
  return rows.filter((r) => !r.disabled).map((r) => r.id);
}

export async function updateUser(
  ctx: AuthContext,
  actorId: string,
  id: string,
  patch: UpdateUserBody,
): Promise<UserInfo> {
  const user = await getUser(ctx, id);
  if (!user) throw new UserError(404, "not_found", "No such user.");
  const losesAdmin =
    user.role === "admin" &&
    !user.disabled &&
    ((patch.role !== undefined && patch.role !== "admin") || patch.disabled === true);
  if (losesAdmin && id === actorId) {
    throw new UserError(
      409,
      "self",
      "You cannot remove your own admin role or disable yourself; ask another admin.",
      patch.role !== undefined ? "role" : "disabled",
    );
  }
  if (losesAdmin && (await activeAdmins(ctx)).length <= 1) {
    throw new UserError(409, "last_admin", "The console needs at least one active admin.");
  }
  // better-auth keeps SQLite dates as ISO strings (better-sqlite3 cannot bind a Date).
  const now = new Date();
  const set: Record<string, unknown> = {
    updatedAt: ctx.database.kind === "postgres" ? now : now.toISOString(),
  };
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.disabled !== undefined)
    set.disabled = ctx.database.kind === "postgres" ? patch.disabled : Number(patch.disabled);
  if (patch.rateLimitPerMinute !== undefined) set.rateLimitPerMinute = patch.rateLimitPerMinute;
  await ctx.database.db.updateTable("user").set(set).where("id", "=", id).execute();
  if (patch.disabled === false) {
    // Enabled again: failed attempts made while it was disabled no longer count.
    await ctx.database.db.deleteFrom("sign_in_failure").where("email", "=", user.email).execute();
  }
  if (patch.disabled) {
    // Signed out everywhere at once; their tokens stop working because the account is disabled.
    await ctx.database.db.deleteFrom("session").where("userId", "=", id).execute();
  }
  // Role, limit and state hold on every instance from the next request (sessions and tokens).
  await ctx.credentials.invalidate({ kind: "user", id });
  return (await getUser(ctx, id))!;
}

export async function deleteUser(ctx: AuthContext, actorId: string, id: string): Promise<void> {
  const user = await getUser(ctx, id);
  if (!user) throw new UserError(404, "not_found", "No such user.");
  if (id === actorId) throw new UserError(409, "self", "You cannot delete your own account.");
  if (user.role === "admin" && !user.disabled && (await activeAdmins(ctx)).length <= 1) {
    throw new UserError(409, "last_admin", "The console needs at least one active admin.");
  }
  // Sessions, accounts and console tokens go with the user (foreign keys cascade); their
  // conversations have no foreign key (the local user of CONSOLE_AUTH=off has no row), so here.
  await ctx.database.db.deleteFrom("conversation").where("user_id", "=", id).execute();
  await ctx.database.db.deleteFrom("user").where("id", "=", id).execute();
  await ctx.credentials.invalidate({ kind: "user", id });
}

// --- First run -------------------------------------------------------------------------------

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/**
 * At start-up: with no user yet, either create the admin from CONSOLE_ADMIN_EMAIL/PASSWORD or
 * issue a one-time setup token, printed to the server log only (its hash is stored). Returns the
 * token when one was issued.
 */
export async function prepareFirstRun(ctx: AuthContext): Promise<string | null> {
  if (ctx.config.mode === "off") return null;
  if ((await countUsers(ctx)) > 0) return null;
  const admin = ctx.config.admin;
  if (admin) {
    try {
      await createUser(ctx, {
        email: admin.email,
        name: "Admin",
        password: admin.password.reveal(),
        role: "admin",
      });
    } catch (error) {
      // Several instances starting together on one database: another one made the admin first.
      if ((await countUsers(ctx)) === 0) throw error;
    }
    return null;
  }
  const token = randomBytes(24).toString("base64url");
  await ctx.database.db
    .insertInto("setup_token")
    .values({ hash: sha256(token).toString("hex"), created_at: Date.now() })
    .execute();
  return token;
}

export async function setupNeeded(ctx: AuthContext): Promise<boolean> {
  return ctx.config.mode === "on" && (await countUsers(ctx)) === 0;
}

/** What the signed-out pages need (GET /api/console/auth-info, and those pages' props). */
export async function authInfo(ctx: AuthContext): Promise<AuthInfo> {
  return {
    setupNeeded: await setupNeeded(ctx),
    oidc: ctx.config.oidc ? { name: ctx.config.oidc.name } : null,
    authMode: ctx.config.mode,
  };
}

/** Creates the first admin if the token is one this console issued and nobody exists yet. */
export async function completeSetup(
  ctx: AuthContext,
  token: string,
  input: { email: string; name: string; password: string },
): Promise<UserInfo> {
  if (!(await setupNeeded(ctx))) {
    throw new UserError(409, "setup_done", "This console already has an admin; sign in instead.");
  }
  const given = sha256(token);
  const issued = await ctx.database.db.selectFrom("setup_token").select("hash").execute();
  const valid = issued.some((row) => timingSafeEqual(Buffer.from(row.hash, "hex"), given));
  if (!valid) {
    throw new UserError(
      403,
      "invalid_setup_token",
      "That setup token is not valid. Copy it from the server log (the line with “Setup token:”).",
      "token",
    );
  }
  // Deleting the tokens first makes a race between two setups end with one winner.
  const removed = await ctx.database.db.deleteFrom("setup_token").executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0 || !(await setupNeeded(ctx))) {
    throw new UserError(409, "setup_done", "This console already has an admin; sign in instead.");
  }
  return createUser(ctx, { ...input, role: "admin" });
}

// --- Sign-in throttling -------------------------------------------------------------------------

export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

const emailKey = (email: string) => email.trim().toLowerCase();

/**
 * Failed sign-ins are counted per email address in the database (every instance sees them), so
 * guessing one account's password is slowed whatever address the guesses come from.
 */
export async function signInRetryAfter(ctx: AuthContext, email: string): Promise<number | null> {
  const rows = await ctx.database.db
    .selectFrom("sign_in_failure")
    .select("at")
    .where("email", "=", emailKey(email))
    .where("at", ">", Date.now() - SIGN_IN_WINDOW_MS)
    .orderBy("at", "desc")
    .limit(SIGN_IN_MAX_FAILURES)
    .execute();
  if (rows.length < SIGN_IN_MAX_FAILURES) return null;
  const oldest = Number(rows[rows.length - 1].at);
  return Math.max(1, Math.ceil((oldest + SIGN_IN_WINDOW_MS - Date.now()) / 1000));
}

/** Whether the account with this email exists and is disabled (checked before the password). */
export async function isDisabled(ctx: AuthContext, email: string): Promise<boolean> {
  const row = await ctx.database.db
    .selectFrom("user")
    .select("disabled")
    .where("email", "=", emailKey(email))
    .executeTakeFirst();
  return Boolean(row?.disabled);
}

export type SignInSlot = { id: number } | { retryAfter: number };

/**
 * Takes one attempt for this account before its password is checked: the failure row goes in
 * first (one INSERT, atomic on its own), then the attempt may go on only if no more than
 * SIGN_IN_MAX_FAILURES rows, its own included, are in the window. Each attempt counts after its
 * own row is committed, so of any six running at once the last to count sees all six: at most
 * five passwords are ever checked per window, on SQLite and PostgreSQL alike (a race may refuse
 * an attempt that would have fitted, never let a sixth through). settleSignIn says how it ended.
 */
export async function reserveSignIn(ctx: AuthContext, email: string): Promise<SignInSlot> {
  const db = ctx.database.db;
  const key = emailKey(email);
  const now = Date.now();
  await pruneSignInFailures(ctx, key);
  const row = await db
    .insertInto("sign_in_failure")
    .values({ email: key, at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const { n } = await db
    .selectFrom("sign_in_failure")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("email", "=", key)
    .where("at", ">", now - SIGN_IN_WINDOW_MS)
    .executeTakeFirstOrThrow();
  if (Number(n) <= SIGN_IN_MAX_FAILURES) return { id: Number(row.id) };
  await db.deleteFrom("sign_in_failure").where("id", "=", Number(row.id)).execute();
  return { retryAfter: (await signInRetryAfter(ctx, key)) ?? 1 };
}

/**
 * How a reserved attempt ended: a wrong password keeps its row (the failure), the right one
 * clears the account's count, anything else (refused before the password, a disabled account,
 * an error) gives its attempt back.
 */
export async function settleSignIn(
  ctx: AuthContext,
  email: string,
  id: number,
  outcome: "failed" | "succeeded" | "void",
): Promise<void> {
  if (outcome === "failed") return;
  const remove = ctx.database.db.deleteFrom("sign_in_failure");
  await (
    outcome === "succeeded"
      ? remove.where("email", "=", emailKey(email))
      : remove.where("id", "=", id)
  ).execute();
}

/** Counts a finished sign-in directly (the route reserves instead; tests fill the table with it). */
export async function recordSignIn(ctx: AuthContext, email: string, ok: boolean): Promise<void> {
  const key = emailKey(email);
  if (ok) {
    await ctx.database.db.deleteFrom("sign_in_failure").where("email", "=", key).execute();
  } else {
    await pruneSignInFailures(ctx, key);
    await ctx.database.db
      .insertInto("sign_in_failure")
      .values({ email: key, at: Date.now() })
      .execute();
  }
}

const PRUNE_EVERY_MS = 5 * 60_000;
const lastPrune = new WeakMap<AuthContext, number>();

/**
 * Failures older than the window count for nothing: they go when the same account tries again,
 * and every few minutes (and at start) all of them, so guesses at many addresses that are never
 * tried again do not pile up.
 */
export async function pruneSignInFailures(ctx: AuthContext, email?: string): Promise<void> {
  const now = Date.now();
  const expired = ctx.database.db
    .deleteFrom("sign_in_failure")
    .where("at", "<=", now - SIGN_IN_WINDOW_MS);
  if (email !== undefined) {
    await expired.where("email", "=", emailKey(email)).execute();
  }
  if (email === undefined || now - (lastPrune.get(ctx) ?? 0) >= PRUNE_EVERY_MS) {
    lastPrune.set(ctx, now);
    await expired.execute();
  }
}

// --- Job owners ----------------------------------------------------------------------------------

export async function recordJobOwner(
  ctx: AuthContext,
  jobId: string,
  owner: { userId: string; email: string },
): Promise<void> {
  await ctx.database.db
    .insertInto("job_owner")
    .values({
      job_id: jobId,
      user_id: owner.userId,
      user_email: owner.email,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.column("job_id").doNothing())
    .execute();
}

export async function jobOwners(
  ctx: AuthContext,
  ids: string[],
): Promise<Record<string, { userId: string; email: string }>> {
  if (ids.length === 0) return {};
  const rows = await ctx.database.db
    .selectFrom("job_owner")
    .selectAll()
    .where("job_id", "in", ids)
    .execute();
  return Object.fromEntries(
    rows.map((r) => [r.job_id, { userId: r.user_id, email: r.user_email }]),
  );
}

// --- Owners of other resources -------------------------------------------------------------------

/** Records who made a resource through the console (the first record wins). */
export async function recordOwner(
  ctx: AuthContext,
  kind: OwnedKind,
  id: string,
  owner: { userId: string; email: string },
): Promise<void> {
  if (kind === "job") return recordJobOwner(ctx, id, owner);
  await ctx.database.db
    .insertInto("resource_owner")
    .values({
      kind,
      resource_id: id,
      user_id: owner.userId,
      user_email: owner.email,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.columns(["kind", "resource_id"]).doNothing())
    .execute();
}

/** Who made each of these resources through the console; those it did not see made are absent. */
export async function resourceOwners(
  ctx: AuthContext,
  kind: Exclude<OwnedKind, "job">,
  ids: string[],
): Promise<Record<string, { userId: string; email: string }>> {
  if (ids.length === 0) return {};
  const rows = await ctx.database.db
    .selectFrom("resource_owner")
    .select(["resource_id", "user_id", "user_email"])
    .where("kind", "=", kind)
    .where("resource_id", "in", ids)
    .execute();
  return Object.fromEntries(
    rows.map((r) => [r.resource_id, { userId: r.user_id, email: r.user_email }]),
  );
}

/** Who made a resource through the console; null when the console did not see it made. */
export async function ownerOf(
  ctx: AuthContext,
  kind: OwnedKind,
  id: string,
): Promise<{ userId: string; email: string } | null> {
  if (kind === "job") return (await jobOwners(ctx, [id]))[id] ?? null;
  const row = await ctx.database.db
    .selectFrom("resource_owner")
    .select(["user_id", "user_email"])
    .where("kind", "=", kind)
    .where("resource_id", "=", id)
    .executeTakeFirst();
  return row ? { userId: row.user_id, email: row.user_email } : null;
}
