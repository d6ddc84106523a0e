import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import {
  streamCompletion,
  streamConversation,
  streamTranscription,
  type ConversationEvent,
  type TranscriptionEvent,
} from "./stream";

/** The network edge: fetch answers with a body whose bytes we push by hand. */
function serve(status = 200, headers: Record<string, string> = {}) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const fetchMock = vi.fn(
    async (_url: string, init: RequestInit) =>
      new Response(body, {
        status,
        headers: { "content-type": "text/event-stream", ...headers },
        // Propagate the caller's abort like a real fetch does.
        ...(init.signal?.addEventListener("abort", () =>
          controller.error(new DOMException("aborted", "AbortError")),
        ),
        {}),
      }),
  );
  vi.stubGlobal("fetch", fetchMock);
  const enc = new TextEncoder();
  return {
    fetchMock,
    push: (data: string | Uint8Array) =>
      controller.enqueue(typeof data === "string" ? enc.encode(data) : data),
    close: () => controller.close(),
  };
}

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", model: "m", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

async function collect(gen: AsyncGenerator<{ choices: { delta: { content?: unknown } }[] }>) {
  const out: string[] = [];
  try {
    for await (const c of gen) out.push(String(c.choices[0].delta.content ?? ""));
  } catch (error) {
    return { out, error };
  }
  return { out, error: null };
}

afterEach(() => vi.unstubAllGlobals());

describe("streamCompletion", () => {
  it("yields chunks as they arrive, across arbitrary byte splits, and ends at [DONE]", async () => {
    const s = serve();
    const text = chunk("Hel") + chunk("lo ✓") + chunk("", "stop") + "data: [DONE]\n\n";
    const bytes = new TextEncoder().encode(text);
    const gen = streamCompletion("/v1/chat/completions", { model: "m", messages: [] });
    const result = collect(gen);
    // Split inside an event and inside the multi-byte ✓.
    const insideCheck = new TextEncoder().encode(text.slice(0, text.indexOf("✓"))).length + 1;
    s.push(bytes.slice(0, 10));
    s.push(bytes.slice(10, insideCheck));
    s.push(bytes.slice(insideCheck));
    s.close();
    expect(await result).toEqual({ out: ["Hel", "lo ✓", ""], error: null });
    const body = JSON.parse(s.fetchMock.mock.calls[0][1].body as string);
    expect(body.stream).toBe(true);
  });

  it("keeps what arrived and says the answer was cut off when the stream ends early", async () => {
    const s = serve();
    const result = collect(streamCompletion("/v1/chat/completions", {}));
    s.push(chunk("partial"));
    s.close();
    const { out, error } = await result;
    expect(out).toEqual(["partial"]);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("interrupted");
  });

  it("turns an error answer into an ApiError with its status", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ object: "error", message: "slow down" }), {
            status: 429,
            headers: { "retry-after": "3", "content-type": "application/json" },
          }),
      ),
    );
    const { error } = await collect(streamCompletion("/v1/chat/completions", {}));
    expect(error).toMatchObject({ status: 429, retryAfter: 3, message: "slow down" });
  });

  it("stops when the caller aborts", async () => {
    const s = serve();
    const ac = new AbortController();
    const result = collect(streamCompletion("/v1/fim/completions", {}, { signal: ac.signal }));
    s.push(chunk("a"));
    await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    const { out, error } = await result;
    expect(out).toEqual(["a"]);
    expect((error as ApiError).kind).toBe("aborted");
  });
});

