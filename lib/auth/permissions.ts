import type { OperationId } from "@/lib/mistral/operations";

/**
 * Roles and what each may do. Shared by the server (which refuses) and the UI (which hides):
 * one table, so the two never disagree.
 */
export const ROLES = ["viewer", "member", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  // viewer
  "models.read",
  "files.read",
  "jobs.read",
  "usage.read_own",
  "tokens.manage_own",
  // member
  "playground.use",
  "files.upload",
  "jobs.create",
  "jobs.manage_own",
  // admin
  "files.delete",
  "jobs.manage_any",
  "models.manage",
  "users.manage",
  "tokens.manage_any",
  "audit.read",
  "usage.read_all",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = [
  "models.read",
  "files.read",
  "jobs.read",
  "usage.read_own",
  "tokens.manage_own",
];
const MEMBER: readonly Permission[] = [
  ...VIEWER,
  "playground.use",
  "files.upload",
  "jobs.create",
  "jobs.manage_own",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  viewer: VIEWER,
  member: MEMBER,
  admin: PERMISSIONS,
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Sees files, jobs, models and charts; spends nothing.",
  member:
    "Also uses the playground, uploads files, and creates, starts and cancels their own jobs.",
  admin:
    "Also deletes files, cancels any job, manages models, users and tokens, reads the audit log.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Unknown roles (a hand-edited database row, say) get nothing. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return isRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * The permission each of the spec's 19 operations needs. Starting and cancelling a job need
 * `jobs.manage_own` for the caller's own jobs and `jobs.manage_any` for anyone else's.
 */
export const OPERATION_PERMISSIONS = {
  list_models_v1_models_get: "models.read",
  retrieve_model_v1_models__model_id__get: "models.read",
  delete_model_v1_models__model_id__delete: "models.manage",
  files_api_routes_upload_file: "files.upload",
  files_api_routes_list_files: "files.read",
  files_api_routes_retrieve_file: "files.read",
  files_api_routes_delete_file: "files.delete",
  jobs_api_routes_fine_tuning_get_fine_tuning_jobs: "jobs.read",
  jobs_api_routes_fine_tuning_create_fine_tuning_job: "jobs.create",
  jobs_api_routes_fine_tuning_get_fine_tuning_job: "jobs.read",
  jobs_api_routes_fine_tuning_cancel_fine_tuning_job: "jobs.manage_own",
  jobs_api_routes_fine_tuning_start_fine_tuning_job: "jobs.manage_own",
  jobs_api_routes_fine_tuning_update_fine_tuned_model: "models.manage",
  jobs_api_routes_fine_tuning_archive_fine_tuned_model: "models.manage",
  jobs_api_routes_fine_tuning_unarchive_fine_tuned_model: "models.manage",
  chat_completion_v1_chat_completions_post: "playground.use",
  fim_completion_v1_fim_completions_post: "playground.use",
  agents_completion_v1_agents_completions_post: "playground.use",
  embeddings_v1_embeddings_post: "playground.use",
} as const satisfies Record<OperationId, Permission>;

/** Operations that spend the key's budget: per-user request limits apply to these. */
export const SPENDING_OPERATIONS: ReadonlySet<OperationId> = new Set<OperationId>([
  "chat_completion_v1_chat_completions_post",
  "fim_completion_v1_fim_completions_post",
  "agents_completion_v1_agents_completions_post",
  "embeddings_v1_embeddings_post",
  "files_api_routes_upload_file",
  "jobs_api_routes_fine_tuning_create_fine_tuning_job",
  "jobs_api_routes_fine_tuning_start_fine_tuning_job",
]);

/** The audit label of `POST /v1/fine_tuning/jobs?dry_run=true`: it sizes a job, creates none. */
export const DRY_RUN_LABEL = "jobs.dry_run";

/** Short names for the audit log and its filters. */
export const OPERATION_LABELS: Record<OperationId, string> = {
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
};

/** What the audit log's operation filter offers: every audited write, reads left out. */
export const AUDITED_OPERATIONS: readonly string[] = [
  ...Object.values(OPERATION_LABELS)
    .filter((l) => !/\.(list|get)$/.test(l))
    .flatMap((l) =>
      l === OPERATION_LABELS.jobs_api_routes_fine_tuning_create_fine_tuning_job
        ? [l, DRY_RUN_LABEL]
        : [l],
    ),
  "tokens.create",
  "tokens.revoke",
  "users.create",
  "users.update",
  "users.delete",
  "setup",
].sort();
