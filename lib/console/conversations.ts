// /api/console/conversations: each user's own playground conversations (playground.use).
import { z } from "zod";

export const conversationsPath = "/api/console/conversations";
export const conversationPath = (id: string) => `${conversationsPath}/${encodeURIComponent(id)}`;

/** The most one conversation may hold, as the JSON body that saves it. */
export const MAX_CONVERSATION_BYTES = 2 * 1024 * 1024;
/** The most conversations one user keeps. */
export const MAX_CONVERSATIONS_PER_USER = 500;

/** Ids are made by the client and unique per user. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const message = z.looseObject({
  id: z.string().min(1).max(100),
  role: z.enum(["user", "assistant", "tool"]),
  content: z.string(),
});

/**
 * Agent mode: the upstream conversation (/v1/conversations) the next turn continues, and which of
 * the console's messages it holds (lib/playground/agent-conversation.ts).
 */
const upstream = z.object({
  id: z.string().min(1).max(200),
  agentId: z.string().max(200),
  agentVersion: z.number().int().nonnegative().nullable(),
  messages: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        sent: z.string().max(16),
        entryId: z.string().max(200).optional(),
      }),
    )
    .max(10_000),
});

/**
 * PUT /api/console/conversations/{id}: what the playground saves, its Conversation type checked as
 * far as the console reads it (other fields are kept as sent).
 */
export const conversationBody = z.object({
  title: z.string().trim().min(1).max(200),
  renamed: z.boolean().optional(),
  system: z.string(),
  messages: z.array(message),
  settings: z.looseObject({
    mode: z.enum(["model", "agent"]),
    model: z.string().max(200),
    agentId: z.string().max(200),
    params: z.looseObject({}),
    tools: z.array(z.looseObject({})),
    toolChoice: z.enum(["auto", "none", "any"]),
  }),
  upstream: upstream.nullable().optional(),
  /** Milliseconds since the epoch; the server's time when absent or in the future. */
  createdAt: z.number().int().nonnegative().optional(),
});
export type ConversationBody = z.infer<typeof conversationBody>;

/** POST /api/console/conversations → 201 `{ conversation }`. */
export const createConversationBody = conversationBody.extend({
  id: z.string().regex(CONVERSATION_ID, "must be 1–64 letters, digits, _ or -"),
});
export type CreateConversationBody = z.infer<typeof createConversationBody>;

/** PATCH /api/console/conversations/{id} → `{ conversation }`: renamed; its title then stays. */
export const renameConversationBody = z.object({ title: z.string().trim().min(1).max(200) });

export const conversationSummary = z.object({
  id: z.string(),
  title: z.string(),
  messageCount: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const storedConversation = conversationBody.omit({ createdAt: true }).extend({
  id: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type StoredConversation = z.infer<typeof storedConversation>;

/** GET /api/console/conversations: newest change first. */
export const conversationsResponse = z.object({ conversations: z.array(conversationSummary) });
export const conversationResponse = z.object({ conversation: storedConversation });
