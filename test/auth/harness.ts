// Team-access fixtures: an auth context on SQLite (temp folder) or on a fresh PostgreSQL database,
// the gateway behind sign-in in front of the fake upstream (live mode, canary key) or the
// embedded sandbox, users of each role, their sessions and tokens, and /v1 requests as them.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Role } from "@/lib/auth/permissions";
import { createSandbox, type FineTuningMode } from "@/lib/sandbox";
import { createAuthContext, type AuthContext } from "@/lib/server/auth/auth";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { guardGateway } from "@/lib/server/auth/guard";
import type { Principal } from "@/lib/server/auth/principal";
import { createToken } from "@/lib/server/auth/tokens";
import { createUser, type UserInfo } from "@/lib/server/auth/users";
import { parseConfig } from "@/lib/server/config";
import { createGateway } from "@/lib/server/gateway";
import { createSandboxUpstream } from "@/lib/server/upstream";
import {
  asRoute,
  liveGateway,
  startFakeUpstream,
  type FakeUpstream,
  type RouteGateway,
  type Script,
} from "../gateway/helpers";

export const DATABASES = ["sqlite", "postgres"] as const;
export type DatabaseKind = (typeof DATABASES)[number];

export const CONSOLE = "http://console.test";
export const PASSWORD = "correct horse battery staple";
export const TEST_SECRET = "test-console-secret-0123456789abcdefghijkl";

export interface TestAuth {
  kind: DatabaseKind;
  ctx: AuthContext;
  dataDir: string;
  close(): Promise<void>;
}

/** A fresh, empty PostgreSQL database on the test server; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set (test/global-setup.ts starts one)");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        // A pool that was just ended may still be saying goodbye on a socket or two: wait for
        // them rather than FORCE them off, which would hit their client with an unhandled 57P01.
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}${attempt < 40 ? "" : " WITH (FORCE)"}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== "55006" || attempt >= 40) throw error;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * The team-access context a console with `env` would build, on `kind`. CONSOLE_URL is fixed so
 * better-auth's base URL and the trusted origin are known.
 */
