// The openai client (7) pointed at the console's /v1 with a console token: Mistral's chat
// completions and embeddings speak the same wire format. Its embeddings ask for base64 by default
// (`encoding_format: "base64"`, which today's EmbeddingRequest allows) and decode it to floats.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited, startConsole, type ClientConsole } from "./console";
import { ANSWER, EMBEDDING, MODEL } from "./today-upstream";

describe("openai through the console", () => {
  let c: ClientConsole;
  let openai: OpenAI;

  beforeAll(async () => {
    c = await startConsole();
    openai = new OpenAI({ apiKey: c.token, baseURL: `${c.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => c?.close());

  const messages = [{ role: "user" as const, content: "Capital of France?" }];

  it("chat.completions.create", async () => {
    const mark = await c.mark();
    const res = await openai.chat.completions.create({ model: MODEL, messages });
    expect(res.choices[0].message.content).toBe(ANSWER);
    expect(res.usage?.total_tokens).toBe(20);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("chat.completions.create streamed", async () => {
    const mark = await c.mark();
    const stream = await openai.chat.completions.create({ model: MODEL, messages, stream: true });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(ANSWER);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it('tools with tool_choice "required"', async () => {
    const mark = await c.mark();
    const res = await openai.chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tool_choice: "required",
      tools: [
        {
          type: "function",
          function: {
            name: "get_weather",
            parameters: {
              type: "object",
              properties: { city: { type: "string" } },
              required: ["city"],
            },
          },
        },
      ],
    });
    const call = res.choices[0].message.tool_calls?.[0];
    expect(res.choices[0].finish_reason).toBe("tool_calls");
    if (call?.type !== "function") throw new Error("no function call");
    expect([call.function.name, JSON.parse(call.function.arguments)]).toEqual([
      "get_weather",
      { city: "Paris" },
    ]);
    const sent = JSON.parse(c.g.fake!.received.at(-1)!.body.toString());
    expect(sent.tool_choice).toBe("required");
    const seen = await c.since(mark);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("embeddings with the default (base64) encoding", async () => {
    const mark = await c.mark();
    const res = await openai.embeddings.create({ model: "mistral-embed", input: ["a", "b"] });
    const sent = JSON.parse(c.g.fake!.received.at(-1)!.body.toString());
    expect(sent.encoding_format).toBe("base64");
    // float32 on the wire: equal to the floats to float32 precision.
    for (const d of res.data) {
      expect(d.embedding.map((x) => Number(x.toFixed(4)))).toEqual(EMBEDDING);
    }
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/embeddings"]);
    expect(seen.audited).toEqual(audited("embeddings"));
  });
});
