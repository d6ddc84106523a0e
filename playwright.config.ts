import { defineConfig, devices } from "@playwright/test";
import { CANARY_KEY } from "./e2e/canary";

// Each run gets fresh sandbox data folders; E2E_PORT and NEXT_DIST_DIR let runs live side by side.
// Two servers: most specs run at SANDBOX_SPEED=40 (a fine-tuning job takes a second or two);
// `*.slow.spec.ts` run against a second server at speed 4, slow enough to watch a job train.
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
      testIgnore: /\.slow\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port}` },
    },
    {
      name: "slow-sandbox",
      testMatch: /\.slow\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${port + 1}` },
    },
  ],
  webServer: [server(port, 40), server(port + 1, 4)],
});
