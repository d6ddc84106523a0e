import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import type { ChatCompletionRequest } from "@/lib/mistral/seed-types";
import { countTokens } from "@/lib/mistral/tokens";
import { agentsCompletion, chatCompletion, SAFETY_PROMPT, SANDBOX_AGENTS } from ".";
import { expectCompletionSchema, fineTunedModel, testContext } from "./testing";

type Body = Omit<ChatCompletionRequest, "model"> & { model?: string };
type Answer = {
  choices: {
    message: {
      content: string;
      tool_calls: { id: string; function: { name: string; arguments: string } }[] | null;
    };
    finish_reason: string;
  }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};

const user = (content: string) => ({ role: "user" as const, content });

async function chat(body: Body, ctx = testContext()) {
  const res = await chatCompletion(
    { model: "mistral-small-latest", ...body } as ChatCompletionRequest,
    ctx,
  );
  const json = await res.json();
  if (res.status === 200) expectCompletionSchema("ChatCompletionResponse", json);
  return {
    status: res.status,
    json,
    answer: json as Answer,
    content: (json as Answer).choices?.[0].message.content,
  };
}

const WEATHER = {
  type: "function" as const,
  function: {
    name: "get_current_weather",
    description: "Get the current weather in a given location",
    parameters: {
      type: "object",
      properties: {
        location: { type: "string", description: "The city, e.g. Paris" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
        days: { type: "integer", minimum: 1, maximum: 7 },
      },
      required: ["location", "unit"],
      additionalProperties: false,
    },
  },
};
const STOCK = {
  type: "function" as const,
  function: {
    name: "get_stock_price",
    description: "Latest price of a stock",
    parameters: {
      type: "object",
      properties: {
        ticker: { type: "string", pattern: "^[A-Z]+$" },
        exchange: { type: "string", enum: ["NYSE", "NASDAQ"] },
      },
      required: ["ticker"],
    },
  },
};

describe("chat completions", () => {
  it("answers a question with a sandbox reply that refers to it", async () => {
    const { answer, content, json } = await chat({
      messages: [user("What is the capital of Australia?")],
    });
    expect(content).toMatch(/^\[sandbox\]/);
    expect(content.toLowerCase()).toContain("australia");
    expect(json).toMatchObject({ object: "chat.completion", model: "mistral-small-latest" });
    expect(json.id).toMatch(/^cmpl-[0-9a-f]{32}$/);
    expect(answer.choices[0]).toMatchObject({
      index: 0,
      finish_reason: "stop",
      message: { role: "assistant", tool_calls: null, prefix: false },
    });
    expect(answer.usage.prompt_tokens).toBe(countTokens("What is the capital of Australia?"));
    expect(answer.usage.completion_tokens).toBe(countTokens(content));
    expect(answer.usage.total_tokens).toBe(
      answer.usage.prompt_tokens + answer.usage.completion_tokens,
    );
    // "A few dozen to a couple of hundred tokens" by default.
    expect(answer.usage.completion_tokens).toBeGreaterThan(20);
    expect(answer.usage.completion_tokens).toBeLessThan(400);
  });

  it("answers a request for code with a fenced code block in the asked language", async () => {
    const { content } = await chat({
      messages: [user("Write a TypeScript function that parses invoices")],
    });
    expect(content).toMatch(/```typescript\n[\s\S]*invoices[\s\S]*\n```/);
  });

  it("answers a request for a list with a Markdown list", async () => {
    const { content } = await chat({ messages: [user("List some ideas for a team offsite")] });
    expect(content).toMatch(/^1\. .*\n2\. /m);
  });

  it("is deterministic for a given input and random_seed, and varies with the seed", async () => {
    const messages = [user("Tell me about the history of Lyon")];
    const a = await chat({ messages, random_seed: 42 });
    const b = await chat({ messages, random_seed: 42 });
    expect(b.content).toBe(a.content);
    const others = await Promise.all(
      [1, 2, 3, 4, 5].map((s) => chat({ messages, random_seed: s })),
    );
    expect(new Set([a.content, ...others.map((o) => o.content)]).size).toBeGreaterThan(1);
  });

  it("varies without a seed, and temperature 0 answers alike every time", async () => {
    const messages = [user("Tell me about the history of Lyon")];
    const free = await Promise.all(Array.from({ length: 6 }, () => chat({ messages })));
    expect(new Set(free.map((f) => f.content)).size).toBeGreaterThan(1);
    const greedy = await Promise.all(
      Array.from({ length: 4 }, () => chat({ messages, temperature: 0 })),
    );
    expect(new Set(greedy.map((g) => g.content)).size).toBe(1);
  });

  it("stops at max_tokens with finish_reason length", async () => {
    const { answer, content } = await chat({
      messages: [user("Explain photosynthesis")],
      max_tokens: 7,
      random_seed: 1,
    });
    expect(answer.choices[0].finish_reason).toBe("length");
    expect(answer.usage.completion_tokens).toBe(7);
    expect(countTokens(content)).toBe(7);
    const full = await chat({ messages: [user("Explain photosynthesis")], random_seed: 1 });
    expect(full.content.startsWith(content)).toBe(true);
  });

  it("writes long text up to max_tokens when asked for it", async () => {
    const { answer } = await chat({
      messages: [user("Write a long, detailed essay about rivers")],
      max_tokens: 900,
    });
    expect(answer.choices[0].finish_reason).toBe("length");
    expect(answer.usage.completion_tokens).toBe(900);
  });

  it("writes at least min_tokens", async () => {
    const { answer } = await chat({ messages: [user("Hi")], min_tokens: 500 });
    expect(answer.usage.completion_tokens).toBeGreaterThanOrEqual(500);
    expect(answer.choices[0].finish_reason).toBe("stop");
  });

  it("cuts before a stop sequence, given as a string or a list", async () => {
    const messages = [user("Describe the moon")];
    const full = await chat({ messages, random_seed: 3 });
    const word = "moon";
    const at = full.content.indexOf(word);
    expect(at).toBeGreaterThan(0);
    const one = await chat({ messages, random_seed: 3, stop: word });
    expect(one.content).toBe(full.content.slice(0, at));
    expect(one.answer.choices[0].finish_reason).toBe("stop");
    const list = await chat({
      messages,
      random_seed: 3,
      stop: ["no such text", "[sandbox]", word],
    });
    // "[sandbox]" opens the text, so the answer is cut before anything was written.
    expect(list.content).toBe("");
    expect(list.answer.usage.completion_tokens).toBe(0);
  });

  it("ignores stop sequences inside the first min_tokens tokens", async () => {
    const { content } = await chat({
      messages: [user("Describe the moon")],
      stop: "[sandbox]",
      min_tokens: 3,
    });
    expect(content.startsWith("[sandbox]")).toBe(true);
  });

  it("answers valid JSON in json_object mode", async () => {
    for (const seed of [1, 2, 3]) {
      const { content, answer } = await chat({
        messages: [user("Give me the three largest cities of Japan as JSON")],
        response_format: { type: "json_object" },
        random_seed: seed,
        min_tokens: seed * 40,
      });
      expect(answer.usage.completion_tokens).toBeGreaterThanOrEqual(seed * 40);
      const parsed = JSON.parse(content);
      expect(parsed).toMatchObject({ sandbox: true });
      expect(JSON.stringify(parsed).toLowerCase()).toContain("japan");
    }
  });

  it("starts the answer with an assistant prefix", async () => {
    const prefix = "Bien sûr ! Voici";
    const { content, answer } = await chat({
      messages: [
        user("Translate 'good morning' into French"),
        { role: "assistant", content: prefix, prefix: true },
      ],
    });
    expect(content.startsWith(prefix)).toBe(true);
    expect(content.length).toBeGreaterThan(prefix.length);
    expect(answer.usage.completion_tokens).toBe(countTokens(content.slice(prefix.length)));
  });

  it("counts the safety prompt that safe_prompt adds as prompt tokens", async () => {
    const messages = [user("Tell me a joke")];
    const plain = await chat({ messages });
    const safe = await chat({ messages, safe_prompt: true });
    expect(safe.answer.usage.prompt_tokens).toBe(
      plain.answer.usage.prompt_tokens + countTokens(SAFETY_PROMPT),
    );
  });

  it("reads user content given as text chunks", async () => {
    const { content, answer } = await chat({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Summarise the plot of " },
            { type: "text", text: "Hamlet" },
          ],
        },
      ],
    });
    expect(content).toContain("Summarise the plot of Hamlet");
    expect(answer.usage.prompt_tokens).toBe(countTokens("Summarise the plot of Hamlet"));
  });

  it("reflects the system message", async () => {
    const { content } = await chat({
      messages: [
        { role: "system", content: "You are a pirate who answers in rhymes" },
        user("How do ships float?"),
      ],
    });
    expect(content).toContain("You are a pirate");
  });
});

