// Today's operations beyond the seed spec: those the sandbox simulates (batch, …) and a 501 in the
// API's error shape, naming the operation, for every other one a workspace API key may call.
import type { Operation } from "@/lib/mistral/operations";
import type {
  AgentsCompletionRequest,
  ChatCompletionRequest,
  EmbeddingRequest,
  FIMCompletionRequest,
} from "@/lib/mistral/seed-types";
import {
  cancelBatchJob,
  createBatchJob,
  type CreateBatchJobRequest,
  deleteBatchJob,
  type EndpointRunner,
  getBatchJob,
  listBatchJobs,
} from "./batch";
import {
  createAgent,
  deleteAgent,
  getAgent,
  listAgents,
  listAgentVersions,
  switchAgentVersion,
  updateAgent,
} from "./agents-api";
import { transcribe } from "./audio";
import { classify, moderate, type ModerationBody } from "./classifiers";
import { classifierTargetsOf } from "./jobs";
import type { SandboxContext } from "./context";
import {
  appendConversation,
  conversationHistory,
  conversationMessages,
  deleteConversation,
  getConversation,
  listConversations,
  restartConversation,
  type RestartRequest,
  type StartRequest,
  startConversation,
} from "./conversations";
import {
  agentsCompletion,
  chatCompletion,
  embeddings,
  fimCompletion,
  type GenerationContext,
} from "./generation";
import { mistralError, validationError } from "./http";
import { ocr, type OCRRequest } from "./ocr";
import { validateBody } from "./validation";

export interface TodayDeps {
  ctx: SandboxContext;
  /** A generation context bound to the request's signal. */
  generation(): GenerationContext;
  readJson(request: Request): Promise<{ value: unknown } | Response>;
}

/** 501: the operation exists in today's API but the sandbox does not simulate it. */
export function notSimulated(op: Pick<Operation, "id" | "method" | "path">): Response {
  return mistralError(
    501,
    `${op.method.toUpperCase()} ${op.path} (${op.id}) is not simulated by the sandbox. Set MISTRAL_API_KEY to use the live API.`,
    "not_implemented",
    "not_simulated",
  );
}

/** A batch runner: the request body checked against its schema in today's spec, then run. */
const checked =
  <T>(schema: string, run: (body: T) => Response | Promise<Response>): EndpointRunner =>
  async (body) => {
    const errors = validateBody(schema, body);
    return errors.length ? validationError(errors) : run(body as T);
  };

/**
 * The handlers a batch job runs its requests through, keyed by the spec's ApiEndpoint. Each one
 * checks its body like the route would (a bad body is a failed request, not a failed job).
 */
function batchRunners(deps: TodayDeps): Partial<Record<string, EndpointRunner>> {
  // A batch has no client waiting on each answer: nothing aborts it.
  const gen = () => ({ ...deps.generation(), signal: new AbortController().signal });
  return {
    // A job with an agent_id runs its chat requests on that agent (the agents completions route).
    "/v1/chat/completions": async (b) =>
      b.agent_id != null
        ? checked("AgentsCompletionRequest", (a: AgentsCompletionRequest) =>
            agentsCompletion(a, gen()),
          )(b)
        : checked("ChatCompletionRequest", (c: ChatCompletionRequest) => chatCompletion(c, gen()))(
            b,
          ),
    "/v1/fim/completions": checked("FIMCompletionRequest", (b: FIMCompletionRequest) =>
      fimCompletion(b, gen()),
    ),
    "/v1/embeddings": checked("EmbeddingRequest", (b: EmbeddingRequest) => embeddings(b, gen())),
    "/v1/moderations": checked("ClassificationRequest", moderate),
    "/v1/chat/moderations": checked("ChatModerationRequest", moderate),
    "/v1/classifications": checked("ClassificationRequest", (b: ModerationBody) =>
      classify(b, classifierTargetsOf(deps.ctx, b.model)),
    ),
    "/v1/chat/classifications": checked("ChatClassificationRequest", (b: ModerationBody) =>
      classify(b, classifierTargetsOf(deps.ctx, b.model)),
    ),
    "/v1/ocr": checked("OCRRequest", (b: OCRRequest) => ocr(deps.ctx, b)),
    "/v1/conversations": checked("ConversationRequest", (b: StartRequest) =>
      startConversation(deps.ctx, gen(), b),
    ),
  };
}

