import { describe, expect, it } from "vitest";
import { cosineSimilarity, similarityMatrix } from "./cosine";
import { endMeter, markToken, startMeter, timeToFirstToken, tokensPerSecond } from "./metrics";
import {
  buildChatRequest,
  buildFimRequest,
  parseStopSequence,
  showStopSequence,
  toolIssue,
} from "./request";
import { DEFAULT_PARAMS, type ChatMessage, type ChatSettings } from "./types";

const settings: ChatSettings = {
  mode: "model",
  model: "open-mistral-nemo",
  agentId: "ag:x",
  params: { ...DEFAULT_PARAMS },
  tools: [],
  toolChoice: "auto",
};
const messages: ChatMessage[] = [
  { id: "1", role: "user", content: "Hi" },
  { id: "2", role: "assistant", content: "Sure:", prefix: true },
];

describe("request building", () => {
  it("sends the spec's defaults and only the parameters the user set", () => {
    const { path, body } = buildChatRequest({ system: "", messages, settings });
    expect(path).toBe("/v1/chat/completions");
    expect(body).toEqual({
      model: "open-mistral-nemo",
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Sure:", prefix: true },
      ],
      temperature: 0.7,
      top_p: 1,
    });
  });

  it("adds the system prompt, limits, stop, seed, safe prompt, JSON mode and tools", () => {
    const { body } = buildChatRequest({
      system: "Be brief.",
      messages: messages.slice(0, 1),
      settings: {
        ...settings,
        params: {
          temperature: 0,
          topP: 0.5,
          maxTokens: 10,
          minTokens: 2,
          stop: ["\n"],
          randomSeed: 0,
          safePrompt: true,
          jsonMode: true,
        },
        tools: [{ id: "t", name: "f", description: "", parameters: '{"type":"object"}' }],
        toolChoice: "any",
      },
    });
    expect(body).toMatchObject({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
      ],
      temperature: 0,
      top_p: 0.5,
      max_tokens: 10,
      stop: ["\n"],
      random_seed: 0,
      safe_prompt: true,
      response_format: { type: "json_object" },
      tools: [
        {
          type: "function",
          function: { name: "f", description: "", parameters: { type: "object" } },
        },
      ],
      tool_choice: "any",
    });
  });

  it("never sends min_tokens on chat, which today's API refuses (FIM takes it)", () => {
    const params = { ...settings.params, minTokens: 5 };
    const { body } = buildChatRequest({ system: "", messages, settings: { ...settings, params } });
    expect(body).not.toHaveProperty("min_tokens");
    const fim = buildFimRequest({ model: "codestral-latest", prompt: "a", suffix: "", params });
    expect(fim.body).toMatchObject({ min_tokens: 5 });
  });

  it("tool messages carry their call id and function name", () => {
    const { body } = buildChatRequest({
      system: "",
      messages: [{ id: "t", role: "tool", content: "18", toolCallId: "abc", name: "get_weather" }],
      settings,
    });
    expect(body.messages[0]).toEqual({
      role: "tool",
      content: "18",
      tool_call_id: "abc",
      name: "get_weather",
    });
  });

  it("FIM sends prompt, suffix and its parameters", () => {
    expect(
      buildFimRequest({
        model: "codestral-latest",
        prompt: "def f(",
        suffix: "",
        params: DEFAULT_PARAMS,
      }).body,
    ).toEqual({ model: "codestral-latest", prompt: "def f(", temperature: 0.7, top_p: 1 });
  });

  it("checks tool definitions as they are typed", () => {
    const t = { id: "t", name: "get_weather", description: "", parameters: '{"type":"object"}' };
    expect(toolIssue(t)).toBeNull();
    expect(toolIssue({ ...t, name: "get weather" })?.field).toBe("name");
    expect(toolIssue({ ...t, parameters: "{" })?.message).toMatch(/Not valid JSON/);
    expect(toolIssue({ ...t, parameters: "[]" })?.message).toMatch(/JSON object/);
    expect(toolIssue({ ...t, parameters: '{"type":"string"}' })?.message).toMatch(/"object"/);
  });

  it("reads stop sequences with escapes and shows them back", () => {
    expect(parseStopSequence("\\n\\n")).toBe("\n\n");
    expect(parseStopSequence("a\\tb\\\\n")).toBe("a\tb\\n");
    for (const s of ["\n", "a\tb", "x\\n"]) expect(parseStopSequence(showStopSequence(s))).toBe(s);
  });
});

describe("metrics", () => {
  it("measures time to first token and the rate after it", () => {
    let m = startMeter(1000);
    m = markToken(m, 1250);
    m = markToken(m, 1300); // only the first token counts for TTFT
    m = endMeter(m, 3250);
    expect(timeToFirstToken(m)).toBe(250);
    expect(tokensPerSecond(m, 101, "")).toBe(50);
  });

  it("has no figure before a token arrived", () => {
    const m = endMeter(startMeter(0), 10);
    expect(timeToFirstToken(m)).toBeNull();
    expect(tokensPerSecond(m, 10, "")).toBeNull();
  });
});

describe("cosine similarity", () => {
  it("is 1 for the same direction, 0 for orthogonal, -1 for opposite", () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 3])).toBeCloseTo(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(/dimensions/);
  });

  it("builds a symmetric matrix with 1 on the diagonal", () => {
    const m = similarityMatrix([
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(m.map((r) => r.map((v) => Number(v.toFixed(3))))).toEqual([
      [1, 0.707, 0],
      [0.707, 1, 0.707],
      [0, 0.707, 1],
    ]);
  });
});
