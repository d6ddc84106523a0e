// Reads a completion stream (server-sent events) from the gateway as typed chunks.
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { CompletionChunk } from "@/lib/mistral/types";
import { ApiError, readError, toApiError } from "./errors";

export type StreamPath = "/v1/chat/completions" | "/v1/fim/completions" | "/v1/agents/completions";

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
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ ...body, stream: true }),
      signal,
    });
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await readError(response);
  if (!response.body) throw new ApiError("The server sent an empty answer.", { status: 502 });

  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  try {
    while (true) {
      let next: ReadableStreamReadResult<{ data: string }>;
      try {
        next = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw toApiError(error);
        throw new ApiError("The connection closed before the answer was complete.", {
          kind: "interrupted",
        });
      }
      if (next.done) {
        throw new ApiError("The connection closed before the answer was complete.", {
          kind: "interrupted",
        });
      }
      const data = next.value.data;
      if (data === "[DONE]") return;
      let chunk: unknown;
      try {
        chunk = JSON.parse(data);
      } catch {
        throw new ApiError("The server sent an unreadable event.", { status: 502 });
      }
      if (chunk && typeof chunk === "object" && "object" in chunk && chunk.object === "error") {
        const message = (chunk as { message?: unknown }).message;
        throw new ApiError(typeof message === "string" ? message : "The stream failed.", {
          kind: "interrupted",
        });
      }
      yield chunk as CompletionChunk;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
