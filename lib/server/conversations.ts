import "server-only";
import { z } from "zod";
import type { AuthContext } from "./auth/auth";
import { UserError } from "./auth/users";

/** The most one conversation may hold, as the JSON body that saves it. */
export const MAX_CONVERSATION_BYTES = 2 * 1024 * 1024;
/** The most conversations one user keeps. */
export const MAX_CONVERSATIONS_PER_USER = 500;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

const messageSchema = z.looseObject({
  id: z.string().min(1).max(100),
  role: z.enum(["user", "assistant", "tool"]),
  content: z.string(),
});

/** What the playground saves: its Conversation type, checked as far as the console reads it. */
const bodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  renamed: z.boolean().optional(),
  system: z.string(),
  messages: z.array(messageSchema),
  settings: z.looseObject({
    mode: z.enum(["model", "agent"]),
    model: z.string().max(200),
    agentId: z.string().max(200),
    params: z.looseObject({}),
    tools: z.array(z.looseObject({})),
    toolChoice: z.enum(["auto", "none", "any"]),
  }),
  createdAt: z.number().int().nonnegative().optional(),
});

const createSchema = bodySchema.extend({
  id: z.string().regex(ID, "must be 1–64 letters, digits, _ or -"),
});

const patchSchema = z.object({ title: z.string().trim().min(1).max(200) });

type Body = z.infer<typeof bodySchema>;

export interface ConversationSummary {
  id: string;
  title: string;
  messageCount: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoredConversation extends Omit<Body, "createdAt"> {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** The first problem zod found, as a 422 naming the field (`messages.3.role`). */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.map(String).join(".") || "body";
  throw new UserError(422, "invalid_field", `${field}: ${issue.message}`, field);
}

export const parseCreate = (value: unknown) => parse(createSchema, value);
export const parseReplace = (value: unknown) => parse(bodySchema, value);
export const parsePatch = (value: unknown) => parse(patchSchema, value);

export function checkId(id: string | undefined): string {
  // An id no conversation can have is one the caller does not own either.
  if (!id || !ID.test(id)) throw notFound();
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
  body: z.infer<typeof createSchema>,
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