export async function createTestAuth(
  kind: DatabaseKind,
  env: Record<string, string | undefined> = {},
): Promise<TestAuth> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `console-auth-${kind}-`));
  const pgDb = kind === "postgres" ? await freshPostgres() : null;
  const config = parseAuthConfig({
    CONSOLE_URL: CONSOLE,
    ...(pgDb ? { DATABASE_URL: pgDb.url, CONSOLE_SECRET: TEST_SECRET } : {}),
    ...env,
  });
  const ctx = await createAuthContext(config, dataDir);
  return {
    kind,
    ctx,
    dataDir,
    async close() {
      await ctx.database.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Another console instance on `t`'s database: its own auth context (better-auth, credential cache
 * and listener), sharing nothing with `t.ctx` but the database. Closed with `close()`.
 */
export async function anotherInstance(t: TestAuth): Promise<TestAuth> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `console-auth-${t.kind}-b-`));
  const ctx = await createAuthContext(t.ctx.config, dataDir);
  return {
    kind: t.kind,
    ctx,
    dataDir,
    async close() {
      await ctx.database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Guarded {
  gateway: RouteGateway;
  /** Only with the fake upstream: what reached it. */
  fake: FakeUpstream | null;
  /** Only with the sandbox: its manual clock. */
  clock: { now(): number; advance(ms: number): void } | null;
  close(): Promise<void>;
}

/** The gateway in live mode (canary key) in front of a fake upstream, behind sign-in. */
export async function guardedFake(ctx: AuthContext, script?: Script): Promise<Guarded> {
  const fake = await startFakeUpstream(script);
  const { gateway } = liveGateway(fake.url);
  return {
    gateway: asRoute(guardGateway(gateway.answers, async () => ctx)),
    fake,
    clock: null,
    close: () => fake.close(),
  };
}

/** The gateway in front of the embedded sandbox (fast streams, a manual job clock). */
export function guardedSandbox(
  ctx: AuthContext,
  dataDir: string,
  { fineTuning }: { fineTuning?: FineTuningMode } = {},
): Guarded {
  let t = Date.now();
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const sandbox = createSandbox({
    dataDir,
    speed: 40,
    tokensPerSecond: 2000,
    now: clock.now,
    seedModels: 1,
    fineTuning,
  });
  const config = { ...parseConfig({ MISTRAL_BACKEND: "sandbox" }), dataDir };
  const gateway = createGateway({
    config,
    upstream: createSandboxUpstream(Promise.resolve(sandbox)),
    log: () => {},
  });
  return {
    gateway: asRoute(guardGateway(gateway, async () => ctx)),
    fake: null,
    clock,
    close: async () => sandbox.close(),
  };
}

export interface TestUser {
  user: UserInfo;
  email: string;
  principal: Principal;
  /** `name=value` pairs for a Cookie header (empty until signed in). */
  cookie: string;
}

let serial = 0;

/** A new email/password account with `role`. */
export async function addUser(ctx: AuthContext, role: Role, label: string = role) {
  serial += 1;
  const email = `${label}-${serial}-${randomBytes(3).toString("hex")}@example.com`;
  const user = await createUser(ctx, {
    email,
    name: `${label} ${serial}`,
    password: PASSWORD,
    role,
  });
  const principal: Principal = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role,
    via: "session",
    tokenId: null,
    rateLimitPerMinute: null,
  };
  return { user, email, principal, cookie: "" } satisfies TestUser as TestUser;
}

export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

let addresses = 0;

/**
 * A sign-in as better-auth sees it from a browser. Each comes from its own address unless `ip` is
 * given, so better-auth's per-address limit (10 a minute) only applies where a test wants it.
 */
export function signInRequest(email: string, password: string, ip?: string): Request {
  addresses += 1;
  return new Request(`${CONSOLE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      origin: CONSOLE,
      "content-type": "application/json",
      "x-forwarded-for":
        ip ?? `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`,
    },
    body: JSON.stringify({ email, password }),
  });
}

/** Signs in through better-auth and keeps the session cookie on the user. */
export async function signIn(ctx: AuthContext, user: TestUser): Promise<TestUser> {
  const response = await ctx.auth.handler(signInRequest(user.email, PASSWORD));
  if (response.status !== 200) {
    throw new Error(
      `sign-in of ${user.email} answered ${response.status}: ${await response.text()}`,
    );
  }
  user.cookie = cookiesOf(response);
  if (!/console\.session_token=/.test(user.cookie)) throw new Error("no session cookie set");
  return user;
}

/** A user of `role`, signed in. */
export async function signedIn(ctx: AuthContext, role: Role, label?: string): Promise<TestUser> {
  return signIn(ctx, await addUser(ctx, role, label));
}

export async function tokenFor(ctx: AuthContext, user: TestUser, name = "test") {
  return createToken(ctx, user.principal, name);
}

/** How a request authenticates: a session (cookie), a console token, or nobody. */
export type Caller = { cookie: string } | { token: string } | null;

export interface CallOptions {
  method?: string;
  json?: unknown;
  form?: FormData;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** The Origin header; defaults to the console's own for cookie calls, none for others. */
  origin?: string | null;
  signal?: AbortSignal;
}

export function buildRequest(path: string, as: Caller, options: CallOptions = {}): Request {
  const headers = new Headers(options.headers);
  if (as && "cookie" in as) headers.set("cookie", as.cookie);
  if (as && "token" in as) headers.set("authorization", `Bearer ${as.token}`);
  const origin =
    options.origin === undefined ? (as && "cookie" in as ? CONSOLE : null) : options.origin;
  if (origin) headers.set("origin", origin);
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");
  return new Request(`${CONSOLE}${path}`, { method, headers, body, signal: options.signal });
}

export const session = (user: TestUser): Caller => ({ cookie: user.cookie });
export const bearer = (token: string): Caller => ({ token });

/** A JSON body from a response, for assertions. */
export async function bodyOf(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { text };
  }
}

const AUTH_KEY = Symbol.for("mistral-console.auth");

/**
 * Makes the /api routes (which call getAuthContext()) use `ctx`: the process singleton is the
 * promise kept on globalThis under this symbol, exactly as lib/server/auth/index.ts reads it.
 */
export function useAuthContext(ctx: AuthContext): void {
  (globalThis as Record<symbol, unknown>)[AUTH_KEY] = Promise.resolve(ctx);
}

export function clearAuthContext(): void {
  delete (globalThis as Record<symbol, unknown>)[AUTH_KEY];
}

/** A small valid training file for uploads. */
export function trainingFile(lines = 20, name = "train.jsonl"): FormData {
  const fd = new FormData();
  fd.append("purpose", "fine-tune");
  const line = (i: number) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `What is the capital of country number ${i}?` },
        { role: "assistant", content: `The capital of country number ${i} is City ${i}.` },
      ],
    });
  fd.append(
    "file",
    new Blob([Array.from({ length: lines }, (_, i) => line(i)).join("\n") + "\n"]),
    name,
  );
  return fd;
}