describe("function calling", () => {
  const ajv = new Ajv2020({ strict: false });

  it("tool_choice any: calls a tool with arguments valid against its parameter schema", async () => {
    for (const random_seed of [1, 2, 3, 4, 5, 6]) {
      const { answer, content } = await chat({
        messages: [user("Hello there")],
        tools: [WEATHER, STOCK],
        tool_choice: "any",
        random_seed,
      });
      const choice = answer.choices[0];
      expect(choice.finish_reason).toBe("tool_calls");
      expect(content).toBe("");
      const [call] = choice.message.tool_calls!;
      expect(call.id).toMatch(/^[A-Za-z0-9]{9}$/);
      const tool = [WEATHER, STOCK].find((t) => t.function.name === call.function.name)!;
      const validate = ajv.compile(tool.function.parameters);
      const args = JSON.parse(call.function.arguments);
      expect(validate(args), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("tool_choice any: picks the tool the message is about, with its values", async () => {
    const { answer } = await chat({
      messages: [user("How warm is the weather in Marseille today, in celsius?")],
      tools: [STOCK, WEATHER],
      tool_choice: "any",
    });
    const call = answer.choices[0].message.tool_calls![0];
    expect(call.function.name).toBe("get_current_weather");
    expect(JSON.parse(call.function.arguments)).toMatchObject({
      location: "Marseille",
      unit: "celsius",
    });
    expect(answer.usage.completion_tokens).toBeGreaterThan(0);
  });

  it("tool_choice auto: calls a tool only when the message asks for one", async () => {
    const asks = await chat({
      messages: [user("What's the weather like in Oslo?")],
      tools: [WEATHER],
    });
    expect(asks.answer.choices[0].finish_reason).toBe("tool_calls");
    const chats = await chat({
      messages: [user("Write a haiku about autumn leaves")],
      tools: [WEATHER],
    });
    expect(chats.answer.choices[0].finish_reason).toBe("stop");
    expect(chats.answer.choices[0].message.tool_calls).toBeNull();
  });

  it("tool_choice none: answers with text even when a tool fits", async () => {
    const { answer, content } = await chat({
      messages: [user("What's the weather like in Oslo?")],
      tools: [WEATHER],
      tool_choice: "none",
    });
    expect(answer.choices[0].finish_reason).toBe("stop");
    expect(answer.choices[0].message.tool_calls).toBeNull();
    expect(content).toContain("Oslo");
  });

  it("answers with the tool's result after a tool message", async () => {
    const first = await chat({
      messages: [user("What's the weather like in Oslo?")],
      tools: [WEATHER],
      tool_choice: "any",
    });
    const call = first.answer.choices[0].message.tool_calls![0];
    const { answer, content } = await chat({
      tools: [WEATHER],
      messages: [
        user("What's the weather like in Oslo?"),
        { role: "assistant", content: "", tool_calls: [call] },
        {
          role: "tool",
          name: call.function.name,
          tool_call_id: call.id,
          content: JSON.stringify({ temperature: 14, sky: "drizzle" }),
        },
      ],
    });
    expect(answer.choices[0].finish_reason).toBe("stop");
    expect(content).toContain("get_current_weather");
    expect(content).toContain("14");
    expect(content).toContain("drizzle");
  });

  it("honours max_tokens over a tool call: the raw call is cut, finish_reason length", async () => {
    const { answer } = await chat({
      messages: [user("weather in Oslo")],
      tools: [WEATHER],
      tool_choice: "any",
      max_tokens: 5,
    });
    expect(answer.choices[0].finish_reason).toBe("length");
    expect(answer.choices[0].message.tool_calls).toBeNull();
    expect(answer.usage.completion_tokens).toBe(5);
  });

  it("refuses tools for a model without function calling", async () => {
    const { status, json } = await chat({
      model: "open-mistral-7b",
      messages: [user("weather in Oslo")],
      tools: [WEATHER],
    });
    expect(status).toBe(400);
    expect(json.message).toMatch(/Function calling is not enabled/);
  });
});

describe("conversation rules and models", () => {
  const refused = async (body: Body, status: number, message: RegExp | string) => {
    const { status: got, json } = await chat(body);
    expect(got).toBe(status);
    expect(json).toMatchObject({ object: "error", type: expect.any(String), param: null });
    expect(json.message).toMatch(message);
  };

  it("refuses a conversation that does not end with a user or tool message or a prefix", async () => {
    const { json } = await chat({
      messages: [user("Hi"), { role: "assistant", content: "Hello!" }],
    });
    expect(json).toMatchObject({ type: "invalid_request_message_order", code: "3230" });
    await refused(
      { messages: [user("Hi"), { role: "assistant", content: "Hello!" }] },
      400,
      "Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant",
    );
    await refused(
      { messages: [user("Hi"), { role: "system", content: "Be brief" }] },
      400,
      /but got system/,
    );
    await refused({ messages: [] }, 400, "Conversation must have at least one message");
  });

  it("refuses a tool message that does not answer a tool call", async () => {
    await refused(
      { messages: [user("Hi"), { role: "tool", content: "42" }] },
      400,
      "Unexpected role 'tool' after role 'user'",
    );
    await refused(
      {
        messages: [
          user("Hi"),
          { role: "assistant", content: "Hello" },
          { role: "tool", content: "42" },
        ],
      },
      400,
      /must follow an assistant message with tool_calls/,
    );
    const call = {
      id: "abcDEF123",
      type: "function" as const,
      function: { name: "f", arguments: "{}" },
    };
    await refused(
      {
        messages: [
          user("Hi"),
          { role: "assistant", content: "", tool_calls: [call] },
          { role: "tool", tool_call_id: "zzzzzzzzz", content: "42" },
        ],
      },
      400,
      /zzzzzzzzz/,
    );
  });

  it("refuses a prefix that is not the last message", async () => {
    await refused(
      {
        messages: [user("Hi"), { role: "assistant", content: "Hel", prefix: true }, user("Go on")],
      },
      400,
      /prefix True must be the last message/,
    );
  });

  it("refuses unknown models and models that cannot chat", async () => {
    await refused(
      { model: "mistral-gigantic", messages: [user("Hi")] },
      400,
      "Invalid model: mistral-gigantic",
    );
    await refused({ model: "mistral-embed", messages: [user("Hi")] }, 400, /does not support chat/);
  });

  it("serves a fine-tuned model until it is deleted", async () => {
    const ctx = testContext();
    const ft = fineTunedModel("open-mistral-7b");
    const ok = await chat({ model: ft.id, messages: [user("Hi")] }, ctx);
    expect(ok.status).toBe(200);
    expect(ok.json.model).toBe(ft.id);
    ctx.models.delete(ft.id);
    const gone = await chat({ model: ft.id, messages: [user("Hi")] }, ctx);
    expect(gone.status).toBe(400);
    expect(gone.json.message).toBe(`Invalid model: ${ft.id}`);
  });

  it("refuses min_tokens above max_tokens, and prompts beyond the context length", async () => {
    await refused({ messages: [user("Hi")], min_tokens: 10, max_tokens: 5 }, 400, /min_tokens/);
    await refused(
      { model: "open-mistral-7b", messages: [user("word ".repeat(40_000))] },
      400,
      /too large for model with 32768 maximum context length/,
    );
  });

  it("counts every request as one generation, and refusals as none", async () => {
    const ctx = testContext();
    await chat({ messages: [user("Hi")] }, ctx);
    await chat({ model: "nope", messages: [user("Hi")] }, ctx);
    expect(ctx.starts).toBe(1);
    expect(ctx.active).toBe(0);
  });
});

describe("agents", () => {
  const agent = (id: string, content: string, extra: object = {}) =>
    agentsCompletion({ agent_id: id, messages: [user(content)], ...extra }, testContext());

  it("answers as the agent, with its model", async () => {
    const [general, code, jsonAgent] = SANDBOX_AGENTS;
    const res = await agent(general.id, "What is a fjord?");
    const body = await res.json();
    expectCompletionSchema("ChatCompletionResponse", body);
    expect(body.model).toBe(general.model);
    expect(body.choices[0].message.content).toContain(general.name);
    expect(body.choices[0].message.content.toLowerCase()).toContain("fjord");

    const codeBody = await (await agent(code.id, "Sort these numbers")).json();
    expect(codeBody.choices[0].message.content).toMatch(/```\w+\n/);
    const jsonBody = await (await agent(jsonAgent.id, "Extract the names: Alice met Bob")).json();
    expect(JSON.parse(jsonBody.choices[0].message.content)).toMatchObject({ sandbox: true });
  });

  it("refuses an unknown agent_id", async () => {
    const res = await agent("ag:nobody:20240801:none:00000000", "Hi");
    expect(res.status).toBe(404);
    expect((await res.json()).message).toMatch(/Agent not found/);
  });

  it("applies the conversation rules", async () => {
    const res = await agentsCompletion(
      {
        agent_id: SANDBOX_AGENTS[0].id,
        messages: [user("Hi"), { role: "assistant", content: "Hello" }],
      },
      testContext(),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/Expected last role User or Tool/);
  });
});
