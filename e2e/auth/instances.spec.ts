// Several instances: two production consoles sharing one PostgreSQL behind Debian's nginx
// (scripts/nginx.sh), in live mode against one standalone sandbox. A session made on one works on
// the other and through the balancer; a token, a role, a sign-out changed on one holds on the
// other within a second (LISTEN/NOTIFY); the audit log is one; each serves its own /metrics.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { CANARY_KEY } from "../canary";
import { basePort, startOwnServer, type OwnServer } from "../own-server";
import { ADMIN } from "./admin";

const base = basePort();
const BALANCER = base + 12;
const ONE = base + 13;
const TWO = base + 14;
const SANDBOX = base + 15;
const POSTGRES = 55452 + base - 3100;
const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef";
const url = (port: number) => `http://127.0.0.1:${port}`;

test.describe.configure({ mode: "serial", timeout: 240_000 });

let sandbox: ChildProcess | null = null;
const consoles: OwnServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const admin = execFileSync("bash", ["scripts/postgres.sh", "start", String(POSTGRES)], {
    encoding: "utf8",
  }).trim();
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query("drop database if exists e2e_instances with (force)");
  await client.query("create database e2e_instances");
  await client.end();
  const database = admin.replace(/\/postgres$/, "/e2e_instances");

  const sandboxDir = `.data/e2e-${SANDBOX}`;
  rmSync(sandboxDir, { recursive: true, force: true });
  sandbox = spawn("npx", ["tsx", "lib/sandbox/standalone.ts"], {
    detached: true,
    stdio: "ignore",
    env: {
      ...process.env,
      SANDBOX_PORT: String(SANDBOX),
      CONSOLE_DATA_DIR: sandboxDir,
      SANDBOX_TOKENS_PER_SECOND: "200",
    },
  });
  for (const port of [ONE, TWO]) {
    consoles.push(
      startOwnServer({
        port,
        host: "127.0.0.1",
        env: {
          MISTRAL_BACKEND: "live",
          MISTRAL_API_KEY: CANARY_KEY,
          MISTRAL_BASE_URL: url(SANDBOX),
          DATABASE_URL: database,
          CONSOLE_SECRET: "e2e-instances-secret-0123456789abcdefgh",
          CONSOLE_ADMIN_EMAIL: ADMIN.email,
          CONSOLE_ADMIN_PASSWORD: ADMIN.password,
          TRUSTED_PROXIES: "127.0.0.1",
          METRICS_TOKEN,
        },
      }),
    );
  }
  execFileSync("bash", ["scripts/nginx.sh", "start", String(BALANCER), String(ONE), String(TWO)]);
  for (const [i, port] of [ONE, TWO].entries()) {
    await untilUp(`${url(port)}/api/health`, consoles[i]);
  }
  await untilUp(`${url(SANDBOX)}/v1/models`);
});

test.afterAll(async () => {
  execFileSync("bash", ["scripts/nginx.sh", "stop", String(BALANCER)]);
  for (const server of consoles) await server.kill();
  if (sandbox?.pid) {
    try {
      process.kill(-sandbox.pid, "SIGKILL");
    } catch {}
  }
});

