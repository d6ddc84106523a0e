// One console process for test/auth/budgets-instances.test.ts: the guarded gateway on the shared
// PostgreSQL (DATABASE_URL), in front of an in-process API whose embeddings report exactly what
// they reserved. Prints "ready", waits for a line on stdin, fires COUNT concurrent spending calls
// with the console token SECRET, and prints their statuses as JSON.
//   node --import tsx --conditions react-server test/auth/budget-worker.ts
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fromResponse } from "@/lib/server/answer";
import { createAuthContext } from "@/lib/server/auth/auth";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { guardGateway } from "@/lib/server/auth/guard";
import { parseConfig } from "@/lib/server/config";
import { createGateway } from "@/lib/server/gateway";

export const ORIGIN = "http://console.test";
export const EMBED = { model: "mistral-embed", input: ["a sentence to embed"] };
/** What an embeddings call reserves: a quarter of its JSON body's characters. */
export const RESERVED = Math.ceil(JSON.stringify(EMBED).length / 4);

async function main() {
  const env = process.env;
  const ctx = await createAuthContext(
    parseAuthConfig({
      CONSOLE_URL: ORIGIN,
      DATABASE_URL: env.DATABASE_URL,
      CONSOLE_SECRET: env.CONSOLE_SECRET,
    }),
    mkdtempSync(path.join(os.tmpdir(), "budget-worker-")),
  );
  const upstream = async () => {
    return fromResponse(
      Response.json({
        model: EMBED.model,
        data: [{ embedding: [0.1], index: 0 }],
        usage: { prompt_tokens: RESERVED, completion_tokens: 0, total_tokens: RESERVED },
      }),
    );
  };
  const config = parseConfig({ MISTRAL_API_KEY: "k", MISTRAL_BASE_URL: "http://127.0.0.1:1" });
  const gateway = guardGateway(createGateway({ config, upstream, log: () => {} }), async () => ctx);
  console.log("ready");
  await new Promise<void>((resolve) =>
    createInterface({ input: process.stdin }).once("line", () => resolve()),
  );
  const statuses = await Promise.all(
    Array.from({ length: Number(env.COUNT) }, async () => {
      const response = await gateway(
        new Request(`${ORIGIN}/v1/embeddings`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${env.SECRET}` },
          body: JSON.stringify(EMBED),
        }),
      );
      await response.body?.read();
      return response.status;
    }),
  );
  console.log(JSON.stringify(statuses));
  await ctx.database.close();
  process.exit(0);
}

// Only as a process of its own (the test imports RESERVED from here).
if (process.env.BUDGET_WORKER === "1") void main();
