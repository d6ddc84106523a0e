import type { ColumnType, Generated } from "kysely";

/** Milliseconds since the epoch (bigint in PostgreSQL, integer in SQLite; read back as number). */
type Millis = number;

/** better-auth's own tables, as far as the console reads and writes them directly. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: ColumnType<boolean | number, boolean | number, boolean | number>;
  image: string | null;
  createdAt: ColumnType<Date | string | number, Date | string, Date | string>;
  updatedAt: ColumnType<Date | string | number, Date | string, Date | string>;
  role: string | null;
  disabled: ColumnType<boolean | number | null, boolean | number, boolean | number>;
  rateLimitPerMinute: number | null;
}

export interface SessionTable {
  id: string;
  userId: string;
  token: string;
  expiresAt: ColumnType<Date | string | number, Date | string, Date | string>;
}

/** Read by single sign-on (lib/server/sso.ts): the tokens of a user's latest sign-on. */
export interface AccountTable {
  id: string;
  userId: string;
  /** "credential" for a password, "oidc" for single sign-on. */
  providerId: string;
  /** The provider's subject for the user. */
  accountId: string;
  idToken: string | null;
  accessToken: string | null;
}

export interface ConsoleTokenTable {
  id: string;
  user_id: string;
  name: string;
  /** The first characters of the secret, shown to tell tokens apart. */
  prefix: string;
  /** SHA-256 of the secret, hex: the secret itself is never stored. */
  hash: string;
  created_at: Millis;
  last_used_at: Millis | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: Millis;
  user_id: string;
  user_email: string;
  via: string;
  token_id: string | null;
  operation: string;
  method: string;
  path: string;
  target: string | null;
  /** Null while the call is in flight. */
  status: number | null;
  model: string | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  total_tokens: number | null;
  /** "upstream" (the API's usage), "console" (estimated: the stream ended without usage), or null. */
  usage_source: ColumnType<string | null, string | null | undefined, string | null>;
  /** What the call consumed, in the unit it is billed in: tokens, pages (OCR), audio_seconds. */
  usage_unit: string | null;
  usage_quantity: number | null;
  duration_ms: number | null;
  /** 1 for operations that spend the key's budget (per-user limits count these). */
  spend: number;
  /** The caller's team when the call was made (usage and team budgets roll up by it). */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A spending call's worst case while in flight (budgets count it); null once settled. */
  reserved_tokens: ColumnType<number | null, number | null | undefined, number | null>;
  reserved_cost_nanos: ColumnType<number | null, number | null | undefined, number | null>;
  /** What the call cost in nano-dollars, priced when it settled; null when its model has no price. */
  cost_nanos: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface TeamTable {
  id: string;
  name: string;
  created_at: Millis;
}

export interface TeamMemberTable {
  /** A user is in at most one team. */
  user_id: string;
  team_id: string;
  /** "admin" (sees the team's usage) or "member". */
  team_role: string;
  added_at: Millis;
}

/** USD per unit as the admin (or the API) gave it, decimal text; null = unknown. */
export interface PriceTable {
  model: string;
  input_per_m: string | null;
  output_per_m: string | null;
  per_ocr_page: string | null;
  per_audio_minute: string | null;
  /** "admin" or "api". */
  source: string;
  updated_at: Millis;
  updated_by: string | null;
}

export interface BudgetTable {
  id: string;
  /** "user", "team" or "token": whose calls count (audit_log.user_id, team_id or token_id). */
  scope: string;
  subject_id: string;
  /** "day" (UTC day) or "month" (UTC calendar month). */
  period: string;
  max_tokens: number | null;
  max_cost_nanos: number | null;
  soft_percent: ColumnType<number, number | undefined, number>;
  created_at: Millis;
  updated_at: Millis;
}

/** The periods in which a budget crossed its soft threshold (the notice is written once each). */
export interface BudgetNoticeTable {
  budget_id: string;
  period_start: Millis;
  at: Millis;
}

/** One ordered rule: members of `group` (in the OIDC groups claim) get its team and/or role. */
export interface SsoGroupMappingTable {
  /** 0, 1, 2…: the first matching rule with a team decides the team. */
  position: number;
  group: string;
  team_id: string | null;
  /** A console role; the highest among matching rules wins. */
  role: string | null;
  /** "admin" or "member" in the rule's team; null without a team. */
  team_role: string | null;
}

export interface JobOwnerTable {
  job_id: string;
  user_id: string;
  user_email: string;
  created_at: Millis;
}

export interface ResourceOwnerTable {
  /** batch_job, agent, conversation or library. */
  kind: string;
  resource_id: string;
  user_id: string;
  user_email: string;
  created_at: Millis;
}

export interface SignInFailureTable {
  id: Generated<number>;
  email: string;
  at: Millis;
}

export interface SetupTokenTable {
  hash: string;
  created_at: Millis;
}

export interface ConversationTable {
  user_id: string;
  /** Made by the browser; unique per user (the primary key is user_id + id). */
  id: string;
  title: string;
  message_count: number;
  /** JSON: {system, messages, settings, renamed}. */
  data: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface JobArchiveTable {
  job_id: string;
  /** JSON: the job as the last list or job answer showed it. */
  summary: string;
  /** JSON: the last job answer (with its checkpoints and events); null until one was seen. */
  detail: string | null;
  /** The job's own created_at, in milliseconds. */
  created_at: Millis;
  seen_at: Millis;
}

/**
 * What the ledger counts against a subject's budgets in one period: reservations of calls in
 * flight plus usage of settled ones (tokens, and cost in nano-dollars). Kept in step with
 * audit_log by each admission and settlement, in their transaction.
 */
export interface BudgetCounterTable {
  scope: string;
  subject_id: string;
  period: string;
  period_start: Millis;
  tokens: number;
  cost_nanos: number;
}

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  console_token: ConsoleTokenTable;
  audit_log: AuditTable;
  job_owner: JobOwnerTable;
  resource_owner: ResourceOwnerTable;
  sign_in_failure: SignInFailureTable;
  setup_token: SetupTokenTable;
  conversation: ConversationTable;
  job_archive: JobArchiveTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  price: PriceTable;
  budget: BudgetTable;
  budget_notice: BudgetNoticeTable;
  sso_group_mapping: SsoGroupMappingTable;
  budget_counter: BudgetCounterTable;
}
