// Text generation of the sandbox: chat, agents, FIM and embeddings, answering like the real API
// (same shapes, same refusals) with deterministic, request-aware sandbox text.
import { countTokens } from "@/lib/mistral/tokens";
import type {
  AgentsCompletionRequest,
  ChatCompletionRequest,
  EmbeddingRequest,
  FIMCompletionRequest,
} from "@/lib/mistral/seed-types";
import { json, mistralError } from "../http";
import type { SandboxModel } from "../models";
import { findAgent, type SandboxAgent } from "./agents";
import { composeChat } from "./chat-text";
import {
  applyLimits,
  completionJson,
  completionStream,
  usage,
  type AnswerPart,
  type Completion,
} from "./completion";
import { conversationError, promptText, readConversation, roleOf } from "./conversation";
import { embed, EMBEDDING_DIMENSIONS, type EmbeddingDtype, quantize, toBase64 } from "./embeddings";
import { composeFim } from "./fim";
import { completionId, requestRng } from "./random";
import { alsoCalled, chooseTool, makeToolCall, sampleFromSchema } from "./tools";
import type { Tool } from "@/lib/mistral/seed-types";
import type { GenerationContext } from "./types";

export type { GenerationContext } from "./types";
export { findAgent, SANDBOX_AGENTS, type SandboxAgent } from "./agents";

const invalidModel = (id: string | null | undefined) =>
  mistralError(400, `Invalid model: ${id}`, "invalid_model", "1500");

/** The model a request names, or the error the real API answers when it cannot serve it. */
function resolveModel(
  id: string | null | undefined,
  ctx: GenerationContext,
  can: (m: SandboxModel) => boolean,
  what: string,
): SandboxModel | Response {
  const model = id == null ? undefined : ctx.getModel(id);
  if (!model) return invalidModel(id);
  if (!can(model))
    return mistralError(400, `Model ${id} does not support ${what}`, "invalid_model", "1500");
  return model;
}

/** The system prompt `safe_prompt: true` adds, as Mistral documents it (guardrailing). */
export const SAFETY_PROMPT =
  "Always assist with care, respect, and truth. Respond with utmost utility yet securely. Avoid harmful, unethical, prejudiced, or negative content. Ensure replies promote fairness and positivity.";

// The real API's type and code for a conversation it cannot serve.
const messageOrderError = (message: string) =>
  mistralError(400, message, "invalid_request_message_order", "3230");

function tooLong(model: SandboxModel, promptTokens: number, minTokens: number): Response | null {
  const limit = model.max_context_length;
  if (promptTokens + minTokens <= limit) return null;
  const asked = minTokens ? ` and min_tokens asks for ${minTokens} more` : "";
  return mistralError(
    400,
    `Prompt contains ${promptTokens} tokens${asked}, too large for model with ${limit} maximum context length`,
  );
}

function limitsError(
  max: number | null | undefined,
  min: number | null | undefined,
): Response | null {
  return max != null && min != null && min > max
    ? mistralError(400, "min_tokens must be less than or equal to max_tokens")
    : null;
}

/** Answer as JSON or as a stream; a plain answer counts as one generation from start to end. */
function respond(
  completion: () => Completion,
  stream: boolean | undefined,
  ctx: GenerationContext,
): Response {
  if (stream) return completionStream(completion(), ctx);
  ctx.onStart?.();
  try {
    return completionJson(completion());
  } finally {
    ctx.onEnd?.();
  }
}

type ChatLike = Omit<
  ChatCompletionRequest,
  "model" | "messages" | "tool_choice" | "response_format"
> & {
  messages: ChatCompletionRequest["messages"];
} & TodayFields;

/** Request fields of today's chat and agents requests that the seed's types do not have. */
interface TodayFields {
  n?: number | null;
  tool_choice?:
    "auto" | "none" | "any" | "required" | { type?: string; function: { name: string } } | null;
  parallel_tool_calls?: boolean;
  reasoning_effort?: string | null;
  prompt_mode?: "reasoning" | null;
  response_format?: {
    type?: "text" | "json_object" | "json_schema";
    json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean } | null;
  };
}

/** Whether any message carries an image (`image_url` content chunk). */
function hasImage(messages: ChatLike["messages"]): boolean {
  return messages.some(
    (m) =>
      Array.isArray(m.content) &&
      (m.content as { type?: string }[]).some((c) => c.type === "image_url"),
  );
}

