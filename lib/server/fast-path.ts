import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "next/dist/compiled/compression";
import { releaseCompressionStream } from "next/dist/server/lib/release-compression-stream";
import securityHeaders from "@/lib/security-headers.json";
import { errorAnswer, type Answer } from "./answer";
import { clientGone } from "./errors";
import type { HeaderReader } from "./auth/principal";
import { clip, type GatewayRequest } from "./gateway";
import { readsNode } from "./upstream";

/**
 * The /v1 (and /v2) fast path: the gateway's requests served straight from node:http, ahead of
 * Next's request handler, in production. Next's pipeline for a route handler (routing, its
 * request and response adapters, async storage) costs ~3-4 ms per request and ~1.5 ms of CPU
 * (bench/README.md); this adapter costs a fraction of that: no web Request or Response is built
 * around Node's, a JSON body is read whole from the socket, an upload goes from the client's
 * socket to the upstream's, and an answer from the upstream's socket to the client's through
 * the gateway's taps (body.ts).
 *
 * It serves the same handler as app/v1/[...path]/route.ts (handleGatewayRequest: one gateway per
 * process, see per-process.ts), so sign-in, the host and origin checks, roles, limits, audit,
 * redaction and errors are the route handler's own. What it reproduces of Next around the route:
 * - the request as a route handler receives it: the raw path and query, Node's merged headers,
 *   a body for methods other than GET and HEAD (an upload streamed, never buffered), and a
 *   signal aborted when the client goes away, which stops the upstream;
 * - the response as Next sends it: next.config.js's headers (lib/security-headers.json) first,
 *   then the handler's (the same ones dropped and kept), the body with backpressure, cancelled
 *   when the client goes away; gzip through the same `compression` middleware Next runs (streams
 *   carry `no-transform` and pass as they are). Not Next's `Vary: rsc, next-router-*`, which only
 *   concerns its pages.
 * Whatever Next would first rewrite or redirect (repeated slashes, a trailing slash, dot
 * segments, percent-escapes in the path), HTTP/1.0 without a Host, and every other path go to
 * Next unchanged.
 */

export type Handler = (request: GatewayRequest) => Promise<Answer>;

/** Serves a request (true) or leaves it to Next (false). */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The header on every answer the fast path gives (tests and operators can tell who served). */
export const FAST_PATH_HEADER = "x-console-fast-path";

