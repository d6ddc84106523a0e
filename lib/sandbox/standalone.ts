// `npm run sandbox`: the sandbox on its own port, for any Mistral client (SDKs, curl).
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { mistralError } from "./http";
import { createSandbox, type Sandbox } from "./index";
import { toFetchRequest, writeFetchResponse } from "./node-adapter";

const positive = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .refine((n) => Number.isFinite(n) && n > 0, `${name} must be a positive number`);

const EnvSchema = z.object({
  SANDBOX_PORT: z.coerce
    .number({ error: "SANDBOX_PORT must be a port number" })
    .int("SANDBOX_PORT must be a whole number")
    .min(0, "SANDBOX_PORT must be between 0 and 65535")
    .max(65535, "SANDBOX_PORT must be between 0 and 65535")
    .default(8787),
  SANDBOX_HOST: z.string().min(1, "SANDBOX_HOST must not be empty").default("127.0.0.1"),
  CONSOLE_DATA_DIR: z.string().min(1, "CONSOLE_DATA_DIR must not be empty").default(".data"),
  SANDBOX_SPEED: positive("SANDBOX_SPEED").default(1),
  SANDBOX_TOKENS_PER_SECOND: positive("SANDBOX_TOKENS_PER_SECOND").default(40),
  SANDBOX_FINE_TUNING: z
    .enum(["running", "retired"], {
      error: 'SANDBOX_FINE_TUNING must be "running" or "retired"',
    })
    .default("running"),
  SANDBOX_SEED_MODELS: z.coerce
    .number({ error: "SANDBOX_SEED_MODELS must be a number" })
    .int("SANDBOX_SEED_MODELS must be a whole number")
    .min(0, "SANDBOX_SEED_MODELS must not be negative")
    .default(0),
});

export type StandaloneConfig = z.infer<typeof EnvSchema>;

/** Reads the standalone sandbox's settings; throws one message naming every bad variable. */
export function configFromEnv(
  env: Record<string, string | undefined> = process.env,
): StandaloneConfig {
  // Empty variables count as unset.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid sandbox configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/**
 * A node:http server in front of a sandbox. Like the real API it wants an Authorization header
 * (any Bearer token will do: it is a sandbox); the in-process `handle` used by the gateway does not.
 */
export function createSandboxServer(sandbox: Sandbox): Server {
  return createServer((req, res) => {
    void (async () => {
      const auth = req.headers.authorization ?? "";
      const response = /^Bearer\s+\S+/i.test(auth)
        ? await sandbox.handle(toFetchRequest(req, res))
        : mistralError(
            401,
            "Unauthorized: send an Authorization: Bearer <any token> header.",
            "authentication_error",
          );
      await writeFetchResponse(res, response);
    })().catch((err) => {
      console.error("[sandbox] response failed:", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end();
    });
  });
}

async function main() {
  let config: StandaloneConfig;
  try {
    config = configFromEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const dataDir = path.resolve(config.CONSOLE_DATA_DIR);
  const sandbox = createSandbox({
    dataDir,
    speed: config.SANDBOX_SPEED,
    tokensPerSecond: config.SANDBOX_TOKENS_PER_SECOND,
    seedModels: config.SANDBOX_SEED_MODELS,
    fineTuning: config.SANDBOX_FINE_TUNING,
  });
  const server = createSandboxServer(sandbox);
  server.listen(config.SANDBOX_PORT, config.SANDBOX_HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.SANDBOX_PORT;
    console.log(
      `Mistral sandbox listening on http://${config.SANDBOX_HOST}:${port} (data: ${dataDir}, speed ${config.SANDBOX_SPEED}x)`,
    );
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    sandbox.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

// Run only as a script (`tsx lib/sandbox/standalone.ts`), not when imported by tests.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
