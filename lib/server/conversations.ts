import "server-only";
import {
  CONVERSATION_ID,
  conversationBody,
  MAX_CONVERSATIONS_PER_USER,
  type ConversationBody,
  type ConversationSummary,
  type CreateConversationBody,
  type StoredConversation,
} from "@/lib/console/conversations";
import type { AuthContext } from "./auth/auth";
import { UserError } from "./auth/users";

type Body = ConversationBody;

export type { ConversationSummary, StoredConversation };
export { MAX_CONVERSATION_BYTES, MAX_CONVERSATIONS_PER_USER } from "@/lib/console/conversations";

/** Its body again after a rename (the stored one was checked when it was saved). */
const parseReplace = (value: unknown) => conversationBody.parse(value);

export function checkId(id: string | undefined): string {
  // An id no conversation can have is one the caller does not own either.
  if (!id || !CONVERSATION_ID.test(id)) throw notFound();
  return id;
}

export const notFound = () =>
  new UserError(404, "not_found", "No such conversation (it may have been deleted).");

const dataOf = (b: Body) =>
  JSON.stringify({
    system: b.system,
    messages: b.messages,
    settings: b.settings,
    ...(b.renamed ? { renamed: true } : {}),
    ...(b.upstream ? { upstream: b.upstream } : {}),
  });

export async function listConversations(
  ctx: AuthContext,
  userId: string,
): Promise<ConversationSummary[]> {
  const rows = await ctx.database.db
    .selectFrom("conversation")
    .select(["id", "title", "message_count", "created_at", "updated_at"])
    .where("user_id", "=", userId)
    .orderBy("updated_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    messageCount: Number(r.message_count),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  }));
}

export async function getConversation(
  ctx: AuthContext,
  userId: string,
  id: string,
): Promise<StoredConversation | null> {
  const row = await ctx.database.db
    .selectFrom("conversation")
    .selectAll()
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const data = JSON.parse(row.data) as Omit<Body, "title" | "createdAt">;
  return {
    ...data,
    id: row.id,
    title: row.title,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export async function createConversation(
  ctx: AuthContext,
  userId: string,
  body: CreateConversationBody,
): Promise<StoredConversation> {
  const db = ctx.database.db;
  const { count } = await db
    .selectFrom("conversation")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("user_id", "=", userId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_CONVERSATIONS_PER_USER) {
    throw new UserError(
      409,
      "conversation_limit",
      `You have ${MAX_CONVERSATIONS_PER_USER} saved conversations, the most one account keeps. Delete old ones (export them first to keep a copy).`,
    );
  }
  const exists = await db
    .selectFrom("conversation")
    .select("id")
    .where("user_id", "=", userId)
    .where("id", "=", body.id)
    .executeTakeFirst();
  if (exists) {
    throw new UserError(
      409,
      "conversation_exists",
      "You already have a conversation with this id.",
      "id",
    );
  }
  const now = Date.now();
  const createdAt = Math.min(body.createdAt ?? now, now);
  await db
    .insertInto("conversation")
    .values({
      user_id: userId,
      id: body.id,
      title: body.title,
      message_count: body.messages.length,
      data: dataOf(body),
      created_at: createdAt,
      updated_at: now,
    })
    .execute();
  return { ...body, createdAt, updatedAt: now };
}

export async function replaceConversation(
  ctx: AuthContext,
  userId: string,
  id: string,
  body: Body,
): Promise<StoredConversation | null> {
  const now = Date.now();
  const result = await ctx.database.db
    .updateTable("conversation")
    .set({
      title: body.title,
      message_count: body.messages.length,
      data: dataOf(body),
      updated_at: now,
    })
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  return getConversation(ctx, userId, id);
}

/** Renames; a named conversation keeps its title when its first message changes. */
export async function renameConversation(
  ctx: AuthContext,
  userId: string,
  id: string,
  title: string,
): Promise<StoredConversation | null> {
  const current = await getConversation(ctx, userId, id);
  if (!current) return null;
  const body = { ...current, title, renamed: true };
  return replaceConversation(ctx, userId, id, parseReplace(body));
}

export async function deleteConversation(
  ctx: AuthContext,
  userId: string,
  id: string,
): Promise<boolean> {
  const result = await ctx.database.db
    .deleteFrom("conversation")
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