/**
 * Reasoning models think before they answer (`thinking` chunks before the text) unless asked not
 * to (`reasoning_effort: "none"`); `prompt_mode: "reasoning"` or an effort asks for it explicitly.
 */
function reasons(body: TodayFields, model: SandboxModel): boolean {
  if (!model.capabilities.reasoning) return false;
  return body.reasoning_effort !== "none";
}

/** What tool_choice asks of the model, with a named function narrowing the tools to that one. */
function toolChoiceOf(
  body: TodayFields,
  tools: Tool[] | null | undefined,
): { choice: "auto" | "none" | "any"; tools: Tool[] | null | undefined } | Response {
  const functions = tools?.filter((t) => (t.type ?? "function") === "function" && t.function);
  const c = body.tool_choice ?? "auto";
  if (typeof c === "object") {
    const named = functions?.filter((t) => t.function.name === c.function.name);
    if (!named?.length) {
      return mistralError(
        400,
        `Tool choice names function '${c.function.name}', which is not among the tools`,
      );
    }
    return { choice: "any", tools: named };
  }
  return { choice: c === "required" ? "any" : c, tools: functions };
}

function generateChat(
  body: ChatLike,
  modelId: string,
  model: SandboxModel,
  ctx: GenerationContext,
  agent?: SandboxAgent,
): Response {
  const problem = conversationError(body.messages);
  if (problem) return messageOrderError(problem);
  if (body.tools?.length && !model.capabilities.function_calling) {
    return mistralError(400, `Function calling is not enabled for model ${modelId}`);
  }
  if (!model.capabilities.vision && hasImage(body.messages)) {
    return mistralError(
      400,
      `Image input is not supported for model ${modelId}: use a model with the vision capability (e.g. mistral-medium-latest, pixtral-12b).`,
      "invalid_request_error",
      "3051",
    );
  }
  const toolPlan = toolChoiceOf(body, body.tools as Tool[] | null | undefined);
  if (toolPlan instanceof Response) return toolPlan;
  // safe_prompt puts Mistral's documented guardrail prompt before the conversation: it is prompt text.
  const safety = "safe_prompt" in body && body.safe_prompt ? `${SAFETY_PROMPT}\n` : "";
  const promptTokens = countTokens(safety + promptText(body.messages));
  const tokenProblem =
    limitsError(body.max_tokens, body.min_tokens) ??
    tooLong(model, promptTokens, body.min_tokens ?? 0);
  if (tokenProblem) return tokenProblem;
  const thinks = reasons(body, model);
  const schema =
    body.response_format?.type === "json_schema" ? body.response_format.json_schema?.schema : null;

  const one = (choice: number): Completion => {
    const rng = requestRng(choice ? { ...body, n: choice } : body);
    const view = readConversation(body.messages);
    const tool = chooseTool(
      toolPlan.tools,
      toolPlan.choice,
      view.lastUser,
      view.toolResults.length > 0,
    );
    if (tool) {
      const parallel =
        body.parallel_tool_calls === false ? [] : alsoCalled(toolPlan.tools, tool, view.lastUser);
      const calls = [tool, ...parallel].map((t) => makeToolCall(t, view.lastUser, rng));
      const raw = `[TOOL_CALLS]${JSON.stringify(calls.map((c) => ({ name: c.function.name, arguments: JSON.parse(c.function.arguments as string) })))}`;
      const callTokens = countTokens(raw);
      if (body.max_tokens == null || callTokens <= body.max_tokens) {
        return {
          model: modelId,
          content: "",
          toolCalls: calls,
          finishReason: "tool_calls",
          usage: usage(promptTokens, callTokens),
        };
      }
      // Cut off before the call was complete, the real API returns the raw partial text.
      const cut = applyLimits(raw, { maxTokens: body.max_tokens });
      return {
        model: modelId,
        content: cut.text,
        toolCalls: null,
        finishReason: "length",
        usage: usage(promptTokens, cut.tokens.length),
      };
    }
    const thinking = thinks ? composeThinking(view.lastUser, rng) : null;
    const thinkingTokens = thinking ? countTokens(thinking) : 0;
    const generated = schema
      ? JSON.stringify(sampleFromSchema(schema, view.lastUser, rng))
      : composeChat(
          {
            model: modelId,
            lastUser: view.lastUser,
            system: view.system,
            toolResults: view.toolResults,
            prefix: view.prefix,
            json: body.response_format?.type === "json_object" || agent?.style === "json",
            forceCode: agent?.style === "code",
            agent,
            minTokens: body.min_tokens ?? 0,
            maxTokens: body.max_tokens ?? null,
          },
          rng,
        );
    // A JSON answer is never cut by stop sequences (it would no longer parse).
    const { text, finishReason, tokens } = applyLimits(generated, {
      maxTokens: body.max_tokens,
      minTokens: body.min_tokens,
      stop: schema ? null : body.stop,
    });
    const content = (view.prefix ?? "") + text;
    return {
      model: modelId,
      content,
      thinking,
      parts: agent?.style === "cited" && !schema ? citeSources(content) : null,
      toolCalls: null,
      finishReason,
      usage: usage(promptTokens, tokens.length + thinkingTokens),
    };
  };

  return respond(
    () => {
      const first = one(0);
      const n = body.n ?? 1;
      if (n <= 1) return first;
      const more = Array.from({ length: n - 1 }, (_, i) => one(i + 1));
      // The prompt is billed once; every choice's tokens are counted.
      const completionTokens = [first, ...more].reduce((t, c) => t + c.usage.completion_tokens, 0);
      return { ...first, more, usage: usage(promptTokens, completionTokens) };
    },
    body.stream,
    ctx,
  );
}

