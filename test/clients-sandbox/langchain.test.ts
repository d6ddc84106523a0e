// @langchain/mistralai 1.2 (which bundles its own @mistralai/mistralai, pointed at the console by
// `serverURL`) with a console token against a console whose upstream is the embedded sandbox.
import { AIMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { ChatMistralAI, MistralAIEmbeddings } from "@langchain/mistralai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CHAT_MODEL,
  EMBED_DIMENSIONS,
  EMBED_MODEL,
  startSandboxConsole,
  type SandboxConsole,
} from "./console";

const capital = z.object({ city: z.string(), population: z.number() });

describe("@langchain/mistralai against the sandbox console", () => {
  let c: SandboxConsole;
  let chat: ChatMistralAI;

  beforeAll(async () => {
    c = await startSandboxConsole();
    chat = new ChatMistralAI({
      model: CHAT_MODEL,
      apiKey: c.token,
      serverURL: c.url,
      maxRetries: 0,
    });
  });
  afterAll(async () => c?.close());

  it("invoke", async () => {
    const res = await chat.invoke("Capital of France?");
    expect(String(res.content).length).toBeGreaterThan(0);
    expect(res.usage_metadata?.total_tokens).toBeGreaterThan(0);
  });

  it("stream", async () => {
    let text = "";
    let chunks = 0;
    for await (const chunk of await chat.stream("Capital of France?")) {
      text += String(chunk.content);
      chunks++;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(chunks).toBeGreaterThan(1);
  });

  it("bindTools with a ToolMessage round trip", async () => {
    const withTools = chat.bindTools([
      {
        name: "get_weather",
        description: "The weather in a city",
        schema: z.object({ city: z.string() }),
      },
    ]);
    const ask = new HumanMessage("What is the weather in Paris?");
    const first = await withTools.invoke([ask], { tool_choice: "any" });
    const call = first.tool_calls?.[0];
    expect(call?.name).toBe("get_weather");
    expect(typeof call?.args.city).toBe("string");
    const second = await withTools.invoke([
      ask,
      first as AIMessage,
      new ToolMessage({ tool_call_id: call!.id!, name: "get_weather", content: '{"temp":18}' }),
    ]);
    expect(String(second.content).length).toBeGreaterThan(0);
    expect(second.tool_calls ?? []).toEqual([]);
  });

  it("withStructuredOutput by function calling (the default)", async () => {
    const structured = chat.withStructuredOutput(capital, {
      name: "capital",
      method: "functionCalling",
    });
    const out = await structured.invoke("Capital of France with its population");
    expect(capital.parse(out)).toEqual(out);
  });

  it("withStructuredOutput in jsonMode (response_format json_object)", async () => {
    // json_object sends no schema: the sandbox answers some JSON object of its own (it does not
    // read a shape out of the prompt), so the schema here accepts any object.
    const anyObject = z.record(z.string(), z.unknown());
    const structured = chat.withStructuredOutput(anyObject, { method: "jsonMode" });
    const out = await structured.invoke("Capital of France with its population, as JSON");
    expect(Object.keys(out).length).toBeGreaterThan(0);
  });

  it("MistralAIEmbeddings", async () => {
    const embeddings = new MistralAIEmbeddings({
      model: EMBED_MODEL,
      apiKey: c.token,
      serverURL: c.url,
      maxRetries: 0,
    });
    expect(await embeddings.embedQuery("a")).toHaveLength(EMBED_DIMENSIONS);
    const docs = await embeddings.embedDocuments(["a", "b"]);
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(d).toHaveLength(EMBED_DIMENSIONS);
  });
});
