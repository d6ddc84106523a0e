// What the audit's observer (lib/server/auth/observe.ts) reports of a streamed answer as it passes
// through unchanged: the API's usage when the stream carries it, else the console's estimate of
// the completion, whether the stream was short (kept whole, read at the end) or long (counted as
// it went).
import { describe, expect, it } from "vitest";
import { countTokens } from "@/lib/mistral/tokens";
import { observeResponse, type Observed } from "@/lib/server/auth/observe";
import { Body } from "@/lib/server/body";

const enc = new TextEncoder();

function sse(words: string[], usage: boolean): string[] {
  const events = words.map(
    (w) =>
      `data: ${JSON.stringify({ model: "m", choices: [{ index: 0, delta: { content: w } }] })}\n\n`,
  );
  if (usage) {
    events.push(
      `data: ${JSON.stringify({ model: "m", choices: [], usage: { prompt_tokens: 3, completion_tokens: 7, total_tokens: 10 } })}\n\n`,
    );
  }
  return events;
}

async function observe(events: string[]): Promise<{ seen: Observed; passed: string }> {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < events.length) c.enqueue(enc.encode(events[i++]));
      else c.close();
    },
  });
  let seen: Observed | null = null;
  const response = observeResponse(
    { status: 200, headers: { "content-type": "text/event-stream" }, body: Body.fromWeb(body) },
    new AbortController().signal,
    async (o) => void (seen = o),
    async () => 5,
  );
  const passed = await response.body!.text();
  return { seen: seen!, passed };
}

describe("a streamed answer's usage", () => {
  it("is the API's own when the stream carries it, and the body passes unchanged", async () => {
    const events = sse(["Hello", " world"], true);
    const { seen, passed } = await observe(events);
    expect(passed).toBe(events.join(""));
    expect(seen.model).toBe("m");
    expect(seen.usage).toMatchObject({ promptTokens: 3, completionTokens: 7, totalTokens: 10 });
    expect(seen.usage?.source).toBeUndefined();
  });

  it.each([
    ["a short stream", 200],
    ["a long stream (past what is kept whole)", 40_000],
  ])("is estimated from what streamed for %s cut without usage", async (_, n) => {
    const words = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? " sea" : " wind"));
    const { seen } = await observe(sse(words, false));
    const completion = countTokens(words.join(""));
    expect(seen.usage).toMatchObject({
      promptTokens: 5,
      completionTokens: completion,
      totalTokens: 5 + completion,
      source: "console",
    });
  });
});
