// Our numbered migrations build the tables better-auth expects: its own migration planner,
// given the console's options, finds nothing to create or add. And migrating twice is a no-op.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getMigrations } from "better-auth/db/migration";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/server/auth/auth";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { openDatabase } from "@/lib/server/db";
import { migrate, ping } from "@/lib/server/db/migrations";
import { createTestAuth, DATABASES, TEST_SECRET, type TestAuth } from "./harness";

const OUR_TABLES = [
  "account",
  "audit_log",
  "budget",
  "budget_counter",
  "budget_notice",
  "console_token",
  "conversation",
  "job_archive",
  "job_owner",
  "price",
  "rateLimit",
  "resource_owner",
  "session",
  "setup_token",
  "sign_in_failure",
  "sso_group_mapping",
  "team",
  "team_member",
  "user",
  "verification",
];

describe.each(DATABASES)("the schema on %s", (kind) => {
  let t: TestAuth;

  beforeAll(async () => {
    t = await createTestAuth(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function tables(): Promise<string[]> {
    const meta = await t.ctx.database.db.introspection.getTables();
    return meta.map((m) => m.name).filter((n) => !n.startsWith("kysely_"));
  }

  it("creates the console's tables", async () => {
    await ping(t.ctx.database);
    expect((await tables()).sort()).toEqual(OUR_TABLES);
  });

  it.each([
    ["without single sign-on", {}],
    [
      "with single sign-on",
      { OIDC_ISSUER: "https://idp.example", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" },
    ],
  ])("better-auth finds nothing to create or add (%s)", async (_what, env) => {
    const config = parseAuthConfig({ CONSOLE_URL: "http://console.test", ...env });
    // Type differences and nullability drift are only logged as warnings: collect them.
    const warnings: string[] = [];
    const plan = await getMigrations({
      ...authOptions(config, t.ctx.database, TEST_SECRET),
      logger: {
        level: "warn",
        log: (level, message) => void warnings.push(`${level}: ${message}`),
      },
    });
    expect(warnings).toEqual([]);
    expect(plan.unsafeChanges ?? []).toEqual([]);
    expect(plan.toBeCreated.map((c) => c.table)).toEqual([]);
    expect(plan.toBeAdded.map((a) => `${a.table}: ${Object.keys(a.fields).join(", ")}`)).toEqual(
      [],
    );
    expect(plan.toBeAddedIndexes.map((i) => i.name)).toEqual([]);
  });

  it("the planner would notice a missing column (the check can fail)", async () => {
    const config = parseAuthConfig({ CONSOLE_URL: "http://console.test" });
    const options = authOptions(config, t.ctx.database, TEST_SECRET);
    const warnings: string[] = [];
    const plan = await getMigrations({
      ...options,
      logger: { level: "warn", log: (_level, message) => void warnings.push(message) },
      user: {
        ...options.user,
        additionalFields: {
          ...options.user?.additionalFields,
          role: { type: "number", required: false },
          department: { type: "string", required: false },
        },
      },
    });
    expect(plan.toBeAdded.map((a) => [a.table, Object.keys(a.fields)])).toEqual([
      ["user", ["department"]],
    ]);
    expect(warnings.join("\n")).toMatch(/Field role in table user has a different type/);
  });

  it("migrating again changes nothing", async () => {
    const before = await t.ctx.database.db.introspection.getTables();
    const applied = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(t.ctx.database.db);
    await migrate(t.ctx.database);
    await migrate(t.ctx.database);
    const after = await t.ctx.database.db.introspection.getTables();
    expect(after).toEqual(before);
    const again = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(t.ctx.database.db);
    expect(again.rows).toEqual(applied.rows);
    expect(applied.rows.map((r) => r.name)).toEqual([
      "001_auth",
      "002_console",
      "003_resource_owner",
      "004_conversation",
      "005_audit_usage_source",
      "006_usage_unit",
      "007_job_archive",
      "008_teams_budgets",
      "009_sso_groups",
      "010_budget_counter",
    ]);
  });
});

describe("SQLite's write-ahead log", () => {
  it("is moved into the database file in the background, without a request's commit doing it", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "console-wal-"));
    const database = openDatabase({ dataDir });
    try {
      await migrate(database);
      const file = path.join(dataDir, "console.db");
      const before = statSync(file).size;
      // ~400 log pages: under the 1,000 at which a commit would checkpoint by itself.
      for (let i = 0; i < 100; i++) {
        await database.db
          .insertInto("audit_log")
          .values({
            at: Date.now(),
            user_id: "u",
            user_email: "u@example.com",
            via: "local",
            token_id: null,
            operation: "chat.completions",
            method: "POST",
            path: "/v1/chat/completions",
            target: "x".repeat(2000),
            status: 200,
            spend: 1,
          })
          .execute();
      }
      expect(statSync(file).size).toBe(before);
      let size = before;
      for (let i = 0; i < 60 && size === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        size = statSync(file).size;
      }
      expect(size).toBeGreaterThan(before + 100 * 2000);
      const count = await database.db
        .selectFrom("audit_log")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(100);
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