export async function routeToday(
  op: Operation,
  params: Record<string, string>,
  request: Request,
  url: URL,
  deps: TodayDeps,
): Promise<Response> {
  const { ctx } = deps;
  // The JSON body, already checked against today's schema by the sandbox's router (index.ts).
  const body = async <T>(): Promise<T | Response> => {
    const parsed = await deps.readJson(request);
    return parsed instanceof Response ? parsed : (parsed.value as T);
  };
  // Operations answered from their body alone, the same way inside a batch job.
  const direct: Partial<Record<string, (body: ModerationBody) => Response>> = {
    moderations_v1_moderations_post: moderate,
    chat_moderations_v1_chat_moderations_post: moderate,
    classifications_v1_classifications_post: (b) => classify(b, classifierTargetsOf(ctx, b.model)),
    chat_classifications_v1_chat_classifications_post: (b) =>
      classify(b, classifierTargetsOf(ctx, b.model)),
  };
  const handler = direct[op.id];
  if (handler) {
    const b = await body<ModerationBody>();
    return b instanceof Response ? b : handler(b);
  }
  switch (op.id) {
    case "audio_api_v1_transcriptions_post":
      return transcribe(ctx, request);
    case "ocr_v1_ocr_post": {
      const b = await body<OCRRequest>();
      return b instanceof Response ? b : ocr(ctx, b);
    }
    case "agents_api_v1_agents_create": {
      const b = await body<Record<string, unknown>>();
      return b instanceof Response ? b : createAgent(ctx, b);
    }
    case "agents_api_v1_agents_list":
      return listAgents(ctx, url.searchParams);
    case "agents_api_v1_agents_get":
      return getAgent(ctx, params.agent_id, url.searchParams.get("agent_version"));
    case "agents_api_v1_agents_update": {
      const b = await body<Record<string, unknown>>();
      return b instanceof Response ? b : updateAgent(ctx, params.agent_id, b);
    }
    case "agents_api_v1_agents_delete":
      return deleteAgent(ctx, params.agent_id);
    case "agents_api_v1_agents_update_version":
      return switchAgentVersion(ctx, params.agent_id, url.searchParams.get("version"));
    case "agents_api_v1_agents_list_versions":
      return listAgentVersions(ctx, params.agent_id);
    case "agents_api_v1_agents_get_version":
      return getAgent(ctx, params.agent_id, params.version);
    case "agents_api_v1_conversations_start": {
      const b = await body<StartRequest>();
      return b instanceof Response ? b : startConversation(ctx, deps.generation(), b);
    }
    case "agents_api_v1_conversations_list":
      return listConversations(ctx, url.searchParams);
    case "agents_api_v1_conversations_get":
      return getConversation(ctx, params.conversation_id);
    case "agents_api_v1_conversations_append": {
      const b = await body<StartRequest>();
      return b instanceof Response
        ? b
        : appendConversation(ctx, deps.generation(), params.conversation_id, b);
    }
    case "agents_api_v1_conversations_restart": {
      const b = await body<RestartRequest>();
      return b instanceof Response
        ? b
        : restartConversation(ctx, deps.generation(), params.conversation_id, b);
    }
    case "agents_api_v1_conversations_history":
      return conversationHistory(ctx, params.conversation_id);
    case "agents_api_v1_conversations_messages":
      return conversationMessages(ctx, params.conversation_id);
    case "agents_api_v1_conversations_delete":
      return deleteConversation(ctx, params.conversation_id);
    case "jobs_api_routes_batch_get_batch_jobs":
      return listBatchJobs(ctx, url.searchParams);
    case "jobs_api_routes_batch_create_batch_job": {
      const b = await body<CreateBatchJobRequest>();
      return b instanceof Response ? b : createBatchJob(ctx, b, batchRunners(deps));
    }
    case "jobs_api_routes_batch_get_batch_job":
      return getBatchJob(ctx, params.job_id, url.searchParams.get("inline") === "true");
    case "jobs_api_routes_batch_cancel_batch_job":
      return cancelBatchJob(ctx, params.job_id);
    case "jobs_api_routes_batch_delete_batch_job":
      return deleteBatchJob(ctx, params.job_id);
  }
  return notSimulated(op);
}
