import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildAgentTurn } from "./agent-conversation";
import { buildChatRequest } from "./request";
import {
  consoleTarget,
  curlSnippet,
  pythonSnippet,
  shellQuote,
  snippets,
  typescriptSnippet,
  UPSTREAM_TARGET,
} from "./snippets";
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

const ORIGIN = "https://console.example.com";
const target = consoleTarget(ORIGIN);

/** Runs the curl line in sh with `curl` replaced by a function that prints what it was given. */
function curlArgs(curl: string, env: Record<string, string>): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${curl}`;
  const out = execFileSync("sh", ["-c", script], {
    env: { NODE_ENV: "test", PATH: process.env.PATH, ...env },
  });
  return out.toString().split("\0").slice(0, -1);
}

/** The keyword arguments of the `Mistral(...)` call, as Python reads them. */
function pythonClientArgs(py: string): Record<string, string> {
  const script = `import ast, json, sys\ntree = ast.parse(sys.stdin.read())\nfor node in ast.walk(tree):\n    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Mistral":\n        print(json.dumps({k.arg: ast.unparse(k.value) for k in node.keywords}))`;
  return JSON.parse(execFileSync("python3", ["-c", script], { input: py }).toString());
}

describe("code snippets", () => {
  it("by default call this console with a console token, which members have", () => {
    const all = snippets({ kind: "chat", body: body }, target);
    const args = curlArgs(all.curl, { MISTRAL_CONSOLE_TOKEN: "mc_secret" });
    expect(args).toContain(`${ORIGIN}/v1/chat/completions`);
    expect(args).toContain("Authorization: Bearer mc_secret");
    expect(all.curl).not.toContain("api.mistral.ai");
    expect(all.curl).not.toContain("MISTRAL_API_KEY");

    // The TypeScript client points at the console and reads the token from the environment.
    const head = all.typescript.slice(
      all.typescript.indexOf("new Mistral("),
      all.typescript.indexOf("});") + 2,
    );
    const options = new Function("process", "Mistral", `return ${head};`)(
      { env: { MISTRAL_CONSOLE_TOKEN: "mc_ts" } },
      function Mistral(o: unknown) {
        return o;
      },
    );
    expect(options).toEqual({ serverURL: ORIGIN, apiKey: "mc_ts" });

    expect(pythonClientArgs(all.python)).toEqual({
      server_url: `'${ORIGIN}'`,
      api_key: "os.environ['MISTRAL_CONSOLE_TOKEN']",
    });
  });

  it("the upstream variant calls api.mistral.ai with the $MISTRAL_API_KEY placeholder", () => {
    const all = snippets({ kind: "chat", body: body }, UPSTREAM_TARGET);
    const args = curlArgs(all.curl, { MISTRAL_API_KEY: "k" });
    expect(args).toContain("https://api.mistral.ai/v1/chat/completions");
    expect(args).toContain("Authorization: Bearer k");
    expect(all.typescript).toContain("new Mistral({ apiKey: process.env.MISTRAL_API_KEY })");
    expect(all.typescript).not.toContain("serverURL");
    expect(pythonClientArgs(all.python)).toEqual({ api_key: "os.environ['MISTRAL_API_KEY']" });
  });

  it("curl sends exactly the request body, quoted safely for the shell", () => {
    const quoted = shellQuote(`a'b "c" $HOME \\n`);
    expect(execFileSync("sh", ["-c", `printf %s ${quoted}`]).toString()).toBe(`a'b "c" $HOME \\n`);
    const curl = curlSnippet({ kind: "chat", body: body }, target);
    const data = curl.slice(curl.indexOf("-d ") + 3);
    const sent = execFileSync("sh", ["-c", `printf %s ${data}`]).toString();
    expect(JSON.parse(sent)).toEqual({ ...body, stream: true });
    expect(curlArgs(curl, {})).toContain(`${ORIGIN}/v1/chat/completions`);
  });

  it("TypeScript uses the SDK's camelCase names but leaves JSON schemas alone", () => {
    const ts = typescriptSnippet({ kind: "chat", body: body }, target);
    expect(ts).toContain(`import { Mistral } from "@mistralai/mistralai";`);
    const from = ts.indexOf("client.chat.stream(") + 19;
    const literal = ts.slice(from, ts.indexOf("\n});", from) + 2);
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
    const py = pythonSnippet({ kind: "chat", body: body }, target);
    expect(py).toContain("client.chat.stream(");
    expect(py).toContain('response_format={\n        "type": "json_object",\n    },');
    const start = py.indexOf("client.chat.stream(") + 19;
    const args = py.slice(start, py.indexOf("\n)\n", start));
    // Python itself reads the arguments back into the same values.
    const script = `import ast, json, sys\nsrc = sys.stdin.read()\ncall = ast.parse("f(" + src + ")", mode="eval").body\nprint(json.dumps({k.arg: ast.literal_eval(k.value) for k in call.keywords}))`;
    const out = execFileSync("python3", ["-c", script], { input: args }).toString();
    expect(JSON.parse(out)).toEqual(body);
  });

  it("embeddings call the texts `inputs` in both SDKs and do not stream", () => {
    const all = snippets(
      { kind: "embeddings", body: { model: "mistral-embed", input: ["a", "b"] } },
      target,
    );
    expect(all.typescript).toContain("client.embeddings.create(");
    expect(all.typescript).toMatch(/inputs: \[/);
    expect(all.python).toMatch(/inputs=\[/);
    expect(all.curl).not.toContain("stream");
    expect(all.curl).toContain("/v1/embeddings");
  });

  it("agent mode shows the conversations request: start, append or restart, with the conversation id", () => {
    const first = buildAgentTurn({
      messages: [{ id: "u", role: "user", content: "hi" }],
      settings: { ...settings, mode: "agent", agentId: "ag:123", agentVersion: 2 },
      upstream: null,
    }).request;
    const start = snippets({ kind: "conversation.start", body: first.body }, target);
    expect(start.curl).toContain("/v1/conversations'");
    expect(start.curl).toContain('"agent_id": "ag:123"');
    expect(start.typescript).toContain("client.beta.conversations.startStream(");
    expect(start.typescript).toContain(`agentId: "ag:123"`);
    expect(start.typescript).toContain("agentVersion: 2");
    expect(start.python).toContain("client.beta.conversations.start_stream(");
    expect(start.python).toContain(`agent_id="ag:123"`);

    const append = snippets(
      { kind: "conversation.append", body: { inputs: "more" }, conversationId: "conv_1" },
      target,
    );
    expect(append.curl).toContain("/v1/conversations/conv_1'");
    expect(append.typescript).toContain(`conversationId: "conv_1"`);
    expect(append.typescript).toContain("conversationAppendStreamRequest: {");
    expect(append.python).toContain(`client.beta.conversations.append_stream(`);
    expect(append.python).toContain(`conversation_id="conv_1"`);

    const restart = snippets(
      {
        kind: "conversation.restart",
        body: { inputs: "again", from_entry_id: "msg_1" },
        conversationId: "conv_1",
      },
      target,
    );
    expect(restart.curl).toContain("/v1/conversations/conv_1/restart'");
    expect(restart.typescript).toContain("conversationRestartStreamRequest: {");
    expect(restart.typescript).toContain(`fromEntryId: "msg_1"`);
    expect(restart.python).toContain(`from_entry_id="msg_1"`);
  });
});