/**
 * The answer as text and reference chunks: the first sentence cites source 1, the rest source 2
 * (the ids an agent's search tool would have given its results).
 */
function citeSources(text: string): AnswerPart[] {
  const end = text.search(/[.!?](\s|$)/);
  if (end < 0 || end === text.length - 1) {
    return [
      { type: "text", text },
      { type: "reference", reference_ids: [1] },
    ];
  }
  return [
    { type: "text", text: text.slice(0, end) },
    { type: "reference", reference_ids: [1] },
    { type: "text", text: text.slice(end) },
    { type: "reference", reference_ids: [2] },
  ];
}

/** A short chain of thought about the question, shown as the `thinking` chunk. */
function composeThinking(question: string, rng: ReturnType<typeof requestRng>): string {
  const topic = question.replace(/\s+/g, " ").trim().slice(0, 120) || "the request";
  const steps = [
    `The user asks: "${topic}".`,
    rng.pick([
      "Let me work out what they need before answering.",
      "I should break this down into parts.",
      "First, what is being asked exactly?",
    ]),
    rng.pick([
      "The key facts are clear enough; a concise answer will do.",
      "I will answer directly, then add a short explanation.",
      "Checking the reasoning once more before I reply.",
    ]),
  ];
  return steps.join(" ");
}

export async function chatCompletion(
  body: ChatCompletionRequest,
  ctx: GenerationContext,
): Promise<Response> {
  const model = resolveModel(
    body.model,
    ctx,
    (m) => m.capabilities.completion_chat,
    "chat completions",
  );
  if (model instanceof Response) return model;
  return generateChat(body, body.model!, model, ctx);
}

/**
 * One turn of a conversation (/v1/conversations): the chat generation on `body.model`, speaking as
 * `agent` when the conversation runs one (its instructions are the request's system message).
 */
export async function conversationCompletion(
  body: ChatCompletionRequest,
  ctx: GenerationContext,
  agent?: SandboxAgent,
): Promise<Response> {
  const model = resolveModel(
    body.model,
    ctx,
    (m) => m.capabilities.completion_chat,
    "chat completions",
  );
  if (model instanceof Response) return model;
  return generateChat(body, body.model!, model, ctx, agent);
}

/** `stored`: the agent of that id made through /v1/agents, when it is not a built-in one. */
export async function agentsCompletion(
  body: AgentsCompletionRequest,
  ctx: GenerationContext,
  stored?: SandboxAgent,
): Promise<Response> {
  const agent = findAgent(body.agent_id) ?? stored;
  if (!agent) return mistralError(404, `Agent not found: ${body.agent_id}`);
  // The agent's own instructions take the system role (the schema already leaves system out).
  if (body.messages.some((m) => roleOf(m) === "system")) {
    return messageOrderError(
      "System messages are not allowed in agents completions: the agent's instructions take that role",
    );
  }
  const model = resolveModel(
    agent.model,
    ctx,
    (m) => m.capabilities.completion_chat,
    "chat completions",
  );
  if (model instanceof Response) return model;
  return generateChat(body, agent.model, model, ctx, agent);
}

