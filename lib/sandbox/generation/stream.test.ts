import { describe, expect, it } from "vitest";
import type { ChatCompletionRequest, FIMCompletionRequest } from "@/lib/mistral/seed-types";
import { tokenize } from "@/lib/mistral/tokens";
import { chatCompletion, fimCompletion } from ".";
import { collect, readEvents, testContext } from "./testing";

const ask = (
  content: string,
  extra: Partial<ChatCompletionRequest> = {},
): ChatCompletionRequest => ({
  model: "mistral-small-latest",
  messages: [{ role: "user", content }],
  ...extra,
});

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

describe("streamed chat", () => {
  it("follows the real event format: role chunk, one chunk per token, finish and usage, [DONE]", async () => {
    const res = await chatCompletion(
      ask("How do tides work?", { stream: true, random_seed: 7 }),
      testContext(),
    );
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const raw = await res.clone().text();
    expect(raw).toMatch(/^(data: [^\n]+\n\n)+$/);
    expect(raw.endsWith("data: [DONE]\n\n")).toBe(true);

    const streamed = collect(await readEvents(res));
    const [first, ...rest] = streamed.chunks as {
      id: string;
      object: string;
      created: number;
      choices: { delta: Record<string, unknown>; finish_reason: string | null }[];
    }[];
    expect(first.choices[0]).toEqual({
      index: 0,
      delta: { role: "assistant", content: "" },
      finish_reason: null,
    });
    expect(
      rest.every(
        (c) =>
          c.id === first.id && c.object === "chat.completion.chunk" && c.created === first.created,
      ),
    ).toBe(true);
    const tokens = rest.slice(0, -1);
    expect(tokens.map((c) => c.choices[0].delta.content)).toEqual(tokenize(streamed.content));
    expect(tokens.every((c) => c.choices[0].finish_reason === null && !("usage" in c))).toBe(true);
    expect(streamed.finishReason).toBe("stop");
    expect(streamed.usage).toMatchObject({ completion_tokens: tokens.length });
  });

  it("streams exactly what the plain answer holds, with the same usage", async () => {
    const cases: Partial<ChatCompletionRequest>[] = [
      { random_seed: 11 },
      { random_seed: 12, max_tokens: 9 },
      { random_seed: 13, stop: "." },
      { random_seed: 14, response_format: { type: "json_object" } },
      { temperature: 0, min_tokens: 120 },
    ];
    for (const extra of cases) {
      const body = ask("Compare trains and planes for a trip to Rome", extra);
      const plain = await (await chatCompletion(body, testContext())).json();
      const streamed = collect(
        await readEvents(await chatCompletion({ ...body, stream: true }, testContext())),
      );
      expect(streamed.content).toBe(plain.choices[0].message.content);
      expect(streamed.finishReason).toBe(plain.choices[0].finish_reason);
      expect(streamed.usage).toEqual(plain.usage);
    }
  });

  it("streams a tool call in the last chunk with finish_reason tool_calls", async () => {
    const tools = [
      {
        type: "function" as const,
        function: {
          name: "lookup_order",
          parameters: {
            type: "object",
            properties: { order_id: { type: "string" } },
            required: ["order_id"],
          },
        },
      },
    ];
    const body = ask("Where is my order?", { tools, tool_choice: "any", random_seed: 5 });
    const plain = await (await chatCompletion(body, testContext())).json();
    const streamed = collect(
      await readEvents(await chatCompletion({ ...body, stream: true }, testContext())),
    );
    expect(streamed.finishReason).toBe("tool_calls");
    expect(streamed.toolCalls).toEqual(plain.choices[0].message.tool_calls);
    expect(streamed.usage).toEqual(plain.usage);
  });

  it("paces tokens at tokensPerSecond", async () => {
    const tokensPerSecond = 200;
    const res = await chatCompletion(
      ask("Describe a forest", { stream: true, min_tokens: 60, max_tokens: 60 }),
      testContext({ tokensPerSecond }),
    );
    const events = await readEvents(res);
    const tokenEvents = events.slice(1, -2);
    expect(tokenEvents).toHaveLength(60);
    // The role chunk comes at once; the n-th token not before n / pace seconds (timers never fire early).
    expect(events[0].at).toBeLessThan(100);
    tokenEvents.forEach((e, i) =>
      expect(e.at).toBeGreaterThanOrEqual(((i + 1) * 1000) / tokensPerSecond - 5),
    );
    // ...and the whole answer does not lag far behind the pace either (slack for a loaded CI machine).
    expect(events[events.length - 1].at).toBeLessThan(((60 * 1000) / tokensPerSecond) * 2 + 300);
  });

  it("stops at once when the client goes away, counts one abort and leaves no timer", async () => {
    const client = new AbortController();
    const ctx = testContext({ signal: client.signal, tokensPerSecond: 4 });
    const baseline = timers();
    const res = await chatCompletion(ask("Tell me a long story", { stream: true }), ctx);
    const reader = res.body!.getReader();
    await reader.read(); // the role chunk
    expect(ctx.active).toBe(1);
    const pending = reader.read(); // waits 250 ms for the first token
    await new Promise((r) => setTimeout(r, 20));
    expect(timers()).toBe(baseline + 1);
    const abortedAt = performance.now();
    client.abort();
    expect((await pending).done).toBe(true);
    // Well before the next token was due (250 ms): the pending wait was cut short.
    expect(performance.now() - abortedAt).toBeLessThan(200);
    expect((await reader.read()).done).toBe(true);
    expect(ctx.aborts).toBe(1);
    expect(ctx.active).toBe(0);
    expect(timers()).toBe(baseline);
    client.abort(); // a second abort event changes nothing
    expect(ctx.aborts).toBe(1);
  });

  it("counts a reader that cancels as an abort, and a finished stream as none", async () => {
    const ctx = testContext();
    await readEvents(
      await chatCompletion(ask("Hi there", { stream: true, min_tokens: 50 }), ctx),
      5,
    );
    expect(ctx.aborts).toBe(1);
    expect(ctx.active).toBe(0);
    const client = new AbortController();
    const done = testContext({ signal: client.signal });
    collect(await readEvents(await chatCompletion(ask("Hi there", { stream: true }), done)));
    client.abort(); // the client leaving after [DONE] is not an abort
    expect(done.aborts).toBe(0);
    expect(done.starts).toBe(1);
    expect(done.active).toBe(0);
  });

  it("generates only as fast as the reader reads (backpressure)", async () => {
    const ctx = testContext({ tokensPerSecond: 1_000_000 });
    const res = await chatCompletion(ask("Hi", { stream: true, min_tokens: 200 }), ctx);
    await new Promise((r) => setTimeout(r, 50));
    // A pushing stream would have queued the whole answer by now and ended its generation.
    expect(ctx.active).toBe(1);
    const events = await readEvents(res);
    expect(events.length).toBeGreaterThan(200);
    expect(ctx.active).toBe(0);
  });
});

describe("streamed FIM", () => {
  it("streams the same middle as the plain answer, each chunk a valid CompletionChunk", async () => {
    const body: FIMCompletionRequest = {
      model: "codestral-latest",
      prompt: "def area(width, height):\n",
      suffix: "\n\nprint(area(2, 3))",
      random_seed: 3,
    };
    const plain = await (await fimCompletion(body, testContext())).json();
    const streamed = collect(
      await readEvents(await fimCompletion({ ...body, stream: true }, testContext())),
    );
    expect(streamed.content).toBe(plain.choices[0].message.content);
    expect(streamed.usage).toEqual(plain.usage);
  });
});
