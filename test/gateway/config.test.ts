// Configuration is read once from the environment and refused with a message naming the variable.
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { ConfigError, parseConfig, publicBackendInfo, Secret } from "@/lib/server/config";
import { healthReport } from "@/lib/server/health";
import { CANARY } from "./helpers";

function errorOf(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("defaults to the sandbox without a key", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      backend: "sandbox",
      apiKey: null,
      baseUrl: "https://api.mistral.ai",
      dataDir: ".data",
      upstreamTimeoutMs: 300_000,
      streamIdleTimeoutMs: 60_000,
      sandboxSpeed: 1,
      sandboxTokensPerSecond: 40,
      sandboxFineTuning: "running",
      maxJsonBodyBytes: 8 * 1024 * 1024,
      maxUploadBytes: 512 * 1024 * 1024,
    });
    expect(publicBackendInfo(config)).toEqual({ backend: "sandbox" });
  });

  it("goes live when a key is set, and the public info never holds the key", () => {
    const config = parseConfig({
      MISTRAL_API_KEY: CANARY,
      MISTRAL_BASE_URL: "https://mistral.example.com/proxy/",
      UPSTREAM_TIMEOUT_MS: "1500",
      SANDBOX_SPEED: "40",
    });
    expect(config.backend).toBe("live");
    expect(config.apiKey?.reveal()).toBe(CANARY);
    expect(config.baseUrl).toBe("https://mistral.example.com/proxy");
    expect(config.upstreamTimeoutMs).toBe(1500);
    expect(config.sandboxSpeed).toBe(40);
    const info = publicBackendInfo(config);
    expect(info).toEqual({ backend: "live", baseUrl: "https://mistral.example.com/proxy" });
    // However the config gets printed, the key does not show.
    expect(JSON.stringify(config)).not.toContain(CANARY);
    expect(inspect(config, { depth: 5 })).not.toContain(CANARY);
    expect(`${config.apiKey}`).toBe("[redacted]");
  });

  it("SANDBOX_FINE_TUNING is running or retired, nothing else", () => {
    expect(parseConfig({ SANDBOX_FINE_TUNING: "retired" }).sandboxFineTuning).toBe("retired");
    expect(() => parseConfig({ SANDBOX_FINE_TUNING: "off" })).toThrow(
      /SANDBOX_FINE_TUNING must be "running" or "retired"/,
    );
  });

  it("METRICS_TOKEN turns /metrics on; a short or spaced one is refused without echoing it", () => {
    expect(parseConfig({}).metricsToken).toBeNull();
    const token = "metrics-0123456789abcdef-0123456789";
    expect(parseConfig({ METRICS_TOKEN: token }).metricsToken?.reveal()).toBe(token);
    for (const bad of ["too-short-token", "has spaces in it 0123456789abcdef"]) {
      const message = errorOf({ METRICS_TOKEN: bad });
      expect(message).toContain("METRICS_TOKEN must be 24 to 256 printable ASCII characters");
      expect(message).not.toContain(bad);
    }
  });

  it("MISTRAL_BACKEND forces the backend either way", () => {
    expect(parseConfig({ MISTRAL_API_KEY: CANARY, MISTRAL_BACKEND: "sandbox" })).toMatchObject({
      backend: "sandbox",
      apiKey: null,
    });
    expect(parseConfig({ MISTRAL_API_KEY: CANARY, MISTRAL_BACKEND: "live" }).backend).toBe("live");
  });

  it("treats empty variables as unset", () => {
    expect(
      parseConfig({ MISTRAL_API_KEY: "", MISTRAL_BASE_URL: " ", SANDBOX_SPEED: "" }),
    ).toMatchObject({ backend: "sandbox", baseUrl: "https://api.mistral.ai", sandboxSpeed: 1 });
  });

  it.each([
    [{ MISTRAL_BACKEND: "live" }, /MISTRAL_API_KEY is required when MISTRAL_BACKEND is live/],
    [{ MISTRAL_BACKEND: "prod" }, /MISTRAL_BACKEND must be "live" or "sandbox"/],
    [{ MISTRAL_BASE_URL: "api.mistral.ai" }, /MISTRAL_BASE_URL must be an http\(s\) URL/],
    [{ MISTRAL_BASE_URL: "ftp://api.mistral.ai" }, /MISTRAL_BASE_URL must be an http\(s\) URL/],
    [
      { MISTRAL_BASE_URL: "https://u:p@api.mistral.ai" },
      /MISTRAL_BASE_URL must not contain credentials/,
    ],
    [{ UPSTREAM_TIMEOUT_MS: "soon" }, /UPSTREAM_TIMEOUT_MS must be a positive whole number/],
    [{ STREAM_IDLE_TIMEOUT_MS: "-5" }, /STREAM_IDLE_TIMEOUT_MS must be a positive whole number/],
    [{ MAX_JSON_BODY_BYTES: "1.5" }, /MAX_JSON_BODY_BYTES must be a positive whole number/],
    [{ SANDBOX_SPEED: "0" }, /SANDBOX_SPEED must be a positive number/],
    [{ SANDBOX_TOKENS_PER_SECOND: "fast" }, /SANDBOX_TOKENS_PER_SECOND must be a positive number/],
    [{ MISTRAL_API_KEY: `${CANARY}\n` }, /MISTRAL_API_KEY must be printable ASCII/],
  ])("refuses %j naming the variable", (env, message) => {
    const text = errorOf(env);
    expect(text).toMatch(message);
    // The message names the variable but never repeats a value (which could be the key).
    expect(text).not.toContain(CANARY);
  });

  it("lists every bad variable at once", () => {
    const text = errorOf({ UPSTREAM_TIMEOUT_MS: "x", SANDBOX_SPEED: "y", MISTRAL_BACKEND: "live" });
    expect(text).toMatch(/UPSTREAM_TIMEOUT_MS/);
    expect(text).toMatch(/SANDBOX_SPEED/);
    expect(text).toMatch(/MISTRAL_API_KEY is required/);
  });

  it("a key pasted into the wrong variable is not echoed", () => {
    expect(errorOf({ MISTRAL_BASE_URL: CANARY })).not.toContain(CANARY);
    expect(errorOf({ MISTRAL_BACKEND: CANARY })).not.toContain(CANARY);
  });
});

describe("Secret", () => {
  it("hides its value from every usual way of printing", () => {
    const secret = new Secret(CANARY);
    expect(String(secret)).toBe("[redacted]");
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect({ secret })).not.toContain(CANARY);
    expect(secret.reveal()).toBe(CANARY);
  });
});

describe("healthReport", () => {
  it("in live mode says so with the base URL, and nothing of the key", async () => {
    const config = parseConfig({
      MISTRAL_API_KEY: CANARY,
      MISTRAL_BASE_URL: "http://10.1.2.3:8080",
    });
    const report = await healthReport(config);
    expect(report).toEqual({
      status: 200,
      body: { status: "ok", backend: "live", baseUrl: "http://10.1.2.3:8080" },
    });
    expect(JSON.stringify(report)).not.toContain(CANARY);
  });

  it("answers 503 with the reason when the sandbox cannot start", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const report = await healthReport(parseConfig({}), Promise.reject(new Error("disk full")));
    errors.mockRestore();
    expect(report).toEqual({
      status: 503,
      body: { status: "error", message: "The sandbox backend failed to start." },
    });
  });
});
