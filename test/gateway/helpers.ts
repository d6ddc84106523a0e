// Test fixtures for the gateway: a scripted fake upstream (the true edge: a real HTTP server on
// 127.0.0.1), the production fast path (lib/server/fast-path.ts) with a tiny node:http adapter
// that serves a route handler the way Next does behind it, and a recorder that checks the canary
// key never leaks.
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { parseConfig, type Config } from "@/lib/server/config";
import { createFastPath } from "@/lib/server/fast-path";
import { toResponse } from "@/lib/server/answer";
import { createGateway, type Gateway } from "@/lib/server/gateway";
import { createLiveUpstream, type Upstream } from "@/lib/server/upstream";

export const CANARY = "sk-canary-7f3a9c1e5b2d4086aa11";

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  sha256: string;
  /** When the connection that carried this request closed (ms since epoch), if it did. */
  closedAt?: number;
}

export type Script = (req: http.IncomingMessage, res: http.ServerResponse, got: Received) => void;

export interface FakeUpstream {
  url: string;
  received: Received[];
  script: Script;
  close(): Promise<void>;
}

/** Answers 200 with JSON naming what it got, plus headers the gateway must filter. */
export const echoScript: Script = (_req, res, got) => {
  res.writeHead(200, {
    "content-type": "application/json",
    "set-cookie": "upstream_session=secret; Path=/",
    "x-ratelimit-remaining-tokens": "4242",
    "x-upstream-internal": "do-not-pass",
  });
  res.end(JSON.stringify({ method: got.method, url: got.url, bytes: got.body.length }));
};

/** A node:http server on 127.0.0.1 that records each request and answers as scripted. */
export async function startFakeUpstream(script: Script = echoScript): Promise<FakeUpstream> {
  const received: Received[] = [];
  const fake: FakeUpstream = { url: "", received, script, close: async () => {} };
  const server = http.createServer((req, res) => {
    const hash = createHash("sha256");
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
      // Keep small bodies for comparison; big uploads are checked by hash and size only.
      if (size <= 4 * 1024 * 1024) chunks.push(chunk);
    });
    req.on("end", () => {
      const got: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: size <= 4 * 1024 * 1024 ? Buffer.concat(chunks) : Buffer.alloc(size),
        sha256: hash.digest("hex"),
      };
      received.push(got);
      res.on("close", () => (got.closedAt = Date.now()));
      fake.script(req, res, got);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

export function testConfig(
  overrides: Partial<Config> = {},
  baseUrl = "http://127.0.0.1:9",
): Config {
  return {
    ...parseConfig({ MISTRAL_API_KEY: CANARY, MISTRAL_BASE_URL: baseUrl }),
    ...overrides,
  };
}

export interface Harness {
  gateway: RouteGateway;
  logs: string[];
  config: Config;
}

/** A gateway in live mode pointed at `baseUrl` with the canary key; its log lines are kept. */
export function liveGateway(baseUrl: string, overrides: Partial<Config> = {}): Harness {
  const config = testConfig(overrides, baseUrl);
  const logs: string[] = [];
  const upstream: Upstream = createLiveUpstream({
    baseUrl: config.baseUrl,
    apiKey: config.apiKey!,
    timeoutMs: config.upstreamTimeoutMs,
    idleTimeoutMs: config.streamIdleTimeoutMs,
    log: (m) => logs.push(m),
  });
  const gateway = createGateway({ config, upstream, log: (m) => logs.push(m), retryDelayMs: 20 });
  return { gateway: asRoute(gateway), logs, config };
}

/**
 * A gateway as a test calls it: with a Request, its answer read as the Response a route handler
 * returns (`toResponse`); `answers` is the gateway itself, as the fast path serves it.
 */
export interface RouteGateway {
  (request: Request): Promise<Response>;
  answers: Gateway;
}

export function asRoute(gateway: Gateway): RouteGateway {
  return Object.assign((request: Request) => gateway(request).then(toResponse), {
    answers: gateway,
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a handler over real HTTP as `next start` does: the requests the fast path takes through
 * it (the production code), the others through `routeHandler`. With TEST_ROUTE_HANDLER=1 every
 * request goes through `routeHandler`, so a suite can be run against either.
 */
export async function serve(handler: RouteGateway): Promise<Served> {
  const fast = process.env.TEST_ROUTE_HANDLER === "1" ? null : createFastPath(handler.answers);
  const server = http.createServer((req, res) => {
    if (!fast?.(req, res)) void routeHandler(handler, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A route handler served the way Next's server does: the raw request URL, the body as a stream,
 * `request.signal` aborted when the client goes away, the response body streamed.
 */
async function routeHandler(
  handler: (request: Request) => Promise<Response>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  let request: Request;
  try {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: controller.signal,
      duplex: "half",
    } as RequestInit);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const response = await handler(request);
  const headers: http.OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  } catch {
    res.destroy();
  }
}

export interface Seen {
  status: number;
  headers: [string, string][];
  body: string;
}

/**
 * Every response a test file sees goes through here, so one check at the end can say the canary
 * key never appeared in any status line, header or body.
 */
export class LeakRecorder {
  readonly seen: Seen[] = [];

  async record(response: Response): Promise<Seen> {
    const seen: Seen = {
      status: response.status,
      headers: [...response.headers.entries()],
      body: await response.text(),
    };
    this.seen.push(seen);
    return seen;
  }

  leaks(): Seen[] {
    return this.seen.filter(
      (s) =>
        s.body.includes(CANARY) ||
        s.headers.some(([n, v]) => n.includes(CANARY) || v.includes(CANARY)),
    );
  }
}

export function json(seen: Seen): Record<string, unknown> {
  return JSON.parse(seen.body) as Record<string, unknown>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
