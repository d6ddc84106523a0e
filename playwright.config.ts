import { defineConfig, devices } from "@playwright/test";
import { ADMIN, adminState } from "./e2e/auth/admin";
import { CANARY_KEY } from "./e2e/canary";

// Each run gets fresh sandbox data folders; E2E_PORT and NEXT_DIST_DIR let runs live side by side.
// Two servers: most specs run at SANDBOX_SPEED=40 (a fine-tuning job takes a second or two);
// `*.slow.spec.ts` run against a second server at speed 4, slow enough to watch a job train.
// `*.live.spec.ts` run against a third, in live mode, whose upstream is a scriptable fake Mistral
// API (e2e/fake-upstream.ts) that the tests tell how to fail.
const port = Number(process.env.E2E_PORT ?? 3100);

function server(port: number, speed: number) {
  const dataDir = `.data/e2e-${port}`;
  return {
    // The server log is kept so the test script can check that the key never reached it.
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && npx next start -H 127.0.0.1 -p ${port} 2>&1 | tee ${dataDir}.log`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      // A canary key with the sandbox forced: it must never show up anywhere (see key-canary.spec).
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: CANARY_KEY,
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: String(speed),
      SANDBOX_TOKENS_PER_SECOND: "200",
      // The feature journeys run signed out (loopback only); the auth projects sign in.
      CONSOLE_AUTH: "off",
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
  const dataDir = `.data/e2e-${port}`;
  return {
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && npx next start -H 127.0.0.1 -p ${port} 2>&1 | tee ${dataDir}.log`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
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
 * A console with sign-in on (embedded sandbox), its admin from the environment; with
 * `postgres`, its accounts live in a fresh database of a throwaway Debian PostgreSQL.
 */
function authServer(port: number, postgres: number | null) {
  const dataDir = `.data/e2e-${port}`;
  const database = postgres
    ? `url=$(bash scripts/postgres.sh start ${postgres}) && psql "$url" -qc "drop database if exists e2e" -c "create database e2e" && export DATABASE_URL=\${url%/postgres}/e2e && `
    : "";
  return {
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && ${database}npx next start -H 127.0.0.1 -p ${port} 2>&1 | tee ${dataDir}.log`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: CANARY_KEY,
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: "40",
      SANDBOX_TOKENS_PER_SECOND: "200",
      CONSOLE_ADMIN_EMAIL: ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
      CONSOLE_SECRET: "e2e-console-secret-0123456789abcdefghij",
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

export default defineConfig({
  testDir: "e2e",
  outputDir: `.data/test-results/e2e-${port}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  use: {
    trace: "retain-on-failure",
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
    {
      name: "chromium",
      testIgnore: [/\.slow\.spec\.ts$/, /\.live\.spec\.ts$/, /auth\//],
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port}` },
    },
    {
      name: "slow-sandbox",
      testMatch: /\.slow\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port + 1}` },
    },
    {
      name: "live-sandbox-sign-in",
      testMatch: /auth\/sign-in\.setup\.ts$/,
      use: { baseURL: `http://127.0.0.1:${port + 5}` },
    },
    {
      // Every journey again, signed in as the admin, through a console in live mode (canary key)
      // whose upstream is the standalone sandbox: the key must never surface, and nothing may
      // depend on the embedding or on sign-in being off.
      name: "live-sandbox",
      dependencies: ["live-sandbox-sign-in"],
      testIgnore: [/\.slow\.spec\.ts$/, /\.live\.spec\.ts$/, /restart\.spec\.ts$/, /auth\//],
      grepInvert: /@embedded-sandbox/,
      use: {
        ...devices["Desktop Chrome"],
        baseURL: `http://127.0.0.1:${port + 5}`,
        storageState: adminState(port + 5),
        // The request fixture's writes carry the page's Origin, as a browser's would.
        extraHTTPHeaders: { origin: `http://127.0.0.1:${port + 5}` },
      },
    },
    {
      name: "auth-sqlite",
      testMatch: /auth\/.*\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port + 7}` },
    },
    {
      name: "auth-postgres",
      testMatch: /auth\/.*\.spec\.ts$/,
      grepInvert: /@own-server/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port + 8}` },
    },
    {
      name: "live-fake",
      testMatch: /\.live\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port + 2}` },
    },
  ],
  webServer: [
    server(port, 40),
    server(port + 1, 4),
    fakeUpstream(port + 3),
    // Short timeouts against the fake upstream, to watch them fire.
    liveServer(port + 2, port + 3, 3_000),
    standaloneSandbox(port + 6),
    liveServer(port + 5, port + 6, 60_000, {
      CONSOLE_ADMIN_EMAIL: ADMIN.email,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
    }),
    authServer(port + 7, null),
    authServer(port + 8, 55452 + (port - 3100)),
  ],
});
