// The embedded Mistral-compatible backend: one `handle(Request) => Response` for the operations of
// today's spec it implements (lib/mistral/openapi.gen.yaml, with the 2026-07-15 fine-tuning jobs),
// with its state in `<dataDir>/sandbox/` (SQLite + the uploaded bytes).
import { matchOperation, operations } from "@/lib/mistral/operations";
import type {
  AgentsCompletionRequest,
  ChatCompletionRequest,
  EmbeddingRequest,
  FIMCompletionRequest,
  JobIn,
} from "@/lib/mistral/seed-types";
import type { SandboxContext } from "./context";
import {
  deleteFile,
  downloadFile,
  listFiles,
  MAX_UPLOAD_BYTES,
  removeLeftoverUploads,
  retrieveFile,
  signedUrl,
  uploadFile,
} from "./files";
import {
  agentsCompletion,
  chatCompletion,
  embeddings,
  fimCompletion,
  type GenerationContext,
} from "./generation";
import { json, mistralError, validationError } from "./http";
import {
  cancelJob,
  createJob,
  getJob,
  listJobs,
  refreshActiveJobs,
  seedFineTunedModels,
  startJob,
} from "./jobs";
import {
  deleteModel,
  getModel,
  listModels,
  retrieveModel,
  setArchived,
  updateModel,
} from "./models-api";
import { openStore } from "./store";
import { storedAgent } from "./agents-api";
import { routeToday } from "./today-routes";
import { validateBody, validateQuery } from "./validation";
import { readCapped } from "@/lib/read-capped";

export type { SandboxModel } from "./models";

export interface SandboxOptions {
  /** The console's data folder; the sandbox owns `<dataDir>/sandbox/`. */
  dataDir: string;
  /** SANDBOX_SPEED: 1 (default) = a fine-tuning job takes about a minute; tests use 40+. */
  speed?: number;
  /** SANDBOX_TOKENS_PER_SECOND: streaming pace of generated text (default 40). */
  tokensPerSecond?: number;
  /** Clock in ms, injectable for tests. */
  now?: () => number;
  /** Largest accepted upload in bytes (default 512 MB, as the real API); tests lower it. */
  maxUploadBytes?: number;
  /**
   * Make sure at least this many fine-tuned models exist (each with its finished job), for
   * benchmarks of long model lists. Defaults to SANDBOX_SEED_MODELS, else 0.
   */
  seedModels?: number;
  /**
   * SANDBOX_FINE_TUNING: "running" (default) runs fine-tuning jobs; "retired" answers every
   * /v1/fine_tuning/jobs* route with 410 Gone, as the live API does since August 2026.
   */
  fineTuning?: FineTuningMode;
}

export type FineTuningMode = "running" | "retired";
export const FINE_TUNING_MODES: readonly FineTuningMode[] = ["running", "retired"];

/** The 410 the live API answers on /v1/fine_tuning/jobs* since the training API was retired. */
export function fineTuningRetired(): Response {
  return mistralError(
    410,
    "The fine-tuning training API has been retired: /v1/fine_tuning/jobs no longer creates, lists or runs jobs. Existing fine-tuned models can still be used and managed (/v1/models, /v1/fine_tuning/models).",
    "gone",
    "fine_tuning_retired",
  );
}

function fineTuningFromEnv(): FineTuningMode {
  const raw = process.env.SANDBOX_FINE_TUNING;
  if (raw === undefined || raw === "") return "running";
  if (!(FINE_TUNING_MODES as readonly string[]).includes(raw)) {
    throw new Error(`SANDBOX_FINE_TUNING must be "running" or "retired", got "${raw}".`);
  }
  return raw as FineTuningMode;
}

export interface Sandbox {
  /** Answers a /v1/... request; never throws (unexpected errors become a 500 JSON error). */
  handle(request: Request): Promise<Response>;
  stats(): { abortedGenerations: number; activeGenerations: number };
  close(): void;
}

/** The largest JSON body read (the real API's requests are far smaller). */
const MAX_JSON_BYTES = 16 * 1024 * 1024;
/**
 * The deepest nesting of arrays and objects accepted. JSON.parse copes with any depth, but the
 * validator and the generators walk bodies recursively: 100k levels would overflow the stack.
 */
