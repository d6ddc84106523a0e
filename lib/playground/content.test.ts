import { describe, expect, it } from "vitest";
import { schemaValidator } from "@/lib/mistral/spec";
import { citedText, withPrefix } from "./content";
import { checkAnswer, readSchema } from "./json-schema";
import { buildChatRequest } from "./request";
import { DEFAULT_PARAMS, type ChatSettings } from "./types";

const settings: ChatSettings = {
  mode: "model",
  model: "magistral-small-latest",
  agentId: "",
  params: { ...DEFAULT_PARAMS },
  tools: [],
  toolChoice: "auto",
};
const validRequest = schemaValidator("ChatCompletionRequest");

describe("citations", () => {
  it("numbers references in order of first mention and shows them where they came", () => {
    const { text, citations } = citedText([
      { type: "thinking", thinking: [{ type: "text", text: "hidden" }] },
      { type: "text", text: "Paris is the capital of France" },
      { type: "reference", reference_ids: ["doc-7", 3] },
      { type: "text", text: ", on the Seine." },
      { type: "reference", reference_ids: [3] },
    ]);
    expect(text).toBe("Paris is the capital of France[1][2], on the Seine.[2]");
    expect(citations).toEqual([
      { n: 1, id: "doc-7" },
      { n: 2, id: 3 },
    ]);
    const refThenParen = [
      { type: "text" as const, text: "Paris" },
      { type: "reference" as const, reference_ids: [1] },
      { type: "text" as const, text: "(capital)" },
    ];
    expect(citedText(refThenParen, (n) => `\\[${n}\\]`).text).toBe("Paris\\[1\\](capital)");
  });

  it("shows a conversation's sources with their title and only an http(s) link, numbered once each", () => {
    const source = (title: string, url: string | null) => ({
      type: "tool_reference" as const,
      tool: "web_search",
      title,
      url,
    });
    const { text, citations } = citedText([
      { type: "text", text: "The Louvre is in Paris" },
      source("Louvre — official site", "https://www.louvre.fr/en"),
      { type: "text", text: ". It opened in 1793" },
      source("Louvre — official site", "https://www.louvre.fr/en"),
      source("A script", "javascript:alert(1)"),
      source("No link", null),
    ]);
    expect(text).toBe("The Louvre is in Paris[1]. It opened in 1793[1][2][3]");
    expect(citations).toEqual([
      {
        n: 1,
        id: "https://www.louvre.fr/en",
        title: "Louvre — official site",
        url: "https://www.louvre.fr/en",
      },
      { n: 2, id: "A script", title: "A script", url: undefined },
      { n: 3, id: "No link", title: "No link", url: undefined },
    ]);
  });

  it("leaves a conversation's sources out of a chat request (not chat content), keeping the text", () => {
    const { body } = buildChatRequest({
      system: "",
      messages: [
        { id: "u", role: "user", content: "Where?" },
        {
          id: "a",
          role: "assistant",
          content: "Paris.",
          chunks: [
            { type: "text", text: "Paris" },
            {
              type: "tool_reference",
              tool: "web_search",
              title: "Atlas",
              url: "https://atlas.example",
            },
            { type: "text", text: "." },
          ],
        },
        { id: "u2", role: "user", content: "Sure?" },
      ],
      settings,
    });
    expect(body.messages[1]).toEqual({
      role: "assistant",
      content: [
        { type: "text", text: "Paris" },
        { type: "text", text: "." },
      ],
    });
    expect(validRequest(body), JSON.stringify(validRequest.errors)).toBe(true);
  });

  it("puts an assistant prefix before the answer's text, after its thinking, only if missing", () => {
    const think = { type: "thinking" as const, thinking: [{ type: "text" as const, text: "t" }] };
    expect(withPrefix("Sure:", [think, { type: "text", text: " yes" }])).toEqual([
      think,
      { type: "text", text: "Sure: yes" },
    ]);
    const whole = [think, { type: "text" as const, text: "Sure: yes" }];
    expect(withPrefix("Sure:", whole)).toBe(whole);
  });
});

describe("request fields for today's models", () => {
  it("sends reasoning controls, images and a JSON schema as today's spec defines them", () => {
    const { body } = buildChatRequest({
      system: "",
      messages: [
        { id: "1", role: "user", content: "What is this?", images: ["data:image/png;base64,iVBO"] },
      ],
      settings: {
        ...settings,
        reasoning: { effort: "high", promptMode: true },
        jsonSchema: { name: "thing", schema: '{"type":"object"}', strict: true },
      },
    });
    expect(body).toMatchObject({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBO" } },
          ],
        },
      ],
      reasoning_effort: "high",
      prompt_mode: "reasoning",
      response_format: {
        type: "json_schema",
        json_schema: { name: "thing", schema: { type: "object" }, strict: true },
      },
    });
    expect(validRequest(body), JSON.stringify(validRequest.errors)).toBe(true);
  });

  it("sends no reasoning fields when none is set", () => {
    const { body } = buildChatRequest({
      system: "",
      messages: [{ id: "1", role: "user", content: "Hi" }],
      settings: { ...settings, reasoning: { effort: null, promptMode: false } },
    });
    expect(body).not.toHaveProperty("reasoning_effort");
    expect(body).not.toHaveProperty("prompt_mode");
  });
});

describe("structured output", () => {
  const schema = {
    type: "object",
    properties: { name: { type: "string" }, authors: { type: "array", items: { type: "string" } } },
    required: ["name", "authors"],
  };

  it("says what is wrong with a schema as it is typed", () => {
    expect(readSchema('{"type": "object"')).toEqual({
      issue: expect.stringContaining("Not valid JSON"),
    });
    expect(readSchema("[1]")).toEqual({ issue: "A JSON schema is a JSON object." });
    expect(readSchema(JSON.stringify(schema))).toEqual({ schema });
  });

  it("checks an answer against the schema and names the first error with its path", () => {
    expect(checkAnswer(schema, '{"name":"Dune","authors":["Frank Herbert"]}')).toEqual({
      ok: true,
    });
    const wrong = checkAnswer(schema, '{"name":"Dune","authors":[7]}');
    expect(wrong).toEqual({ ok: false, error: expect.stringMatching(/^authors\.0: .*string/) });
    expect(checkAnswer(schema, "Dune")).toEqual({
      ok: false,
      error: expect.stringContaining("Not valid JSON"),
    });
  });
});
