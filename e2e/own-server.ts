// Consoles started by a spec itself (`next start` in its own process group): the restart spec's,
// and those whose output the spec reads (the first-run setup token, or why it refused to start).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { type APIRequestContext, expect } from "@playwright/test";
import { CANARY_KEY } from "./canary";

export type OwnServer = {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the first match of `pattern` in the output (rejects on exit or timeout). */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill: () => Promise<void>;
};

export function startOwnServer(options: {
  port: number;
  host: string;
  env: Record<string, string>;
}): OwnServer {
  const dataDir = `.data/e2e-${options.port}`;
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the runner's own auth settings leaks in.
  for (const key of Object.keys(env)) {
    if (key.startsWith("CONSOLE_") || key === "DATABASE_URL" || key.startsWith("OIDC_")) {
      delete env[key];
    }
  }
  // Keep-alive outlives any test, as for playwright.config.ts's servers: Playwright's request
  // fixture reuses idle sockets, and one Node closed after its default 5 s answers ECONNRESET.
  const child = spawn(
    "npx",
    [
      "next",
      "start",
      "-H",
      options.host,
      "-p",
      String(options.port),
      "--keepAliveTimeout",
      "600000",
    ],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...env,
        MISTRAL_BACKEND: "sandbox",
        MISTRAL_API_KEY: CANARY_KEY,
        CONSOLE_DATA_DIR: dataDir,
        SANDBOX_SPEED: "40",
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
    },
  );
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );

  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = out.match(pattern);
        if (match) {
          done();
          resolve(match);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no ${pattern} in ${timeoutMs} ms; output:\n${out}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then((code) => {
        check();
        if (listeners.has(check)) {
          done();
          reject(new Error(`the server exited (${code}) before ${pattern}; output:\n${out}`));
        }
      });
      check();
    });

  const kill = async () => {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      return;
    }
    await exited;
  };

  return { child, output: () => out, waitFor, exited, kill };
}

export const basePort = () => Number(process.env.E2E_PORT ?? 3100);

/** Waits until the console at `origin` answers its health check (connection refusals included). */
export async function untilHealthy(request: APIRequestContext, origin: string) {
  await expect
    .poll(
      async () => {
        try {
          return (await request.get(`${origin}/api/health`, { timeout: 2_000 })).status();
        } catch {
          return 0;
        }
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(200);
}
