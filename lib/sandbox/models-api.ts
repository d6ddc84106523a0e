// Models API: base models from the catalogue, fine-tuned models from the store.
import type { components } from "@/lib/mistral/schema.gen";
import type { SandboxContext } from "./context";
import { json, mistralError } from "./http";
import { type ClassifierTargetOut, refreshActiveJobs } from "./jobs";
import { BASE_MODELS, findBaseModel, type SandboxModel, toApiModel } from "./models";

/** The organisation that owns the sandbox's fine-tuned models (the real API puts an org id here). */
export const SANDBOX_ORG = "sandbox-org";

type S = components["schemas"];
type UpdateFTModelIn = S["UpdateModelRequest"];

/** The sandbox's one workspace (the real API puts the workspace's uuid here). */
export const SANDBOX_WORKSPACE = "00000000-0000-4000-8000-000000000001";

interface FTModelRow {
  id: string;
  job_id: string;
  root: string;
  created: number;
  archived: number;
  name: string | null;
  description: string | null;
  model_type: "completion" | "classifier";
  classifier_targets: string | null;
}

function fromRow(row: FTModelRow): SandboxModel & { targets: ClassifierTargetOut[] } {
  const base = findBaseModel(row.root);
  const classifier = row.model_type === "classifier";
  return {
    id: row.id,
    object: "model",
    created: row.created,
    owned_by: SANDBOX_ORG,
    root: row.root,
    archived: row.archived === 1,
    name: row.name,
    description: row.description,
    capabilities: {
      completion_chat: !classifier,
      function_calling: !classifier && (base?.capabilities.function_calling ?? false),
      reasoning: false,
      completion_fim: !classifier && (base?.capabilities.completion_fim ?? false),
      fine_tuning: false,
      vision: false,
      ocr: false,
      classification: classifier,
      moderation: false,
      audio: false,
      audio_transcription: false,
      audio_transcription_realtime: false,
      audio_speech: false,
      unified_resources: false,
    },
    max_context_length: base?.max_context_length ?? 32768,
    aliases: [],
    deprecation: null,
    deprecation_replacement_model: null,
    default_model_temperature: null,
    job: row.job_id,
    kind: "fine-tuned",
    modelType: row.model_type,
    family: base?.family ?? row.root,
    targets: JSON.parse(row.classifier_targets ?? "[]") as ClassifierTargetOut[],
  };
}

/** PATCH /v1/fine_tuning/models/{id}'s answer: CompletionFineTunedModel or ClassifierFineTunedModel. */
function toFineTunedModel(
  m: SandboxModel & { targets: ClassifierTargetOut[] },
): S["CompletionFineTunedModel"] | S["ClassifierFineTunedModel"] {
  const common = {
    id: m.id,
    object: "model" as const,
    created: m.created,
    owned_by: m.owned_by,
    workspace_id: SANDBOX_WORKSPACE,
    root: m.root ?? m.family,
    root_version: m.family,
    archived: m.archived,
    name: m.name,
    description: m.description,
    capabilities: {
      completion_chat: m.capabilities.completion_chat,
      completion_fim: m.capabilities.completion_fim,
      function_calling: m.capabilities.function_calling,
      fine_tuning: false,
      classification: m.capabilities.classification,
    },
    max_context_length: m.max_context_length,
    aliases: m.aliases,
    job: m.job,
  };
  return m.modelType === "classifier"
    ? { ...common, model_type: "classifier", classifier_targets: m.targets }
    : { ...common, model_type: "completion" };
}

function findFineTuned(
  ctx: SandboxContext,
  id: string,
): (SandboxModel & { targets: ClassifierTargetOut[] }) | undefined {
  const row = ctx.store.db
    .prepare("SELECT * FROM ft_models WHERE id = ? AND deleted = 0")
    .get(id) as FTModelRow | undefined;
  return row && fromRow(row);
}

/** Any model by id (base, alias or fine-tuned); a deleted fine-tuned model is undefined. */
export function getModel(ctx: SandboxContext, id: string): SandboxModel | undefined {
  const base = findBaseModel(id);
  if (base) return base;
  refreshActiveJobs(ctx); // a job that finished while nobody watched has produced its model
  return findFineTuned(ctx, id);
}

const modelNotFound = (id: string) =>
  mistralError(404, `Model '${id}' not found.`, "invalid_request_error", "model_not_found");

const baseRefused = (id: string, action: string) =>
  mistralError(
    400,
    `Model '${id}' is a base model: it cannot be ${action}. Only fine-tuned models (ft:...) can.`,
    "invalid_request_error",
    "base_model_not_modifiable",
  );

export function listModels(ctx: SandboxContext): Response {
  refreshActiveJobs(ctx);
  const rows = ctx.store.db
    .prepare("SELECT * FROM ft_models WHERE deleted = 0 ORDER BY rowid")
    .all() as FTModelRow[];
  return json({
    object: "list",
    data: [...BASE_MODELS.map(toApiModel), ...rows.map((r) => toApiModel(fromRow(r)))],
  });
}

export function retrieveModel(ctx: SandboxContext, id: string): Response {
  const model = getModel(ctx, id);
  return model ? json(toApiModel(model)) : modelNotFound(id);
}

/** Looks up a fine-tuned model for a change, or answers why it cannot be changed. */
function fineTunedOr(
  ctx: SandboxContext,
  id: string,
  action: string,
): (SandboxModel & { targets: ClassifierTargetOut[] }) | Response {
  if (findBaseModel(id)) return baseRefused(id, action);
  refreshActiveJobs(ctx);
  return findFineTuned(ctx, id) ?? modelNotFound(id);
}

export function deleteModel(ctx: SandboxContext, id: string): Response {
  const model = fineTunedOr(ctx, id, "deleted");
  if (model instanceof Response) return model;
  // The row stays (marked deleted) so the job that produced it never re-creates it.
  const { changes } = ctx.store.db
    .prepare("UPDATE ft_models SET deleted = 1 WHERE id = ? AND deleted = 0")
    .run(id);
  if (!changes) return modelNotFound(id);
  return json({ id, object: "model", deleted: true });
}

export function updateModel(ctx: SandboxContext, id: string, body: UpdateFTModelIn): Response {
  const model = fineTunedOr(ctx, id, "renamed or described");
  if (model instanceof Response) return model;
  const next = {
    id,
    name: body.name === undefined ? model.name : body.name,
    description: body.description === undefined ? model.description : body.description,
  };
  ctx.store.db
    .prepare("UPDATE ft_models SET name = @name, description = @description WHERE id = @id")
    .run(next);
  return json(toFineTunedModel({ ...model, ...next }));
}

export function setArchived(ctx: SandboxContext, id: string, archived: boolean): Response {
  const model = fineTunedOr(ctx, id, archived ? "archived" : "unarchived");
  if (model instanceof Response) return model;
  ctx.store.db.prepare("UPDATE ft_models SET archived = ? WHERE id = ?").run(archived ? 1 : 0, id);
  return json({ id, object: "model", archived });
}
