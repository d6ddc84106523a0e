// The official SDK (1.0.4, generated from this spec) as a client of the generation functions: its
// response parsers must accept every answer, streamed or not.
import { Mistral } from "sdk-v1";
import { HTTPClient } from "sdk-v1/lib/http.js";
import { describe, expect, it } from "vitest";
import { agentsCompletion, chatCompletion, embeddings, fimCompletion, SANDBOX_AGENTS } from ".";
import { testContext } from "./testing";

// Each route takes its own request type; `never` accepts them all, the JSON body is cast to match.
// Each route takes its own request type; `never` accepts them all, the JSON body is cast to it.
const routes: Record<
  string,
  (body: never, ctx: ReturnType<typeof testContext>) => Promise<Response>
> = {
  "/v1/chat/completions": chatCompletion,
  "/v1/fim/completions": fimCompletion,
  "/v1/agents/completions": agentsCompletion,
  "/v1/embeddings": embeddings,
};

const client = new Mistral({
  apiKey: "sandbox",
  serverURL: "http://sandbox.test",
  httpClient: new HTTPClient({
    fetcher: async (input, init) => {
      const request = new Request(input, init);
      const route = routes[new URL(request.url).pathname];
      return route(
        (await request.json()) as never,
        testContext({ signal: request.signal, tokensPerSecond: 50_000 }),
      );
    },
  }),
});

describe("the official SDK reads the sandbox's answers", () => {
  it("chat, plain and streamed, with the same text", async () => {
    const request = {
      model: "mistral-small-latest",
      messages: [{ role: "user" as const, content: "Name a famous bridge" }],
      randomSeed: 4,
    };
    const plain = await client.chat.complete(request);
    expect(plain.choices?.[0].message?.content).toMatch(/^\[sandbox\]/);
    let text = "";
    let usage;
    for await (const event of await client.chat.stream(request)) {
      text += event.data.choices[0].delta.content ?? "";
      usage = event.data.usage ?? usage;
    }
    expect(text).toBe(plain.choices?.[0].message?.content);
    expect(usage).toEqual(plain.usage);
  });

  it("tool calls", async () => {
    const res = await client.chat.complete({
      model: "mistral-large-latest",
      messages: [{ role: "user", content: "Convert 12 euros to dollars" }],
      tools: [
        {
          type: "function",
          function: {
            name: "convert_currency",
            parameters: {
              type: "object",
              properties: {
                amount: { type: "number" },
                to: { type: "string", enum: ["USD", "GBP"] },
              },
              required: ["amount", "to"],
            },
          },
        },
      ],
      toolChoice: "any",
    });
    expect(res.choices?.[0].finishReason).toBe("tool_calls");
    const call = res.choices?.[0].message?.toolCalls?.[0];
    expect(call?.function.name).toBe("convert_currency");
    expect(JSON.parse(call?.function.arguments as string)).toMatchObject({ amount: 12 });
  });

  it("FIM, agents and embeddings", async () => {
    const fim = await client.fim.complete({
      model: "codestral-latest",
      prompt: "def square(x):\n",
      suffix: "",
    });
    expect(fim.choices?.[0].message?.content).toContain("square");
    const agent = await client.agents.complete({
      agentId: SANDBOX_AGENTS[0].id,
      messages: [{ role: "user", content: "Hello" }],
    });
    expect(agent.choices?.[0].message?.content).toContain(SANDBOX_AGENTS[0].name);
    const emb = await client.embeddings.create({ model: "mistral-embed", inputs: ["one", "two"] });
    expect(emb.data.map((d) => d.embedding?.length)).toEqual([1024, 1024]);
  });
});
