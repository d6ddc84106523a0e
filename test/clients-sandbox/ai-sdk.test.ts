// ai 7 + @ai-sdk/mistral 4 with a console token against a console whose upstream is the embedded
// sandbox: text, a streamed tool round trip over several steps, a forced named tool, structured
// output, embeddings.
import { createMistral } from "@ai-sdk/mistral";
import {
  embed,
  embedMany,
  generateObject,
  generateText,
  Output,
  stepCountIs,
  streamText,
  tool,
} from "ai";
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

describe("ai + @ai-sdk/mistral against the sandbox console", () => {
  let c: SandboxConsole;
  let mistral: ReturnType<typeof createMistral>;

  beforeAll(async () => {
    c = await startSandboxConsole();
    mistral = createMistral({ apiKey: c.token, baseURL: `${c.url}/v1` });
  });
  afterAll(async () => c?.close());

  const weather = (asked: string[]) =>
    tool({
      description: "The weather in a city",
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => {
        asked.push(city);
        return { temp: 18 };
      },
    });

  it("generateText", async () => {
    const res = await generateText({ model: mistral(CHAT_MODEL), prompt: "Capital of France?" });
    expect(res.text.length).toBeGreaterThan(0);
    expect(res.finishReason).toBe("stop");
    expect(res.usage.totalTokens).toBeGreaterThan(0);
  });

  it("streamText with a tool round trip (stopWhen)", async () => {
    const asked: string[] = [];
    const res = streamText({
      model: mistral(CHAT_MODEL),
      prompt: "What is the weather in Paris?",
      tools: { get_weather: weather(asked) },
      stopWhen: stepCountIs(3),
    });
    const parts: string[] = [];
    for await (const part of res.fullStream) {
      if (part.type === "error") throw part.error;
      parts.push(part.type);
    }
    expect(asked).toHaveLength(1);
    expect(parts).toContain("tool-call");
    expect(parts).toContain("tool-result");
    const steps = await res.steps;
    expect(steps.length).toBeGreaterThanOrEqual(2);
    expect(steps[0].finishReason).toBe("tool-calls");
    expect(await res.finishReason).toBe("stop");
    expect((await res.text).length).toBeGreaterThan(0);
    expect((await res.totalUsage).totalTokens).toBeGreaterThan(0);
  });

  it("toolChoice for one named tool", async () => {
    const asked: string[] = [];
    const res = await generateText({
      model: mistral(CHAT_MODEL),
      prompt: "Tell me something.",
      tools: {
        get_weather: weather(asked),
        get_time: tool({
          description: "The time in a city",
          inputSchema: z.object({ city: z.string() }),
          execute: async () => ({ time: "12:00" }),
        }),
      },
      toolChoice: { type: "tool", toolName: "get_weather" },
    });
    expect(res.toolCalls.map((t) => t.toolName)).toEqual(["get_weather"]);
    expect(asked).toHaveLength(1);
    expect(typeof asked[0]).toBe("string");
  });

  it("generateObject", async () => {
    const res = await generateObject({
      model: mistral(CHAT_MODEL),
      schema: capital,
      prompt: "Capital of France with its population",
    });
    expect(capital.parse(res.object)).toEqual(res.object);
  });

  it("generateText with Output.object", async () => {
    const res = await generateText({
      model: mistral(CHAT_MODEL),
      output: Output.object({ schema: capital }),
      prompt: "Capital of France with its population",
    });
    expect(capital.parse(res.output)).toEqual(res.output);
  });

  it("embed and embedMany", async () => {
    const one = await embed({ model: mistral.embedding(EMBED_MODEL), value: "a" });
    expect(one.embedding).toHaveLength(EMBED_DIMENSIONS);
    const many = await embedMany({
      model: mistral.embedding(EMBED_MODEL),
      values: ["a", "b", "c"],
    });
    expect(many.embeddings).toHaveLength(3);
    for (const e of many.embeddings) expect(e).toHaveLength(EMBED_DIMENSIONS);
    expect(many.usage.tokens).toBeGreaterThan(0);
  });
});
