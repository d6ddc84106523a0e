// LangChain's Mistral integration (@langchain/mistralai 1.2, which calls the API through its own
// copy of @mistralai/mistralai, 2.2.1) with a console token, against a fake answering in today's
// shapes: chat, streaming, tools, structured output (its default: a forced tool call) and
// embeddings.
import { ChatMistralAI, MistralAIEmbeddings } from "@langchain/mistralai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { audited, startConsole, type ClientConsole } from "./console";
import { ANSWER, EMBEDDING, MODEL } from "./today-upstream";

describe("@langchain/mistralai through the console", () => {
  let c: ClientConsole;
  let chat: ChatMistralAI;

  beforeAll(async () => {
    c = await startConsole();
    chat = new ChatMistralAI({ model: MODEL, apiKey: c.token, serverURL: c.url, maxRetries: 0 });
  });
  afterAll(async () => c?.close());

  it("invoke", async () => {
    const mark = await c.mark();
    const res = await chat.invoke("Capital of France?");
    expect(res.content).toBe(ANSWER);
    expect(res.usage_metadata?.total_tokens).toBe(20);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("stream", async () => {
    const mark = await c.mark();
    let text = "";
    for await (const chunk of await chat.stream("Capital of France?")) text += chunk.content;
    expect(text).toBe(ANSWER);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("bindTools", async () => {
    const mark = await c.mark();
    const withTools = chat.bindTools([
      {
        name: "get_weather",
        description: "The weather in a city",
        schema: z.object({ city: z.string() }),
      },
    ]);
    const res = await withTools.invoke("Weather in Paris?");
    expect(res.tool_calls?.map((t) => [t.name, t.args])).toEqual([
      ["get_weather", { city: "Paris" }],
    ]);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("withStructuredOutput", async () => {
    const mark = await c.mark();
    const structured = chat.withStructuredOutput(
      z.object({ city: z.string(), population: z.number() }),
      { name: "capital" },
    );
    expect(await structured.invoke("Capital of France with its population")).toEqual({
      city: "Paris",
      population: 1,
    });
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("MistralAIEmbeddings", async () => {
    const mark = await c.mark();
    const embeddings = new MistralAIEmbeddings({
      model: "mistral-embed",
      apiKey: c.token,
      serverURL: c.url,
      maxRetries: 0,
    });
    expect(await embeddings.embedQuery("a")).toEqual(EMBEDDING);
    expect(await embeddings.embedDocuments(["a", "b"])).toEqual([EMBEDDING, EMBEDDING]);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/embeddings", "POST /v1/embeddings"]);
    expect(seen.audited).toEqual(audited("embeddings", "embeddings"));
  });
});
