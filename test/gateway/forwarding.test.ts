// The gateway forwards the seed's 19 operations (the console's own pages use them) to the upstream
// with the server's key, only allow-listed headers and spec-listed query parameters, and refuses
// everything else. operations.test.ts runs every operation of today's table the same way.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { matchOperation } from "@/lib/mistral/operations";
import { seedOperations } from "@/lib/mistral/seed-operations";
import {
  CANARY,
  echoScript,
  json,
  LeakRecorder,
  liveGateway,
  serve,
  startFakeUpstream,
  type FakeUpstream,
  type Harness,
  type Served,
} from "./helpers";

const JOB = "0f6b8e2a-3c4d-4e5f-8a9b-1c2d3e4f5a6b";
const FILE = "d56b1c2e-7a8f-4b3c-9d0e-112233445566";
const FT_MODEL = "ft:open-mistral-7b:587a6b29:20240514:7e773925";

interface Case {
  method: string;
  path: string;
  /** What the upstream must receive as path + query; defaults to `path`. */
  forwarded?: string;
  json?: unknown;
  multipart?: boolean;
}

const cases: Case[] = [
  { method: "GET", path: "/v1/models" },
  { method: "GET", path: `/v1/models/${FT_MODEL}` },
  { method: "DELETE", path: `/v1/models/${FT_MODEL}` },
  { method: "POST", path: "/v1/files", multipart: true },
  // Today's spec declares `purpose` (and page, search, ...): it is forwarded, api_key is not.
  {
    method: "GET",
    path: "/v1/files?purpose=fine-tune&api_key=x",
    forwarded: "/v1/files?purpose=fine-tune",
  },
  { method: "GET", path: `/v1/files/${FILE}` },
  { method: "DELETE", path: `/v1/files/${FILE}` },
  {
    method: "GET",
    path: "/v1/fine_tuning/jobs?page=2&page_size=5&status=RUNNING&model=open-mistral-7b&debug=1&key=x",
    forwarded: "/v1/fine_tuning/jobs?page=2&page_size=5&model=open-mistral-7b&status=RUNNING",
  },
  {
    method: "POST",
    path: "/v1/fine_tuning/jobs?dry_run=true&redirect=http://evil",
    forwarded: "/v1/fine_tuning/jobs?dry_run=true",
    json: {
      model: "open-mistral-7b",
      training_files: [FILE],
      hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    },
  },
  { method: "GET", path: `/v1/fine_tuning/jobs/${JOB}` },
  { method: "POST", path: `/v1/fine_tuning/jobs/${JOB}/cancel` },
  { method: "POST", path: `/v1/fine_tuning/jobs/${JOB}/start` },
  {
    method: "PATCH",
    path: `/v1/fine_tuning/models/${FT_MODEL}`,
    json: { name: "Support bot", description: "ünïcødé ✓" },
  },
  { method: "POST", path: `/v1/fine_tuning/models/${FT_MODEL}/archive` },
  { method: "DELETE", path: `/v1/fine_tuning/models/${FT_MODEL}/archive` },
  {
    method: "POST",
    path: "/v1/chat/completions",
    json: { model: "mistral-small-latest", messages: [{ role: "user", content: "Hi" }] },
  },
  {
    method: "POST",
    path: "/v1/fim/completions",
    json: { model: "codestral-latest", prompt: "def f(", suffix: "return 1" },
  },
  {
    method: "POST",
    path: "/v1/agents/completions",
    json: { agent_id: "ag:1", messages: [{ role: "user", content: "Hi" }] },
  },
  {
    method: "POST",
    path: "/v1/embeddings",
    json: { model: "mistral-embed", input: ["a", "b"] },
  },
];

// Headers a caller might send that must never reach the upstream.
const hostile = {
  authorization: "Bearer console-user-token",
  cookie: "console_session=abc123",
  "x-forwarded-for": "10.0.0.1",
  "x-api-key": "caller-key",
  "proxy-authorization": "Basic Zm9vOmJhcg==",
  "keep-alive": "timeout=5",
  "x-custom": "1",
};

let fake: FakeUpstream;
let h: Harness;
const recorder = new LeakRecorder();
const consoleLines: string[] = [];

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map(String).join(" "));
    });
  }
  fake = await startFakeUpstream();
  h = liveGateway(fake.url);
});
afterEach(() => {
  fake.script = echoScript;
  fake.received.length = 0;
});
afterAll(async () => {
  await fake.close();
  vi.restoreAllMocks();
  // The canary key never appears in a response, a gateway log line or anything printed.
  expect(recorder.seen.length).toBeGreaterThan(30);
  expect(recorder.leaks()).toEqual([]);
  expect([...h.logs, ...consoleLines].filter((l) => l.includes(CANARY))).toEqual([]);
});

function call(path: string, init: RequestInit = {}) {
  return h.gateway(new Request(`http://console.test${path}`, init)).then((r) => recorder.record(r));
}

