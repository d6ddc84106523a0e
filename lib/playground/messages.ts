// Pure operations on the editable message list. Every function returns a new list.
import type { ToolCall } from "@/lib/mistral/types";
import { newId, type ChatMessage, type Role } from "./types";

export function addMessage(
  list: ChatMessage[],
  role: Role,
  content = "",
  images: string[] = [],
): ChatMessage[] {
  const m: ChatMessage = { id: newId(), role, content };
  return [...list, role === "user" && images.length ? { ...m, images } : m];
}

export function updateMessage(
  list: ChatMessage[],
  id: string,
  patch: Partial<Omit<ChatMessage, "id">>,
): ChatMessage[] {
  return list.map((m) => {
    if (m.id !== id) return m;
    const next = { ...m, ...patch };
    // Edited text replaces the chunks the API gave (and the thinking that came with them).
    if (patch.content !== undefined && patch.content !== m.content) {
      delete next.chunks;
      delete next.thinking;
    }
    // Fields that only make sense for one role must not linger when the role changes.
    if (next.role !== "assistant") {
      delete next.prefix;
      delete next.toolCalls;
      delete next.metrics;
      delete next.chunks;
      delete next.thinking;
    }
    if (next.role !== "user") delete next.images;
    if (next.role !== "tool") {
      delete next.toolCallId;
      delete next.name;
    }
    return next;
  });
}

/** Deletes a message; deleting an answer with tool calls also deletes the results given for them. */
export function deleteMessage(list: ChatMessage[], id: string): ChatMessage[] {
  const target = list.find((m) => m.id === id);
  if (!target) return list;
  const callIds = new Set((target.toolCalls ?? []).map((c) => c.id).filter(Boolean));
  return list.filter(
    (m) => m.id !== id && !(m.role === "tool" && m.toolCallId && callIds.has(m.toolCallId)),
  );
}

/** Keeps the messages up to and including `id` (edit-and-resend drops what came after). */
export function truncateAfter(list: ChatMessage[], id: string): ChatMessage[] {
  const i = list.findIndex((m) => m.id === id);
  return i < 0 ? list : list.slice(0, i + 1);
}

/**
 * The list to send again to regenerate the last answer: trailing answers are dropped, except an
 * assistant prefix the user wrote to steer the answer's start.
 */
export function withoutLastAnswer(list: ChatMessage[]): ChatMessage[] {
  let end = list.length;
  while (end > 0 && list[end - 1].role === "assistant" && !list[end - 1].prefix) end--;
  return list.slice(0, end);
}

export function lastAnswer(list: ChatMessage[]): ChatMessage | undefined {
  const last = list[list.length - 1];
  return last?.role === "assistant" && !last.prefix ? last : undefined;
}

/** The tool calls of the last answer that still wait for a result. */
export function pendingToolCalls(list: ChatMessage[]): ToolCall[] {
  let i = list.length - 1;
  const results = [];
  while (i >= 0 && list[i].role === "tool") results.push(list[i--]);
  const answer = list[i];
  if (!answer || answer.role !== "assistant" || !answer.toolCalls?.length) return [];
  const answered = new Set(results.map((r) => r.toolCallId).filter(Boolean));
  // A call without an id (the spec's default is the string "null") counts as answered by any result.
  return answer.toolCalls.filter((c) =>
    c.id && c.id !== "null" ? !answered.has(c.id) : results.length === 0,
  );
}

export function addToolResults(
  list: ChatMessage[],
  results: { call: ToolCall; content: string }[],
): ChatMessage[] {
  return [
    ...list,
    ...results.map(({ call, content }): ChatMessage => ({
      id: newId(),
      role: "tool",
      content,
      name: call.function.name,
      ...(call.id && call.id !== "null" ? { toolCallId: call.id } : {}),
    })),
  ];
}

/** Why the list cannot be sent as it is, or null when it can. */
export function conversationIssue(list: ChatMessage[]): string | null {
  if (list.length === 0) return "Write a message first.";
  const prefixAt = list.findIndex((m) => m.prefix);
  if (prefixAt >= 0 && prefixAt !== list.length - 1) {
    return "Only the last message can be an assistant prefix.";
  }
  if (pendingToolCalls(list).length > 0) return "Give a result for every tool call first.";
  const last = list[list.length - 1];
  if (last.role === "assistant" && !last.prefix) {
    return "The conversation ends with an answer: add a user message, or mark the last answer as a prefix.";
  }
  return null;
}

/** A title from the first user message. */
export function titleFrom(list: ChatMessage[], fallback = "New conversation"): string {
  const first = list.find((m) => m.role === "user" && m.content.trim());
  if (!first) return fallback;
  const line = first.content.trim().split("\n")[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
