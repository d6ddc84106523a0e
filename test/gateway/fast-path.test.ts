// The /v1 fast path in front of Next (lib/server/fast-path.ts), installed as production installs
// it (http-front.ts) on a node:http server standing in for Next's: what it takes and what reaches
// "Next" unchanged, the headers and encoding Next would have given, a handler that throws, a body
// the handler never reads, and one gateway per process whichever bundle asks.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import securityHeaders from "@/lib/security-headers.json";
import { createFastPath, FAST_PATH_HEADER, takesFastPath } from "@/lib/server/fast-path";
import { installFront } from "@/lib/server/http-front";
import { Body } from "@/lib/server/body";
import type { Gateway } from "@/lib/server/gateway";
import { liveGateway, startFakeUpstream, type FakeUpstream } from "./helpers";

interface Reached {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
  agent?: http.Agent,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A server whose own handler ("Next") records what reaches it, with the front layer installed. */
async function nextStandIn(handler: Gateway) {
  const reached: Reached[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      reached.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(200, { "content-type": "text/plain" }).end("next");
    });
  });
  installFront([server], createFastPath(handler));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    reached,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe("which requests take the fast path", () => {
  const req = (method: string, url: string, host: string | null = "console.test") =>
    ({ method, url, headers: host ? { host } : {} }) as http.IncomingMessage;

  it.each([
    "/v1/models",
    "/v1/chat/completions",
    "/v2/prompts",
    "/v1/models/ft:open-mistral-7b:abc:20240514:7e773925",
    "/v1/files?purpose=fine-tune&page=2",
    "/v1/nope",
  ])("takes %s", (url) => {
    for (const method of ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"]) {
      expect(takesFastPath(req(method, url))).toBe(true);
    }
  });

  it.each([
    // Next redirects these (308) or rewrites them before routing: it keeps them.
    "/v1//models",
    "/v1/models/",
    "/v1/files/../models",
    "/v1/./models",
    "/v1/models/a%2Fb",
    "/v1/models/%zz",
    "/v1\\models",
    // Not the gateway's routes.
    "/v1",
    "/v1/",
    "/V1/models",
    "/v3/models",
    "/api/health",
    "/",
    "/models",
    "/_next/static/chunks/main.js",
    "http://console.test/v1/models",
  ])("leaves %s to Next", (url) => {
    expect(takesFastPath(req("GET", url))).toBe(false);
  });

  it("leaves other methods and a request without a Host to Next", () => {
    expect(takesFastPath(req("PROPFIND", "/v1/models"))).toBe(false);
    expect(takesFastPath(req("GET", "/v1/models", null))).toBe(false);
  });
});

describe("the fast path in front of Next", () => {
  let fake: FakeUpstream;
  let front: Awaited<ReturnType<typeof nextStandIn>>;

  beforeAll(async () => {
    fake = await startFakeUpstream((req, res, got) => {
      if (req.url?.startsWith("/v1/chat")) {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('data: {"n":1}\n\ndata: [DONE]\n\n');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ object: "list", data: [], padding: "x".repeat(2048), got: got.url }),
      );
    });
    front = await nextStandIn(liveGateway(fake.url).gateway.answers);
  });
  afterAll(async () => {
    await front.close();
    await fake.close();
  });

  it("answers /v1 itself, with next.config.js's headers and the marker", async () => {
    const before = front.reached.length;
    const res = await send(front.port, "GET", "/v1/models?page=2&secret=dropped");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString()).got).toBe("/v1/models");
    expect(res.headers[FAST_PATH_HEADER]).toBe("1");
    for (const { key, value } of securityHeaders)
      expect(res.headers[key.toLowerCase()]).toBe(value);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(front.reached.length).toBe(before);
  });

  it("hands every other request to Next unchanged: method, URL, headers and body", async () => {
    const cases: [string, string, string?][] = [
      ["GET", "/api/health"],
      ["POST", "/api/console/tokens", '{"name":"t"}'],
      ["GET", "/models?tab=fine-tuned"],
      ["GET", "/v1//models"],
      ["GET", "/v1/models/a%2Fb"],
      ["DELETE", "/v1/files/../models"],
    ];
    for (const [method, path, body] of cases) {
      const res = await send(front.port, method, path, { "x-custom": "kept", cookie: "a=b" }, body);
      expect(res.body.toString(), `${method} ${path}`).toBe("next");
      expect(res.headers[FAST_PATH_HEADER]).toBeUndefined();
      const seen = front.reached.at(-1)!;
      expect(seen).toMatchObject({ method, url: path, body: body ?? "" });
      expect(seen.headers).toMatchObject({ "x-custom": "kept", cookie: "a=b" });
    }
  });

  it("answers a /v1 path with a broken percent-escape itself: a JSON 400 saying so, not Next's plain 500", async () => {
    for (const path of ["/v1/models/%zz", "/v1/models/ab%2", "/v2/prompts/%"]) {
      const before = front.reached.length;
      const res = await send(front.port, "GET", path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body.toString())).toMatchObject({
        code: "invalid_path",
        message: expect.stringContaining("broken percent-escape"),
      });
      expect(res.headers[FAST_PATH_HEADER]).toBe("1");
      for (const { key, value } of securityHeaders)
        expect(res.headers[key.toLowerCase()]).toBe(value);
      expect(front.reached.length).toBe(before);
    }
  });

  it("gzips a JSON answer for a client that asks, as Next does, and never a stream", async () => {
    const json = await send(front.port, "GET", "/v1/models", { "accept-encoding": "gzip" });
    expect(json.headers["content-encoding"]).toBe("gzip");
    expect(json.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(json.body).toString()).object).toBe("list");

    const stream = await send(
      front.port,
      "POST",
      "/v1/chat/completions",
      { "accept-encoding": "gzip", "content-type": "application/json" },
      '{"model":"m","messages":[],"stream":true}',
    );
    expect(stream.headers["content-type"]).toBe("text/event-stream");
    expect(stream.headers["content-encoding"]).toBeUndefined();
    expect(stream.body.toString()).toContain("data: [DONE]");
  });

  it("sends a JSON answer whole with its length, and a stream chunked as it comes", async () => {
    const json = await send(front.port, "GET", "/v1/models");
    expect(json.headers["content-length"]).toBe(String(json.body.length));
    expect(json.headers["transfer-encoding"]).toBeUndefined();
    const stream = await send(
      front.port,
      "POST",
      "/v1/chat/completions",
      { "content-type": "application/json" },
      '{"model":"m","messages":[],"stream":true}',
    );
    expect(stream.headers["transfer-encoding"]).toBe("chunked");
    expect(stream.headers["content-length"]).toBeUndefined();
  });

  it("answers a HEAD with the gateway's status and no body", async () => {
    const res = await send(front.port, "HEAD", "/v1/models");
    expect(res.headers[FAST_PATH_HEADER]).toBe("1");
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET");
    expect(res.body.length).toBe(0);
  });
});

