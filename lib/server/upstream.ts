import "server-only";
import http from "node:http";
import https from "node:https";
import { Readable, pipeline } from "node:stream";
import { getConfig, type Config, type Secret } from "./config";
import { fromResponse, type Answer } from "./answer";
import { Body } from "./body";
import { GatewayError, clientGone, errorCode } from "./errors";
import { perProcess } from "./per-process";

/**
 * A request the gateway has checked, as it goes to the upstream: method, path and query (what
 * the operation table built), the allow-listed headers, and the body: the JSON bytes it read and
 * checked, an upload's stream, or none. `signal` aborts the upstream work when the caller goes
 * away.
 */
export interface UpstreamRequest {
  method: string;
  /** Path and query, from the root of the API (`/v1/...`). */
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | ReadableStream<Uint8Array> | null;
  signal: AbortSignal;
  /**
   * Called once the request has gone: a body in memory (or none) handed to the connection, or a
   * streamed body's sending begun. Or once it is known it never will (the request failed first).
   */
  sent?: () => void;
}

/** Where the gateway sends a request it has checked: the live Mistral API or the embedded sandbox. */
export type Upstream = (request: UpstreamRequest) => Promise<Answer>;

export interface SandboxStats {
  abortedGenerations: number;
  activeGenerations: number;
}

/** The embedded backend, as `lib/sandbox` provides it. */
export interface Sandbox {
  handle(request: Request): Promise<Response>;
  stats(): SandboxStats;
  close(): void;
}

export interface LiveUpstreamOptions {
  baseUrl: string;
  apiKey: Secret;
  /**
   * Time allowed for the response headers to arrive once the request body has been sent: a slow
   * upload is not the upstream's delay (a 512 MB upload at 9 MB/s takes a minute).
   */
  timeoutMs: number;
  /** A response body that sends nothing for this long (while the client reads) is ended. */
  idleTimeoutMs: number;
  /** Where a response that ended early is reported (once per response). */
  log: (message: string) => void;
}

const nodeSources = new WeakMap<ReadableStream, () => Readable | null>();

/**
 * Registers `stream` as the web face of a Node stream (the fast path's request body):
 * `takeOver` hands the Node stream itself to the live upstream if nothing has read the web one
 * yet (else null), so an upload goes from socket to socket without a web stream in between.
 */
export function readsNode(
  stream: ReadableStream<Uint8Array>,
  takeOver: () => Readable | null,
): ReadableStream<Uint8Array> {
  nodeSources.set(stream, takeOver);
  return stream;
}

// Statuses whose responses never have a body (the Response constructor refuses one).
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * The live API through node:http(s) with a keep-alive pool. Not `fetch`: measured in a Next 16
 * route handler, fetch with a streamed request body let a 480 MB upload grow the process by
 * ~500 MB, while `pipeline(Readable.fromWeb(body), request)` stayed flat (`bench/upload.ts
 * --with-fetch` measures it again). Using one client for every call keeps
 * a single code path (and a single pool) for JSON, streams and uploads.
 */
