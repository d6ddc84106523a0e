import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { TokenInfo } from "@/lib/console/tokens";
import type { AuthContext } from "./auth";
import type { Principal } from "./principal";

const PREFIX_LENGTH = 8;
/** Last-used times are written at most this often per token, not on every request. */
const TOUCH_INTERVAL_MS = 30_000;

export type { TokenInfo };

function hash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A new token: 32 random bytes. Only its SHA-256 is stored; the secret is returned this once. */
export async function createToken(
  ctx: AuthContext,
  owner: Principal,
  name: string,
): Promise<{ token: TokenInfo; secret: string }> {
  const secret = `mc_${randomBytes(32).toString("base64url")}`;
  const row = {
    id: randomUUID(),
    user_id: owner.userId,
    name,
    prefix: secret.slice(0, 3 + PREFIX_LENGTH),
    hash: hash(secret),
    created_at: Date.now(),
    last_used_at: null,
  };
  await ctx.database.db.insertInto("console_token").values(row).execute();
  return {
    secret,
    token: {
      id: row.id,
      name,
      prefix: row.prefix,
      userId: owner.userId,
      userEmail: owner.email,
      createdAt: iso(row.created_at)!,
      lastUsedAt: null,
    },
  };
}

export async function listTokens(ctx: AuthContext, userId: string | null): Promise<TokenInfo[]> {
  let query = ctx.database.db
    .selectFrom("console_token")
    .innerJoin("user", "user.id", "console_token.user_id")
    .select([
      "console_token.id",
      "console_token.name",
      "console_token.prefix",
      "console_token.user_id",
      "console_token.created_at",
      "console_token.last_used_at",
      "user.email",
    ])
    .orderBy("console_token.created_at", "desc");
  if (userId) query = query.where("console_token.user_id", "=", userId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    userId: r.user_id,
    userEmail: r.email,
    createdAt: iso(r.created_at)!,
    lastUsedAt: iso(r.last_used_at),
  }));
}

/** Deletes a token; with `ownerId` only if that user owns it. True when one was deleted. */
export async function revokeToken(
  ctx: AuthContext,
  id: string,
  ownerId: string | null,
): Promise<boolean> {
  let query = ctx.database.db.deleteFrom("console_token").where("id", "=", id);
  if (ownerId) query = query.where("user_id", "=", ownerId);
  const result = await query.executeTakeFirst();
  const removed = Number(result.numDeletedRows) > 0;
  // Refused everywhere at once: no instance goes on serving it from memory.
  if (removed) await ctx.credentials.invalidate({ kind: "token", id });
  return removed;
}

export async function verifyToken(ctx: AuthContext, secret: string) {
  const row = await ctx.database.db
    .selectFrom("console_token")
    .innerJoin("user", "user.id", "console_token.user_id")
    .select([
      "console_token.id as tokenId",
      "console_token.last_used_at",
      "user.id as userId",
      "user.email",
      "user.name",
      "user.role",
      "user.disabled",
      "user.rateLimitPerMinute",
    ])
    .where("console_token.hash", "=", hash(secret))
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (row.last_used_at === null || now - Number(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await ctx.database.db
      .updateTable("console_token")
      .set({ last_used_at: now })
      .where("id", "=", row.tokenId)
      .execute();
  }
  return { ...row, disabled: Boolean(row.disabled) };
}