describe("uploads through the fast path", () => {
  const boundary = "----console-test-boundary";
  const multipart = (size: number) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="train.jsonl"\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      ),
      Buffer.alloc(size, "x"),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
  const uploadHeaders = { "content-type": `multipart/form-data; boundary=${boundary}` };

  it("an upload of declared length reaches the API byte for byte, and its answer comes back", async () => {
    const fake = await startFakeUpstream();
    const front = await nextStandIn(liveGateway(fake.url).gateway.answers);
    try {
      const body = multipart(3 * 1024 * 1024);
      const answer = await send(front.port, "POST", "/v1/files", uploadHeaders, body);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ bytes: body.length });
      expect(fake.received.at(-1)!.sha256).toBe(createHash("sha256").update(body).digest("hex"));
      expect(fake.received.at(-1)!.headers["content-length"]).toBe(String(body.length));
    } finally {
      await front.close();
      await fake.close();
    }
  });

  it("an upload the API refuses before reading it: the client gets that answer, and its connection serves the next request", async () => {
    const api = http.createServer((_req, res) => {
      res.writeHead(422, { "content-type": "application/json" });
      res.end('{"object":"error","message":"no thanks"}');
    });
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    const front = await nextStandIn(
      liveGateway(`http://127.0.0.1:${(api.address() as AddressInfo).port}`).gateway.answers,
    );
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await send(
        front.port,
        "POST",
        "/v1/files",
        uploadHeaders,
        multipart(8 * 1024 * 1024),
        agent,
      );
      expect(first.status).toBe(422);
      expect(JSON.parse(first.body.toString())).toMatchObject({ message: "no thanks" });
      const second = await send(front.port, "GET", "/v1/models", {}, undefined, agent);
      expect(second.status).toBe(422);
    } finally {
      agent.destroy();
      await front.close();
      api.closeAllConnections();
      await new Promise<void>((r) => api.close(() => r()));
    }
  });
});

describe("what a handler leaves behind", () => {
  it("a handler that throws is a JSON 500, and the error is logged without the request's query", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const front = await nextStandIn(async () => {
      throw new Error("database is down");
    });
    try {
      const res = await send(front.port, "GET", "/v1/models?token=abc");
      expect(res.status).toBe(500);
      expect(res.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(res.body.toString())).toMatchObject({
        object: "error",
        code: "internal_error",
      });
      expect(logged.mock.calls.flat().join(" ")).toMatch(/GET \/v1\/models failed: .*down/);
      expect(logged.mock.calls.flat().join(" ")).not.toContain("token=abc");
    } finally {
      logged.mockRestore();
      await front.close();
    }
  });

  it("a body the handler never reads is discarded and the connection serves the next request", async () => {
    let calls = 0;
    const front = await nextStandIn(async () => {
      calls++;
      return {
        status: 401,
        headers: { "content-type": "application/json" },
        body: Body.of('{"refused":true}'),
      };
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = Buffer.alloc(4 * 1024 * 1024, 97);
      const first = await send(front.port, "POST", "/v1/files", {}, big, agent);
      expect(first.status).toBe(401);
      const second = await send(front.port, "GET", "/v1/models", {}, undefined, agent);
      expect(second.status).toBe(401);
      expect(calls).toBe(2);
    } finally {
      agent.destroy();
      await front.close();
    }
  });
});

describe("one gateway per process", () => {
  it("separate copies of the modules (as in separate bundles) share the upstream and the gateway", async () => {
    const first = await import("@/lib/server/upstream");
    vi.resetModules();
    const second = await import("@/lib/server/upstream");
    expect(second).not.toBe(first);
    const env = { ...process.env };
    process.env.MISTRAL_BACKEND = "live";
    process.env.MISTRAL_API_KEY = "sk-test-per-process";
    try {
      expect(second.getUpstream()).toBe(first.getUpstream());
    } finally {
      process.env = env;
    }
  });
});