describe("each of the seed's 19 operations", () => {
  it("the table below covers every operation of the seed", () => {
    const covered = new Set(
      cases.map((c) => {
        const m = matchOperation(c.method, c.path.split("?")[0]);
        return m.kind === "match" ? m.operation.id : `${c.method} ${c.path} unmatched`;
      }),
    );
    expect([...covered].sort()).toEqual(seedOperations.map((o) => o.id).sort());
  });

  it.each(cases)("$method $path is forwarded with the server's key and answered", async (c) => {
    let body: BodyInit | undefined;
    const headers: Record<string, string> = { ...hostile, accept: "application/json" };
    let sent: Buffer | undefined;
    if (c.json !== undefined) {
      sent = Buffer.from(JSON.stringify(c.json));
      body = new Uint8Array(sent);
      headers["content-type"] = "application/json";
    } else if (c.multipart) {
      const form = new FormData();
      form.append("purpose", "fine-tune");
      form.append("file", new Blob(['{"messages":[]}\n']), "train.jsonl");
      const encoded = new Request("http://x", { method: "POST", body: form });
      headers["content-type"] = encoded.headers.get("content-type")!;
      sent = Buffer.from(await encoded.arrayBuffer());
      body = new Uint8Array(sent);
    }
    const res = await call(c.path, { method: c.method, headers, body });

    expect(res.status).toBe(200);
    const forwarded = c.forwarded ?? c.path;
    expect(json(res)).toEqual({ method: c.method, url: forwarded, bytes: sent?.length ?? 0 });
    expect(fake.received).toHaveLength(1);
    const got = fake.received[0];
    expect(got.method).toBe(c.method);
    expect(got.url).toBe(forwarded);
    expect(got.headers.authorization).toBe(`Bearer ${CANARY}`);
    for (const name of Object.keys(hostile)) {
      if (name !== "authorization") expect(got.headers[name]).toBeUndefined();
    }
    expect(got.headers.accept).toBe("application/json");
    if (sent) {
      expect(got.body.equals(sent)).toBe(true);
      expect(got.headers["content-type"]).toBe(headers["content-type"]);
      if (c.json !== undefined) {
        // A checked JSON body goes out with its length, not chunked.
        expect(got.headers["content-length"]).toBe(String(sent.length));
        expect(got.headers["transfer-encoding"]).toBeUndefined();
      }
    } else {
      expect(got.body.length).toBe(0);
    }
    // Response headers: rate-limit info kept, cookies and unknown upstream headers dropped.
    const names = res.headers.map(([n]) => n);
    expect(names).not.toContain("set-cookie");
    expect(names).not.toContain("x-upstream-internal");
    expect(Object.fromEntries(res.headers)["x-ratelimit-remaining-tokens"]).toBe("4242");
    expect(Object.fromEntries(res.headers)["cache-control"]).toBe("no-store");
  });
});