describe("streamTranscription", () => {
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

  async function events(form = new FormData()) {
    const out: TranscriptionEvent[] = [];
    try {
      for await (const e of streamTranscription(form)) out.push(e);
    } catch (error) {
      return { out, error };
    }
    return { out, error: null };
  }

  it("sends the form with stream=true and yields today's events up to transcription.done", async () => {
    const s = serve();
    const form = new FormData();
    form.set("model", "voxtral-mini-latest");
    const result = events(form);
    s.push(event("transcription.language", { audio_language: "en" }));
    s.push(event("transcription.text.delta", { text: "Hello" }));
    s.push(event("transcription.segment", { text: "Hello", start: 0, end: 1.5 }));
    s.push(event("transcription.future_thing", { anything: 1 }));
    s.push(event("transcription.done", { model: "m", text: "Hello", language: "en", usage: {} }));
    s.close();
    const { out, error } = await result;
    expect(error).toBeNull();
    expect(out.map((e) => e.type)).toEqual([
      "transcription.language",
      "transcription.text.delta",
      "transcription.segment",
      "transcription.future_thing",
      "transcription.done",
    ]);
    const [url, init] = s.fetchMock.mock.calls[0];
    expect(url).toBe("/v1/audio/transcriptions");
    expect((init.body as FormData).get("stream")).toBe("true");
    expect((init.body as FormData).get("model")).toBe("voxtral-mini-latest");
  });

  it("says the transcript was cut off when the stream closes before transcription.done", async () => {
    const s = serve();
    const result = events();
    s.push(event("transcription.text.delta", { text: "Hel" }));
    s.close();
    const { out, error } = await result;
    expect(out).toHaveLength(1);
    expect((error as ApiError).kind).toBe("interrupted");
  });
});

describe("streamConversation", () => {
  const event = (type: string, data: object) =>
    `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

  async function events(path: string, body: object, signal?: AbortSignal) {
    const out: ConversationEvent[] = [];
    try {
      for await (const e of streamConversation(path, body, { signal })) out.push(e);
    } catch (error) {
      return { out, error };
    }
    return { out, error: null };
  }

  it("posts with stream: true and yields today's events up to conversation.response.done", async () => {
    const s = serve();
    const result = events("/v1/conversations/conv_1", { inputs: "hi" });
    s.push(event("conversation.response.started", { conversation_id: "conv_1" }));
    s.push(event("message.output.delta", { id: "msg_1", content: "Hel" }));
    s.push(event("message.output.delta", { id: "msg_1", content: "lo" }));
    s.push(event("conversation.response.done", { usage: { total_tokens: 3 } }));
    // Anything after the end is not read.
    s.push(event("message.output.delta", { id: "msg_1", content: "!" }));
    const { out, error } = await result;
    expect(error).toBeNull();
    expect(out.map((e) => e.type)).toEqual([
      "conversation.response.started",
      "message.output.delta",
      "message.output.delta",
      "conversation.response.done",
    ]);
    expect(s.fetchMock.mock.calls[0][0]).toBe("/v1/conversations/conv_1");
    expect(JSON.parse(s.fetchMock.mock.calls[0][1].body as string)).toEqual({
      inputs: "hi",
      stream: true,
    });
  });

  it("throws the error event's message, keeping what came before", async () => {
    const s = serve();
    const result = events("/v1/conversations", {});
    s.push(event("message.output.delta", { id: "msg_1", content: "Part" }));
    s.push(event("conversation.response.error", { message: "Tool failed", code: 500 }));
    const { out, error } = await result;
    expect(out).toHaveLength(1);
    expect(error).toMatchObject({ message: "Tool failed", kind: "interrupted" });
  });

  it("says the answer was cut off when the stream closes before the end, and stops on abort", async () => {
    const s = serve();
    const result = events("/v1/conversations", {});
    s.push(event("message.output.delta", { id: "msg_1", content: "Part" }));
    s.close();
    expect(await result).toMatchObject({
      out: [{ content: "Part" }],
      error: { kind: "interrupted" },
    });

    const t = serve();
    const ac = new AbortController();
    const stopped = events("/v1/conversations", {}, ac.signal);
    t.push(event("message.output.delta", { id: "msg_1", content: "a" }));
    await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    expect(await stopped).toMatchObject({ out: [{ content: "a" }], error: { kind: "aborted" } });
  });
});