const MAX_JSON_DEPTH = 256;

function seedCountFromEnv(): number {
  const raw = process.env.SANDBOX_SEED_MODELS;
  if (raw === undefined || raw === "") return 0;
  if (!/^\d+$/.test(raw)) {
    throw new Error(`SANDBOX_SEED_MODELS must be a whole number of models, got "${raw}".`);
  }
  return Number(raw);
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new Error(`The sandbox speed must be a positive number, got ${speed}.`);
  const ctx: SandboxContext = {
    store: openStore(options.dataDir),
    now: options.now ?? Date.now,
    speed,
    maxUploadBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES,
  };
  // An upload cut off by a crash or kill -9 left its temp file behind: nothing else removes it.
  removeLeftoverUploads(ctx.store.filesDir);
  seedFineTunedModels(ctx, options.seedModels ?? seedCountFromEnv());
  const tokensPerSecond = options.tokensPerSecond ?? 40;
  const fineTuning = options.fineTuning ?? fineTuningFromEnv();
  let abortedGenerations = 0;
  let activeGenerations = 0;

  const generation = (signal: AbortSignal): GenerationContext => ({
    signal,
    tokensPerSecond,
    getModel: (id) => getModel(ctx, id),
    onAbort: () => void abortedGenerations++,
    onStart: () => void activeGenerations++,
    onEnd: () => void activeGenerations--,
  });

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = matchOperation(request.method, url.pathname);
    if (match.kind === "not-found") {
      // Unknown routes answer like the real API's framework (FastAPI) does.
      return json({ detail: "Not Found" }, 404);
    }
    if (match.kind === "method-not-allowed") {
      return json({ detail: "Method Not Allowed" }, 405, { allow: match.allow.join(", ") });
    }
    if (match.kind === "refused") return notImplemented(request.method, url.pathname);
    if (fineTuning === "retired" && match.operation.path.startsWith("/v1/fine_tuning/jobs")) {
      return fineTuningRetired();
    }
    const { operation: op, params } = match;
    const query = validateQuery(op, url.searchParams);
    if (query.errors.length) return validationError(query.errors);
    let body: unknown;
    if (op.body === "json") {
      const parsed = await readJson(request);
      if (parsed instanceof Response) return parsed;
      // A `stream: true` body follows its streamed variant's schema (same method and path).
      const streamed =
        (parsed.value as { stream?: unknown } | null)?.stream === true
          ? operations.find((o) => o.variantOf === op.id)
          : undefined;
      const schema = streamed?.bodySchema ?? op.bodySchema;
      const errors = schema ? validateBody(schema, parsed.value) : [];
      if (errors.length) return validationError(errors);
      body = parsed.value;
    }
    const q = query.values;
    switch (op.id) {
      case "list_models_v1_models_get":
        return listModels(ctx);
      case "retrieve_model_v1_models__model_id__get":
        return retrieveModel(ctx, params.model_id);
      case "delete_model_v1_models__model_id__delete":
        return deleteModel(ctx, params.model_id);
      case "jobs_api_routes_fine_tuning_update_fine_tuned_model":
        return updateModel(
          ctx,
          params.model_id,
          body as { name?: string | null; description?: string | null },
        );
      case "jobs_api_routes_fine_tuning_archive_fine_tuned_model":
        return setArchived(ctx, params.model_id, true);
      case "jobs_api_routes_fine_tuning_unarchive_fine_tuned_model":
        return setArchived(ctx, params.model_id, false);
      case "files_api_routes_upload_file":
        return uploadFile(ctx, request);
      case "files_api_routes_list_files":
        return listFiles(ctx, q);
      case "files_api_routes_retrieve_file":
        return retrieveFile(ctx, params.file_id);
      case "files_api_routes_download_file":
        return downloadFile(ctx, params.file_id);
      case "files_api_routes_get_signed_url":
        return signedUrl(ctx, params.file_id, q, url.origin);
      case "files_api_routes_delete_file":
        return deleteFile(ctx, params.file_id, (fileId) => refreshActiveJobs(ctx, { fileId }));
      case "jobs_api_routes_fine_tuning_get_fine_tuning_jobs":
        return listJobs(ctx, q);
      case "jobs_api_routes_fine_tuning_create_fine_tuning_job":
        return createJob(ctx, body as JobIn, q.dry_run === true);
      case "jobs_api_routes_fine_tuning_get_fine_tuning_job":
        return getJob(ctx, params.job_id);
      case "jobs_api_routes_fine_tuning_cancel_fine_tuning_job":
        return cancelJob(ctx, params.job_id);
      case "jobs_api_routes_fine_tuning_start_fine_tuning_job":
        return startJob(ctx, params.job_id);
      case "chat_completion_v1_chat_completions_post":
        return chatCompletion(body as ChatCompletionRequest, generation(request.signal));
      case "fim_completion_v1_fim_completions_post":
        return fimCompletion(body as FIMCompletionRequest, generation(request.signal));
      case "agents_completion_v1_agents_completions_post":
        return agentsCompletion(
          body as AgentsCompletionRequest,
          generation(request.signal),
          storedAgent(ctx, (body as AgentsCompletionRequest).agent_id),
        );
      case "embeddings_v1_embeddings_post":
        return embeddings(body as EmbeddingRequest, generation(request.signal));
      default:
        // Today's other operations: some simulated (today-routes.ts), the rest answer 501.
        return routeToday(op, params, request, url, {
          ctx,
          generation: () => generation(request.signal),
          // A JSON body was read and checked against today's schema above.
          readJson: async (r) => (op.body === "json" ? { value: body } : readJson(r)),
        });
    }
  }

  return {
    async handle(request) {
      try {
        return await route(request);
      } catch (err) {
        // The message only: no stack trace and no internals in the response.
        console.error(
          "[sandbox] %s %s failed:",
          request.method,
          new URL(request.url).pathname,
          err,
        );
        return mistralError(
          500,
          "The sandbox failed to handle this request.",
          "internal_server_error",
        );
      }
    },
    stats: () => ({ abortedGenerations, activeGenerations }),
    close: () => ctx.store.close(),
  };
}

