/**
 * What budgets add per spending call, in process (no Next, no network): an embeddings call through
 * `guardGateway` (console token) over an in-memory upstream, whose admission and settlement are
 * the audit log's INSERT … SELECT … WHERE and UPDATE. Measured without any budget (the spending
 * call still looks up its team and budgets, and prices its cost when it settles), and with three
 * budgets applying to it (the user's, their team's, the token's; tokens and cost), on SQLite and on
 * PostgreSQL, with the period's ledger empty and holding --ledger rows of that user, team and token
 * (the budget sums read them). Runs alternate, the median of --rounds is reported.
 *
 *   npx tsx --conditions react-server bench/budget-admission.ts [--requests 500] [--rounds 3]
 *     [--ledger 10000] [--pg postgres://…/postgres]
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createAuthContext, type AuthContext } from "@/lib/server/auth/auth";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { guardGateway } from "@/lib/server/auth/guard";
import { createToken } from "@/lib/server/auth/tokens";
import { createUser } from "@/lib/server/auth/users";
import { createBudget, deleteBudget } from "@/lib/server/budgets";
import { parseConfig } from "@/lib/server/config";
import { createGateway, type Gateway } from "@/lib/server/gateway";
import type { Answer } from "@/lib/server/answer";
import { Body } from "@/lib/server/body";
import { setPrice } from "@/lib/server/prices";
import { createTeam, setMembership } from "@/lib/server/teams";
import { median } from "./lib/stats";
import { arg, header, loadavg, saveResult } from "./lib/system";
import { printTable } from "./lib/stats";

const REQUESTS = Number(arg("requests", "500"));
const ROUNDS = Number(arg("rounds", "3"));
const LEDGER = Number(arg("ledger", "10000"));
const PG_ADMIN = arg("pg", process.env.TEST_DATABASE_URL ?? "");
const ORIGIN = "http://console.bench";
const BODY = JSON.stringify({ model: "mistral-embed", input: ["a sentence to embed"] });
const ANSWER = JSON.stringify({
  model: "mistral-embed",
  data: [{ embedding: [0.1], index: 0 }],
  usage: { prompt_tokens: 10, completion_tokens: 0, total_tokens: 10 },
});

const upstream = async (): Promise<Answer> => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: Body.of(ANSWER),
});

async function context(kind: "sqlite" | "postgres"): Promise<AuthContext> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "budget-bench-"));
  const env: Record<string, string> = { CONSOLE_URL: ORIGIN };
  if (kind === "postgres") {
    const name = `bench_budget_${Date.now()}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    env.DATABASE_URL = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
    env.CONSOLE_SECRET = "bench-secret-bench-secret-bench-secret";
  }
  return createAuthContext(parseAuthConfig(env), dataDir);
}

/** µs per call, `REQUESTS` sequential calls after a warm-up. */
async function timeIt(handler: Gateway, secret: string): Promise<number> {
  const once = async () => {
    const response = await handler(
      new Request(`${ORIGIN}/v1/embeddings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: BODY,
      }),
    );
    const text = await response.body?.text();
    if (response.status !== 200) throw new Error(`${response.status}: ${text}`);
  };
  for (let i = 0; i < 50; i++) await once();
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) await once();
  return ((performance.now() - t0) / REQUESTS) * 1000;
}

/** `n` settled spending rows of this user, team and token, earlier today (the sums read them). */
async function fillLedger(ctx: AuthContext, who: Record<string, string>, n: number) {
  const now = Date.now();
  const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
  for (let done = 0; done < n; done += 500) {
    const rows = Array.from({ length: Math.min(500, n - done) }, (_, i) => ({
      at: dayStart + ((done + i) % Math.max(1, now - dayStart - 1000)),
      user_id: who.userId,
      user_email: who.email,
      via: "token",
      token_id: who.tokenId,
      team_id: who.teamId,
      operation: "embeddings",
      method: "POST",
      path: "/v1/embeddings",
      target: "mistral-embed",
      status: 200,
      model: "mistral-embed",
      prompt_tokens: 10,
      completion_tokens: 0,
      total_tokens: 10,
      usage_unit: "tokens",
      usage_quantity: 10,
      duration_ms: 1,
      spend: 1,
      cost_nanos: 1000,
    }));
    await ctx.database.db.insertInto("audit_log").values(rows).execute();
  }
}

async function main() {
  header("budgets: added cost per spending call (in process, no Next, no network)");
  const config = parseConfig({
    MISTRAL_API_KEY: "bench-key",
    MISTRAL_BASE_URL: "http://127.0.0.1:1",
  });
  const gateway = createGateway({ config, upstream, log: () => undefined });
  const results: Record<string, number> = {};
  const rows: string[][] = [];
  for (const kind of PG_ADMIN ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
    const ctx = await context(kind);
    const user = await createUser(ctx, {
      email: "bench@example.com",
      name: "Bench",
      password: "bench-password-123",
      role: "member",
    });
    const principal = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: "member" as const,
      via: "session" as const,
      tokenId: null,
      rateLimitPerMinute: null,
    };
    const { secret, token } = await createToken(ctx, principal, "bench");
    const team = await createTeam(ctx, "Bench");
    await setMembership(ctx, user.id, team.id, "member");
    await setPrice(ctx, "bench", {
      model: "mistral-embed",
      inputPerM: "0.1",
      outputPerM: null,
      perOcrPage: null,
      perAudioMinute: null,
    });
    const guarded = guardGateway(gateway, async () => ctx);
    const big = 9_000_000_000_000_000;
    const addBudgets = () =>
      Promise.all(
        (
          [
            ["user", user.id],
            ["team", team.id],
            ["token", token.id],
          ] as const
        ).map(([scope, subjectId]) =>
          createBudget(ctx, {
            scope,
            subjectId,
            period: "month",
            maxTokens: big,
            maxCostNanos: big,
            softPercent: 100,
          }),
        ),
      );
    for (const ledger of [0, LEDGER]) {
      if (ledger) {
        await fillLedger(
          ctx,
          { userId: user.id, email: user.email, tokenId: token.id, teamId: team.id },
          ledger,
        );
      }
      const without: number[] = [];
      const withBudgets: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        without.push(await timeIt(guarded, secret));
        const budgets = await addBudgets();
        withBudgets.push(await timeIt(guarded, secret));
        for (const b of budgets) await deleteBudget(ctx, b.id);
      }
      const a = median(without);
      const b = median(withBudgets);
      const label = `${kind}, ledger ${ledger ? `+${ledger}` : "empty"}`;
      results[`${label}: no budget`] = a;
      results[`${label}: 3 budgets`] = b;
      rows.push([label, a.toFixed(0), b.toFixed(0), (b - a).toFixed(0)]);
    }
    await ctx.database.close();
  }
  printTable(
    ["database, period's ledger", "µs/call no budget", "µs/call 3 budgets", "budgets add µs"],
    rows,
  );
  const file = saveResult("budget-admission", {
    date: new Date().toISOString(),
    load: loadavg(),
    requests: REQUESTS,
    rounds: ROUNDS,
    ledger: LEDGER,
    microseconds: results,
  });
  console.log(`saved ${file}`);
}

void main();
