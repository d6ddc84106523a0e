// Folds a streamed answer into one: content chunks, tool calls, usage and finish reason. Chat and
// agents completions stream chunks whose `content` is a string or an array of content chunks (a
// reasoning model's thinking, text, references); conversations (/v1/conversations) stream events
// (message.output.delta with a string or one chunk, among them tool_reference sources). The
// answer keeps every chunk, in order, so it can be shown and sent back as the API gave it.
import type { components } from "@/lib/mistral/schema.gen";
import type { ConversationEvent } from "@/lib/api/stream";
import type { CompletionChunk, ToolCall, UsageInfo } from "@/lib/mistral/types";

type S = components["schemas"];
/** A source a conversation's tool (web search) found, with its title and link. */
export type ToolReferenceChunk = S["ToolReferenceChunk"] & { type: "tool_reference" };
export type ContentChunk = S["ContentChunk"];
/** The chunks an answer may hold: the chat completions' ones and a conversation's sources. */
export type AnswerChunk = ContentChunk | ToolReferenceChunk;
export type TextChunk = S["TextChunk"];
export type ThinkChunk = S["ThinkChunk"];
export type ReferenceChunk = S["ReferenceChunk"];
export type ImageURLChunk = S["ImageURLChunk"];

export interface StreamedAnswer {
  /** The answer's text (its text chunks joined). */
  content: string;
  /** A reasoning model's thinking (`thinking` chunks), streamed before the text. */
  thinking: string;
  /** Every content chunk, adjacent text (and thinking) pieces joined into one chunk. */
  chunks: AnswerChunk[];
  /** Whether the API sent content as arrays of chunks (then they are sent back as chunks). */
  chunked: boolean;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: UsageInfo | null;
  model: string | null;
  /** How many chunks carried content or tool calls (a fallback token count). */
  deltas: number;
  /** Conversations only: the conversation the answer belongs to (conversation.response.started). */
  conversationId?: string;
  /** Conversations only: the id of the answer's output entry (to restart from it). */
  entryId?: string;
  /** Conversations only: the server-side tools (web search…) the agent ran for this answer. */
  toolRuns?: ToolRun[];
}

export interface ToolRun {
  id: string;
  name: string;
  arguments: string;
  done: boolean;
}

export function emptyAnswer(): StreamedAnswer {
  return {
    content: "",
    thinking: "",
    chunks: [],
    chunked: false,
    toolCalls: [],
    finishReason: null,
    usage: null,
    model: null,
    deltas: 0,
  };
}

type ThinkPart = ThinkChunk["thinking"][number];

/** Adds one piece of thinking, joining it to the text before it. */
function appendThinkPart(parts: ThinkPart[], part: ThinkPart): ThinkPart[] {
  const last = parts[parts.length - 1];
  if (last?.type === "text" && part.type === "text") {
    return [...parts.slice(0, -1), { ...last, text: last.text + part.text }];
  }
  return [...parts, part];
}

/** Adds one content chunk to a folded list: text joins text, thinking joins thinking. */
export function appendChunk<C extends AnswerChunk>(chunks: C[], chunk: C): C[] {
  const last = chunks[chunks.length - 1];
  if (chunk.type === "text") {
    if (!chunk.text) return chunks;
    if (last?.type === "text") {
      return [...chunks.slice(0, -1), { ...last, text: last.text + chunk.text }];
    }
  }
  if (chunk.type === "thinking") {
    if (last?.type === "thinking" && last.signature == null && chunk.signature == null) {
      const thinking = chunk.thinking.reduce(appendThinkPart, last.thinking);
      return [...chunks.slice(0, -1), { ...last, thinking }];
    }
    return [...chunks, { ...chunk, thinking: chunk.thinking.reduce(appendThinkPart, []) }];
  }
  return [...chunks, chunk];
}

/** The text of thinking chunks. */
export function thinkingText(chunk: ThinkChunk): string {
  return chunk.thinking.map((t) => (t.type === "text" ? t.text : "")).join("");
}

type DeltaToolCall = ToolCall & { index?: number };

function mergeToolCall(calls: ToolCall[], delta: DeltaToolCall): ToolCall[] {
  // The real API sends each call whole; OpenAI-style streams send pieces keyed by `index`.
  const hasId = !!delta.id && delta.id !== "null";
  const at =
    delta.index != null ? delta.index : hasId ? calls.findIndex((c) => c.id === delta.id) : -1;
  const existing = at >= 0 ? calls[at] : undefined;
  const { index: _index, ...call } = delta;
  void _index;
  if (!existing) return [...calls, { ...call, function: { ...call.function } }];
  const piece = call.function?.arguments;
  const args =
    typeof existing.function.arguments === "string" && typeof piece === "string"
      ? existing.function.arguments + piece
      : (piece ?? existing.function.arguments);
  const next = [...calls];
  next[at] = {
    ...existing,
    id: existing.id && existing.id !== "null" ? existing.id : call.id,
    function: { name: existing.function.name || call.function?.name || "", arguments: args },
  };
  return next;
}

