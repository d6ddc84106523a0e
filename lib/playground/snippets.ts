// "View code": the current request as curl, TypeScript (official SDK) and Python (official SDK).
// By default against this console (its origin, a console token from the Tokens page), which every
// member can run; the upstream variant (api.mistral.ai with a Mistral API key) is for key holders.
// Credentials are always environment placeholders: the console never shows a token or its key.

/** The requests "View code" shows: agent mode's are the conversations API's three turns. */
export type SnippetKind =
  | "chat"
  | "fim"
  | "embeddings"
  | "conversation.start"
  | "conversation.append"
  | "conversation.restart";

/** A request to show: its kind, its body, and for append/restart the conversation it continues. */
export interface SnippetRequest {
  kind: SnippetKind;
  body: object;
  conversationId?: string;
}

const ENDPOINTS: Record<SnippetKind, string> = {
  chat: "/v1/chat/completions",
  fim: "/v1/fim/completions",
  embeddings: "/v1/embeddings",
  "conversation.start": "/v1/conversations",
  "conversation.append": "/v1/conversations/{conversation_id}",
  "conversation.restart": "/v1/conversations/{conversation_id}/restart",
};

/** The SDKs' method for each kind (TypeScript; Python's are the same names in snake_case). */
const METHODS: Record<SnippetKind, string> = {
  chat: "chat.stream",
  fim: "fim.stream",
  embeddings: "embeddings.create",
  "conversation.start": "beta.conversations.startStream",
  "conversation.append": "beta.conversations.appendStream",
  "conversation.restart": "beta.conversations.restartStream",
};

/** The TypeScript SDK's name for the request body of an append or a restart. */
const TS_BODY_NAMES: Partial<Record<SnippetKind, string>> = {
  "conversation.append": "conversationAppendStreamRequest",
  "conversation.restart": "conversationRestartStreamRequest",
};

const isConversation = (kind: SnippetKind) => kind.startsWith("conversation.");
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const API_BASE = "https://api.mistral.ai";

/** Where the code sends the request, and the environment variable that holds its credential. */
export interface SnippetTarget {
  base: string;
  keyVar: string;
  /** Whether the SDKs need `serverURL` (anything but the Mistral API itself). */
  custom: boolean;
}

export const CONSOLE_TOKEN_VAR = "MISTRAL_CONSOLE_TOKEN";

/** This console: its origin, with a console token. */
export function consoleTarget(origin: string): SnippetTarget {
  return { base: origin.replace(/\/+$/, ""), keyVar: CONSOLE_TOKEN_VAR, custom: true };
}

/** The Mistral API itself, with a Mistral API key. */
export const UPSTREAM_TARGET: SnippetTarget = {
  base: API_BASE,
  keyVar: "MISTRAL_API_KEY",
  custom: false,
};

export interface Snippets {
  curl: string;
  typescript: string;
  python: string;
}

/** Quotes text for a POSIX shell: inside single quotes, only the single quote needs care. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function endpoint({ kind, conversationId }: SnippetRequest): string {
  return ENDPOINTS[kind].replace(
    "{conversation_id}",
    encodeURIComponent(conversationId ?? "CONVERSATION_ID"),
  );
}

export function curlSnippet(request: SnippetRequest, target: SnippetTarget): string {
  const { kind, body } = request;
  const stream = kind !== "embeddings";
  const payload = stream ? { ...body, stream: true } : body;
  return [
    `curl ${stream ? "--no-buffer " : ""}${shellQuote(target.base + endpoint(request))} \\`,
    `  -H "Authorization: Bearer $${target.keyVar}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(JSON.stringify(payload, null, 2))}`,
  ].join("\n");
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The SDK's names: snake_case becomes camelCase, except inside JSON schemas and arguments. */
function toSdkKeys(value: unknown, key?: string): unknown {
  if (key === "parameters" || key === "arguments") return value;
  if (Array.isArray(value)) return value.map((v) => toSdkKeys(v));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), toSdkKeys(v, k)]));
  }
  return value;
}

/** JSON with identifier keys unquoted, as a person would write a TypeScript object literal. */
function tsLiteral(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2)
    .replace(/^(\s*)"([A-Za-z_$][\w$]*)": /gm, "$1$2: ")
    .split("\n")
    .join(`\n${indent}`);
}

/** The official SDKs call the embeddings texts `inputs`. */
function sdkBody(kind: SnippetKind, body: object): Record<string, unknown> {
  const { input, ...rest } = body as Record<string, unknown>;
  return kind === "embeddings" ? { ...rest, inputs: input } : { ...rest };
}

