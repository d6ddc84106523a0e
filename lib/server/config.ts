import "server-only";
import { inspect } from "node:util";
import { z } from "zod";

/**
 * The Mistral API key, kept out of every way an object usually gets printed: `String()`,
 * `JSON.stringify`, `console.log` and error messages all show "[redacted]". Only the live
 * upstream calls `reveal()`, to build its Authorization header.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return "[redacted]";
  }
  toJSON(): string {
    return "[redacted]";
  }
  [inspect.custom](): string {
    return "[redacted]";
  }
}

export type Backend = "live" | "sandbox";

export interface Config {
  backend: Backend;
  /** Present exactly when backend is "live". */
  apiKey: Secret | null;
  /** Base URL of the live API, without a trailing slash (a path prefix is allowed). */
  baseUrl: string;
  dataDir: string;
  /** Time allowed for the upstream to send its response headers. */
  upstreamTimeoutMs: number;
  /** A response body that sends no bytes for this long is closed. */
  streamIdleTimeoutMs: number;
  sandboxSpeed: number;
  sandboxTokensPerSecond: number;
  /** SANDBOX_FINE_TUNING: run fine-tuning jobs, or answer 410 Gone on them as the live API does. */
  sandboxFineTuning: "running" | "retired";
  maxJsonBodyBytes: number;
  maxUploadBytes: number;
  /**
   * CONSOLE_FAST_PATH: in production, /v1 and /v2 are served by lib/server/fast-path.ts in front
   * of Next's request handler (`off`: by the route handler, as `next dev` always does).
   */
  fastPath: boolean;
  /** METRICS_TOKEN: what a Prometheus scraper sends to read /metrics; null = no /metrics. */
  metricsToken: Secret | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const MiB = 1024 * 1024;

// Every message names the variable and what it expects, never the value it got: a misplaced key
// pasted into the wrong variable must not end up in a log.
const positiveInt = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const n = Number(v);
      if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `${name} must be a positive whole number` });
        return z.NEVER;
      }
      return n;
    });

const positiveNumber = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n) || n <= 0) {
        ctx.addIssue({ code: "custom", message: `${name} must be a positive number` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  MISTRAL_API_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^[\x21-\x7e]+$/.test(v), {
      message:
        "MISTRAL_API_KEY must be printable ASCII without spaces (check for a stray quote or newline)",
    }),
  MISTRAL_BASE_URL: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const raw = v ?? "https://api.mistral.ai";
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: "MISTRAL_BASE_URL must be an http(s) URL" });
        return z.NEVER;
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        ctx.addIssue({ code: "custom", message: "MISTRAL_BASE_URL must be an http(s) URL" });
        return z.NEVER;
      }
      if (url.username || url.password || url.search || url.hash) {
        ctx.addIssue({
          code: "custom",
          message: "MISTRAL_BASE_URL must not contain credentials, a query or a fragment",
        });
        return z.NEVER;
      }
      return url.origin + url.pathname.replace(/\/+$/, "");
    }),
  MISTRAL_BACKEND: z
    .enum(["live", "sandbox"], { error: 'MISTRAL_BACKEND must be "live" or "sandbox"' })
    .optional(),
  CONSOLE_DATA_DIR: z.string().optional(),
  // A non-streamed answer arrives whole: reasoning models take minutes before the first byte.
  UPSTREAM_TIMEOUT_MS: positiveInt("UPSTREAM_TIMEOUT_MS", 300_000),
  STREAM_IDLE_TIMEOUT_MS: positiveInt("STREAM_IDLE_TIMEOUT_MS", 60_000),
  SANDBOX_SPEED: positiveNumber("SANDBOX_SPEED", 1),
  SANDBOX_TOKENS_PER_SECOND: positiveNumber("SANDBOX_TOKENS_PER_SECOND", 40),
  SANDBOX_FINE_TUNING: z
    .enum(["running", "retired"], {
      error: 'SANDBOX_FINE_TUNING must be "running" or "retired"',
    })
    .default("running"),
  MAX_JSON_BODY_BYTES: positiveInt("MAX_JSON_BODY_BYTES", 8 * MiB),
  MAX_UPLOAD_BYTES: positiveInt("MAX_UPLOAD_BYTES", 512 * MiB),
  CONSOLE_FAST_PATH: z
    .enum(["on", "off"], { error: 'CONSOLE_FAST_PATH must be "on" or "off"' })
    .default("on"),
  METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^[\x21-\x7e]{24,256}$/.test(v), {
      message:
        "METRICS_TOKEN must be 24 to 256 printable ASCII characters without spaces (try: openssl rand -hex 32)",
    }),
});

/**
 * The variables a schema names, read from `env` and checked: an empty variable (`FOO=` in a
 * compose file) means "not set", and each problem names its variable, never its value.
 */
export function readEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>) {
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = env[name];
    input[name] = value === undefined || value.trim() === "" ? undefined : value;
  }
  const parsed = schema.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) =>
        // Custom messages already name their variable; zod's own ones get it prefixed.
        issue.message.includes(String(issue.path[0]))
          ? issue.message
          : `${String(issue.path[0])}: ${issue.message}`,
      );
  return { input, parsed, problems };
}

/** Parses configuration from an environment; throws ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const { input, parsed, problems } = readEnv(envSchema, env);
  if (input.MISTRAL_BACKEND === "live" && !input.MISTRAL_API_KEY) {
    problems.push(
      "MISTRAL_API_KEY is required when MISTRAL_BACKEND is live " +
        "(unset MISTRAL_BACKEND to use the built-in sandbox)",
    );
  }
  if (!parsed.success || problems.length) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
  }
  const e = parsed.data;
  const backend: Backend = e.MISTRAL_BACKEND ?? (e.MISTRAL_API_KEY ? "live" : "sandbox");
  return {
    backend,
    apiKey: backend === "live" ? new Secret(e.MISTRAL_API_KEY!) : null,
    baseUrl: e.MISTRAL_BASE_URL,
    dataDir: e.CONSOLE_DATA_DIR ?? ".data",
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    streamIdleTimeoutMs: e.STREAM_IDLE_TIMEOUT_MS,
    sandboxSpeed: e.SANDBOX_SPEED,
    sandboxTokensPerSecond: e.SANDBOX_TOKENS_PER_SECOND,
    sandboxFineTuning: e.SANDBOX_FINE_TUNING,
    maxJsonBodyBytes: e.MAX_JSON_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    fastPath: e.CONSOLE_FAST_PATH === "on",
    metricsToken: e.METRICS_TOKEN ? new Secret(e.METRICS_TOKEN) : null,
  };
}

let cached: Config | undefined;

/** The process configuration, parsed from process.env on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

export type PublicBackendInfo = { backend: "sandbox" } | { backend: "live"; baseUrl: string };

/** What the UI may know about the backend: its kind and, when live, where it is. Never the key. */
export function publicBackendInfo(config: Config = getConfig()): PublicBackendInfo {
  return config.backend === "sandbox"
    ? { backend: "sandbox" }
    : { backend: "live", baseUrl: config.baseUrl };
}
