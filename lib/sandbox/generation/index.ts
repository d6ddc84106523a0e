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
  type Completion,
} from "./completion";
import { conversationError, promptText, readConversation, roleOf } from "./conversation";
import { embed } from "./embeddings";
import { composeFim } from "./fim";
import { completionId, requestRng } from "./random";
import { chooseTool, makeToolCall } from "./tools";
import type { GenerationContext } from "./types";

export type { GenerationContext } from "./types";
export { SANDBOX_AGENTS } from "./agents";

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

type ChatLike = Omit<ChatCompletionRequest, "model" | "messages"> & {
  messages: ChatCompletionRequest["messages"];
};

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
  // safe_prompt puts Mistral's documented guardrail prompt before the conversation: it is prompt text.
  const safety = "safe_prompt" in body && body.safe_prompt ? `${SAFETY_PROMPT}\n` : "";
  const promptTokens = countTokens(safety + promptText(body.messages));
  const tokenProblem =
    limitsError(body.max_tokens, body.min_tokens) ??
    tooLong(model, promptTokens, body.min_tokens ?? 0);
  if (tokenProblem) return tokenProblem;

  return respond(
    () => {
      const rng = requestRng(body);
      const view = readConversation(body.messages);
      const tool = chooseTool(
        body.tools,
        body.tool_choice ?? "auto",
        view.lastUser,
        view.toolResults.length > 0,
      );
      if (tool) {
        const call = makeToolCall(tool, view.lastUser, rng);
        const raw = `[TOOL_CALLS][${JSON.stringify({ name: call.function.name, arguments: JSON.parse(call.function.arguments as string) })}]`;
        const callTokens = countTokens(raw);
        if (body.max_tokens == null || callTokens <= body.max_tokens) {
          return {
            model: modelId,
            content: "",
            toolCalls: [call],
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
      const generated = composeChat(
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
      const { text, finishReason, tokens } = applyLimits(generated, {
        maxTokens: body.max_tokens,
        minTokens: body.min_tokens,
        stop: body.stop,
      });
      return {
        model: modelId,
        content: (view.prefix ?? "") + text,
        toolCalls: null,
        finishReason,
        usage: usage(promptTokens, tokens.length),
      };
    },
    body.stream,
    ctx,
  );
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

export async function agentsCompletion(
  body: AgentsCompletionRequest,
  ctx: GenerationContext,
): Promise<Response> {
  const agent = findAgent(body.agent_id);
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

export async function embeddings(
  body: EmbeddingRequest,
  ctx: GenerationContext,
): Promise<Response> {
  const model = resolveModel(
    body.model,
    ctx,
    (m) => m.family === "mistral-embed",
    "embeddings (use mistral-embed)",
  );
  if (model instanceof Response) return model;
  if (body.encoding_format != null && body.encoding_format !== "float") {
    return mistralError(
      400,
      `Unsupported encoding_format: ${body.encoding_format}. Only "float" is supported`,
    );
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
    return json({
      id: completionId("embd-"),
      object: "list",
      data: inputs.map((text, index) => ({ object: "embedding", embedding: embed(text), index })),
      model: body.model,
      usage: usage(total, 0),
    });
  } finally {
    ctx.onEnd?.();
  }
}
