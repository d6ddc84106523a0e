// Folds streamed completion chunks into one answer: content chunks, tool calls, usage and finish
// reason. Today's API streams `content` as a string or as an array of content chunks (a reasoning
// model's thinking, text, references); the answer keeps every chunk, in order, so it can be shown
// and sent back on the next turn exactly as the API gave it.
import type { components } from "@/lib/mistral/schema.gen";
import type { CompletionChunk, ToolCall, UsageInfo } from "@/lib/mistral/types";

type S = components["schemas"];
export type ContentChunk = S["ContentChunk"];
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
  chunks: ContentChunk[];
  /** Whether the API sent content as arrays of chunks (then they are sent back as chunks). */
  chunked: boolean;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: UsageInfo | null;
  model: string | null;
  /** How many chunks carried content or tool calls (a fallback token count). */
  deltas: number;
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
export function appendChunk(chunks: ContentChunk[], chunk: ContentChunk): ContentChunk[] {
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