export async function fimCompletion(
  body: FIMCompletionRequest,
  ctx: GenerationContext,
): Promise<Response> {
  const modelId = body.model ?? "codestral-2405";
  const model = resolveModel(
    modelId,
    ctx,
    (m) => m.capabilities.completion_fim,
    "fill-in-the-middle completions (use codestral-latest)",
  );
  if (model instanceof Response) return model;
  const suffix = body.suffix ?? "";
  const promptTokens = countTokens(body.prompt + suffix);
  const tokenProblem =
    limitsError(body.max_tokens, body.min_tokens) ??
    tooLong(model, promptTokens, body.min_tokens ?? 0);
  if (tokenProblem) return tokenProblem;

  return respond(
    () => {
      const middle = composeFim(
        { prompt: body.prompt, suffix, minTokens: body.min_tokens ?? 0 },
        requestRng(body),
      );
      const { text, finishReason, tokens } = applyLimits(middle, {
        maxTokens: body.max_tokens,
        minTokens: body.min_tokens,
        stop: body.stop,
      });
      return {
        model: modelId,
        content: text,
        toolCalls: null,
        finishReason,
        usage: usage(promptTokens, tokens.length),
      };
    },
    body.stream,
    ctx,
  );
}

/** Embedding models, their default and largest `output_dimension` (mistral-embed's is fixed). */
const EMBEDDING_SIZES: Record<string, { default: number; max: number; flexible: boolean }> = {
  "mistral-embed-2312": {
    default: EMBEDDING_DIMENSIONS,
    max: EMBEDDING_DIMENSIONS,
    flexible: false,
  },
  "codestral-embed-2505": { default: 1536, max: 3072, flexible: true },
};

export async function embeddings(
  body: Omit<EmbeddingRequest, "encoding_format"> & {
    output_dimension?: number | null;
    output_dtype?: EmbeddingDtype;
    encoding_format?: string | null;
  },
  ctx: GenerationContext,
): Promise<Response> {
  const model = resolveModel(
    body.model,
    ctx,
    (m) => m.family in EMBEDDING_SIZES,
    "embeddings (use mistral-embed or codestral-embed)",
  );
  if (model instanceof Response) return model;
  const size = EMBEDDING_SIZES[model.family];
  const dimensions = body.output_dimension ?? size.default;
  if (body.output_dimension != null && !size.flexible && dimensions !== size.default) {
    return mistralError(
      400,
      `output_dimension is not supported for model ${body.model}: its embeddings have ${size.default} dimensions`,
    );
  }
  if (dimensions > size.max) {
    return mistralError(
      400,
      `output_dimension must be at most ${size.max} for model ${body.model}, got ${dimensions}`,
    );
  }
  const dtype = body.output_dtype ?? "float";
  if ((dtype === "binary" || dtype === "ubinary") && dimensions % 8 !== 0) {
    return mistralError(400, `output_dimension must be a multiple of 8 for output_dtype ${dtype}`);
  }
  const inputs = typeof body.input === "string" ? [body.input] : body.input;
  if (inputs.length === 0) return mistralError(400, "Input must contain at least one text");
  const counts = inputs.map((t) => countTokens(t));
  const over = counts.findIndex((n) => n > model.max_context_length);
  if (over >= 0) {
    return mistralError(
      400,
      `Input ${over} contains ${counts[over]} tokens, too large for model with ${model.max_context_length} maximum context length`,
    );
  }
  ctx.onStart?.();
  try {
    const total = counts.reduce((a, b) => a + b, 0);
    const base64 = body.encoding_format === "base64";
    return json({
      id: completionId("embd-"),
      object: "list",
      data: inputs.map((text, index) => {
        const values = quantize(embed(text, dimensions), dtype);
        return {
          object: "embedding",
          embedding: base64 ? toBase64(values, dtype) : values,
          index,
        };
      }),
      model: body.model,
      usage: usage(total, 0),
    });
  } finally {
    ctx.onEnd?.();
  }
}
