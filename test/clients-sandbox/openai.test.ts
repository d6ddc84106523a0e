// openai 7 with a console token against a console whose upstream is the embedded sandbox: plain
// and streamed chat, tools with tool_choice "required", embeddings in the default base64 encoding.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHAT_MODEL,
  EMBED_DIMENSIONS,
  EMBED_MODEL,
  startSandboxConsole,
  type SandboxConsole,
} from "./console";

describe("openai against the sandbox console", () => {
  let c: SandboxConsole;
  let openai: OpenAI;

  beforeAll(async () => {
    c = await startSandboxConsole();
    openai = new OpenAI({ apiKey: c.token, baseURL: `${c.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => c?.close());

  const messages = [{ role: "user" as const, content: "Capital of France?" }];
  const tools = [
    {
      type: "function" as const,
      function: {
        name: "get_weather",
        description: "The weather in a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
        },
      },
    },
  ];

  it("chat.completions.create", async () => {
    const res = await openai.chat.completions.create({ model: CHAT_MODEL, messages });
    expect(res.choices[0].message.content?.length).toBeGreaterThan(0);
    expect(res.choices[0].finish_reason).toBe("stop");
    expect(res.usage?.total_tokens).toBeGreaterThan(0);
  });

  it("chat.completions.create streamed", async () => {
    const stream = await openai.chat.completions.create({
      model: CHAT_MODEL,
      messages,
      stream: true,
    });
    let text = "";
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe("stop");
  });

  it("tools: a call and the tool message sent back", async () => {
    const ask = [{ role: "user" as const, content: "What is the weather in Paris?" }];
    const first = await openai.chat.completions.create({ model: CHAT_MODEL, messages: ask, tools });
    const call = first.choices[0].message.tool_calls?.[0];
    if (call?.type !== "function") throw new Error("no function call");
    expect(call.function.name).toBe("get_weather");
    expect(typeof JSON.parse(call.function.arguments).city).toBe("string");
    const second = await openai.chat.completions.create({
      model: CHAT_MODEL,
      tools,
      messages: [
        ...ask,
        first.choices[0].message,
        { role: "tool", tool_call_id: call.id, content: '{"temp":18}' },
      ],
    });
    expect(second.choices[0].message.content?.length).toBeGreaterThan(0);
  });

  it('tool_choice "required"', async () => {
    const res = await openai.chat.completions.create({
      model: CHAT_MODEL,
      messages: [{ role: "user", content: "Tell me something." }],
      tool_choice: "required",
      tools,
    });
    expect(res.choices[0].finish_reason).toBe("tool_calls");
    const call = res.choices[0].message.tool_calls?.[0];
    if (call?.type !== "function") throw new Error("no function call");
    expect(call.function.name).toBe("get_weather");
    expect(typeof JSON.parse(call.function.arguments).city).toBe("string");
  });

  it("embeddings with the default (base64) encoding", async () => {
    const res = await openai.embeddings.create({ model: EMBED_MODEL, input: ["a", "b"] });
    expect(res.data).toHaveLength(2);
    for (const d of res.data) {
      expect(d.embedding).toHaveLength(EMBED_DIMENSIONS);
      expect(d.embedding.every((x) => Number.isFinite(x))).toBe(true);
    }
    expect(res.usage.prompt_tokens).toBeGreaterThan(0);
  });
});
