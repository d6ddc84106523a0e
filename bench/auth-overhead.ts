/**
 * What team access costs per /v1 request, in process (no Next, no network): the gateway over an
 * in-memory upstream, bare and behind `guardGateway` with the caller identified by a session
 * cookie or a console token (and with sign-in off), on SQLite and on PostgreSQL. A GET reads the
 * session or token; a streamed chat also writes its audit entry twice (start, then usage at the
 * end). Prints microseconds per request and the guard's share.
 *
 *   npx tsx --conditions react-server bench/auth-overhead.ts [--requests 1000] [--pg postgres://…/postgres]
 *
 * With --pg (an admin URL, e.g. from `bash scripts/postgres.sh start`) a scratch database is made.
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
import { parseConfig } from "@/lib/server/config";
import { createGateway, type Gateway } from "@/lib/server/gateway";
import { arg, header, loadavg, saveResult } from "./lib/system";
import { printTable } from "./lib/stats";
import { stubUpstream } from "./lib/stub-upstream";

const REQUESTS = Number(arg("requests", "1000"));
const PG_ADMIN = arg("pg", process.env.TEST_DATABASE_URL ?? "");
const ORIGIN = "http://console.bench";
const encoder = new TextEncoder();
const EVENTS = Array.from({ length: 10 }, (_, i) =>
  encoder.encode(
    `data: ${JSON.stringify({ id: "cmpl", object: "chat.completion.chunk", model: "m", choices: [{ index: 0, delta: { content: ` t${i}` } }], ...(i === 9 ? { usage: { prompt_tokens: 3, completion_tokens: 10, total_tokens: 13 } } : {}) })}\n\n`,
  ),
);
const MODELS = encoder.encode(
  JSON.stringify({ object: "list", data: [{ id: "m", object: "model" }] }),
);

const upstream = stubUpstream(MODELS, EVENTS);

const chatBody = JSON.stringify({
  model: "m",
  stream: true,
  messages: [{ role: "user", content: "Say hello" }],
});

type Caller = Record<string, string>;
const chat = (h: Caller) =>
  new Request(`${ORIGIN}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: ORIGIN, ...h },
    body: chatBody,
  });
const models = (h: Caller) => new Request(`${ORIGIN}/v1/models`, { headers: h });

async function timeIt(handler: Gateway, make: () => Request): Promise<number> {
  const once = async () => {
    const res = await handler(make());
    const text = await res.body?.text();
    if (res.status !== 200) throw new Error(`status ${res.status}: ${text}`);
  };
  for (let i = 0; i < Math.min(200, REQUESTS); i++) await once();
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) await once();
  return ((performance.now() - t0) / REQUESTS) * 1000;
}

async function context(kind: "sqlite" | "postgres", mode: "on" | "off"): Promise<AuthContext> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "auth-bench-"));
  const env: Record<string, string> = { CONSOLE_URL: ORIGIN, CONSOLE_AUTH: mode };
  if (kind === "postgres") {
    const name = `bench_${Date.now()}_${mode}`;
    const admin = new pg.Client({ connectionString: PG_ADMIN });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    env.DATABASE_URL = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
    env.CONSOLE_SECRET = "bench-secret-bench-secret-bench-secret";
  }
  return createAuthContext(parseAuthConfig(env), dataDir);
}

async function main() {
  header("team access overhead per /v1 request (in process, no Next, no network)");
  const config = parseConfig({
    MISTRAL_API_KEY: "bench-key",
    MISTRAL_BASE_URL: "http://127.0.0.1:1",
  });
  const gateway = createGateway({ config, upstream, log: () => undefined });
  const rows: string[][] = [];
  const results: Record<string, number> = {};
  const record = (name: string, value: number) => {
    results[name] = value;
  };
  record("bare models", await timeIt(gateway, () => models({})));
  record("bare stream", await timeIt(gateway, () => chat({})));

  for (const kind of PG_ADMIN ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
    const ctx = await context(kind, "on");
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
    const { secret } = await createToken(ctx, principal, "bench");
    const signIn = await ctx.auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({ email: user.email, password: "bench-password-123" }),
      }),
    );
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const guarded = guardGateway(gateway, async () => ctx);
    for (const [who, h] of [
      ["session", { cookie }],
      ["token", { authorization: `Bearer ${secret}` }],
    ] as const) {
      record(`${kind} ${who} models`, await timeIt(guarded, () => models(h)));
      record(`${kind} ${who} stream`, await timeIt(guarded, () => chat(h)));
    }
    const off = await context(kind, "off");
    const guardedOff = guardGateway(gateway, async () => off);
    record(`${kind} off models`, await timeIt(guardedOff, () => models({})));
    record(`${kind} off stream`, await timeIt(guardedOff, () => chat({})));
    await ctx.database.close();
    await off.database.close();
  }
  for (const [name, value] of Object.entries(results)) {
    const base = results[name.endsWith("models") ? "bare models" : "bare stream"];
    rows.push([name, value.toFixed(0), name.startsWith("bare") ? "—" : (value - base).toFixed(0)]);
  }
  printTable(["caller (database, identified by, request)", "µs/request", "guard's own µs"], rows);
  const file = saveResult("auth-overhead", {
    date: new Date().toISOString(),
    load: loadavg(),
    requests: REQUESTS,
    microseconds: results,
  });
  console.log(`saved ${file}`);
}

void main();
