// Folds streamed completion chunks into one answer: text, tool calls, usage and finish reason.
import type { CompletionChunk, ToolCall, UsageInfo } from "@/lib/mistral/types";

export interface StreamedAnswer {
  content: string;
  /** A reasoning model's thinking (`thinking` chunks), streamed before the text. */
  thinking: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: UsageInfo | null;
  model: string | null;
  /** How many chunks carried text or tool calls (a fallback token count). */
  deltas: number;
}

export function emptyAnswer(): StreamedAnswer {
  return {
    content: "",
    thinking: "",
    toolCalls: [],
    finishReason: null,
    usage: null,
    model: null,
    deltas: 0,
  };
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
  if (typeof delta.content === "string" && delta.content) {
    next.content += delta.content;
    carried = true;
  } else if (Array.isArray(delta.content)) {
    // Today's API streams content as an array of chunks too: text, and reasoning's thinking.
    for (const part of delta.content as { type?: string; text?: unknown; thinking?: unknown }[]) {
      if (part.type === "text" && typeof part.text === "string") {
        next.content += part.text;
        carried = true;
      } else if (part.type === "thinking" && Array.isArray(part.thinking)) {
        for (const t of part.thinking as { text?: unknown }[]) {
          if (typeof t.text === "string") next.thinking += t.text;
        }
        carried = true;
      }
    }
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