/** Returns the answer with one more chunk folded in (the input is not changed). */
export function applyChunk(answer: StreamedAnswer, chunk: CompletionChunk): StreamedAnswer {
  const next = { ...answer };
  if (chunk.model) next.model = chunk.model;
  if (chunk.usage) next.usage = chunk.usage;
  const choice = chunk.choices?.find((c) => c.index === 0) ?? chunk.choices?.[0];
  if (!choice) return next;
  const delta = choice.delta ?? {};
  let carried = false;
  const parts: ContentChunk[] =
    typeof delta.content === "string"
      ? [{ type: "text", text: delta.content }]
      : Array.isArray(delta.content)
        ? delta.content
        : [];
  if (Array.isArray(delta.content) && delta.content.length) next.chunked = true;
  for (const part of parts) {
    if (part.type === "text") {
      if (!part.text) continue;
      next.content += part.text;
    } else if (part.type === "thinking") {
      next.thinking += thinkingText(part);
    }
    next.chunks = appendChunk(next.chunks, part);
    carried = true;
  }
  if (delta.tool_calls?.length) {
    let calls = next.toolCalls;
    for (const tc of delta.tool_calls) calls = mergeToolCall(calls, tc as DeltaToolCall);
    next.toolCalls = calls;
    carried = true;
  }
  if (carried) next.deltas += 1;
  if (choice.finish_reason) next.finishReason = choice.finish_reason;
  return next;
}

/** A streamed output chunk as the answer keeps it: a tool_reference may come without its `type`. */
function outputChunk(c: S["OutputContentChunks"]): AnswerChunk {
  if (!c.type && "title" in c) return { ...c, type: "tool_reference" };
  return c as AnswerChunk;
}

/** Adds one piece of content (text, thinking, a source…) to the answer. */
function addPart(answer: StreamedAnswer, part: AnswerChunk): boolean {
  if (part.type === "text") {
    if (!part.text) return false;
    answer.content += part.text;
  } else if (part.type === "thinking") {
    answer.thinking += thinkingText(part);
  }
  answer.chunks = appendChunk(answer.chunks, part);
  return true;
}

/**
 * Returns the answer with one more conversation event folded in (the input is not changed). The
 * error event is the stream reader's to throw; handoffs between agents change nothing shown.
 */
export function applyConversationEvent(
  answer: StreamedAnswer,
  event: ConversationEvent,
): StreamedAnswer {
  const next = { ...answer };
  switch (event.type) {
    case "conversation.response.started":
      next.conversationId = event.conversation_id;
      break;
    case "message.output.delta": {
      next.entryId = event.id;
      if (event.model) next.model = event.model;
      const part: AnswerChunk =
        typeof event.content === "string"
          ? { type: "text", text: event.content }
          : outputChunk(event.content);
      if (typeof event.content !== "string") next.chunked = true;
      if (addPart(next, part)) next.deltas += 1;
      break;
    }
    case "function.call.delta":
      if (event.model) next.model = event.model;
      next.toolCalls = mergeToolCall(next.toolCalls, {
        id: event.tool_call_id,
        type: "function",
        function: { name: event.name, arguments: event.arguments },
      });
      next.deltas += 1;
      break;
    case "tool.execution.started":
      next.toolRuns = [
        ...(next.toolRuns ?? []),
        { id: event.id, name: event.name, arguments: event.arguments, done: false },
      ];
      break;
    case "tool.execution.delta":
    case "tool.execution.done":
      next.toolRuns = (next.toolRuns ?? []).map((r) =>
        r.id !== event.id
          ? r
          : event.type === "tool.execution.delta"
            ? { ...r, arguments: r.arguments + event.arguments }
            : { ...r, done: true },
      );
      break;
    case "conversation.response.done": {
      const { prompt_tokens = 0, completion_tokens = 0, total_tokens } = event.usage;
      next.usage = {
        prompt_tokens,
        completion_tokens,
        total_tokens: total_tokens ?? prompt_tokens + completion_tokens,
      };
      next.finishReason = next.toolCalls.length ? "tool_calls" : "stop";
      break;
    }
  }
  return next;
}
