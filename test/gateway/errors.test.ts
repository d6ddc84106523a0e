// Upstream errors keep their status, body and rate-limit headers; a missing or hanging upstream
// becomes a 502/504 that says which; reads retry, writes never do.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CANARY,
  echoScript,
  json,
  LeakRecorder,
  liveGateway,
  startFakeUpstream,
  type FakeUpstream,
  type Harness,
  type Script,
} from "./helpers";

let fake: FakeUpstream;
let h: Harness;
const recorder = new LeakRecorder();

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = liveGateway(fake.url, { upstreamTimeoutMs: 300 });
});
afterEach(() => {
  fake.script = echoScript;
  fake.received.length = 0;
});
afterAll(async () => {
  await fake.close();
  expect(recorder.seen.length).toBeGreaterThan(10);
  expect(recorder.leaks()).toEqual([]);
  expect(h.logs.filter((l) => l.includes(CANARY))).toEqual([]);
});

const chatBody = JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }] });

function call(method: "GET" | "POST", path: string, gateway = h.gateway) {
  const init: RequestInit =
    method === "POST"
      ? { method, headers: { "content-type": "application/json" }, body: chatBody }
      : { method };
  return gateway(new Request(`http://console.test${path}`, init)).then((r) => recorder.record(r));
}

function answer(status: number, body: string, headers: Record<string, string> = {}): Script {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body);
  };
}

/** Answers each request with the next script in the list (the last one repeats). */
function sequence(...scripts: Script[]): Script {
  let i = 0;
  return (req, res, got) => scripts[Math.min(i++, scripts.length - 1)](req, res, got);
}

describe("upstream errors pass through", () => {
  it.each([
    [401, { message: "Unauthorized", request_id: "r1" }],
    [
      422,
      {
        detail: [{ loc: ["body", "model"], msg: "Field required", type: "missing" }],
      },
    ],
    [500, { object: "error", message: "Internal", type: "internal_error", code: null }],
  ])("%i keeps its status and JSON body", async (status, body) => {
    fake.script = answer(status, JSON.stringify(body), { "x-request-id": "req-123" });
    const res = await call("POST", "/v1/chat/completions");
    expect(res.status).toBe(status);
    expect(json(res)).toEqual(body);
    const headers = Object.fromEntries(res.headers);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["x-request-id"]).toBe("req-123");
    expect(fake.received).toHaveLength(1); // a write is never retried
  });

  it("429 keeps Retry-After and the rate-limit headers, and a write is not retried", async () => {
    fake.script = answer(429, JSON.stringify({ message: "Requests rate limit exceeded" }), {
      "retry-after": "7",
      "x-ratelimit-limit-requests": "60",
      "x-ratelimit-remaining-requests": "0",
      ratelimit: "limit=60, remaining=0, reset=7",
    });
    const res = await call("POST", "/v1/chat/completions");
    expect(res.status).toBe(429);
    const headers = Object.fromEntries(res.headers);
    expect(headers["retry-after"]).toBe("7");
    expect(headers["x-ratelimit-limit-requests"]).toBe("60");
    expect(headers["x-ratelimit-remaining-requests"]).toBe("0");
    expect(headers.ratelimit).toBe("limit=60, remaining=0, reset=7");
    expect(json(res)).toEqual({ message: "Requests rate limit exceeded" });
    expect(fake.received).toHaveLength(1);
  });

  it("a read is retried after a short Retry-After and succeeds", async () => {
    fake.script = sequence(
      answer(429, "{}", { "retry-after": "0" }),
      answer(503, "{}"),
      echoScript,
    );
    const res = await call("GET", "/v1/models");
    expect(res.status).toBe(200);
    expect(fake.received).toHaveLength(3);
  });

  it("a read with a long Retry-After is handed to the caller at once", async () => {
    fake.script = answer(429, "{}", { "retry-after": "30" });
    const started = Date.now();
    const res = await call("GET", "/v1/models");
    expect(res.status).toBe(429);
    expect(Object.fromEntries(res.headers)["retry-after"]).toBe("30");
    expect(fake.received).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a read failing with 500 is tried three times in all, then the 500 is passed on", async () => {
    fake.script = answer(500, JSON.stringify({ message: "boom" }));
    const res = await call("GET", "/v1/fine_tuning/jobs");
    expect(res.status).toBe(500);
    expect(json(res)).toEqual({ message: "boom" });
    expect(fake.received).toHaveLength(3);
  });

  it("a non-JSON error page becomes the JSON error shape with the same status", async () => {
    fake.script = (_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1></body></html>");
    };
    const res = await call("POST", "/v1/embeddings");
    expect(res.status).toBe(502);
    expect(json(res)).toMatchObject({ object: "error", type: "upstream_error", param: null });
    expect(String(json(res).message)).toMatch(/answered 502.*not JSON \(text\/html\)/);
  });

  it("the key is scrubbed from an upstream that echoes it back", async () => {
    fake.script = (req, res) => {
      res.writeHead(401, {
        "content-type": "application/json",
        "x-request-id": String(req.headers.authorization),
      });
      res.end(JSON.stringify({ message: `Invalid key ${req.headers.authorization}` }));
    };
    const res = await call("POST", "/v1/chat/completions");
    expect(res.status).toBe(401);
    expect(res.body).not.toContain(CANARY);
    expect(json(res).message).toBe("Invalid key Bearer [redacted]");
    expect(Object.fromEntries(res.headers)["x-request-id"]).toBe("Bearer [redacted]");
  });
});

describe("upstream unreachable or hanging", () => {
  it("connection refused is 502 saying the API could not be reached", async () => {
    const dead = await startFakeUpstream();
    const url = dead.url;
    await dead.close();
    const gone = liveGateway(url);
    for (const method of ["GET", "POST"] as const) {
      const res = await call(
        method,
        method === "GET" ? "/v1/models" : "/v1/chat/completions",
        gone.gateway,
      );
      expect(res.status).toBe(502);
      expect(json(res)).toMatchObject({
        object: "error",
        type: "upstream_error",
        code: "upstream_unreachable",
        param: null,
      });
      expect(String(json(res).message)).toMatch(
        /Could not reach the Mistral API at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
      );
    }
  });

  it("no answer within the timeout is 504 saying so, and the upstream call is dropped", async () => {
    fake.script = () => {}; // never answers
    const started = Date.now();
    const res = await call("POST", "/v1/chat/completions");
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(json(res)).toMatchObject({
      object: "error",
      type: "upstream_error",
      code: "upstream_timeout",
    });
    expect(String(json(res).message)).toMatch(/did not answer within 300 ms/);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.received[0].closedAt).toBeDefined();
  });

  it("a timed-out read is not retried (the caller should not wait three times as long)", async () => {
    fake.script = () => {};
    const res = await call("GET", "/v1/models");
    expect(res.status).toBe(504);
    expect(fake.received).toHaveLength(1);
  });
});
