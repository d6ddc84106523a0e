// One finished generation, and the two ways it is sent: a JSON body, or a server-sent event
// stream paced at the configured tokens per second that stops the moment its client goes away.
import { tokenize } from "@/lib/mistral/tokens";
import type { ToolCall, UsageInfo } from "@/lib/mistral/seed-types";
import { json } from "../http";
import { completionId } from "./random";
import type { GenerationContext } from "./types";

export type FinishReason = "stop" | "length" | "tool_calls";

export interface Completion {
  model: string;
  /** The whole answer, an assistant prefix included. */
  content: string;
  toolCalls: ToolCall[] | null;
  finishReason: FinishReason;
  usage: UsageInfo;
  /** A reasoning model's thinking, sent as a `thinking` chunk before the text. */
  thinking?: string | null;
  /** The other choices when `n` > 1 (this one is choice 0; `usage` covers them all). */
  more?: Completion[];
}

/** A message's content: the text, or with thinking, `[thinking chunk, text chunk]` as the API sends it. */
function contentOf(c: Completion): string | Record<string, unknown>[] {
  if (!c.thinking) return c.content;
  return [
    { type: "thinking", thinking: [{ type: "text", text: c.thinking }] },
    { type: "text", text: c.content },
  ];
}

export interface Limits {
  maxTokens?: number | null;
  minTokens?: number | null;
  stop?: string | string[] | null;
}

/**
 * Cut generated text the way a model stops: before the first stop sequence found after the first
 * `minTokens` tokens (finish `stop`), or after `maxTokens` tokens (finish `length`).
 */
export function applyLimits(
  generated: string,
  { maxTokens, minTokens, stop }: Limits,
): { text: string; finishReason: "stop" | "length"; tokens: string[] } {
  let text = generated;
  let finishReason: "stop" | "length" = "stop";
  const stops = (typeof stop === "string" ? [stop] : (stop ?? [])).filter(Boolean);
  if (stops.length) {
    const from = tokenize(generated)
      .slice(0, minTokens ?? 0)
      .join("").length;
    const at = Math.min(...stops.map((s) => generated.indexOf(s, from)).filter((i) => i >= 0));
    if (Number.isFinite(at)) text = generated.slice(0, at);
  }
  let tokens = tokenize(text);
  if (maxTokens != null && tokens.length > maxTokens) {
    tokens = tokens.slice(0, maxTokens);
    text = tokens.join("");
    finishReason = "length";
  }
  return { text, finishReason, tokens };
}

export const usage = (prompt: number, completion: number): UsageInfo => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
});

const now = () => Math.floor(Date.now() / 1000);

/** The ChatCompletionResponse (also FIM's and agents'); no `data`, as the real API sends none. */
export function completionJson(c: Completion): Response {
  return json({
    id: completionId(),
    object: "chat.completion",
    created: now(),
    model: c.model,
    choices: [c, ...(c.more ?? [])].map((choice, index) => ({
      index,
      message: {
        role: "assistant",
        content: contentOf(choice),
        tool_calls: choice.toolCalls,
        prefix: false,
      },
      finish_reason: choice.finishReason,
    })),
    usage: c.usage,
  });
}

export const SSE_HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache" };

/**
 * The answer as CompletionChunk events: a first chunk with the role and empty content, one chunk
 * per token at `tokensPerSecond`, a last chunk with the finish reason and usage, then [DONE].
 * Chunks are produced only when the reader asks (pull, no queue ahead), on an absolute schedule so
 * timer granularity does not slow fast paces; an abort or cancel stops at once and clears the timer.
 */
export function completionStream(c: Completion, ctx: GenerationContext): Response {
  const id = completionId();
  const created = now();
  const event = (
    delta: Record<string, unknown>,
    finishReason: FinishReason | null = null,
    withUsage = false,
    index = 0,
  ) =>
    `data: ${JSON.stringify({
      id,
      object: "chat.completion.chunk",
      created,
      model: c.model,
      choices: [{ index, delta, finish_reason: finishReason }],
      ...(withUsage ? { usage: c.usage } : {}),
    })}\n\n`;

  // A pace of 0 or less (or Infinity) means no pacing at all.
  const interval = ctx.tokensPerSecond > 0 ? 1000 / ctx.tokensPerSecond : 0;
  const events: { at: number; data: string }[] = [];
  const choices = [c, ...(c.more ?? [])];
  let at = 0;
  choices.forEach((choice, index) => {
    const last = index === choices.length - 1;
    events.push({ at, data: event({ role: "assistant", content: "" }, null, false, index) });
    if (choice.toolCalls) {
      at += tokenize(JSON.stringify(choice.toolCalls)).length * interval;
      events.push({
        at,
        data: event(
          { content: "", tool_calls: choice.toolCalls },
          choice.finishReason,
          last,
          index,
        ),
      });
      return;
    }
    // Thinking streams first, each delta's content an array holding one thinking chunk.
    for (const t of choice.thinking ? tokenize(choice.thinking) : []) {
      at += interval;
      const thinking = [{ type: "thinking", thinking: [{ type: "text", text: t }] }];
      events.push({ at, data: event({ content: thinking }, null, false, index) });
    }
    for (const t of tokenize(choice.content)) {
      at += interval;
      events.push({ at, data: event({ content: t }, null, false, index) });
    }
    at += interval;
    events.push({ at, data: event({ content: "" }, choice.finishReason, last, index) });
  });
  // A beat between the last events: sdk-v1 (1.0.4) drops events that share one read with [DONE].
  events.push({ at: events[events.length - 1].at + interval, data: "data: [DONE]\n\n" });

  return scheduledEvents(events, ctx);
}

/**
 * Server-sent events on a schedule (`at`: ms after the start), produced only when the reader
 * asks, stopped at once when the client goes away (counted as an aborted generation).
 */
export function scheduledEvents(
  events: { at: number; data: string }[],
  ctx: GenerationContext,
): Response {
  const encoder = new TextEncoder();
  let next = 0;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const started = performance.now();

  const finish = (aborted: boolean) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    wake?.();
    ctx.signal.removeEventListener("abort", onClientGone);
    if (aborted) ctx.onAbort();
    ctx.onEnd?.();
  };
  function onClientGone() {
    finish(true);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the reader.
    }
  }

  ctx.onStart?.();
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (ctx.signal.aborted) onClientGone();
        else ctx.signal.addEventListener("abort", onClientGone);
      },
      async pull(c) {
        if (finished) return;
        const wait = started + events[next].at - performance.now();
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, wait);
          });
          wake = undefined;
          if (finished) return;
        }
        c.enqueue(encoder.encode(events[next++].data));
        if (next === events.length) {
          finish(false);
          c.close();
        }
      },
      cancel() {
        finish(true);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { headers: SSE_HEADERS });
}
