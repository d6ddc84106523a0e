import "server-only";
import { countTokens } from "@/lib/mistral/tokens";
import { isTextual } from "../redact";
import type { Usage } from "./audit";

export interface Observed {
  /** The HTTP status, or 499 when the caller went away before the body ended. */
  status: number;
  /** The `id` of a JSON answer (an uploaded file, a created job). */
  id: string | null;
  model: string | null;
  usage: Usage | null;
}

/** JSON answers larger than this are passed on without being read for usage. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** Of a stream, only the end is kept: the final chunk carries the usage. */
const STREAM_TAIL_CHARS = 32 * 1024;

/**
 * Passes the response through unchanged while watching its body, then reports what it held:
 * the id, model and token usage of a JSON answer, or of the last chunks of an SSE stream.
 * `signal` is the caller's: a body that ends after the caller went away is reported as 499.
 *
 * A stream that ends without a usage chunk (the caller stopped it, or it was cut) was still
 * billed for what the upstream generated: its usage is then estimated, the completion from the
 * text that streamed and the prompt by `promptTokens` (from the request), marked source "console".
 */
export function observeResponse(
  response: Response,
  signal: AbortSignal,
  done: (observed: Observed) => Promise<void>,
  promptTokens: () => Promise<number | null> = async () => null,
): Response {
  const empty: Observed = { status: response.status, id: null, model: null, usage: null };
  if (!response.body || response.status >= 400) {
    void done(empty);
    return response;
  }
  const contentType = response.headers.get("content-type");
  const isStream = (contentType ?? "").startsWith("text/event-stream");
  // Only the bodies the gateway redacts are read: a declared binary body passes it untouched, so
  // a `model` or `id` read from one could carry the key into the audit log.
  const readable = isTextual(contentType);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  let reported = false;
  const counter = isStream ? new CompletionCounter() : null;
  // Awaited before the body ends, so what it records (a job's owner) exists once the caller
  // has the answer.
  const report = async (status: number) => {
    if (reported) return;
    reported = true;
    const rest = decoder.decode();
    text += rest;
    if (!counter) {
      await done({ ...empty, status, ...fromJson(text, bytes) });
      return;
    }
    counter.push(rest, true);
    const found = fromStream(text);
    if (!found.usage) {
      const prompt = await promptTokens().catch(() => null);
      const completion = counter.tokens;
      found.usage = {
        promptTokens: prompt,
        completionTokens: completion,
        totalTokens: (prompt ?? 0) + completion,
        source: "console",
      };
    }
    await done({ ...empty, status, ...found });
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        await report(499);
        controller.error(error);
        return;
      }
      if (result.done) {
        // The sandbox ends its stream quietly when the caller goes away.
        await report(signal.aborted ? 499 : response.status);
        controller.close();
        return;
      }
      const chunk = result.value;
      bytes += chunk.byteLength;
      if (counter) {
        const piece = decoder.decode(chunk, { stream: true });
        counter.push(piece);
        text += piece;
        if (text.length > STREAM_TAIL_CHARS * 2) text = text.slice(-STREAM_TAIL_CHARS);
      } else if (readable && bytes <= MAX_JSON_BYTES) {
        text += decoder.decode(chunk, { stream: true });
      }
      controller.enqueue(chunk);
    },
    async cancel(reason) {
      await reader.cancel(reason);
      await report(499);
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

type Found = Pick<Observed, "id" | "model" | "usage">;

function pick(value: unknown): Found {
  const v = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return {
    id: typeof v.id === "string" ? v.id : null,
    model: typeof v.model === "string" ? v.model : null,
    usage: usageOf(v.usage),
  };
}

function usageOf(value: unknown): Usage | null {
  if (!value || typeof value !== "object") return null;
  const u = value as Record<string, unknown>;
  const n = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
  return {
    promptTokens: n(u.prompt_tokens),
    completionTokens: n(u.completion_tokens),
    totalTokens: n(u.total_tokens),
  };
}

function fromJson(text: string, bytes: number): Found {
  if (bytes > MAX_JSON_BYTES) return { id: null, model: null, usage: null };
  try {
    return pick(JSON.parse(text));
  } catch {
    return { id: null, model: null, usage: null };
  }
}

/** The model of the last event, and the usage of the last event that has one. */
export function fromStream(text: string): Found {
  const found: Found = { id: null, model: null, usage: null };
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0 && !(found.model && found.usage); i--) {
    const line = lines[i];
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (!data.startsWith("{")) continue;
    let event: Found;
    try {
      event = pick(JSON.parse(data));
    } catch {
      continue; // the first line of the tail may be cut
    }
    found.id ??= event.id;
    found.model ??= event.model;
    found.usage ??= event.usage;
  }
  return found;
}

/**
 * Counts, as a stream passes, the tokens of the text its events carry (content deltas and tool
 * call arguments), with the console's estimator: only the count is kept, not the text.
 */
export class CompletionCounter {
  private counted = 0;
  private line = "";
  /** Whether the text so far ends in whitespace (which joins the next token, if any comes). */
  private trailingSpace = false;

  get tokens(): number {
    return this.counted + (this.trailingSpace ? 1 : 0);
  }

  /** Adds a piece of the text as if it were counted with everything before it. */
  private add(text: string): void {
    if (!text) return;
    const n = countTokens(text);
    this.trailingSpace = /\s$/.test(text);
    this.counted += this.trailingSpace ? n - 1 : n;
  }

  push(piece: string, end = false): void {
    const lines = (this.line + piece).split("\n");
    this.line = end ? "" : (lines.pop() ?? "");
    for (const line of lines) this.event(line);
  }

  private event(line: string): void {
    if (!line.startsWith("data:")) return;
    const data = line.slice(5).trim();
    if (!data.startsWith("{")) return;
    let event: { choices?: { delta?: Record<string, unknown> }[] };
    try {
      event = JSON.parse(data);
    } catch {
      return;
    }
    for (const choice of event.choices ?? []) {
      const delta = choice?.delta;
      if (!delta) continue;
      this.add(textOf(delta.content));
      if (Array.isArray(delta.tool_calls)) {
        for (const call of delta.tool_calls as {
          function?: { name?: unknown; arguments?: unknown };
        }[]) {
          this.add(textOf(call?.function?.name) + textOf(call?.function?.arguments));
        }
      }
    }
  }
}

/** The text of a content field: a string, or the text of an array of chunks. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return value
      .map((chunk) =>
        chunk && typeof chunk === "object" && typeof (chunk as { text?: unknown }).text === "string"
          ? (chunk as { text: string }).text
          : "",
      )
      .join("");
  }
  if (value && typeof value === "object") return JSON.stringify(value);
  return "";
}

/**
 * The console's estimate of a request's prompt tokens: the text of its messages (or FIM prompt and
 * suffix) and its tool definitions. Null when the body is not a JSON object.
 */
export function estimatePromptTokens(body: string): number | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const b = value as Record<string, unknown>;
  let tokens = 0;
  if (Array.isArray(b.messages)) {
    for (const m of b.messages as Record<string, unknown>[]) {
      if (!m || typeof m !== "object") continue;
      tokens += countTokens(textOf(m.content));
      if (Array.isArray(m.tool_calls)) tokens += countTokens(JSON.stringify(m.tool_calls));
    }
  }
  tokens += countTokens(textOf(b.prompt)) + countTokens(textOf(b.suffix));
  if (Array.isArray(b.tools)) tokens += countTokens(JSON.stringify(b.tools));
  return tokens;
}
