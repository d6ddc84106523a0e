// The live fine-tuning journey watches a job train, which the default test speed (SANDBOX_SPEED=40,
// about a second of training) is too fast for: it runs here against its own server at speed 4
// (`npx playwright test -c e2e/fine-tuning-live.config.ts`). Its file is not named *.spec.ts so
// the default config, whose server runs at speed 40, leaves it out.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../playwright.config";

const port = Number(process.env.E2E_PORT ?? 3100) + 1;
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = `.data/e2e-${port}`;

export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "fine-tuning-live.journey.ts",
  outputDir: `../.data/test-results/e2e-${port}`,
  use: { ...base.use, baseURL },
  webServer: {
    cwd: path.join(__dirname, ".."),
    command: `rm -rf ${dataDir} && npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: "",
      CONSOLE_DATA_DIR: dataDir,
      SANDBOX_SPEED: "4",
      SANDBOX_TOKENS_PER_SECOND: "200",
    },
  },
});
