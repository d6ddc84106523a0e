import "server-only";
import { countTokens } from "@/lib/mistral/tokens";
import type { Answer } from "../answer";
import type { Usage } from "./audit";

export interface Observed {
  /** The HTTP status, or 499 when the caller went away before the body ended. */
  status: number;
  /** The `id` of a JSON answer (an uploaded file, a created job). */
  id: string | null;
  /** The `conversation_id` of a conversation's answer, or of the first event of its stream. */
  conversationId: string | null;
  model: string | null;
  usage: Usage | null;
}

/** JSON answers larger than this are passed on without being read for usage. */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/**
 * A stream up to this long is kept whole, and only read once it ends (most answers). A longer
 * one keeps its end (the final chunk carries the usage), its start and a running count of its
 * completion tokens.
 */
const WHOLE_STREAM_CHARS = 256 * 1024;
const STREAM_TAIL_CHARS = 32 * 1024;
/** And its start, where a conversation's stream names the conversation. */
const STREAM_HEAD_CHARS = 16 * 1024;

/**
 * Passes the response through unchanged while watching its body, then reports what it held:
 * the id, model and usage (tokens, OCR pages, audio seconds) of a JSON answer, or of the last
 * chunks of an SSE stream.
 * `signal` is the caller's: a body that ends after the caller went away is reported as 499.
 *
 * A chat-like stream that ends without a usage chunk (the caller stopped it, or it was cut) was
 * still billed for what the upstream generated: its usage is then estimated, the completion from
 * the text that streamed and the prompt by `promptTokens` (from the request), marked source
 * "console".
 */
export function observeResponse(
  response: Answer,
  signal: AbortSignal,
  done: (observed: Observed) => Promise<void>,
  promptTokens: () => Promise<number | null> = async () => null,
): Answer {
  const empty: Observed = {
    status: response.status,
    id: null,
    conversationId: null,
    model: null,
    usage: null,
  };
  if (!response.body || response.status >= 400) {
    void done(empty);
    return response;
  }
  const type = response.headers["content-type"] ?? "";
  const isStream = type.startsWith("text/event-stream");
  // Only JSON is read (the gateway redacts it): audio, file contents and other bytes pass
  // through unread, so a `model` or `id` in them could not carry the key into the audit log.
  const isJson = /[/+]json\b/.test(type);
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  let reported = false;
  const stream = isStream ? new StreamText() : null;
  // Awaited before the body ends, so what it records (a job's owner) exists once the caller
  // has the answer.
  const report = async (status: number) => {
    if (reported) return;
    reported = true;
    const rest = decoder.decode();
    if (!stream) {
      text += rest;
      await done({ ...empty, status, ...(isJson ? fromJson(text, bytes) : {}) });
      return;
    }
    const { head, tail, counter } = stream.end(rest);
    const found = { ...fromStream(tail), conversationId: conversationOf(head) };
    if (!found.usage && counter().sawChoices) {
      const prompt = await promptTokens().catch(() => null);
      const completion = counter().tokens;
      found.usage = {
        promptTokens: prompt,
        completionTokens: completion,
        totalTokens: (prompt ?? 0) + completion,
        pages: null,
        audioSeconds: null,
        source: "console",
      };
    }
    await done({ ...empty, status, ...found });
  };
  response.body.tap({
    chunk(chunk) {
      bytes += chunk.byteLength;
      if (stream) {
        stream.push(decoder.decode(chunk, { stream: true }));
      } else if (isJson && bytes <= MAX_JSON_BYTES) {
        text += decoder.decode(chunk, { stream: true });
      }
      return chunk;
    },
    // A body that failed or was cancelled: the caller did not get it all. The sandbox ends its
    // stream quietly when the caller goes away.
    done: (how) => report(how === "end" && !signal.aborted ? response.status : 499),
  });
  return response;
}

type Found = Pick<Observed, "id" | "conversationId" | "model" | "usage">;
const NOTHING: Found = { id: null, conversationId: null, model: null, usage: null };

type Obj = Record<string, unknown>;
const asObject = (x: unknown): Obj | null => (x && typeof x === "object" ? (x as Obj) : null);
const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : null);
const str = (x: unknown) => (typeof x === "string" ? x : null);

function pick(value: unknown): Found {
  const v = asObject(value) ?? {};
  // A conversation's answer names its model on its outputs, not at the top.
  const outputs = Array.isArray(v.outputs) ? v.outputs : [];
  return {
    id: str(v.id),
    conversationId: str(v.conversation_id),
    model: str(v.model) ?? str(asObject(outputs[0])?.model),
    usage: usageOf(v.usage, v.usage_info),
  };
}

/**
 * Tokens (and transcribed audio seconds) from `usage`, OCR pages from `usage_info`; null when the
 * answer reports neither.
 */
function usageOf(usage: unknown, usageInfo: unknown): Usage | null {
  const u = asObject(usage);
  const pages = num(asObject(usageInfo)?.pages_processed);
  if (!u && pages === null) return null;
  return {
    promptTokens: num(u?.prompt_tokens),
    completionTokens: num(u?.completion_tokens),
    totalTokens: num(u?.total_tokens),
    pages,
    audioSeconds: num(u?.prompt_audio_seconds),
  };
}

function fromJson(text: string, bytes: number): Found {
  if (bytes > MAX_JSON_BYTES) return NOTHING;
  try {
    return pick(JSON.parse(text));
  } catch {
    return NOTHING;
  }
}

/** The model of the last event, and the usage of the last event that has one. */
export function fromStream(text: string): Found {
  const found: Found = { ...NOTHING };
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

/** What an observer keeps of a stream as it passes (see WHOLE_STREAM_CHARS). */
class StreamText {
  private whole: string | null = "";
  private head = "";
  private tail = "";
  private counter: CompletionCounter | null = null;

  push(piece: string): void {
    if (this.whole !== null) {
      this.whole += piece;
      if (this.whole.length <= WHOLE_STREAM_CHARS) return;
      this.counter = new CompletionCounter();
      this.counter.push(this.whole);
      this.head = this.whole.slice(0, STREAM_HEAD_CHARS);
      this.tail = this.whole.slice(-STREAM_TAIL_CHARS);
      this.whole = null;
      return;
    }
    this.counter!.push(piece);
    this.tail += piece;
    if (this.tail.length > STREAM_TAIL_CHARS * 2) this.tail = this.tail.slice(-STREAM_TAIL_CHARS);
  }

  /** Its start, its end, and its completion's count (made only if asked for, when it was short). */
  end(rest: string): { head: string; tail: string; counter: () => CompletionCounter } {
    const whole = this.whole === null ? null : this.whole + rest;
    if (whole === null) {
      this.counter!.push(rest, true);
      this.tail += rest;
    }
    return {
      head: whole?.slice(0, STREAM_HEAD_CHARS) ?? this.head,
      tail: whole ?? this.tail,
      counter: () => {
        if (!this.counter) {
          this.counter = new CompletionCounter();
          this.counter.push(whole ?? "", true);
        }
        return this.counter;
      },
    };
  }
}

/** The conversation a stream is about, named by its first events. */
function conversationOf(head: string): string | null {
  for (const line of head.split(/\r?\n/)) {
    if (!line.startsWith("data:")) continue;
    try {
      const id = pick(JSON.parse(line.slice(5).trim())).conversationId;
      if (id) return id;
    } catch {
      // The last line of the head may be cut.
    }
  }
  return null;
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

  /** Whether a chat-like event (with `choices`) went by: only then is an estimate meaningful. */
  sawChoices = false;

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
    if (Array.isArray(event.choices)) this.sawChoices = true;
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