describe("refused before anything is forwarded", () => {
  it.each([
    ["/v1/nope"],
    ["/v2/models"],
    ["/v1"],
    ["/v1/"],
    ["/v1/models/"],
    ["/v1//models"],
    ["/v1/models/a%2Fb"],
    ["/v1/models/..%2Ffiles"],
    ["/v1/files/%2e%2e"],
    ["/v1/models/%00"],
    [`/v1/models/${"a".repeat(300)}`],
    ["/v1/fine_tuning/jobs/not-a-uuid"],
    ["/v1/fine_tuning/jobs/not-a-uuid/cancel"],
    [`/v1/fine_tuning/jobs/${JOB}/../../../models`],
    ["/v1/models/.hidden"],
    ["/v1/models/a b"],
    ["/v1/models\\x"],
  ])("unknown path %s is 404 JSON", async (path) => {
    // `new Request` resolves dot segments as any HTTP client would; what's left must not match.
    const res = await call(path);
    const url = new URL(`http://console.test${path}`).pathname;
    if (matchOperation("GET", url).kind === "match") {
      // Normalized to a real operation (e.g. /v1/models): forwarded there and nowhere else.
      expect(res.status).toBe(200);
      expect(fake.received.map((r) => r.url)).toEqual([url]);
      return;
    }
    expect(res.status).toBe(404);
    expect(json(res)).toMatchObject({
      object: "error",
      type: "invalid_request_error",
      code: "not_found",
      param: null,
    });
    expect(String(json(res).message)).toMatch(/No API operation/);
    expect(fake.received).toHaveLength(0);
  });

  it.each([
    ["PUT", "/v1/models", "GET"],
    ["POST", "/v1/models", "GET"],
    ["DELETE", "/v1/files", "GET, POST"],
    ["GET", "/v1/chat/completions", "POST"],
    ["PATCH", `/v1/fine_tuning/jobs/${JOB}`, "GET"],
    ["GET", `/v1/fine_tuning/models/${FT_MODEL}/archive`, "POST, DELETE"],
    ["OPTIONS", "/v1/models", "GET"],
    ["HEAD", "/v1/models", "GET"],
  ])("%s %s is 405 with Allow: %s", async (method, path, allow) => {
    const res = await call(path, { method });
    expect(res.status).toBe(405);
    const headers = Object.fromEntries(res.headers);
    expect(headers.allow.split(", ").sort()).toEqual(allow.split(", ").sort());
    if (method !== "HEAD") {
      expect(json(res)).toMatchObject({ object: "error", code: "method_not_allowed" });
    }
    expect(fake.received).toHaveLength(0);
  });

  const chat = "/v1/chat/completions";
  it("malformed JSON is 400 with the parse error", async () => {
    const res = await call(chat, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"model": "x", ',
    });
    expect(res.status).toBe(400);
    expect(json(res)).toMatchObject({ object: "error", code: "invalid_json" });
    expect(String(json(res).message)).toMatch(/not valid JSON: .+/);
    expect(fake.received).toHaveLength(0);
  });

  it("an empty JSON body and invalid UTF-8 are 400", async () => {
    const empty = await call(chat, {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    expect(empty.status).toBe(400);
    expect(String(json(empty).message)).toMatch(/empty/);
    const bad = await call(chat, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(bad.status).toBe(400);
    expect(String(json(bad).message)).toMatch(/UTF-8/);
    expect(fake.received).toHaveLength(0);
  });

  it("deeply nested JSON within the limit is forwarded, not a crash", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const res = await call(chat, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: deep,
    });
    expect(res.status).toBe(200);
    expect(fake.received[0].body.length).toBe(deep.length);
  });

  it("a JSON body over the limit is 413, by Content-Length or by counting", async () => {
    const small = liveGateway(fake.url, { maxJsonBodyBytes: 1024 });
    const big = JSON.stringify({
      model: "m",
      messages: [{ role: "user", content: "x".repeat(2000) }],
    });
    const declared = await recorder.record(
      await small.gateway(
        new Request(`http://console.test${chat}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: big,
        }),
      ),
    );
    expect(declared.status).toBe(413);
    expect(json(declared)).toMatchObject({ object: "error", code: "payload_too_large" });
    expect(String(json(declared).message)).toMatch(/larger than the 1 KB/);
    // Streamed without a Content-Length: counted as it arrives.
    const streamed = await recorder.record(
      await small.gateway(
        new Request(`http://console.test${chat}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: new Blob([big]).stream(),
          duplex: "half",
        } as RequestInit),
      ),
    );
    expect(streamed.status).toBe(413);
    expect(fake.received).toHaveLength(0);
  });

  it.each([
    ["text/plain", chat],
    ["application/x-www-form-urlencoded", chat],
    ["", "/v1/embeddings"],
    ["application/json", "/v1/files"],
    ["text/plain", "/v1/files"],
  ])("Content-Type %j on %s is 415", async (type, path) => {
    const res = await call(path, {
      method: "POST",
      headers: type ? { "content-type": type } : {},
      body: new TextEncoder().encode('{"model":"m","input":"x"}'),
    });
    expect(res.status).toBe(415);
    expect(json(res)).toMatchObject({ object: "error", code: "unsupported_media_type" });
    expect(fake.received).toHaveLength(0);
  });

  it("application/json with a charset is accepted", async () => {
    const res = await call("/v1/embeddings", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"model":"mistral-embed","input":"x"}',
    });
    expect(res.status).toBe(200);
  });
});

describe("over real HTTP (as Next serves it)", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve(h.gateway);
  });
  afterAll(() => served.close());

  async function raw(path: string): Promise<{ status: number; text: string }> {
    // A raw request line, so no client normalizes the path first.
    const { request } = await import("node:http");
    return new Promise((resolve, reject) => {
      const req = request(`${served.url}/`, { path }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("raw path tricks never reach the upstream outside the operation table", async () => {
    for (const path of [
      "/v1/models/..%2F..%2Fadmin",
      "/v1//models",
      "/v1/files/%2e%2e/%2e%2e/secret",
      "/v1/fine_tuning/jobs/../../../../etc/passwd",
      `/v1/models/${"x".repeat(5000)}`,
      "/v2/prompts/..%2F..%2Fv1%2Fadmin%2Fapi-keys",
      "/v1/libraries/%2e%2e/documents",
      "/v1/conversations/a%00b/history",
    ]) {
      const res = await raw(path);
      recorder.seen.push({ status: res.status, headers: [], body: res.text });
      expect(res.status, path).toBe(404);
    }
    expect(fake.received).toHaveLength(0);
  });

  it("set-cookie from the upstream never reaches the browser", async () => {
    const res = await fetch(`${served.url}/v1/models`, { headers: { cookie: "a=b" } });
    expect(res.headers.get("set-cookie")).toBeNull();
    await recorder.record(res);
    expect(fake.received[0].headers.cookie).toBeUndefined();
  });
});
