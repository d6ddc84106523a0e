import path from "node:path";
import { defineConfig } from "vitest/config";

// The tests that open the console's database: the team-access suite (on SQLite and on PostgreSQL),
// sign-in through an identity provider, the SDKs through the signed-in console, and the gateway's
// check that no key reaches the audit log.
const DB = [
  "test/auth/**/*.test.ts",
  "test/oidc/**/*.test.ts",
  "test/clients/**/*.test.ts",
  "test/clients-sandbox/**/*.test.ts",
  "test/gateway/hardening.test.ts",
];
// Tests that genuinely wait (75 s for a slow upstream answer): not for the inner loop.
const SLOW = ["test/gateway/slow-answer.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; tests run server code directly.
      "server-only": path.resolve(import.meta.dirname, "test/server-only-stub.ts"),
    },
  },
  test: {
    exclude: ["node_modules/**", "e2e/**", ".next*/**", ".data/**"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: "forks",
    // Both cores of a CI machine: the auth suite alone spends ~40 s hashing passwords.
    maxWorkers: 2,
    // `vitest run` runs all three; `--project unit` is the inner loop (npm run check, test:watch).
    projects: [
      {
        extends: true,
        // No database and no waiting: seconds, anywhere.
        test: {
          name: "unit",
          include: ["**/*.test.{ts,tsx}"],
          exclude: [...DB, ...SLOW],
          // Files share a worker (packages load once per worker, not once per file: half the
          // project's time); test/fresh-modules.ts gives each file fresh copies of our modules
          // and of the per-process state.
          isolate: false,
          setupFiles: ["test/fresh-modules.ts"],
        },
      },
      {
        extends: true,
        // Starts a throwaway PostgreSQL unless TEST_DATABASE_URL names one (npm test starts it).
        test: {
          name: "db",
          include: DB,
          globalSetup: ["test/global-setup.ts"],
          // As the unit project: packages load once per worker (better-auth, the SDKs).
          isolate: false,
          setupFiles: ["test/fresh-modules.ts"],
        },
      },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