async function untilUp(address: string, server?: OwnServer): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (server && server.child.exitCode !== null) {
      throw new Error(`the console exited (${server.child.exitCode}):\n${server.output()}`);
    }
    try {
      const response = await fetch(address, { signal: AbortSignal.timeout(2_000) });
      // The sandbox answers 401 without a Bearer token: it is up.
      if (response.status === 200 || response.status === 401) return;
    } catch {}
    if (Date.now() - start > 120_000) {
      throw new Error(`${address} did not come up:\n${server?.output() ?? ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type As = { cookie: string } | { token: string };
let addresses = 0;

/** A request to the console at `port` as a browser page of it (Origin) or an SDK (Bearer). */
function call(port: number, path: string, as: As, init: { method?: string; json?: unknown } = {}) {
  addresses += 1;
  const headers: Record<string, string> = {
    origin: url(port),
    "x-forwarded-for": `10.77.${addresses >> 8}.${addresses & 255}`,
  };
  if ("cookie" in as) headers.cookie = as.cookie;
  else headers.authorization = `Bearer ${as.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return fetch(`${url(port)}${path}`, {
    method: init.method ?? (init.json === undefined ? "GET" : "POST"),
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function signIn(port: number, email: string, password: string): Promise<As> {
  const response = await call(
    port,
    "/api/auth/sign-in/email",
    { cookie: "" },
    {
      json: { email, password },
    },
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return {
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  };
}

/** Milliseconds until `probe` answers `status` (polled every 20 ms, at most 5 s). */
async function msUntil(status: number, probe: () => Promise<Response>): Promise<number> {
  const start = Date.now();
  for (;;) {
    const response = await probe();
    await response.body?.cancel();
    if (response.status === status) return Date.now() - start;
    if (Date.now() - start > 5_000) throw new Error(`still ${response.status} after 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const chat = { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] };

test("two consoles behind nginx share sessions, tokens, roles and the audit log, and each change holds on the other within 1 s", async () => {
  const admin = await signIn(BALANCER, ADMIN.email, ADMIN.password);
  const email = `member-${Date.now()}@example.com`;
  const password = "instances-member-password";
  const made = await call(BALANCER, "/api/console/users", admin, {
    json: { email, name: "Member", password, role: "member" },
  });
  expect(made.status).toBe(201);
  const { user } = (await made.json()) as { user: { id: string } };

  // Signed in through one, used through the other and through the balancer (both behind it).
  const member = await signIn(ONE, email, password);
  const me = await call(TWO, "/api/console/me", member);
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email, role: "member" } });
  for (let i = 0; i < 4; i++) {
    expect((await call(BALANCER, "/v1/models", member)).status).toBe(200);
  }
  const answer = await call(BALANCER, "/v1/chat/completions", member, { json: chat });
  expect(answer.status).toBe(200);
  expect(await answer.json()).toMatchObject({ object: "chat.completion" });
  // A stream passes through nginx unbuffered, to its end.
  const stream = await call(BALANCER, "/v1/chat/completions", member, {
    json: { ...chat, stream: true },
  });
  expect(stream.headers.get("content-type")).toContain("text/event-stream");
  expect(await stream.text()).toContain("data: [DONE]");

  // A token made on two works on one; revoked on one, refused on two within 1 s.
  const created = await call(TWO, "/api/console/tokens", member, { json: { name: "sdk" } });
  expect(created.status).toBe(201);
  const { secret, token } = (await created.json()) as { secret: string; token: { id: string } };
  expect((await call(ONE, "/v1/models", { token: secret })).status).toBe(200);
  expect((await call(TWO, "/v1/models", { token: secret })).status).toBe(200);
  const revoked = await call(ONE, `/api/console/tokens/${token.id}`, member, { method: "DELETE" });
  expect(revoked.status).toBe(204);
  expect(await msUntil(401, () => call(TWO, "/v1/models", { token: secret }))).toBeLessThan(1_000);

  // Demoted on two: refused a chat on one within 1 s.
  expect((await call(ONE, "/v1/chat/completions", member, { json: chat })).status).toBe(200);
  const demoted = await call(TWO, `/api/console/users/${user.id}`, admin, {
    method: "PATCH",
    json: { role: "viewer" },
  });
  expect(demoted.status).toBe(200);
  expect(
    await msUntil(403, () => call(ONE, "/v1/chat/completions", member, { json: chat })),
  ).toBeLessThan(1_000);

  // Signed out on two: refused on one within 1 s.
  expect((await call(ONE, "/api/console/me", member)).status).toBe(200);
  const out = await call(TWO, "/api/auth/sign-out", member, { json: {} });
  expect(out.status).toBe(200);
  expect(await msUntil(401, () => call(ONE, "/api/console/me", member))).toBeLessThan(1_000);

  // One audit log: what was done on two is read on one.
  const audit = await call(ONE, `/api/console/audit?user=${user.id}`, admin);
  expect(audit.status).toBe(200);
  const { entries } = (await audit.json()) as { entries: { operation: string }[] };
  expect(entries.map((e) => e.operation)).toEqual(
    expect.arrayContaining(["tokens.revoke", "chat.completions"]),
  );
});

test("each console serves its own /metrics to the metrics token, and its series move", async () => {
  const scrape = async (port: number, token = METRICS_TOKEN) =>
    fetch(`${url(port)}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect((await scrape(ONE, "wrong-token")).status).toBe(401);
  const count = (text: string) =>
    Number(
      /^console_requests_total\{operation="list_models_v1_models_get",status="200"\} (\d+)/m.exec(
        text,
      )?.[1] ?? 0,
    );
  const before = await (await scrape(ONE)).text();
  expect(before).toMatch(/^process_resident_memory_bytes \d/m);
  expect(before).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  const admin = await signIn(ONE, ADMIN.email, ADMIN.password);
  expect((await call(ONE, "/v1/models", admin)).status).toBe(200);
  const after = await (await scrape(ONE)).text();
  expect(count(after)).toBe(count(before) + 1);
  // The key held by both consoles shows up in neither's metrics nor log.
  expect(after).not.toContain(CANARY_KEY);
  for (const server of consoles) expect(server.output()).not.toContain(CANARY_KEY);
});
