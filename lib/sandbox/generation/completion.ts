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
  /** The answer as text and reference chunks (an agent citing its sources); `content` is its text. */
  parts?: AnswerPart[] | null;
  /** The other choices when `n` > 1 (this one is choice 0; `usage` covers them all). */
  more?: Completion[];
}

export type AnswerPart =
  { type: "text"; text: string } | { type: "reference"; reference_ids: number[] };

/**
 * A message's content as the API sends it: the text, or chunks when there is thinking
 * (`[thinking chunk, text chunk]`) or there are references (text and reference chunks).
 */
function contentOf(c: Completion): string | Record<string, unknown>[] {
  if (!c.thinking && !c.parts) return c.content;
  return [
    ...(c.thinking ? [{ type: "thinking", thinking: [{ type: "text", text: c.thinking }] }] : []),
    ...(c.parts ?? [{ type: "text", text: c.content }]),
  ];
}

type Delta = string | Record<string, unknown>[];

/**
 * The content of each streamed delta, one token each. Thinking streams as arrays holding one
 * thinking chunk, and (as the live API does) the last of them carries the first words of the
 * answer in the same array; the rest of the text follows as strings. Text with references streams
 * as arrays of one text or reference chunk.
 */
function contentDeltas(c: Completion): Delta[] {
  const answer: Delta[] = c.parts
    ? c.parts.flatMap((p): Delta[] =>
        p.type === "text" ? tokenize(p.text).map((t) => [{ type: "text", text: t }]) : [[p]],
      )
    : tokenize(c.content);
  if (!c.thinking) return answer;
  const thinking: Record<string, unknown>[][] = tokenize(c.thinking).map((t) => [
    { type: "thinking", thinking: [{ type: "text", text: t }] },
  ]);
  const [first, ...rest] = answer;
  if (first !== undefined && thinking.length) {
    const firstChunks = typeof first === "string" ? [{ type: "text", text: first }] : first;
    thinking[thinking.length - 1] = [...thinking[thinking.length - 1], ...firstChunks];
  }
  return [...thinking, ...rest];
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
    for (const content of contentDeltas(choice)) {
      at += interval;
      events.push({ at, data: event({ content }, null, false, index) });
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
