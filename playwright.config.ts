import { defineConfig, devices } from "@playwright/test";
import { ADMIN, adminState } from "./e2e/auth/admin";
import { CANARY_KEY } from "./e2e/canary";

// Each run gets fresh data folders; E2E_PORT and NEXT_DIST_DIR let runs live side by side.
// The consoles, by port offset:
//   +0  embedded sandbox at SANDBOX_SPEED=40 (a job takes a second or two), signed in: every journey;
//   +1  embedded sandbox at speed 4, signed out: `*.slow.spec.ts` watches a job train;
//   +2  live mode against a scriptable fake Mistral API (+3, e2e/fake-upstream.ts) that
//       `*.live.spec.ts` tells how to fail;
//   +4  restart.slow.spec.ts starts and restarts its own;
//   +5  live mode against the standalone sandbox (+6), signed in: the journeys tagged @live;
//   +7  signed in, accounts on SQLite: e2e/auth; +8 the same on PostgreSQL: e2e/auth tagged @postgres.
// e2e/auth/setup.spec and auth-off.spec start theirs on +9 and +10 (e2e/own-server.ts),
// security-headers.spec on +11; e2e/auth/instances.spec nginx on +12 in front of two consoles on +13
// and +14 (a database of its own on +8's PostgreSQL) with the standalone sandbox on +15;
// fine-tuning-retired.slow.spec runs one on +16, first training, then with the jobs API retired.
const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * `next start` on 127.0.0.1 with a fresh data folder; its log is kept so the test script can check
 * that the key never reached it. Keep-alive outlives any test: Playwright's request fixture reuses
 * idle sockets without reading the server's Keep-Alive timeout, and a socket Node closed after
 * its default 5 s answers that reuse with ECONNRESET.
 */
function nextStart(port: number, before = "") {
  const dataDir = `.data/e2e-${port}`;
  return {
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && ${before}npx next start -H 127.0.0.1 -p ${port} --keepAliveTimeout 600000 2>&1 | tee ${dataDir}.log`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    dataDir,
  };
}

/** The admin every signed-in console creates at start. */
const ADMIN_ENV = { CONSOLE_ADMIN_EMAIL: ADMIN.email, CONSOLE_ADMIN_PASSWORD: ADMIN.password };

/** A console on the embedded sandbox (canary key); signed in unless `auth` says otherwise. */
function server(port: number, speed: number, auth: Record<string, string> = ADMIN_ENV) {
  const { dataDir, ...start } = nextStart(port);
  return {
    ...start,
    env: {
      // A canary key with the sandbox forced: it must never show up anywhere (see key-canary.spec).
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: CANARY_KEY,
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: String(speed),
      SANDBOX_TOKENS_PER_SECOND: "200",
      // The specs play clients behind a proxy on 127.0.0.1, each with its own X-Forwarded-For
      // (e2e/auth/fixtures.ts), so the per-address sign-in limit counts each test apart.
      TRUSTED_PROXIES: "127.0.0.1",
      ...auth,
    },
  };
}

/** The console in live mode (canary key) against an upstream on 127.0.0.1. */
function liveServer(
  port: number,
  upstreamPort: number,
  timeoutMs: number,
  auth: Record<string, string> = { CONSOLE_AUTH: "off" },
) {
  const { dataDir, ...start } = nextStart(port);
  return {
    ...start,
    env: {
      MISTRAL_BACKEND: "live",
      MISTRAL_API_KEY: CANARY_KEY,
      MISTRAL_BASE_URL: `http://127.0.0.1:${upstreamPort}`,
      CONSOLE_DATA_DIR: dataDir,
      UPSTREAM_TIMEOUT_MS: String(timeoutMs),
      STREAM_IDLE_TIMEOUT_MS: String(timeoutMs),
      ...auth,
    },
  };
}

/**
 * A signed-in console for the auth specs (embedded sandbox) whose accounts live in a fresh
 * database of a throwaway Debian PostgreSQL on port `postgres`.
 */
function postgresServer(port: number, postgres: number) {
  const database = `url=$(bash scripts/postgres.sh start ${postgres}) && psql "$url" -qc "drop database if exists e2e" -c "create database e2e" && export DATABASE_URL=\${url%/postgres}/e2e && `;
  const { dataDir, ...start } = nextStart(port, database);
  return {
    ...start,
    env: {
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: CANARY_KEY,
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: "40",
      SANDBOX_TOKENS_PER_SECOND: "200",
      ...ADMIN_ENV,
      CONSOLE_SECRET: "e2e-console-secret-0123456789abcdefghij",
      TRUSTED_PROXIES: "127.0.0.1",
    },
  };
}

