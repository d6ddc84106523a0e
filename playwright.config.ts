import { defineConfig, devices } from "@playwright/test";
import { CANARY_KEY } from "./e2e/canary";

// Each run gets a fresh sandbox data folder; E2E_PORT and NEXT_DIST_DIR let runs live side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = `.data/e2e-${port}`;

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
    baseURL,
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The server log is kept so the test script can check that the key never reached it.
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && npx next start -H 127.0.0.1 -p ${port} 2>&1 | tee ${dataDir}.log`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: CANARY_KEY,
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: "40",
      SANDBOX_TOKENS_PER_SECOND: "200",
    },
  },
});