export function typescriptSnippet(
  { kind, body, conversationId }: SnippetRequest,
  target: SnippetTarget,
): string {
  const sdk = toSdkKeys(sdkBody(kind, body));
  const wrapper = TS_BODY_NAMES[kind];
  const request = wrapper ? { conversationId, [wrapper]: sdk } : sdk;
  const call = `await client.${METHODS[kind]}(${tsLiteral(request, "")});`;
  const head = [
    `import { Mistral } from "@mistralai/mistralai";`,
    "",
    target.custom
      ? `const client = new Mistral({\n  serverURL: ${JSON.stringify(target.base)},\n  apiKey: process.env.${target.keyVar},\n});`
      : `const client = new Mistral({ apiKey: process.env.${target.keyVar} });`,
    "",
  ];
  if (kind === "embeddings") {
    return [
      ...head,
      `const response = ${call}`,
      "",
      `for (const item of response.data) {`,
      `  console.log(item.index, item.embedding?.length);`,
      `}`,
    ].join("\n");
  }
  if (isConversation(kind)) {
    return [
      ...head,
      `const stream = ${call}`,
      "",
      `for await (const event of stream) {`,
      `  const data = event.data;`,
      `  if (data.type === "conversation.response.started") console.log(data.conversationId);`,
      `  if (data.type === "message.output.delta") {`,
      `    if (typeof data.content === "string") process.stdout.write(data.content);`,
      `    else if (data.content.type === "text") process.stdout.write(data.content.text);`,
      `    else if (data.content.type === "tool_reference") console.log(data.content.title, data.content.url);`,
      `  }`,
      `}`,
    ].join("\n");
  }
  return [
    ...head,
    `const stream = ${call}`,
    "",
    `for await (const event of stream) {`,
    `  const delta = event.data.choices[0]?.delta;`,
    `  if (typeof delta?.content === "string") process.stdout.write(delta.content);`,
    `  if (delta?.toolCalls) console.log(delta.toolCalls);`,
    `}`,
  ].join("\n");
}

/** A Python literal for a JSON value (True/False/None, dicts and lists). */
export function pythonLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => inner + pythonLiteral(v, inner)).join(",\n")},\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)}`)
    .join(",\n")},\n${indent}}`;
}

export function pythonSnippet(
  { kind, body, conversationId }: SnippetRequest,
  target: SnippetTarget,
): string {
  const named = isConversation(kind) && kind !== "conversation.start";
  const args = Object.entries({
    ...(named ? { conversation_id: conversationId ?? "CONVERSATION_ID" } : {}),
    ...sdkBody(kind, body),
  })
    .map(([k, v]) => `    ${k}=${pythonLiteral(v, "    ")},`)
    .join("\n");
  const head = [
    "import os",
    "",
    "from mistralai import Mistral",
    "",
    target.custom
      ? `client = Mistral(\n    server_url=${JSON.stringify(target.base)},\n    api_key=os.environ[${JSON.stringify(target.keyVar)}],\n)`
      : `client = Mistral(api_key=os.environ[${JSON.stringify(target.keyVar)}])`,
    "",
  ];
  if (kind === "embeddings") {
    return [
      ...head,
      `response = client.${snake(METHODS[kind])}(`,
      args,
      ")",
      "",
      "for item in response.data:",
      "    print(item.index, len(item.embedding))",
    ].join("\n");
  }
  const method = snake(METHODS[kind]);
  if (isConversation(kind)) {
    return [
      ...head,
      `stream = client.${method}(`,
      args,
      ")",
      "",
      "for event in stream:",
      "    data = event.data",
      '    if data.type == "conversation.response.started":',
      "        print(data.conversation_id)",
      '    elif data.type == "message.output.delta":',
      "        content = data.content",
      "        if isinstance(content, str):",
      '            print(content, end="", flush=True)',
      '        elif content.type == "text":',
      '            print(content.text, end="", flush=True)',
      '        elif content.type == "tool_reference":',
      "            print(content.title, content.url)",
    ].join("\n");
  }
  return [
    ...head,
    `stream = client.${method}(`,
    args,
    ")",
    "",
    "for event in stream:",
    "    delta = event.data.choices[0].delta",
    "    if delta.content:",
    '        print(delta.content, end="", flush=True)',
    "    if delta.tool_calls:",
    "        print(delta.tool_calls)",
  ].join("\n");
}

export function snippets(request: SnippetRequest, target: SnippetTarget): Snippets {
  return {
    curl: curlSnippet(request, target),
    typescript: typescriptSnippet(request, target),
    python: pythonSnippet(request, target),
  };
}
