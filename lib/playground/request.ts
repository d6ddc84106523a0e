// Turns what the playground's controls hold into the request bodies the spec defines.
import type { ChatCompletionRequest, FIMCompletionRequest, Tool } from "@/lib/mistral/types";
import type { StreamPath } from "@/lib/api/stream";
import type { AnswerChunk, ContentChunk } from "./accumulate";
import { userContent } from "./content";
import { readSchema } from "./json-schema";
import type { ChatMessage, ChatParams, ChatSettings, ToolDefinition } from "./types";

type ApiMessage = ChatCompletionRequest["messages"][number];

export function toApiMessage(m: ChatMessage): ApiMessage {
  if (m.role === "user") return { role: "user", content: userContent(m.content, m.images) };
  if (m.role === "tool") {
    return {
      role: "tool",
      content: m.content,
      ...(m.name ? { name: m.name } : {}),
      ...(m.toolCallId ? { tool_call_id: m.toolCallId } : {}),
    };
  }
  return {
    role: "assistant",
    // As the API gave it: chunks when it was chunks, so no thinking or reference is lost.
    content: m.chunks ? chatChunks(m.chunks) : m.content,
    ...(m.toolCalls?.length ? { tool_calls: m.toolCalls } : {}),
    ...(m.prefix ? { prefix: true } : {}),
  };
}

/**
 * An answer's chunks as a chat message may carry them: a conversation's sources (tool_reference)
 * are not chat content, so they are left out (their text stays).
 */
function chatChunks(chunks: AnswerChunk[]): ContentChunk[] {
  return chunks.filter((c): c is ContentChunk => c.type !== "tool_reference");
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** Checks one tool definition as the user types it; returns what is wrong, or null. */
export function toolIssue(
  tool: ToolDefinition,
): { field: "name" | "parameters"; message: string } | null {
  if (!TOOL_NAME.test(tool.name)) {
    return {
      field: "name",
      message: "Use 1 to 64 letters, digits, underscores or dashes.",
    };
  }
  let schema: unknown;
  try {
    schema = JSON.parse(tool.parameters);
  } catch (e) {
    return { field: "parameters", message: `Not valid JSON: ${(e as Error).message}` };
  }
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
    return {
      field: "parameters",
      message: "The parameters must be a JSON object (a JSON schema).",
    };
  }
  const type = (schema as { type?: unknown }).type;
  if (type !== undefined && type !== "object") {
    return {
      field: "parameters",
      message: 'A function\'s parameters schema has "type": "object".',
    };
  }
  return null;
}

export function toApiTools(tools: ToolDefinition[]): Tool[] {
  return tools.map((t) => ({
    type: "function",
    function: {
      name: t.name,
      description: t.description,
      parameters: JSON.parse(t.parameters) as Record<string, unknown>,
    },
  }));
}

/**
 * The sampling fields shared by chat, agents and FIM, set only when the user set them. Only FIM
 * takes `min_tokens` today: chat and agents requests refuse it (422 extra_forbidden).
 */
function lengthAndStop(p: ChatParams, withMinTokens = false) {
  return {
    ...(p.maxTokens != null ? { max_tokens: p.maxTokens } : {}),
    ...(withMinTokens && p.minTokens != null ? { min_tokens: p.minTokens } : {}),
    ...(p.stop.length ? { stop: p.stop } : {}),
    ...(p.randomSeed != null ? { random_seed: p.randomSeed } : {}),
  };
}

/** What the answer must be: JSON fitting a schema, any JSON object, or (by default) text. */
function responseFormat(settings: ChatSettings) {
  const s = settings.jsonSchema;
  if (s) {
    const read = readSchema(s.schema);
    const schema = "schema" in read ? read.schema : {};
    return {
      response_format: {
        type: "json_schema" as const,
        json_schema: { name: s.name.trim() || "answer", schema, strict: s.strict },
      },
    };
  }
  return settings.params.jsonMode ? { response_format: { type: "json_object" as const } } : {};
}

export interface ChatRequest {
  path: "/v1/chat/completions";
  body: ChatCompletionRequest;
}

/**
 * The chat completions request for the conversation (agent mode runs through the conversations
 * API instead: agent-conversation.ts). The reasoning controls are sent as set: the caller leaves
 * them out for models that do not reason.
 */
export function buildChatRequest(input: {
  system: string;
  messages: ChatMessage[];
  settings: ChatSettings;
}): ChatRequest {
  const { settings } = input;
  const p = settings.params;
  const messages = input.messages.map(toApiMessage);
  const tools = settings.tools.length
    ? { tools: toApiTools(settings.tools), tool_choice: settings.toolChoice }
    : {};
  const format = responseFormat(settings);
  const reasoning = settings.reasoning;
  const system = input.system.trim();
  return {
    path: "/v1/chat/completions",
    body: {
      model: settings.model,
      messages: system ? [{ role: "system", content: input.system }, ...messages] : messages,
      temperature: p.temperature,
      top_p: p.topP,
      ...lengthAndStop(p),
      ...(p.safePrompt ? { safe_prompt: true } : {}),
      ...(reasoning?.effort ? { reasoning_effort: reasoning.effort } : {}),
      ...(reasoning?.promptMode ? { prompt_mode: "reasoning" as const } : {}),
      ...format,
      ...tools,
    },
  };
}

export function buildFimRequest(input: {
  model: string;
  prompt: string;
  suffix: string;
  params: ChatParams;
}): { path: "/v1/fim/completions"; body: FIMCompletionRequest } {
  return {
    path: "/v1/fim/completions",
    body: {
      model: input.model,
      prompt: input.prompt,
      ...(input.suffix ? { suffix: input.suffix } : {}),
      temperature: input.params.temperature,
      top_p: input.params.topP,
      ...lengthAndStop(input.params, true),
    },
  };
}

export type AnyStreamRequest = { path: StreamPath; body: object };

/** Reads stop sequences typed with escapes (\n, \t) into the strings sent. */
export function parseStopSequence(typed: string): string {
  return typed.replace(/\\(n|t|\\)/g, (_, c: string) =>
    c === "n" ? "\n" : c === "t" ? "\t" : "\\",
  );
}

/** Shows a stop sequence with its invisible characters escaped. */
export function showStopSequence(stop: string): string {
  return stop.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
}
