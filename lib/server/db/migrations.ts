import "server-only";
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { ConsoleDatabase, DatabaseKind } from "./index";

/**
 * Numbered schema changes, applied in order at start-up (Kysely's migrator keeps a lock, so
 * several instances starting together on one PostgreSQL apply each once). Never edit a migration
 * that has shipped: add the next one.
 */
function migrations(kind: DatabaseKind): Record<string, Migration> {
  const pg = kind === "postgres";
  const date = pg ? "timestamptz" : "date";
  const bool = pg ? "boolean" : "integer";
  const id = pg ? "bigserial" : "integer";
  return {
    // better-auth's tables (user with the console's role/disabled/limit fields, session, account,
    // verification, rateLimit), in the shape its adapter expects; test/auth/schema.test.ts checks
    // that better-auth finds nothing missing.
    "001_auth": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("user")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("email", "text", (c) => c.notNull().unique())
          .addColumn("emailVerified", bool, (c) => c.notNull())
          .addColumn("image", "text")
          .addColumn("createdAt", date, (c) => c.notNull())
          .addColumn("updatedAt", date, (c) => c.notNull())
          .addColumn("role", "text")
          .addColumn("disabled", bool)
          .addColumn("rateLimitPerMinute", "integer")
          .execute();
        await db.schema
          .createTable("session")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("expiresAt", date, (c) => c.notNull())
          .addColumn("token", "text", (c) => c.notNull().unique())
          .addColumn("createdAt", date, (c) => c.notNull())
          .addColumn("updatedAt", date, (c) => c.notNull())
          .addColumn("ipAddress", "text")
          .addColumn("userAgent", "text")
          .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
          .execute();
        await db.schema
          .createTable("account")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("accountId", "text", (c) => c.notNull())
          .addColumn("providerId", "text", (c) => c.notNull())
          .addColumn("userId", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
          .addColumn("accessToken", "text")
          .addColumn("refreshToken", "text")
          .addColumn("idToken", "text")
          .addColumn("accessTokenExpiresAt", date)
          .addColumn("refreshTokenExpiresAt", date)
          .addColumn("scope", "text")
          .addColumn("password", "text")
          .addColumn("createdAt", date, (c) => c.notNull())
          .addColumn("updatedAt", date, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("verification")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("identifier", "text", (c) => c.notNull())
          .addColumn("value", "text", (c) => c.notNull())
          .addColumn("expiresAt", date, (c) => c.notNull())
          .addColumn("createdAt", date, (c) => c.notNull())
          .addColumn("updatedAt", date, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("rateLimit")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("key", "text", (c) => c.notNull().unique())
          .addColumn("count", "integer", (c) => c.notNull())
          .addColumn("lastRequest", "bigint", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("session_userId_idx").on("session").column("userId").execute();
        await db.schema.createIndex("account_userId_idx").on("account").column("userId").execute();
        await db.schema
          .createIndex("verification_identifier_idx")
          .on("verification")
          .column("identifier")
          .execute();
      },
    },
    "002_console": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("console_token")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("user.id").onDelete("cascade"),
          )
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("prefix", "text", (c) => c.notNull())
          .addColumn("hash", "text", (c) => c.notNull().unique())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("last_used_at", "bigint")
          .execute();
        await db.schema
          .createIndex("console_token_user_idx")
          .on("console_token")
          .column("user_id")
          .execute();
        await db.schema
          .createTable("audit_log")
          .addColumn("id", id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn("at", "bigint", (c) => c.notNull())
          .addColumn("user_id", "text", (c) => c.notNull())
          .addColumn("user_email", "text", (c) => c.notNull())
          .addColumn("via", "text", (c) => c.notNull())
          .addColumn("token_id", "text")
          .addColumn("operation", "text", (c) => c.notNull())
          .addColumn("method", "text", (c) => c.notNull())
          .addColumn("path", "text", (c) => c.notNull())
          .addColumn("target", "text")
          .addColumn("status", "integer")
          .addColumn("model", "text")
          .addColumn("prompt_tokens", "integer")
          .addColumn("completion_tokens", "integer")
          .addColumn("total_tokens", "integer")
          .addColumn("duration_ms", "integer")
          .addColumn("spend", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex("audit_at_idx").on("audit_log").column("at").execute();
        await db.schema
          .createIndex("audit_user_at_idx")
          .on("audit_log")
          .columns(["user_id", "at"])
          .execute();
        await db.schema
          .createTable("job_owner")
          .addColumn("job_id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) => c.notNull())
          .addColumn("user_email", "text", (c) => c.notNull())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("sign_in_failure")
          .addColumn("id", id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn("email", "text", (c) => c.notNull())
          .addColumn("at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("sign_in_failure_email_idx")
          .on("sign_in_failure")
          .columns(["email", "at"])
          .execute();
        await db.schema
          .createTable("setup_token")
          .addColumn("hash", "text", (c) => c.primaryKey())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .execute();
      },
    },
    // Who made each batch job, agent, conversation and library through the console, so members
    // manage their own (fine-tuning jobs keep their job_owner table).
    "003_resource_owner": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("resource_owner")
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("resource_id", "text", (c) => c.notNull())
          .addColumn("user_id", "text", (c) => c.notNull())
          .addColumn("user_email", "text", (c) => c.notNull())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("resource_owner_pk", ["kind", "resource_id"])
          .execute();
      },
    },
    // Playground conversations, per user (they used to live in the browser's localStorage, where
    // the next person signing in on the same browser could read them). The primary key includes
    // the owner, so ids the browser makes up can never collide with, or reveal, someone else's.
    "004_conversation": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("conversation")
          .addColumn("user_id", "text", (c) => c.notNull())
          .addColumn("id", "text", (c) => c.notNull())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("message_count", "integer", (c) => c.notNull())
          .addColumn("data", "text", (c) => c.notNull())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("updated_at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("conversation_pk", ["user_id", "id"])
          .execute();
        await db.schema
          .createIndex("conversation_user_updated_idx")
          .on("conversation")
          .columns(["user_id", "updated_at"])
          .execute();
      },
    },
    // Where an audit entry's token counts come from: "upstream" (the API's usage chunk) or
    // "console" (estimated by the console for a stream that ended without one: stopped or cut).
    "005_audit_usage_source": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("audit_log").addColumn("usage_source", "text").execute();
      },
    },
    // What each spending call consumed in the unit it is billed in (OCR in pages, transcription
    // in audio seconds, the rest in tokens); the token columns keep the token breakdown. Calls
    // recorded before it have their tokens filed as such.
    "006_usage_unit": {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable("audit_log").addColumn("usage_unit", "text").execute();
        await db.schema
          .alterTable("audit_log")
          .addColumn("usage_quantity", pg ? "double precision" : "real")
          .execute();
        await sql`update audit_log set usage_unit = 'tokens', usage_quantity = total_tokens
          where total_tokens is not null and spend = 1`.execute(db);
      },
    },
    // The console's own copy of every fine-tuning job it has seen (lib/server/job-archive.ts), so
    // jobs stay readable after the upstream stops serving them (Mistral retired them in 2026-08).
    "007_job_archive": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("job_archive")
          .addColumn("job_id", "text", (c) => c.primaryKey())
          .addColumn("summary", "text", (c) => c.notNull())
          .addColumn("detail", "text")
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("seen_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("job_archive_created_idx")
          .on("job_archive")
          .column("created_at")
          .execute();
      },
    },
    // Teams, prices and budgets (README "Teams, prices and budgets"). A user is in at most one
    // team (team_member's key is the user). The audit log becomes the spending ledger: each
    // spending call records its team, its reservation while in flight (the worst case, admitted
    // against the budgets before it is forwarded) and, once settled, its cost in nano-dollars,
    // priced when it happened so later price changes leave it alone. budget_notice remembers which
    // budget has crossed its soft threshold in which period, so the notice is written once.
    "008_teams_budgets": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("team")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("name", "text", (c) => c.notNull().unique())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("team_member")
          .addColumn("user_id", "text", (c) =>
            c.primaryKey().references("user.id").onDelete("cascade"),
          )
          .addColumn("team_id", "text", (c) =>
            c.notNull().references("team.id").onDelete("cascade"),
          )
          .addColumn("team_role", "text", (c) => c.notNull())
          .addColumn("added_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("team_member_team_idx")
          .on("team_member")
          .column("team_id")
          .execute();
        await db.schema
          .createTable("price")
          .addColumn("model", "text", (c) => c.primaryKey())
          .addColumn("input_per_m", "text")
          .addColumn("output_per_m", "text")
          .addColumn("per_ocr_page", "text")
          .addColumn("per_audio_minute", "text")
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("updated_at", "bigint", (c) => c.notNull())
          .addColumn("updated_by", "text")
          .execute();
        await db.schema
          .createTable("budget")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("subject_id", "text", (c) => c.notNull())
          .addColumn("period", "text", (c) => c.notNull())
          .addColumn("max_tokens", "bigint")
          .addColumn("max_cost_nanos", "bigint")
          .addColumn("soft_percent", "integer", (c) => c.notNull().defaultTo(80))
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("updated_at", "bigint", (c) => c.notNull())
          .addUniqueConstraint("budget_subject_period_uq", ["scope", "subject_id", "period"])
          .execute();
        await db.schema
          .createTable("budget_notice")
          .addColumn("budget_id", "text", (c) =>
            c.notNull().references("budget.id").onDelete("cascade"),
          )
          .addColumn("period_start", "bigint", (c) => c.notNull())
          .addColumn("at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("budget_notice_pk", ["budget_id", "period_start"])
          .execute();
        await db.schema.alterTable("audit_log").addColumn("team_id", "text").execute();
        await db.schema.alterTable("audit_log").addColumn("reserved_tokens", "bigint").execute();
        await db.schema
          .alterTable("audit_log")
          .addColumn("reserved_cost_nanos", "bigint")
          .execute();
        await db.schema.alterTable("audit_log").addColumn("cost_nanos", "bigint").execute();
        await db.schema
          .createIndex("audit_team_at_idx")
          .on("audit_log")
          .columns(["team_id", "at"])
          .execute();
        await db.schema
          .createIndex("audit_token_at_idx")
          .on("audit_log")
          .columns(["token_id", "at"])
          .execute();
      },
    },
    // Single sign-on: ordered rules mapping an identity-provider group to a team and/or a console
    // role (lib/server/sso.ts applies them at each sign-on). A deleted team leaves its rules with
    // no team, so a role they grant still holds.
    "009_sso_groups": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("sso_group_mapping")
          .addColumn("position", "integer", (c) => c.primaryKey())
          .addColumn("group", "text", (c) => c.notNull())
          .addColumn("team_id", "text", (c) => c.references("team.id").onDelete("set null"))
          .addColumn("role", "text")
          .addColumn("team_role", "text")
          .execute();
      },
    },
    // Budget counters: per subject (user, team, token), period and period start, the sum the
    // ledger holds for it (reservations of calls in flight, usage of settled ones), kept in step
    // with the ledger in the same transaction as each admission and settlement. Admission reads
    // one row per budget instead of summing the period's ledger, which grew with every call
    // (bench/budget-admission.ts: +109 ms per call on SQLite, +226 ms on PostgreSQL with 10,000
    // calls in the period).
    "010_budget_counter": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("budget_counter")
          .addColumn("scope", "text", (c) => c.notNull())
          .addColumn("subject_id", "text", (c) => c.notNull())
          .addColumn("period", "text", (c) => c.notNull())
          .addColumn("period_start", "bigint", (c) => c.notNull())
          .addColumn("tokens", "bigint", (c) => c.notNull())
          .addColumn("cost_nanos", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("budget_counter_pk", [
            "scope",
            "subject_id",
            "period",
            "period_start",
          ])
          .execute();
      },
    },
  };
}

/** Applies every migration not applied yet (tests may stop at `upTo`, to check the next one). */
export async function migrate(database: ConsoleDatabase, upTo?: string): Promise<void> {
  const list = migrations(database.kind);
  const provider: MigrationProvider = { getMigrations: async () => list };
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = upTo
    ? await migrator.migrateTo(upTo)
    : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
    throw new Error(`Database migration ${failed} failed: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** For tests: the current time according to the database (proves the connection works). */
export async function ping(database: ConsoleDatabase): Promise<void> {
  await sql`select 1`.execute(database.db);
}