// The methods Next hands to a route (the others are answered by http-front.ts before this).
const METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);
// /v1/... or /v2/... made of plain segments: no empty one, no trailing slash, no backslash, no
// percent-escape (Next decodes those while routing, so it keeps them).
const PLAIN_PATH = /^\/v[12](?:\/[A-Za-z0-9\-._~!$&'()*+,;=:@]+)+$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
// As Next's sendResponse: framing is Node's business, and only these headers may repeat.
const NOT_COPIED = new Set(["content-length", "content-encoding", "transfer-encoding"]);
const REPEATABLE = new Set(["set-cookie", "www-authenticate", "proxy-authenticate", "vary"]);

/** Whether Next would hand this request, as it is, to the gateway's route. */
export function takesFastPath(req: IncomingMessage): boolean {
  if (!METHODS.has(req.method ?? "") || !req.headers.host) return false;
  const url = req.url ?? "";
  const query = url.indexOf("?");
  const path = query < 0 ? url : url.slice(0, query);
  return PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path);
}

export function createFastPath(handler: Handler): FastPath {
  // Next's own gzip middleware (next.config.js leaves `compress` on), so answers are encoded
  // exactly as the route handler's are.
  const compress = compression();
  return (req, res) => {
    const answer = takesFastPath(req) ? handler : undecodable(req) ? refuseUndecodable : null;
    if (!answer) return false;
    serve(answer, compress, req, res).catch(() => res.destroy());
    return true;
  };
}

/**
 * A /v1 or /v2 path with a broken percent-escape (`%zz`, a cut `%2`): Next cannot route it and
 * answers a plain-text 500 without the security headers, so the fast path answers it instead,
 * as the API's clients expect an error: a JSON 400 that says what is wrong.
 */
export function undecodable(req: IncomingMessage): boolean {
  if (!METHODS.has(req.method ?? "") || !req.headers.host) return false;
  const path = (req.url ?? "").split("?")[0];
  if (!/^\/v[12]\//.test(path) || !path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const refuseUndecodable: Handler = async (request) =>
  errorAnswer({
    status: 400,
    type: "invalid_request_error",
    code: "invalid_path",
    message: `The path ${clip(new URL(request.url).pathname)} has a broken percent-escape: each % must be followed by two hexadecimal digits.`,
  });

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

async function serve(
  handler: Handler,
  compress: Middleware,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  compress(req, res, () => {});
  req.on("error", () => {});
  res.on("error", () => {});
  for (const { key, value } of securityHeaders) res.setHeader(key, value);
  res.setHeader(FAST_PATH_HEADER, "1");

  const controller = new AbortController();
  res.once("close", () => {
    // 'close' before 'finish': the client went away before the answer was complete. As Next
    // does, the gzip stream is let go too.
    if (res.writableFinished) return;
    releaseCompressionStream(res);
    controller.abort(clientGone());
  });
  let response: Answer;
  try {
    response = await handler(gatewayRequest(req, res, controller.signal));
  } catch (error) {
    // Next would log this and answer an empty 500; the API's clients read JSON errors.
    console.error(`[console] ${req.method} ${req.url?.split("?")[0]} failed: ${describe(error)}`);
    response = errorAnswer({
      status: 500,
      type: "internal_error",
      code: "internal_error",
      message: "The console failed to handle this request; the error was logged on the server.",
    });
  }
  send(response, req.method!, res);
}

/**
 * The request as the gateway reads it, over Node's: what a route handler's Request would hold
 * (the raw path and query, Node's merged headers, a signal aborted when the client goes away),
 * without building one. The body is read on demand: whole and straight from the socket for a
 * JSON body (`readCapped`), or as a web stream the live upstream can take the socket back from.
 */
function gatewayRequest(
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
): GatewayRequest {
  const method = req.method!;
  // The URL a route handler gets. Its origin is never read under /v1 (the Host header is what
  // the host check uses), so it is the listening port's, as in Next.
  const protocol = /https/.test(String(req.headers["x-forwarded-proto"] ?? "")) ? "https" : "http";
  const url = `${protocol}://localhost:${req.socket.localPort}${req.url}`;
  const headers = nodeHeaders(req);
  const bodyless = method === "GET" || method === "HEAD";
  // undefined: not asked for yet; null: none, or already read whole.
  let body: ReadableStream<Uint8Array> | null | undefined = bodyless ? null : undefined;
  return {
    method,
    url,
    headers,
    signal,
    get body() {
      if (body === undefined) body = requestBody(req, res);
      return body;
    },
    readCapped: bodyless
      ? undefined
      : (limit) => {
          if (body !== undefined) return Promise.reject(new Error("The body was already read."));
          body = null;
          return readWhole(req, limit);
        },
  };
}

/** Node's merged headers, read as a web Headers would give them (a repeat joined with ", "). */
function nodeHeaders(req: IncomingMessage): HeaderReader {
  const value = (v: string | string[]) => (typeof v === "string" ? v : v.join(", "));
  return {
    get(name) {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : value(v);
    },
    forEach(callback) {
      for (const [name, v] of Object.entries(req.headers)) {
        if (v !== undefined) callback(value(v), name);
      }
    },
  };
}

/**
 * The body read straight from the socket, up to `limit` bytes. Past it, the rest is dropped as it
 * comes; a client that breaks off fails the read. A body that has all arrived (a JSON request
 * usually comes in the packet of its headers) is taken at once, not on a later tick.
 */
function readWhole(
  req: IncomingMessage,
  limit: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  // Node flags a request `complete` a little after it has buffered the last of its body: the
  // buffered length reaching the declared one is what says it is all there.
  const declared = Number(req.headers["content-length"]);
  if (!req.readableFlowing && declared >= 0 && req.readableLength >= declared) {
    const bytes: Buffer = req.read() ?? Buffer.alloc(0);
    return Promise.resolve(
      bytes.length > limit
        ? { bytes: bytes.subarray(0, limit), complete: false }
        : { bytes, complete: true },
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.resume(); // flowing with no listener: the rest goes nowhere
      resolve({ bytes: Buffer.concat(chunks), complete: false });
    };
    const onEnd = () => {
      stop();
      resolve({
        bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size),
        complete: true,
      });
    };
    const onClose = () => {
      stop();
      reject(clientGone());
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
  });
}

/**
 * Writes the handler's answer as Next's sendResponse and pipeToNodeResponse do: its status and
 * headers, then its body with backpressure, gzipped chunk by chunk where the compression
 * middleware encodes it (so an event is never held back), cut when the client goes away (which
 * stops the upstream's generation). A body from the gateway goes from its source through its
 * taps straight into `res` (body.ts).
 */
function send(response: Answer, method: string, res: ServerResponse): void {
  if (res.destroyed) return void response.body?.cancel().catch(() => {});
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) {
    if (NOT_COPIED.has(name)) continue;
    if (REPEATABLE.has(name) || res.getHeader(name) === undefined) res.appendHeader(name, value);
  }
  if (!response.body || method === "HEAD") {
    response.body?.cancel().catch(() => {});
    return void res.end();
  }
  const flush = (res as ServerResponse & { flush?: () => void }).flush;
  // A JSON answer (of use only whole) is held until it ends or passes 64 KB, so a small one goes
  // out in one write with its length, not chunked over three. Streams of any kind pass at once.
  let held: Uint8Array[] | null = isJson(response) ? [] : null;
  let heldBytes = 0;
  const write = (chunk: Uint8Array) => {
    const ok = res.write(chunk);
    flush?.call(res);
    return ok || res.destroyed;
  };
  const pump = response.body.pumpTo({
    write(chunk) {
      if (!held) return write(chunk);
      held.push(chunk);
      heldBytes += chunk.byteLength;
      if (heldBytes <= HELD_BYTES) return true;
      const all = Buffer.concat(held);
      held = null;
      return write(all);
    },
    close() {
      if (!held) return void res.end();
      const body = Buffer.concat(held);
      // Its length (the gzip middleware drops it when it encodes).
      if (!res.headersSent) res.setHeader("content-length", body.length);
      res.end(body);
    },
    // The body failed mid-way: the client sees the connection end early, as with Next.
    fail: () => res.destroy(),
  });
  // One 'drain' listener per answer: the compression middleware moves it to its gzip stream.
  res.on("drain", () => pump.ready());
  res.once("close", () => {
    if (!res.writableFinished) void pump.cancel(clientGone());
  });
}

/** The most of a non-stream answer held back to send in one write. */
const HELD_BYTES = 64 * 1024;

/** application/json or application/…+json; not NDJSON, which may stream. */
const isJson = (response: Answer) =>
  /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(response.headers["content-type"] ?? "");

/** Bytes read from the socket ahead of the gateway before the socket is paused. */
const BODY_AHEAD = 64 * 1024;

/**
 * The request body as a web stream, read from the socket only as fast as the gateway takes it
 * (paused past 64 KB queued). Nothing is read until the gateway first asks, so a body the
 * gateway forwards as it is (an upload of declared length) can be taken over, socket and all, by
 * the live upstream, which pipes it straight into its own request (readsNode): no web stream,
 * no copy per chunk. Once the answer is complete the stream lets go of the request, and Node
 * discards whatever the client still sends, as it does for a route that never reads it.
 */
function requestBody(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let reading = false;
  let handedOver = false;
  const release = () => {
    open = false;
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("close", onClose);
    res.off("finish", onFinish);
  };
  const onData = (chunk: Buffer) => {
    controller.enqueue(chunk);
    // A high-water mark of 0 keeps the stream from pulling before it is read; the queue's
    // length (a negative desiredSize) is what paces the socket.
    if (-(controller.desiredSize ?? 0) >= BODY_AHEAD) req.pause();
  };
  const onEnd = () => {
    release();
    controller.close();
  };
  const onClose = () => {
    // Closed before its end: the client broke off its upload.
    release();
    controller.error(clientGone());
  };
  const onFinish = () => {
    release();
    // Taken over by the upstream, the rest goes nowhere now (an answer before the whole upload).
    if (handedOver) req.unpipe();
    req.resume();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        res.once("finish", onFinish);
      },
      pull() {
        if (handedOver || !open) return;
        if (!reading) {
          reading = true;
          req.on("data", onData);
          req.on("end", onEnd);
          req.on("close", onClose);
        } else if (req.isPaused()) req.resume();
      },
      cancel() {
        release();
        req.resume();
      },
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  return readsNode(stream, () => {
    if (reading || handedOver || !open) return null;
    handedOver = true;
    return req;
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
