import { useQuery } from "@tanstack/react-query";
import type { Conversation, ConversationSummary } from "@/lib/playground/types";
import { conversationPath, conversationsPath } from "@/lib/console/conversations";
import { consoleFetch } from "../client";
import { ApiError } from "../errors";

// Playground conversations, kept per user by the console (/api/console/conversations). The keys
// carry the user's id, so one user's cached conversations are never another's, even in a tab
// where someone else signs in without a page load.
export const conversationKeys = {
  all: ["conversations"] as const,
  user: (userId: string) => ["conversations", userId] as const,
  list: (userId: string) => ["conversations", userId, "list"] as const,
  detail: (userId: string, id: string) => ["conversations", userId, "detail", id] as const,
};

/**
 * What is saved (lib/console/conversations.ts `createConversationBody`): the conversation without
 * the times the server keeps.
 */
function payload(c: Conversation) {
  return {
    id: c.id,
    title: c.title,
    ...(c.renamed ? { renamed: true } : {}),
    system: c.system,
    messages: c.messages,
    settings: c.settings,
    ...(c.upstream ? { upstream: c.upstream } : {}),
    createdAt: c.createdAt,
  };
}

export const conversationApi = {
  list: (signal?: AbortSignal) =>
    consoleFetch<{ conversations: ConversationSummary[] }>(conversationsPath, { signal }).then(
      (r) => r.conversations,
    ),
  get: (id: string, signal?: AbortSignal) =>
    consoleFetch<{ conversation: Conversation }>(conversationPath(id), { signal }).then(
      (r) => r.conversation,
    ),
  create: (c: Conversation, init: RequestInit = {}) =>
    consoleFetch<{ conversation: Conversation }>(conversationsPath, {
      ...init,
      method: "POST",
      json: payload(c),
    }).then((r) => r.conversation),
  replace: (c: Conversation, init: RequestInit = {}) =>
    consoleFetch<{ conversation: Conversation }>(conversationPath(c.id), {
      ...init,
      method: "PUT",
      json: payload(c),
    }).then((r) => r.conversation),
  remove: (id: string) => consoleFetch<void>(conversationPath(id), { method: "DELETE" }),
};

/**
 * Saves a conversation whether or not the console has it yet: a replace, or a create when it is
 * new (or was deleted on another device meanwhile).
 */
export async function saveConversation(
  c: Conversation,
  known: boolean,
  init: RequestInit = {},
): Promise<Conversation> {
  const isStatus = (e: unknown, status: number) => e instanceof ApiError && e.status === status;
  if (known) {
    try {
      return await conversationApi.replace(c, init);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
      return conversationApi.create(c, init);
    }
  }
  try {
    return await conversationApi.create(c, init);
  } catch (error) {
    if (!isStatus(error, 409) || (error as ApiError).code !== "conversation_exists") throw error;
    return conversationApi.replace(c, init);
  }
}

export function useConversationList(userId: string) {
  return useQuery({
    queryKey: conversationKeys.list(userId),
    queryFn: ({ signal }) => conversationApi.list(signal),
  });
}

/** Newest first, with `c` in it (replacing its older entry). */
export function withSummary(
  list: ConversationSummary[] | undefined,
  c: Conversation,
): ConversationSummary[] {
  const summary: ConversationSummary = {
    id: c.id,
    title: c.title,
    messageCount: c.messages.length,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
  return [summary, ...(list ?? []).filter((x) => x.id !== c.id)].sort(
    (a, b) => b.updatedAt - a.updatedAt,
  );
}
