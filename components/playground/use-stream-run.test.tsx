// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useRunView, useStreamRun } from "./use-stream-run";

const encoder = new TextEncoder();
const event = (data: unknown) =>
  encoder.encode(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
const chunk = (content: string, finish: string | null = null, usage?: object) => ({
  id: "c",
  model: "mistral-small-latest",
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  ...(usage ? { usage } : {}),
});

/** The upstream edge: fetch answers with a stream we feed by hand. */
function fakeStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let signal: AbortSignal | undefined;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
  });
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    signal = init?.signal ?? undefined;
    signal?.addEventListener("abort", () =>
      controller.error(new DOMException("aborted", "AbortError")),
    );
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return {
    fetchMock,
    send: (data: unknown) => controller.enqueue(event(data)),
    close: () => controller.close(),
    aborted: () => signal?.aborted ?? false,
  };
}

function setup() {
  return renderHook(() => {
    const run = useStreamRun();
    return { run, view: useRunView(run.store) };
  });
}

afterEach(() => vi.unstubAllGlobals());

describe("useStreamRun", () => {
  it("shows the answer as it streams and returns it whole with its metrics", async () => {
    const s = fakeStream();
    const { result } = setup();
    let done!: Promise<Awaited<ReturnType<typeof result.current.run.run>>>;
    act(() => {
      done = result.current.run.run("/v1/chat/completions", { model: "m", messages: [] }, "m");
    });
    expect(result.current.run.streaming).toBe(true);
    s.send(chunk("Hello"));
    await waitFor(() => expect(result.current.view.answer.content).toBe("Hello"));
    s.send(chunk(", world", "stop", { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 }));
    s.send("[DONE]");
    s.close();
    const out = await act(() => done);
    expect(out.error).toBeNull();
    expect(out.answer.content).toBe("Hello, world");
    expect(out.metrics).toMatchObject({
      model: "mistral-small-latest",
      finishReason: "stop",
      usage: { total_tokens: 5 },
    });
    expect(out.metrics.ttftMs).toBeGreaterThanOrEqual(0);
    expect(result.current.view.status).toBe("done");
    const body = JSON.parse(s.fetchMock.mock.calls[0][1]!.body as string);
    expect(body.stream).toBe(true);
  });

  it("Stop aborts the request and keeps what arrived", async () => {
    const s = fakeStream();
    const { result } = setup();
    let done!: Promise<Awaited<ReturnType<typeof result.current.run.run>>>;
    act(() => {
      done = result.current.run.run("/v1/chat/completions", {}, "m");
    });
    s.send(chunk("Partial answer"));
    await waitFor(() => expect(result.current.view.answer.content).toBe("Partial answer"));
    act(() => result.current.run.stop());
    const out = await act(() => done);
    expect(s.aborted()).toBe(true);
    expect(out.error?.kind).toBe("aborted");
    expect(out.answer.content).toBe("Partial answer");
    expect(out.metrics.partial).toBe(true);
    expect(result.current.view.status).toBe("stopped");
  });

  it("a stream cut before [DONE] is an interrupted error with the partial answer kept", async () => {
    const s = fakeStream();
    const { result } = setup();
    let done!: Promise<Awaited<ReturnType<typeof result.current.run.run>>>;
    act(() => {
      done = result.current.run.run("/v1/chat/completions", {}, "m");
    });
    s.send(chunk("Half"));
    s.close();
    const out = await act(() => done);
    expect(out.error?.kind).toBe("interrupted");
    expect(out.answer.content).toBe("Half");
    expect(result.current.view.status).toBe("error");
  });

  it("an HTTP error (429) arrives with its Retry-After", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify({ message: "Requests rate limit exceeded" }), {
            status: 429,
            headers: { "retry-after": "7", "content-type": "application/json" },
          }),
      ),
    );
    const { result } = setup();
    const out = await act(() => result.current.run.run("/v1/chat/completions", {}, "m"));
    expect(out.error?.status).toBe(429);
    expect(out.error?.retryAfter).toBe(7);
    expect(out.answer.content).toBe("");
  });
});