/** The fake Mistral API (it knows the canary key, so its own output is not a checked log). */
function fakeUpstream(port: number) {
  return {
    command: "npx tsx e2e/fake-upstream.ts",
    url: `http://127.0.0.1:${port}/__health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { FAKE_UPSTREAM_PORT: String(port) },
  };
}

/**
 * The standalone sandbox (`npm run sandbox`) as a Mistral-compatible upstream on its own port,
 * so the whole suite can also run against a console in live mode that holds the canary key.
 */
function standaloneSandbox(port: number) {
  const dataDir = `.data/e2e-${port}`;
  return {
    command: `rm -rf ${dataDir} && npx tsx lib/sandbox/standalone.ts`,
    // It wants a Bearer token like the real API: its 401 means it is up.
    url: `http://127.0.0.1:${port}/v1/models`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      SANDBOX_PORT: String(port),
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: "40",
      SANDBOX_TOKENS_PER_SECOND: "200",
    },
  };
}

function url(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** Chromium signed in as the admin of the console on `port` (see auth/sign-in.setup.ts). */
function signedIn(port: number) {
  return {
    ...devices["Desktop Chrome"],
    baseURL: url(port),
    // The request fixture of e2e/test.ts adds the page's Origin to its writes.
    storageState: adminState(port),
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: `.data/test-results/e2e-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Three on a 2-core machine: a test spends part of its time waiting (streams at 200 tokens/s,
  // jobs training, networkidle), and a third worker fills it (the journeys took 16 % less).
  workers: 3,
  retries: 0,
  forbidOnly: !!process.env.CI,
  use: {
    // Recording a trace of every test costs a third of a 2-core machine; to debug a failure,
    // run it again with `--trace on` and open the trace with `npx playwright show-trace`.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /auth\/sign-in\.setup\.ts$/, use: { baseURL: url(port) } },
    {
      // Every journey, signed in as the admin (as `npm run dev` runs) on the embedded sandbox.
      name: "journeys",
      dependencies: ["sign-in"],
      testIgnore: [/\.slow\.spec\.ts$/, /\.live\.spec\.ts$/, /auth\//],
      use: signedIn(port),
    },
    {
      // Signed out (CONSOLE_AUTH=off) and slow enough to watch a job train (and the restart).
      name: "slow-sandbox",
      testMatch: /\.slow\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: url(port + 1) },
    },
    {
      name: "live-sandbox-sign-in",
      testMatch: /auth\/sign-in\.setup\.ts$/,
      use: { baseURL: url(port + 5) },
    },
    {
      // The journeys tagged @live again through a console in live mode (canary key) whose upstream
      // is the standalone sandbox: the key must never surface, nothing may depend on the embedding.
      name: "live-sandbox",
      dependencies: ["live-sandbox-sign-in"],
      testIgnore: [/\.slow\.spec\.ts$/, /\.live\.spec\.ts$/, /auth\//],
      grep: /@live/,
      use: signedIn(port + 5),
    },
    {
      name: "auth-sqlite",
      testMatch: /auth\/.*\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: url(port + 7) },
    },
    {
      // What the database holds (sessions, throttles, tokens, users, audit) again on PostgreSQL.
      name: "auth-postgres",
      testMatch: /auth\/.*\.spec\.ts$/,
      grep: /@postgres/,
      use: { ...devices["Desktop Chrome"], baseURL: url(port + 8) },
    },
    {
      // Signed out, in live mode against the scriptable fake upstream.
      name: "live-fake",
      testMatch: /\.live\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: url(port + 2) },
    },
  ],
  webServer: [
    server(port, 40),
    server(port + 1, 4, { CONSOLE_AUTH: "off" }),
    fakeUpstream(port + 3),
    // Short timeouts against the fake upstream, to watch them fire.
    liveServer(port + 2, port + 3, 3_000),
    standaloneSandbox(port + 6),
    liveServer(port + 5, port + 6, 60_000, ADMIN_ENV),
    server(port + 7, 40),
    postgresServer(port + 8, 55452 + (port - 3100)),
  ],
});
