// The AI SDK (`ai` 7 with `@ai-sdk/mistral` 4) with a console token as its apiKey and the
// console's /v1 as its baseURL, against a fake answering in today's shapes. The AI SDK validates
// each Mistral answer with its own zod schemas and tool inputs and objects with the caller's.
import { createMistral } from "@ai-sdk/mistral";
import { embed, embedMany, generateObject, generateText, Output, streamText, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { audited, startConsole, type ClientConsole } from "./console";
import { ANSWER, EMBEDDING, MODEL } from "./today-upstream";

describe("ai + @ai-sdk/mistral through the console", () => {
  let c: ClientConsole;
  let mistral: ReturnType<typeof createMistral>;

  beforeAll(async () => {
    c = await startConsole();
    mistral = createMistral({ apiKey: c.token, baseURL: `${c.url}/v1` });
  });
  afterAll(async () => c?.close());

  it("generateText", async () => {
    const mark = await c.mark();
    const res = await generateText({ model: mistral(MODEL), prompt: "Capital of France?" });
    expect(res.text).toBe(ANSWER);
    expect(res.usage.totalTokens).toBe(20);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("streamText with a tool", async () => {
    const mark = await c.mark();
    const asked: string[] = [];
    const res = streamText({
      model: mistral(MODEL),
      prompt: "Weather in Paris?",
      tools: {
        get_weather: tool({
          description: "The weather in a city",
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => {
            asked.push(city);
            return { temp: 18 };
          },
        }),
      },
    });
    const parts: string[] = [];
    for await (const part of res.fullStream) {
      if (part.type === "error") throw part.error;
      parts.push(part.type);
    }
    expect(asked).toEqual(["Paris"]);
    expect(parts).toContain("tool-call");
    expect(parts).toContain("tool-result");
    expect(await res.finishReason).toBe("tool-calls");
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    const sent = JSON.parse(c.g.fake!.received.at(-1)!.body.toString());
    expect(sent.stream).toBe(true);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  // Deprecated in ai 7 (it warns once) but still shipped and used.
  it("generateObject", async () => {
    const mark = await c.mark();
    const res = await generateObject({
      model: mistral(MODEL),
      schema: z.object({ city: z.string(), population: z.number() }),
      prompt: "Capital of France with its population",
    });
    expect(res.object).toEqual({ city: "Paris", population: 1 });
    // @ai-sdk/mistral asks for the schema itself (structured outputs), not bare JSON mode.
    const sent = JSON.parse(c.g.fake!.received.at(-1)!.body.toString());
    expect(sent.response_format.type).toBe("json_schema");
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("generateText with an object output (what ai 7 has instead of generateObject)", async () => {
    const mark = await c.mark();
    const res = await generateText({
      model: mistral(MODEL),
      output: Output.object({ schema: z.object({ city: z.string(), population: z.number() }) }),
      prompt: "Capital of France with its population",
    });
    expect(res.output).toEqual({ city: "Paris", population: 1 });
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("embed and embedMany", async () => {
    const mark = await c.mark();
    const one = await embed({ model: mistral.embedding("mistral-embed"), value: "a" });
    expect(one.embedding).toEqual(EMBEDDING);
    const many = await embedMany({
      model: mistral.embedding("mistral-embed"),
      values: ["a", "b", "c"],
    });
    expect(many.embeddings).toEqual([EMBEDDING, EMBEDDING, EMBEDDING]);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/embeddings", "POST /v1/embeddings"]);
    expect(seen.audited).toEqual(audited("embeddings", "embeddings"));
  });
});