function notImplemented(method: string, pathname: string): Response {
  return mistralError(
    404,
    `The sandbox does not implement ${method.toUpperCase()} ${pathname.slice(0, 120)} yet. Set MISTRAL_API_KEY to use the live API.`,
    "invalid_request_error",
    "not_implemented",
  );
}

/** Reads a JSON body with a size cap; a 422 like FastAPI's when it is missing or malformed. */
async function readJson(request: Request): Promise<{ value: unknown } | Response> {
  const { bytes, complete } = request.body
    ? await readCapped(request.body, MAX_JSON_BYTES)
    : { bytes: new Uint8Array(), complete: true };
  if (!complete) return mistralError(413, "Request body too large.", "invalid_request_error");
  const text = new TextDecoder().decode(bytes);
  if (!text.trim())
    return validationError([{ loc: ["body"], msg: "Field required", type: "missing" }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return validationError([
      { loc: ["body"], msg: `JSON decode error: ${(err as Error).message}`, type: "json_invalid" },
    ]);
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    return validationError([
      {
        loc: ["body"],
        msg: `JSON nested too deeply: more than ${MAX_JSON_DEPTH} levels of arrays and objects`,
        type: "json_invalid",
      },
    ]);
  }
  return { value };
}

/** The deepest nesting of arrays and objects in valid JSON text, found without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * Ensures at least `count` fine-tuned models exist in `<dataDir>/sandbox/` (e.g. for the models
 * page benchmark); returns how many were added.
 */
export function seedModels(dataDir: string, count: number, now: () => number = Date.now): number {
  const ctx: SandboxContext = {
    store: openStore(dataDir),
    now,
    speed: 1,
    maxUploadBytes: MAX_UPLOAD_BYTES,
  };
  try {
    return seedFineTunedModels(ctx, count);
  } finally {
    ctx.store.close();
  }
}
