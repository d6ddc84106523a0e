// /metrics: the Prometheus text a scraper holding METRICS_TOKEN reads (404 without a token set),
// and its series moving as /v1 is used: requests by operation and status, latency, streams,
// upstream errors and retries, tokens by model, refusals, credential lookups, process health.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secret } from "@/lib/server/config";
import { metricsResponse } from "@/lib/server/metrics";
import {
  bearer,
  buildRequest,
  createTestAuth,
  guardedFake,
  guardedSandbox,
  session,
  signedIn,
  tokenFor,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";
import { updateUser } from "@/lib/server/auth/users";

const TOKEN = new Secret("metrics-test-token-0123456789abcdef");
const CHAT = "chat_completion_v1_chat_completions_post";
const MODELS = "list_models_v1_models_get";

async function scrape(): Promise<string> {
  const response = await metricsResponse(
    new Request("http://console.test/metrics", {
      headers: { authorization: `Bearer ${TOKEN.reveal()}` },
    }),
    TOKEN,
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one series (0 when absent); `labels` must match exactly. */
function value(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort()
    .join(",");
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "")
      .split(/,(?=\w+=")/)
      .filter(Boolean)
      .sort()
      .join(",");
    if (have === wanted) return Number(match[3]);
  }
  return 0;
}

describe("metrics", () => {
  let t: TestAuth;
  let sandbox: Guarded;
  let fake: Guarded;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await createTestAuth("sqlite");
    sandbox = guardedSandbox(t.ctx, t.dataDir);
    let calls = 0;
    // The fake upstream fails the first models read (503) and answers the retry.
    fake = await guardedFake(t.ctx, (_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 503 : 200, { "content-type": "application/json" });
      res.end(calls === 1 ? '{"message":"busy"}' : '{"object":"list","data":[]}');
    });
    admin = await signedIn(t.ctx, "admin");
    member = await signedIn(t.ctx, "member");
    viewer = await signedIn(t.ctx, "viewer");
  });

  afterAll(async () => {
    await sandbox?.close();
    await fake?.close();
    await t?.close();
  });

  it("answers 404 without METRICS_TOKEN and 401 to a wrong or missing token", async () => {
    const request = (authorization?: string) =>
      new Request("http://console.test/metrics", {
        headers: authorization ? { authorization } : {},
      });
    expect((await metricsResponse(request(`Bearer ${TOKEN.reveal()}`), null)).status).toBe(404);
    expect((await metricsResponse(request(), TOKEN)).status).toBe(401);
    expect((await metricsResponse(request("Bearer not-the-token"), TOKEN)).status).toBe(401);
    const text = await scrape();
    // Process health comes with every scrape.
    expect(value(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it("counts requests, latency, streams, tokens by model and refusals as /v1 is used", async () => {
    const { secret } = await tokenFor(t.ctx, member);
    const before = await scrape();

    const plain = await sandbox.gateway(
      buildRequest("/v1/chat/completions", bearer(secret), {
        json: { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] },
      }),
    );
    expect(plain.status).toBe(200);
    const answer = (await plain.json()) as {
      model: string;
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const streamed = await sandbox.gateway(
      buildRequest("/v1/chat/completions", session(member), {
        json: {
          model: "mistral-small-latest",
          stream: true,
          messages: [{ role: "user", content: "hello" }],
        },
      }),
    );
    expect(streamed.status).toBe(200);
    const during = await scrape();
    expect(value(during, "console_active_streams", { operation: CHAT })).toBe(
      value(before, "console_active_streams", { operation: CHAT }) + 1,
    );
    await streamed.text();
    // Twice in a row: the second finds the token in memory.
    for (let i = 0; i < 2; i++) {
      expect((await sandbox.gateway(buildRequest("/v1/models", bearer(secret)))).status).toBe(200);
    }
    // Refused by the console: a viewer's chat, no credential, and over the member's limit.
    expect(
      (
        await sandbox.gateway(
          buildRequest("/v1/chat/completions", session(viewer), { json: { model: "m" } }),
        )
      ).status,
    ).toBe(403);
    expect((await sandbox.gateway(buildRequest("/v1/models", null))).status).toBe(401);
    await updateUser(t.ctx, admin.user.id, member.user.id, { rateLimitPerMinute: 2 });
    expect(
      (
        await sandbox.gateway(
          buildRequest("/v1/chat/completions", bearer(secret), {
            json: { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] },
          }),
        )
      ).status,
    ).toBe(429);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      value(after, name, labels) - value(before, name, labels);
    expect(moved("console_requests_total", { operation: CHAT, status: "200" })).toBe(2);
    expect(moved("console_requests_total", { operation: CHAT, status: "403" })).toBe(1);
    expect(moved("console_requests_total", { operation: CHAT, status: "429" })).toBe(1);
    expect(moved("console_requests_total", { operation: MODELS, status: "200" })).toBe(2);
    expect(moved("console_requests_total", { operation: MODELS, status: "401" })).toBe(1);
    expect(moved("console_request_duration_seconds_count", { operation: CHAT })).toBe(4);
    expect(moved("console_added_latency_seconds_count", { operation: CHAT })).toBe(4);
    expect(moved("console_request_duration_seconds_sum", { operation: CHAT })).toBeGreaterThan(0);
    expect(moved("console_stream_first_byte_seconds_count", { operation: CHAT })).toBe(1);
    expect(value(after, "console_active_streams", { operation: CHAT })).toBe(
      value(before, "console_active_streams", { operation: CHAT }),
    );
    const model = answer.model;
    expect(moved("console_tokens_total", { model, kind: "prompt" })).toBeGreaterThanOrEqual(
      answer.usage.prompt_tokens,
    );
    expect(moved("console_tokens_total", { model, kind: "completion" })).toBeGreaterThan(
      answer.usage.completion_tokens,
    );
    // No prices are known yet: no cost series.
    expect(after).not.toMatch(/^console_cost_total\{/m);
    expect(moved("console_refusals_total", { reason: "forbidden" })).toBe(1);
    expect(moved("console_refusals_total", { reason: "unauthenticated" })).toBe(1);
    expect(moved("console_refusals_total", { reason: "rate_limited" })).toBe(1);
    expect(moved("console_credential_lookups_total", { result: "hit" })).toBeGreaterThan(0);
    expect(moved("console_credential_lookups_total", { result: "miss" })).toBeGreaterThan(0);
  });

  it("counts upstream errors and retries", async () => {
    const before = await scrape();
    const response = await fake.gateway(buildRequest("/v1/models", session(admin)));
    expect(response.status).toBe(200);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      value(after, name, labels) - value(before, name, labels);
    expect(
      moved("console_upstream_errors_total", { operation: MODELS, reason: "status_5xx" }),
    ).toBe(1);
    expect(moved("console_upstream_retries_total", { operation: MODELS })).toBe(1);
    expect(moved("console_requests_total", { operation: MODELS, status: "200" })).toBe(1);
  });
});