export function createLiveUpstream({
  baseUrl,
  apiKey,
  timeoutMs,
  idleTimeoutMs,
  log,
}: LiveUpstreamOptions): Upstream {
  const base = new URL(baseUrl);
  const secure = base.protocol === "https:";
  const client = secure ? https : http;
  // `timeout` here only closes idle pooled sockets, before a server's own keep-alive timeout
  // (5 s for Node servers) can close one under a new request.
  const agentOptions = { keepAlive: true, timeout: 4_000, maxFreeSockets: 64 };
  const agent = secure ? new https.Agent(agentOptions) : new http.Agent(agentOptions);
  const basePath = base.pathname.replace(/\/+$/, "");
  const host = base.host;
  const authorization = `Bearer ${apiKey.reveal()}`;

  return (request) =>
    new Promise<Answer>((resolve, reject) => {
      const signal = request.signal;
      if (signal.aborted) return reject(clientGone());
      // Identity encoding: bodies pass through untouched and error bodies can be read as text.
      const headers: http.OutgoingHttpHeaders = {
        "user-agent": "mistral-console",
        "accept-encoding": "identity",
        ...request.headers,
        authorization,
      };

      const upstreamRequest = client.request({
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port || undefined,
        method: request.method,
        path: basePath + request.path,
        headers,
        agent,
      });
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        reject(error);
      };
      // The clock starts once the whole body is sent, so only the upstream's own delay counts,
      // however long the upload took: at 'finish' for a streamed upload, right after end() for a
      // body in memory (which a stalled upstream might never let reach 'finish').
      const startClock = () => {
        if (settled || timer) return;
        timer = setTimeout(() => {
          fail(
            new GatewayError(
              504,
              "upstream_timeout",
              `The Mistral API at ${host} did not answer within ${formatSeconds(timeoutMs)} after the request was sent.`,
            ),
          );
          upstreamRequest.destroy();
        }, timeoutMs);
      };
      upstreamRequest.once("finish", startClock);
      const told = request.sent ?? (() => {});
      upstreamRequest.once("finish", told);
      upstreamRequest.once("close", told);
      const onAbort = () => {
        fail(clientGone());
        upstreamRequest.destroy();
      };
      signal.addEventListener("abort", onAbort, { once: true });

      upstreamRequest.on("error", (error) => {
        // A GatewayError here comes from the request body (e.g. an upload over the limit).
        fail(
          error instanceof GatewayError
            ? error
            : new GatewayError(
                502,
                "upstream_unreachable",
                `Could not reach the Mistral API at ${host} (${errorCode(error)}).`,
              ),
        );
      });

      upstreamRequest.on("response", (response) => {
        if (settled) return void response.destroy();
        settled = true;
        clearTimeout(timer);
        // From now on an abort tears down the response body, which is what stops a generation.
        signal.removeEventListener("abort", onAbort);
        signal.addEventListener("abort", () => response.destroy(), { once: true });
        const status = response.statusCode ?? 0;
        // Node hands over any three-digit status (and a 101 that was not asked for); the Fetch
        // API's Response (a route handler's answer) takes only 200-599.
        if (status < 200 || status > 599) {
          response.destroy();
          return reject(
            new GatewayError(
              502,
              "upstream_bad_response",
              `The Mistral API at ${host} sent an invalid HTTP status (${status}).`,
            ),
          );
        }
        const hasBody = !NULL_BODY.has(status) && request.method !== "HEAD";
        // Node's parser has checked them; a repeat is joined as Headers.get joins it. No
        // prototype: a header may be named `constructor` or `__proto__`.
        const headers: Record<string, string> = Object.create(null);
        const raw = response.rawHeaders;
        for (let i = 0; i < raw.length; i += 2) {
          const name = raw[i].toLowerCase();
          headers[name] = name in headers ? `${headers[name]}, ${raw[i + 1]}` : raw[i + 1];
        }
        if (!hasBody) response.resume();
        const body = hasBody
          ? Body.fromNode(response, {
              idleMs: idleTimeoutMs,
              ended: (problem) => {
                // A client that went away broke it off itself: nothing to report.
                if (signal.aborted) return;
                const path = request.path.split("?")[0];
                log(
                  `[gateway] ${request.method} ${path}: ${problem}; the response was ended early.`,
                );
              },
            })
          : null;
        // No statusText: an upstream's reason phrase is not trusted to be valid.
        resolve({ status, headers, body });
      });

      const body = request.body;
      if (body instanceof Uint8Array) {
        // A JSON body is already checked and in memory: one write, no stream machinery.
        upstreamRequest.end(body);
        startClock();
      } else if (body) {
        // An upload is recorded as its sending begins, not when a large one has all gone.
        told();
        // Backpressure end to end: the browser's upload is read only as fast as the API takes it.
        const node = nodeSources.get(body)?.() ?? null;
        let source: Readable;
        if (node) {
          // The client's own request, piped as it is. Not pipeline(): an upstream that fails
          // must not destroy the client's connection, which still gets the answer (once it is
          // sent, the fast path unpipes the rest of the upload and drops it).
          source = node;
          node.pipe(upstreamRequest);
        } else {
          source = Readable.fromWeb(body as import("node:stream/web").ReadableStream);
          pipeline(source, upstreamRequest, (error) => {
            if (error)
              fail(error instanceof GatewayError ? error : upstreamRequestError(host, error));
          });
        }
        // While the body is sent, time counts only while the upstream is not taking it (still
        // connecting, or its window full): a slow client is not the upstream's delay, but an
        // upstream that stops reading must not hold the upload open until the client gives up.
        let stall: NodeJS.Timeout | undefined;
        const unstall = () => {
          clearTimeout(stall);
          stall = undefined;
        };
        source.on("data", () => {
          if (stall || settled || !upstreamRequest.writableNeedDrain) return;
          stall = setTimeout(() => {
            if (settled) return; // answered early (e.g. a 413) while the upload was held up
            fail(
              new GatewayError(
                504,
                "upstream_timeout",
                `The Mistral API at ${host} stopped taking the upload for ${formatSeconds(timeoutMs)}.`,
              ),
            );
            upstreamRequest.destroy();
          }, timeoutMs);
        });
        upstreamRequest.on("drain", unstall);
        upstreamRequest.once("close", unstall);
      } else {
        upstreamRequest.end();
        startClock();
      }
    });
}

function upstreamRequestError(host: string, error: unknown): GatewayError {
  return new GatewayError(
    502,
    "upstream_unreachable",
    `The connection to the Mistral API at ${host} failed while sending the request (${errorCode(error)}).`,
  );
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * The embedded sandbox of this process (created on first use). One per process (per-process.ts):
 * the gateway and /api/health must see the same generation counters, and a dev reload must not
 * open its database twice.
 */
export function getSandbox(config: Config = getConfig()): Promise<Sandbox> {
  return perProcess("sandbox", () =>
    import("@/lib/sandbox").then(({ createSandbox }) =>
      createSandbox({
        dataDir: config.dataDir,
        speed: config.sandboxSpeed,
        tokensPerSecond: config.sandboxTokensPerSecond,
        fineTuning: config.sandboxFineTuning,
        maxUploadBytes: config.maxUploadBytes,
      }),
    ),
  );
}

// The forwarded request's origin is a placeholder: the sandbox reads only its path and query.
const SANDBOX_ORIGIN = "http://upstream.invalid";

export function createSandboxUpstream(sandbox: Promise<Sandbox>): Upstream {
  return async ({ method, path, headers, body, signal, sent }) => {
    sent?.();
    const response = await (
      await sandbox
    ).handle(
      new Request(SANDBOX_ORIGIN + path, {
        method,
        headers,
        body,
        signal,
        ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit),
    );
    return fromResponse(response);
  };
}

/**
 * The upstream chosen once from the configuration: one per process (see per-process.ts), so one
 * connection pool for the gateway wherever it is called from.
 */
export function getUpstream(config: Config = getConfig()): Upstream {
  return perProcess("upstream", () =>
    config.backend === "live"
      ? createLiveUpstream({
          baseUrl: config.baseUrl,
          apiKey: config.apiKey!,
          timeoutMs: config.upstreamTimeoutMs,
          idleTimeoutMs: config.streamIdleTimeoutMs,
          log: (message) => console.error(message),
        })
      : createSandboxUpstream(getSandbox(config)),
  );
}
