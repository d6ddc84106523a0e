import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildChatRequest } from "./request";
import { curlSnippet, pythonSnippet, shellQuote, snippets, typescriptSnippet } from "./snippets";
import { DEFAULT_PARAMS, type ChatSettings } from "./types";

const settings: ChatSettings = {
  mode: "model",
  model: "mistral-small-latest",
  agentId: "",
  params: { ...DEFAULT_PARAMS, maxTokens: 200, randomSeed: 7, jsonMode: true },
  tools: [
    {
      id: "t",
      name: "get_weather",
      description: "Weather now",
      parameters: JSON.stringify({
        type: "object",
        properties: { city_name: { type: "string" } },
        required: ["city_name"],
      }),
    },
  ],
  toolChoice: "auto",
};
const { body } = buildChatRequest({
  system: "You answer in JSON.",
  messages: [{ id: "u", role: "user", content: `It's "sunny" in O'Hare?\nSay $HOME` }],
  settings,
});

describe("code snippets", () => {
  it("never contain a key, only the $MISTRAL_API_KEY placeholder", () => {
    const all = snippets("chat", body);
    expect(all.curl).toContain('-H "Authorization: Bearer $MISTRAL_API_KEY"');
    expect(all.typescript).toContain("process.env.MISTRAL_API_KEY");
    expect(all.python).toContain('os.environ["MISTRAL_API_KEY"]');
  });

  it("curl sends exactly the request body, quoted safely for the shell", () => {
    const quoted = shellQuote(`a'b "c" $HOME \\n`);
    expect(execFileSync("sh", ["-c", `printf %s ${quoted}`]).toString()).toBe(`a'b "c" $HOME \\n`);
    const curl = curlSnippet("chat", body);
    const data = curl.slice(curl.indexOf("-d ") + 3);
    const sent = execFileSync("sh", ["-c", `printf %s ${data}`]).toString();
    expect(JSON.parse(sent)).toEqual({ ...body, stream: true });
    expect(curl).toContain("https://api.mistral.ai/v1/chat/completions");
  });

  it("TypeScript uses the SDK's camelCase names but leaves JSON schemas alone", () => {
    const ts = typescriptSnippet("chat", body);
    expect(ts).toContain(`import { Mistral } from "@mistralai/mistralai";`);
    const literal = ts.slice(ts.indexOf("client.chat.stream(") + 19, ts.indexOf("\n});") + 2);
    const request = new Function(`return (${literal});`)();
    expect(request).toMatchObject({
      model: "mistral-small-latest",
      maxTokens: 200,
      topP: 1,
      randomSeed: 7,
      responseFormat: { type: "json_object" },
      toolChoice: "auto",
    });
    expect(request.tools[0].function.parameters.properties).toHaveProperty("city_name");
    expect(request.messages[1].content).toBe(`It's "sunny" in O'Hare?\nSay $HOME`);
  });

  it("Python passes the body as keyword arguments with Python literals", () => {
    const py = pythonSnippet("chat", body);
    expect(py).toContain("client.chat.stream(");
    expect(py).toContain('response_format={\n        "type": "json_object",\n    },');
    const args = py.slice(py.indexOf("client.chat.stream(") + 19, py.indexOf("\n)\n"));
    // Python itself reads the arguments back into the same values.
    const script = `import ast, json, sys\nsrc = sys.stdin.read()\ncall = ast.parse("f(" + src + ")", mode="eval").body\nprint(json.dumps({k.arg: ast.literal_eval(k.value) for k in call.keywords}))`;
    const out = execFileSync("python3", ["-c", script], { input: args }).toString();
    expect(JSON.parse(out)).toEqual(body);
  });

  it("embeddings call the texts `inputs` in both SDKs and do not stream", () => {
    const all = snippets("embeddings", { model: "mistral-embed", input: ["a", "b"] });
    expect(all.typescript).toContain("client.embeddings.create(");
    expect(all.typescript).toMatch(/inputs: \[/);
    expect(all.python).toMatch(/inputs=\[/);
    expect(all.curl).not.toContain("stream");
    expect(all.curl).toContain("/v1/embeddings");
  });

  it("agents use the agents endpoint and agentId", () => {
    const agent = buildChatRequest({
      system: "ignored",
      messages: [{ id: "u", role: "user", content: "hi" }],
      settings: { ...settings, mode: "agent", agentId: "ag:123", tools: [] },
    });
    const all = snippets("agents", agent.body);
    expect(all.curl).toContain("/v1/agents/completions");
    expect(all.typescript).toContain(`agentId: "ag:123"`);
    expect(all.python).toContain(`agent_id="ag:123"`);
  });
});
