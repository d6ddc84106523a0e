// The playground's own shapes: what the UI edits and stores, turned into API requests in request.ts.
import type { ToolCall, UsageInfo } from "@/lib/mistral/types";
import type { AnswerChunk } from "./accumulate";
import type { UpstreamConversation } from "./agent-conversation";

export type Role = "user" | "assistant" | "tool";

/** Figures measured for one answer. */
export interface AnswerMetrics {
  model: string;
  /** Milliseconds from sending the request to the first streamed token. */
  ttftMs: number | null;
  /** Completion tokens per second, counted from the first token to the end. */
  tokensPerSecond: number | null;
  usage: UsageInfo | null;
  finishReason: string | null;
  /** Milliseconds a reasoning model thought (first thinking token to first answer token). */
  thinkingMs?: number | null;
  /** True when the answer stopped early (Stop, a lost connection or an error). */
  partial?: boolean;
  /** The answer was asked for as JSON (response_format json_object or json_schema). */
  json?: boolean;
  /** The JSON schema the answer was asked to fit (structured output). */
  schema?: Record<string, unknown>;
}

export interface ChatMessage {
  id: string;
  role: Role;
  content: string;
  /** Assistant only: the answer must start with this content. */
  prefix?: boolean;
  /** Assistant only: the functions the model asked to call. */
  toolCalls?: ToolCall[];
  /** Assistant only: a reasoning model's thinking before its answer. */
  thinking?: string;
  /**
   * Assistant only: the content as the API gave it when it came as chunks (thinking, text,
   * references), sent back as it is on the next turn; `content` is its text.
   */
  chunks?: AnswerChunk[];
  /** User only: images (data URLs) sent with the text, for vision models. */
  images?: string[];
  /** Tool only: which call this message answers, and the function's name. */
  toolCallId?: string;
  name?: string;
  /** Assistant only: how the answer was produced. */
  metrics?: AnswerMetrics;
}

export interface ChatParams {
  temperature: number;
  topP: number;
  maxTokens: number | null;
  minTokens: number | null;
  stop: string[];
  randomSeed: number | null;
  safePrompt: boolean;
  jsonMode: boolean;
}

export interface ToolDefinition {
  id: string;
  name: string;
  description: string;
  /** The JSON-schema text as typed; checked before it is sent. */
  parameters: string;
}

export type ToolChoice = "auto" | "none" | "any";

export type ReasoningEffort = "none" | "minimal" | "low" | "medium" | "high";

/** Reasoning controls, sent only to models whose card says `reasoning`. */
export interface ReasoningSettings {
  /** `reasoning_effort`; null leaves it to the model. */
  effort: ReasoningEffort | null;
  /** `prompt_mode: "reasoning"`: the reasoning system prompt is used. */
  promptMode: boolean;
}

/** Structured output: `response_format: { type: "json_schema", json_schema }`. */
export interface JsonSchemaSettings {
  name: string;
  /** The schema as typed; checked before it is sent. */
  schema: string;
  strict: boolean;
}

export interface ChatSettings {
  mode: "model" | "agent";
  model: string;
  agentId: string;
  /** The agent version the conversation pins; null or absent: the agent's current version. */
  agentVersion?: number | null;
  params: ChatParams;
  tools: ToolDefinition[];
  toolChoice: ToolChoice;
  /** Absent in conversations saved before these controls existed. */
  reasoning?: ReasoningSettings;
  /** Null or absent: no structured output. */
  jsonSchema?: JsonSchemaSettings | null;
}

export interface Conversation {
  id: string;
  title: string;
  /** Set once the user names it; until then the title follows the first message. */
  renamed?: boolean;
  system: string;
  messages: ChatMessage[];
  settings: ChatSettings;
  /** Agent mode: the upstream conversation (/v1/conversations) the next turn continues. */
  upstream?: UpstreamConversation | null;
  createdAt: number;
  updatedAt: number;
}

/** A saved conversation as the list shows it (the console's /api/console/conversations). */
export interface ConversationSummary {
  id: string;
  title: string;
  messageCount: number;
  createdAt: number;
  updatedAt: number;
}

/** The spec's defaults (ChatCompletionRequest): temperature 0.7, top_p 1, safe_prompt false. */
export const DEFAULT_PARAMS: ChatParams = {
  temperature: 0.7,
  topP: 1,
  maxTokens: null,
  minTokens: null,
  stop: [],
  randomSeed: null,
  safePrompt: false,
  jsonMode: false,
};

export function newId(prefix = "m"): string {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
