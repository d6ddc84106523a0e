// Reads server-sent event streams from the gateway: completion chunks, conversation events and
// transcription events.
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { components } from "@/lib/mistral/schema.gen";
import type { CompletionChunk } from "@/lib/mistral/types";
import { ApiError, readError, toApiError } from "./errors";

export type StreamPath = "/v1/chat/completions" | "/v1/fim/completions" | "/v1/agents/completions";

const cutOff = () =>
  new ApiError("The connection closed before the answer was complete.", { kind: "interrupted" });

/**
 * Sends the request and yields each event's parsed JSON data as it arrives (`[DONE]` as the
 * string itself). An error answer throws its ApiError; an `{"object":"error"}` event throws one
 * of kind "interrupted"; a stream that closes ends the generator (callers decide whether that was
 * the end). A broken connection throws "interrupted", so the caller keeps what arrived.
 */
async function* readEvents(
  path: string,
  init: RequestInit,
  signal?: AbortSignal,
): AsyncGenerator<{ event?: string; data: unknown }> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, signal });
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await readError(response);
  if (!response.body) throw new ApiError("The server sent an empty answer.", { status: 502 });

  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  try {
    while (true) {
      let next: ReadableStreamReadResult<{ event?: string; data: string }>;
      try {
        next = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw toApiError(error);
        throw cutOff();
      }
      if (next.done) return;
      const { event, data: raw } = next.value;
      if (raw === "[DONE]") {
        yield { event, data: raw };
        continue;
      }
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch {
        throw new ApiError("The server sent an unreadable event.", { status: 502 });
      }
      if (data && typeof data === "object" && "object" in data && data.object === "error") {
        const message = (data as { message?: unknown }).message;
        throw new ApiError(typeof message === "string" ? message : "The stream failed.", {
          kind: "interrupted",
        });
      }
      yield { event, data };
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * POSTs `body` with `stream: true` and yields each chunk as it arrives.
 * Ends normally at `data: [DONE]`; a stream that closes before it throws an ApiError of kind
 * "interrupted", so the caller keeps what it already received and can say so.
 */
export async function* streamCompletion(
  path: StreamPath,
  body: object,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<CompletionChunk> {
  const events = readEvents(
    path,
    {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ ...body, stream: true }),
    },
    signal,
  );
  for await (const { data } of events) {
    if (data === "[DONE]") return;
    yield data as CompletionChunk;
  }
  throw cutOff();
}

/** One event of a streamed conversation (today's ConversationEvents), by its `type`. */
export type ConversationEvent = components["schemas"]["ConversationEvents"]["data"];

/**
 * POSTs a conversation request (start `/v1/conversations`, append `/v1/conversations/{id}`,
 * restart `…/{id}/restart`) with `stream: true` and yields its events. The stream ends after
 * `conversation.response.done`; a `conversation.response.error` event throws its message, and a
 * stream that closes before the end throws "interrupted", so the caller keeps what arrived.
 */
export async function* streamConversation(
  path: string,
  body: object,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<ConversationEvent> {
  const events = readEvents(
    path,
    {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ ...body, stream: true }),
    },
    signal,
  );
  for await (const { event, data } of events) {
    if (!data || typeof data !== "object") continue;
    // Today's events carry their type in the data too; the SSE event name is the fallback.
    const typed = { type: event, ...data } as ConversationEvent;
    if (typed.type === "conversation.response.error") {
      throw new ApiError(typed.message || "The conversation failed.", { kind: "interrupted" });
    }
    yield typed;
    if (typed.type === "conversation.response.done") return;
  }
  throw cutOff();
}

/** One event of a streamed transcription (today's TranscriptionStreamEvents), by its `type`. */
export type TranscriptionEvent =
  | { type: "transcription.language"; audio_language: string }
  | { type: "transcription.text.delta"; text: string }
  | {
      type: "transcription.segment";
      text: string;
      start: number;
      end: number;
      speaker_id?: string | null;
    }
  | ({ type: "transcription.done" } & Record<string, unknown>);

/**
 * POSTs a multipart transcription request with `stream=true` and yields its events. The stream
 * ends after `transcription.done`; closing before it throws an "interrupted" ApiError. Events of
 * a type this console does not know are passed on for the caller to ignore.
 */
export async function* streamTranscription(
  form: FormData,
  { signal }: { signal?: AbortSignal } = {},
): AsyncGenerator<TranscriptionEvent> {
  form.set("stream", "true");
  const events = readEvents(
    "/v1/audio/transcriptions",
    { method: "POST", headers: { accept: "text/event-stream" }, body: form },
    signal,
  );
  for await (const { event, data } of events) {
    if (!data || typeof data !== "object") continue;
    const typed = { type: event, ...data } as TranscriptionEvent;
    yield typed;
    if (typed.type === "transcription.done") return;
  }
  throw cutOff();
}
