import type { Operation, OperationId, Tag } from "@/lib/mistral/operations";

/**
 * Roles and what each may do. Shared by the server (which refuses) and the UI (which hides):
 * one table, so the two never disagree.
 */
export const ROLES = ["viewer", "member", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // viewer: reads what the workspace holds, spends nothing
  "models.read",
  "files.read",
  "jobs.read",
  "batch.read",
  "agents.read",
  "conversations.read",
  "libraries.read",
  "usage.read_own",
  "tokens.manage_own",
  // member: inference, uploads, batch jobs, and the agents, conversations and libraries they made
  "playground.use",
  "files.upload",
  "jobs.create",
  "jobs.manage_own",
  "batch.create",
  "batch.manage_own",
  "agents.create",
  "agents.manage_own",
  "conversations.manage_own",
  "libraries.create",
  "libraries.manage_own",
  // admin
  "files.delete",
  "jobs.manage_any",
  "batch.manage_any",
  "agents.manage_any",
  "conversations.manage_any",
  "libraries.manage_any",
  "models.manage",
  "connectors.use",
  "workflows.use",
  "observability.use",
  "rag.use",
  "prompts.use",
  "skills.use",
  "voices.use",
  "users.manage",
  "tokens.manage_any",
  "audit.read",
  "usage.read_all",
  "teams.manage",
  "prices.manage",
  "budgets.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What each permission lets one do, to finish "You can't …" and "You don't have permission to …"
 * (the refusal pages, the error hints and the server's 403 messages all read this one table).
 */
export const PERMISSION_PHRASES: Record<Permission, string> = {
  "models.read": "see the models",
  "files.read": "see the files",
  "jobs.read": "see the fine-tuning jobs",
  "batch.read": "see the batch jobs",
  "agents.read": "see the agents",
  "conversations.read": "see the conversations",
  "libraries.read": "see the libraries",
  "usage.read_own": "see your usage",
  "tokens.manage_own": "manage your console tokens",
  "playground.use": "use the playground",
  "files.upload": "upload files",
  "jobs.create": "create fine-tuning jobs",
  "jobs.manage_own": "start or cancel your fine-tuning jobs",
  "batch.create": "run batch jobs",
  "batch.manage_own": "cancel or delete your batch jobs",
  "agents.create": "create agents",
  "agents.manage_own": "change or delete your agents",
  "conversations.manage_own": "delete your conversations",
  "libraries.create": "create libraries",
  "libraries.manage_own": "change your libraries and their documents",
  "files.delete": "delete files",
  "jobs.manage_any": "start or cancel other people's fine-tuning jobs",
  "batch.manage_any": "cancel or delete other people's batch jobs",
  "agents.manage_any": "change or delete other people's agents",
  "conversations.manage_any": "delete other people's conversations",
  "libraries.manage_any": "change other people's libraries",
  "models.manage": "rename, archive or delete models",
  "connectors.use": "use connectors",
  "workflows.use": "use workflows",
  "observability.use": "use observability",
  "rag.use": "use RAG",
  "prompts.use": "use prompts",
  "skills.use": "use skills",
  "voices.use": "use voices",
  "users.manage": "manage users",
  "tokens.manage_any": "manage other people's console tokens",
  "audit.read": "read the audit log",
  "usage.read_all": "see everyone's usage",
  "teams.manage": "manage teams",
  "prices.manage": "change model prices",
  "budgets.manage": "manage budgets",
};

const VIEWER: readonly Permission[] = [
  "models.read",
  "files.read",
  "jobs.read",
  "batch.read",
  "agents.read",
  "conversations.read",
  "libraries.read",
  "usage.read_own",
  "tokens.manage_own",
];
const MEMBER: readonly Permission[] = [
  ...VIEWER,
  "playground.use",
  "files.upload",
  "jobs.create",
  "jobs.manage_own",
  "batch.create",
  "batch.manage_own",
  "agents.create",
  "agents.manage_own",
  "conversations.manage_own",
  "libraries.create",
  "libraries.manage_own",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: VIEWER,
  member: MEMBER,
  admin: PERMISSIONS,
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer:
    "Sees files, jobs, batch jobs, models, agents, conversations, libraries and charts; spends nothing.",
  member:
    "Also uses the playground and every inference API, uploads files, runs batch jobs, creates jobs, agents, conversations and libraries and manages their own.",
  admin:
    "Also deletes files, manages anyone's jobs, agents and libraries, models, connectors, workflows, observability, users and tokens, reads the audit log.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Unknown roles (a hand-edited database row, say) get nothing. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

/** What a tag's operations need: `read` for GET, `write` for every other method. */
interface TagRule {
  read: Permission;
  write: Permission;
}
const INFERENCE: TagRule = { read: "playground.use", write: "playground.use" };
const adminOnly = (permission: Permission): TagRule => ({ read: permission, write: permission });

/**
 * The permission rule of every tag of the spec's served operations (a tag added by a new spec
 * fails to compile here until it gets one). Viewers read the workspace's models, files, jobs,
 * batch jobs, agents, conversations and libraries; members use inference; connectors, workflows,
 * observability, RAG, prompts, skills and voices are for admins alone, reads included.
 */
export const TAG_PERMISSIONS = {
  models: { read: "models.read", write: "models.manage" },
  files: { read: "files.read", write: "files.delete" },
  "deprecated.fine-tuning": { read: "jobs.read", write: "jobs.manage_own" },
  batch: { read: "batch.read", write: "batch.manage_own" },
  chat: INFERENCE,
  fim: INFERENCE,
  agents: INFERENCE,
  embeddings: INFERENCE,
  classifiers: INFERENCE,
  ocr: INFERENCE,
  "audio.transcriptions": INFERENCE,
  "audio.speech": INFERENCE,
  // Starting, appending to and restarting a conversation is inference; deleting one is managing.
  "beta.conversations": { read: "conversations.read", write: "playground.use" },
  "beta.agents": { read: "agents.read", write: "agents.manage_own" },
  "beta.libraries": { read: "libraries.read", write: "libraries.manage_own" },
  "beta.libraries.documents": { read: "libraries.read", write: "libraries.manage_own" },
  "beta.libraries.accesses": { read: "libraries.read", write: "libraries.manage_own" },
  "beta.connectors": adminOnly("connectors.use"),
  "beta.observability.chat_completion_events": adminOnly("observability.use"),
  "beta.observability.chat_completion_events.fields": adminOnly("observability.use"),
  "beta.observability.judges": adminOnly("observability.use"),
  "beta.observability.campaigns": adminOnly("observability.use"),
  "beta.observability.datasets": adminOnly("observability.use"),
  "beta.observability.datasets.records": adminOnly("observability.use"),
  "beta.observability.logs": adminOnly("observability.use"),
  "beta.observability.traces": adminOnly("observability.use"),
  "beta.observability.spans": adminOnly("observability.use"),
  workflows: adminOnly("workflows.use"),
  "workflows.executions": adminOnly("workflows.use"),
  "workflows.metrics": adminOnly("workflows.use"),
  "workflows.runs": adminOnly("workflows.use"),
  "workflows.schedules": adminOnly("workflows.use"),
  "workflows.deployments": adminOnly("workflows.use"),
  events: adminOnly("workflows.use"),
  "beta.rag.ingestion_pipeline_configurations": adminOnly("rag.use"),
  "beta.rag.search_indexes": adminOnly("rag.use"),
  "beta.prompts": adminOnly("prompts.use"),
  "beta.skills": adminOnly("skills.use"),
  "audio.voices": adminOnly("voices.use"),
} as const satisfies Record<Tag, TagRule>;

/** Operations whose permission is not their tag's rule: creating, uploading, deleting. */
const OPERATION_EXCEPTIONS: Partial<Record<OperationId, Permission>> = {
  files_api_routes_upload_file: "files.upload",
  jobs_api_routes_fine_tuning_create_fine_tuning_job: "jobs.create",
  jobs_api_routes_batch_create_batch_job: "batch.create",
  agents_api_v1_agents_create: "agents.create",
  libraries_create_v1: "libraries.create",
  agents_api_v1_conversations_delete: "conversations.manage_own",
};

/**
 * The permission an operation needs. A `*.manage_own` permission covers the caller's own
 * resource; anyone else's needs the matching `*.manage_any` (see OWNED_PERMISSIONS).
 */
export function operationPermission(op: Pick<Operation, "id" | "tag" | "method">): Permission {
  const rule: TagRule = TAG_PERMISSIONS[op.tag];
  return OPERATION_EXCEPTIONS[op.id] ?? (op.method === "GET" ? rule.read : rule.write);
}

/**
 * For each `*.manage_own` permission: the permission needed on a resource someone else made (or
 * that the console did not see made), and the path parameter naming the resource.
 */
export const OWNED_PERMISSIONS: Partial<
  Record<Permission, { any: Permission; kind: OwnedKind; param: string }>
> = {
  "jobs.manage_own": { any: "jobs.manage_any", kind: "job", param: "job_id" },
  "batch.manage_own": { any: "batch.manage_any", kind: "batch_job", param: "job_id" },
  "agents.manage_own": { any: "agents.manage_any", kind: "agent", param: "agent_id" },
  "conversations.manage_own": {
    any: "conversations.manage_any",
    kind: "conversation",
    param: "conversation_id",
  },
  "libraries.manage_own": { any: "libraries.manage_any", kind: "library", param: "library_id" },
};
export type OwnedKind = "job" | "batch_job" | "agent" | "conversation" | "library";

/** Tags whose every operation spends the key's budget (per-user request limits apply). */
const SPENDING_TAGS: ReadonlySet<string> = new Set([
  "chat",
  "fim",
  "agents",
  "embeddings",
  "classifiers",
  "ocr",
  "audio.transcriptions",
  "audio.speech",
]);

/** Spending operations of other tags: they run models or store data on the key's account. */
const SPENDING_IDS: ReadonlySet<string> = new Set<OperationId>([
  "files_api_routes_upload_file",
  "jobs_api_routes_fine_tuning_create_fine_tuning_job",
  "jobs_api_routes_fine_tuning_start_fine_tuning_job",
  "jobs_api_routes_batch_create_batch_job",
  "agents_api_v1_conversations_start",
  "agents_api_v1_conversations_append",
  "agents_api_v1_conversations_restart",
  "agents_api_v1_conversations_start_stream",
  "agents_api_v1_conversations_append_stream",
  "agents_api_v1_conversations_restart_stream",
  "libraries_documents_upload_v1",
  "libraries_documents_reprocess_v1",
  "judge_chat_completion_event_v1_observability_chat_completion_events__event_id__live_judging_post",
  "judge_conversation_v1_observability_judges__judge_id__live_judging_post",
  "judge_dataset_record_v1_observability_dataset_records__dataset_record_id__live_judging_post",
]);

/** Whether an operation spends the key's budget: per-user request limits apply to these. */
export function isSpending(op: Pick<Operation, "id" | "tag">): boolean {
  return SPENDING_TAGS.has(op.tag) || SPENDING_IDS.has(op.id);
}

/** The audit label of `POST /v1/fine_tuning/jobs?dry_run=true`: it sizes a job, creates none. */
export const DRY_RUN_LABEL = "jobs.dry_run";

/** Short names for the audit log and its filters; other operations are filed under their id. */
export const OPERATION_LABELS: Partial<Record<OperationId, string>> = {
  list_models_v1_models_get: "models.list",
  retrieve_model_v1_models__model_id__get: "models.get",
  delete_model_v1_models__model_id__delete: "models.delete",
  files_api_routes_upload_file: "files.upload",
  files_api_routes_list_files: "files.list",
  files_api_routes_retrieve_file: "files.get",
  files_api_routes_delete_file: "files.delete",
  jobs_api_routes_fine_tuning_get_fine_tuning_jobs: "jobs.list",
  jobs_api_routes_fine_tuning_create_fine_tuning_job: "jobs.create",
  jobs_api_routes_fine_tuning_get_fine_tuning_job: "jobs.get",
  jobs_api_routes_fine_tuning_cancel_fine_tuning_job: "jobs.cancel",
  jobs_api_routes_fine_tuning_start_fine_tuning_job: "jobs.start",
  jobs_api_routes_fine_tuning_update_fine_tuned_model: "models.update",
  jobs_api_routes_fine_tuning_archive_fine_tuned_model: "models.archive",
  jobs_api_routes_fine_tuning_unarchive_fine_tuned_model: "models.unarchive",
  chat_completion_v1_chat_completions_post: "chat.completions",
  fim_completion_v1_fim_completions_post: "fim.completions",
  agents_completion_v1_agents_completions_post: "agents.completions",
  embeddings_v1_embeddings_post: "embeddings",
  moderations_v1_moderations_post: "moderations",
  chat_moderations_v1_chat_moderations_post: "chat.moderations",
  classifications_v1_classifications_post: "classifications",
  chat_classifications_v1_chat_classifications_post: "chat.classifications",
  ocr_v1_ocr_post: "ocr",
  audio_api_v1_transcriptions_post: "audio.transcriptions",
  audio_api_v1_transcriptions_post_stream: "audio.transcriptions",
  speech_v1_audio_speech_post: "audio.speech",
  files_api_routes_download_file: "files.download",
  files_api_routes_get_signed_url: "files.url",
  jobs_api_routes_batch_get_batch_jobs: "batch.list",
  jobs_api_routes_batch_create_batch_job: "batch.create",
  jobs_api_routes_batch_get_batch_job: "batch.get",
  jobs_api_routes_batch_delete_batch_job: "batch.delete",
  jobs_api_routes_batch_cancel_batch_job: "batch.cancel",
  agents_api_v1_conversations_start: "conversations.start",
  agents_api_v1_conversations_start_stream: "conversations.start",
  agents_api_v1_conversations_append: "conversations.append",
  agents_api_v1_conversations_append_stream: "conversations.append",
  agents_api_v1_conversations_restart: "conversations.restart",
  agents_api_v1_conversations_restart_stream: "conversations.restart",
  agents_api_v1_conversations_delete: "conversations.delete",
  agents_api_v1_agents_create: "agents.create",
  agents_api_v1_agents_update: "agents.update",
  agents_api_v1_agents_delete: "agents.delete",
  libraries_create_v1: "libraries.create",
  libraries_delete_v1: "libraries.delete",
  libraries_documents_upload_v1: "libraries.documents.upload",
  libraries_documents_delete_v1: "libraries.documents.delete",
};

export function operationLabel(op: Pick<Operation, "id">): string {
  return OPERATION_LABELS[op.id] ?? op.id;
}

/**
 * What the audit log's operation filter offers: every audited write, reads left out. A label can
 * name several operations (a request and its streamed variant): listed once.
 */
export const AUDITED_OPERATIONS: readonly string[] = [
  ...new Set(
    Object.values(OPERATION_LABELS)
      .filter((l) => !/\.(list|get)$/.test(l))
      .flatMap((l) =>
        l === OPERATION_LABELS.jobs_api_routes_fine_tuning_create_fine_tuning_job
          ? [l, DRY_RUN_LABEL]
          : [l],
      ),
  ),
  "tokens.create",
  "tokens.revoke",
  "users.create",
  "users.update",
  "users.delete",
  "setup",
  "sso_mappings.update",
  "user.sso_sync",
].sort();
