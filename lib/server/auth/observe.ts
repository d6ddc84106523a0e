import "server-only";
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
/** Of a stream, only the end is kept: the final chunk carries the usage. */
const STREAM_TAIL_CHARS = 32 * 1024;
/** And its start, where a conversation's stream names the conversation. */
const STREAM_HEAD_CHARS = 16 * 1024;

/**
 * Passes the response through unchanged while watching its body, then reports what it held:
 * the id, model and usage (tokens, OCR pages, audio seconds) of a JSON answer, or of the last
 * chunks of an SSE stream.
 * `signal` is the caller's: a body that ends after the caller went away is reported as 499.
 */
export function observeResponse(
  response: Response,
  signal: AbortSignal,
  done: (observed: Observed) => Promise<void>,
): Response {
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
  const type = response.headers.get("content-type") ?? "";
  const isStream = type.startsWith("text/event-stream");
  // Only JSON is read (the gateway redacts it): audio, file contents and other bytes pass
  // through unread, so a `model` or `id` in them could not carry the key into the audit log.
  const isJson = /[/+]json\b/.test(type);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let head = "";
  let bytes = 0;
  let reported = false;
  // Awaited before the body ends, so what it records (a job's owner) exists once the caller
  // has the answer.
  const report = async (status: number) => {
    if (reported) return;
    reported = true;
    text += decoder.decode();
    const found = isStream
      ? { ...fromStream(text), conversationId: conversationOf(head) }
      : isJson
        ? fromJson(text, bytes)
        : {};
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
      if (isStream) {
        const decoded = decoder.decode(chunk, { stream: true });
        if (head.length < STREAM_HEAD_CHARS) head += decoded;
        text += decoded;
        if (text.length > STREAM_TAIL_CHARS * 2) text = text.slice(-STREAM_TAIL_CHARS);
      } else if (isJson && bytes <= MAX_JSON_BYTES) {
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
