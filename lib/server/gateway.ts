import "server-only";
import { STATUS_CODES } from "node:http";
import { performance } from "node:perf_hooks";
import { formatBytes } from "@/lib/format";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { readCapped } from "@/lib/read-capped";
import { errorAnswer, toResponse, type Answer } from "./answer";
import { Body } from "./body";
import {
  matchOperation,
  operations,
  type Operation,
  type RefusedOperation,
} from "@/lib/mistral/operations";
import { ConfigError, getConfig, type Config } from "./config";
import { GatewayError } from "./errors";
import { getAuthContext } from "./auth";
import type { HeaderReader } from "./auth/principal";
import { guardGateway } from "./auth/guard";
import { getMetrics, requestTiming, watchStream } from "./metrics";
import { perProcess } from "./per-process";
import { createRedactor, isTextual } from "./redact";
import { getUpstream, type Upstream, type UpstreamRequest } from "./upstream";

/**
 * What the gateway reads of a request: a route handler's web Request, or the fast path's own
 * request over Node's (fast-path.ts), which also reads a body whole without a web stream.
 */
export interface GatewayRequest extends Pick<Request, "method" | "url" | "signal"> {
  headers: HeaderReader;
  body: ReadableStream<Uint8Array> | null;
  /** The body, read whole up to `limit` bytes; `complete` is false (the rest dropped) past it. */
  readCapped?(limit: number): Promise<{ bytes: Uint8Array; complete: boolean }>;
}

export type Gateway = (request: GatewayRequest) => Promise<Answer>;

export interface GatewayOptions {
  config: Config;
  upstream: Upstream;
  /** Where problems are reported; every line has the key redacted first. */
  log?: (message: string) => void;
  /** Backoff before a retried read; tests shorten it. */
  retryDelayMs?: number;
}

const MAX_RETRIES = 2;
/** A Retry-After longer than this is passed to the caller instead of waited out. */
const MAX_RETRY_WAIT_MS = 2_000;
/** Error bodies are read whole (to redact and normalize them), up to this much. */
const MAX_ERROR_BODY_BYTES = 256 * 1024;
const MAX_PATH_IN_MESSAGE = 120;
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const KEEP_RESPONSE_HEADERS = new Set([
  "content-type",
  // A file's content and audio keep their file name.
  "content-disposition",
  "retry-after",
  "x-request-id",
  "mistral-correlation-id",
]);
const STREAM_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** How many of today's spec's operations the gateway serves (all the workspace-key ones). */
const SERVED = operations.filter((o) => o.spec === null).length;

/**
 * The /v1 gateway: matches the request against the operation table (every workspace-key
 * operation of the Mistral API, plus the fine-tuning jobs), refuses what is plainly broken and
 * what needs an admin key or the dashboard, forwards the rest to the upstream with only
 * allow-listed headers and the spec's query (and header) parameters, and passes the answer back
 * (streams chunk by chunk, bytes with their type and file name).
 */
export function createGateway(options: GatewayOptions): Gateway {
  const { config, upstream } = options;
  // The key and its base64 forms; null in sandbox mode, where bodies pass untouched.
  const redactor = createRedactor(config.apiKey?.reveal());
  const redact = (text: string) => (redactor ? redactor.text(text) : text);
  const sink = options.log ?? ((message: string) => console.error(message));
  const log = (message: string) => sink(redact(`[gateway] ${message}`));
  const retryDelayMs = options.retryDelayMs ?? 250;

  async function forward(request: GatewayRequest): Promise<Answer> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const match = matchOrRefuse(method, url.pathname);
    const operation = match.operation;

    const headers: Record<string, string> = {};
    const accept = request.headers.get("accept");
    if (accept) headers.accept = accept;
    // Header parameters the spec declares (Last-Event-ID, to resume a workflow's event stream).
    for (const name of operation.headers) {
      const value = request.headers.get(name);
      if (value !== null) headers[name.toLowerCase()] = value;
    }
    let body: UpstreamRequest["body"] = null;
    let uploadTooLarge = () => false;
    if (operation.body === "json") {
      const bytes = await readJsonBody(request, config.maxJsonBodyBytes, operation.bodyRequired);
      slot(jsonBodies, request).resolve(bytes ?? undefined);
      if (bytes) {
        headers["content-type"] = "application/json";
        headers["content-length"] = String(bytes.byteLength);
        body = bytes;
      }
    } else if (operation.body === "multipart") {
      const upload = uploadBody(request, config.maxUploadBytes, headers);
      body = upload.stream;
      uploadTooLarge = upload.exceeded;
    }

    slot(jsonBodies, request).resolve(undefined); // no JSON body (a first resolve wins)
    const path = match.path + forwardedQuery(operation, url.searchParams);
    const timing = requestTiming(request);
    const metrics = getMetrics();
    const onSent = () => slot(sentRequests, request).resolve();
    // Each attempt: its wait for the upstream's headers (not the console's share) and its failure.
    const send = () => {
      const start = performance.now();
      const upstreamTime = () => (timing.upstreamMs += performance.now() - start);
      return upstream({ method, path, headers, body, signal: request.signal, sent: onSent }).then(
        (answer) => {
          upstreamTime();
          if (answer.status === 429 || answer.status >= 500) {
            const reason = answer.status === 429 ? "status_429" : "status_5xx";
            metrics.upstreamErrors.inc({ operation: operation.id, reason });
          }
          return answer;
        },
        (error: unknown) => {
          upstreamTime();
          if (error instanceof GatewayError && error.code.startsWith("upstream_")) {
            metrics.upstreamErrors.inc({ operation: operation.id, reason: error.code });
          }
          throw error;
        },
      );
    };
    const retried = () => metrics.upstreamRetries.inc({ operation: operation.id });
    // Held until the caller's admission (and audit row) is settled: nothing reaches the upstream
    // before, and nothing at all when it says no.
    const held = holds.get(request);
    if (held && !(await held)) throw new NotForwarded();
    let response: Answer;
    try {
      response = method === "GET" ? await withRetries(send, request.signal, retried) : await send();
    } catch (error) {
      // However the upstream reacted to the cut-off body, the caller learns why.
      if (uploadTooLarge()) throw tooLarge(config.maxUploadBytes, "The upload");
      throw error;
    }
    onSent(); // if the upstream did not say so itself
    if (uploadTooLarge()) {
      await response.body?.cancel();
      throw tooLarge(config.maxUploadBytes, "The upload");
    }
    return respond(request, response);
  }

  /** Reads are retried on 429/5xx/connection failure; writes never are (they may have happened). */
  async function withRetries(
    send: () => Promise<Answer>,
    signal: AbortSignal,
    retried: () => void,
  ) {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= MAX_RETRIES;
      let response: Answer;
      try {
        response = await send();
      } catch (error) {
        const retryable = error instanceof GatewayError && error.code === "upstream_unreachable";
        if (last || !retryable || signal.aborted) throw error;
        await sleep(retryDelayMs * 2 ** attempt, signal);
        retried();
        continue;
      }
      if (last || !RETRY_STATUSES.has(response.status) || signal.aborted) return response;
      const seconds = parseRetryAfter(response.headers["retry-after"] ?? null);
      const wait = seconds != null ? seconds * 1000 : retryDelayMs * 2 ** attempt;
      if (wait > MAX_RETRY_WAIT_MS) return response;
      await response.body?.cancel();
      await sleep(wait, signal);
      retried();
    }
  }

  /**
   * The upstream's answer as the caller gets it: its headers cut down to the allow-listed ones (the
   * key masked in them), its body passed as it is, with taps (body.ts) for what must look at it.
   */
  function respond(request: GatewayRequest, answer: Answer): Answer | Promise<Answer> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (
        KEEP_RESPONSE_HEADERS.has(name) ||
        name.startsWith("x-ratelimit") ||
        name.startsWith("ratelimit")
      ) {
        headers[name] = redact(value);
      }
    }
    const contentType = headers["content-type"] ?? "";
    const isStream = contentType.startsWith("text/event-stream");

    if (answer.status >= 400 && !isStream) {
      return errorBody(answer, headers);
    }
    if (isStream) Object.assign(headers, STREAM_HEADERS);
    else headers["cache-control"] = "no-store";
    const body = answer.body;
    // The body streams through chunk by chunk; with a key, an upstream that echoes it (in any
    // answer, a 2xx or a streamed error) gets it masked on the way, across chunk boundaries.
    if (redactor && body && isTextual(contentType)) redactor.body(body);
    if (isStream && body) watchStream(request, body);
    return { status: answer.status, headers, body };
  }

  /**
   * Upstream errors keep their status and (JSON) body. A body that is not JSON, such as a proxy's
   * HTML page, becomes the usual error shape so every client can show it.
   */
  async function errorBody(answer: Answer, headers: Record<string, string>): Promise<Answer> {
    const { bytes, complete } = answer.body
      ? await answer.body.read(MAX_ERROR_BODY_BYTES)
      : { bytes: new Uint8Array(), complete: true };
    const text = redact(new TextDecoder().decode(bytes));
    let isJson = false;
    if (complete && text.trim()) {
      try {
        JSON.parse(text);
        isJson = true;
      } catch {}
    }
    headers["cache-control"] = "no-store";
    if (isJson) {
      headers["content-type"] = "application/json";
      return { status: answer.status, headers, body: Body.of(text) };
    }
    const what = headers["content-type"]?.split(";")[0] || "no content type";
    const message =
      `The Mistral API answered ${answer.status}${STATUS_CODES[answer.status] ? ` ${STATUS_CODES[answer.status]}` : ""}` +
      (text.trim() ? ` with a body that is not JSON (${what}).` : " with an empty body.");
    const extra = { ...headers };
    delete extra["content-type"];
    return errorAnswer({
      status: answer.status,
      type: "upstream_error",
      code: "upstream_error",
      message,
      headers: extra,
    });
  }

  // Not an async function around `await forward()`: every await is a turn of the microtask queue,
  // which Next's async hooks make dear (tens of µs each, measured).
  return (request) => forward(request).catch((error: unknown) => failed(request, error));

  /** The answer to a request the gateway refused, or whose forwarding failed. */
  function failed(request: GatewayRequest, error: unknown): Answer {
    // Refused before (or while) reading a body: whoever waits for it learns there is none, and
    // whoever waits for the request to be sent learns it will not be (or was).
    slot(jsonBodies, request).resolve(undefined);
    slot(sentRequests, request).resolve();
    // The caller was not admitted: whoever held the request answers instead.
    if (error instanceof NotForwarded) return errorAnswer(NOT_FORWARDED);
    if (error instanceof GatewayError) {
      // Messages may quote what the caller sent; a caller who pasted the key gets it masked.
      return errorAnswer({
        status: error.status,
        type: error.type,
        code: error.code,
        message: redact(error.message),
        headers: error.headers,
      });
    }
    if (request.signal.aborted) {
      // Nobody is listening any more; the status only shows in access logs.
      return errorAnswer({
        status: 499,
        type: "invalid_request_error",
        code: "client_closed",
        message: "The client went away.",
      });
    }
    log(`unexpected error: ${describe(error)}`);
    return errorAnswer({
      status: 500,
      type: "internal_error",
      code: "internal_error",
      message: "The console failed to handle this request; the error was logged on the server.",
    });
  }
}

const holds = new WeakMap<GatewayRequest, Promise<boolean>>();

/** A value about a request, settled once by the gateway (a first resolve wins). */
interface Slot<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}
/** Each request's JSON body as the gateway read it; resolved with undefined when it has none. */
const jsonBodies = new WeakMap<GatewayRequest, Slot<Uint8Array | undefined>>();
/** Resolved once a request is sent upstream, or is known never to be. */
const sentRequests = new WeakMap<GatewayRequest, Slot<void>>();
function slot<T>(slots: WeakMap<GatewayRequest, Slot<T>>, request: GatewayRequest): Slot<T> {
  let found = slots.get(request);
  if (!found) {
    let resolve!: Slot<T>["resolve"];
    const promise = new Promise<T>((r) => (resolve = r));
    found = { promise, resolve };
    slots.set(request, found);
  }
  return found;
}

class NotForwarded extends Error {}
const NOT_FORWARDED = {
  status: 403,
  type: "invalid_request_error",
  code: "not_forwarded",
  message: "This request was not admitted, so it was not forwarded.",
};

/**
 * Lets the gateway get `request` ready (read and check its body, build the upstream request)
 * while `admitted` settles, and send it only once that gives true: with false it forwards
 * nothing and answers 403 `not_forwarded` (for the caller to replace with its own refusal); if it
 * rejects, the gateway rethrows that. Admission thus overlaps the body's checks instead of
 * preceding them, and still always precedes the first byte sent upstream. GETs are never held.
 */
export function forwardWhen(request: GatewayRequest, admitted: Promise<boolean>): void {
  holds.set(request, admitted);
}

/**
 * The JSON body the gateway read and checked for `request` (undefined when it takes none, or
 * refused it), once it has: a caller may wait for it while the gateway holds the request
 * (forwardWhen), since the body is read before the hold is awaited.
 */
export function forwardedJson(request: GatewayRequest): Promise<Uint8Array | undefined> {
  return slot(jsonBodies, request).promise;
}

/**
 * Resolves once the gateway has handed `request` to the upstream (its body sent, for one held in
 * memory), or knows it never will (refused, or failed before). An audit row that only records the
 * call (nothing to admit it by) is written then, while the upstream works on it (see auditStart).
 */
export function sent(request: GatewayRequest): Promise<void> {
  return slot(sentRequests, request).promise;
}

/**
 * The operation at `pathname`, or the 404/405 refusal. Matched on the raw (still percent-encoded)
 * path: empty segments, encoded slashes and odd ids never match, and what is forwarded is the
 * spec's template filled with the checked, re-encoded ids.
 */
function matchOrRefuse(method: string, pathname: string) {
  const match = matchOperation(method, pathname);
  if (match.kind === "not-found") {
    throw new GatewayError(
      404,
      "not_found",
      `No API operation at ${clip(pathname)}. This console serves the Mistral API's workspace-key operations (${SERVED} in today's spec, under /v1 and /v2) and its fine-tuning jobs.`,
    );
  }
  if (match.kind === "refused") throw refused(match.operation, method, match.path);
  if (match.kind === "method-not-allowed") {
    const allow = match.allow.join(", ");
    throw new GatewayError(
      405,
      "method_not_allowed",
      `${clip(pathname)} does not accept ${clip(method)}; it accepts ${allow}.`,
      { headers: { allow } },
    );
  }
  return match;
}

// The methods Next passes to a route handler (next/dist/server/web/http.js); the gateway's routes
// export them all. Next answers any other method with an empty 400 before the route runs.
const NEXT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);
// Methods the Fetch API refuses to build a Request for: Next throws while turning the incoming
// message into one, before any route code runs, and answers 500 with a stack trace in its log.
const FETCH_FORBIDDEN = new Set(["CONNECT", "TRACE", "TRACK"]);

/** The refusal for a method Next cannot hand to a route, or null to let Next serve it. */
export function refuseUnroutable(method: string, url: string): GatewayError | null {
  const upper = method.toUpperCase();
  // Origin-form (the usual) or absolute-form request target.
  let pathname = url.split(/[?#]/)[0];
  if (!pathname.startsWith("/")) {
    try {
      pathname = new URL(url).pathname;
    } catch {
      pathname = "/";
    }
  }
  const gatewayPath = /^\/v[12](\/|$)/.test(pathname);
  if (!FETCH_FORBIDDEN.has(upper) && !(gatewayPath && !NEXT_METHODS.has(upper))) return null;
  if (gatewayPath) {
    try {
      matchOrRefuse(upper, pathname);
    } catch (error) {
      return error as GatewayError;
    }
  }
  const allow = [...NEXT_METHODS].join(", ");
  return new GatewayError(
    405,
    "method_not_allowed",
    `This console does not accept ${clip(upper)}.`,
    {
      headers: { allow },
    },
  );
}

/** Operations the console's workspace key cannot call: said plainly, never forwarded. */
function refused(operation: RefusedOperation, method: string, path: string): GatewayError {
  const line = `${method} ${clip(path)}`;
  return operation.by === "admin-key"
    ? new GatewayError(
        403,
        "admin_key_required",
        `${line} needs a Mistral admin API key; the console holds a workspace key and does not serve it (an organisation admin can, at console.mistral.ai).`,
      )
    : new GatewayError(
        403,
        "dashboard_only",
        `${line} is served to the Mistral dashboard (console.mistral.ai) only; the console does not serve it.`,
      );
}

/** A path as error messages quote it: cut after MAX_PATH_IN_MESSAGE characters. */
export function clip(text: string): string {
  return text.length > MAX_PATH_IN_MESSAGE ? `${text.slice(0, MAX_PATH_IN_MESSAGE)}…` : text;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function forwardedQuery(operation: Operation, params: URLSearchParams): string {
  if (operation.query.length === 0 || params.size === 0) return "";
  const out = new URLSearchParams();
  for (const name of operation.query) {
    for (const value of params.getAll(name)) out.append(name, value);
  }
  const query = out.toString();
  return query ? `?${query}` : "";
}

function mediaType(request: GatewayRequest): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

function declaredLength(request: GatewayRequest): number | null {
  const value = request.headers.get("content-length");
  return value && /^\d+$/.test(value) ? Number(value) : null;
}

function tooLarge(limit: number, what: string): GatewayError {
  return new GatewayError(
    413,
    "payload_too_large",
    `${what} is larger than the ${formatBytes(limit)} this console accepts.`,
  );
}

/**
 * The JSON body, checked to parse, as the bytes to forward (not re-serialized). Where the spec
 * makes the body optional, an empty one is not forwarded at all.
 */
async function readJsonBody(
  request: GatewayRequest,
  limit: number,
  required: boolean,
): Promise<Uint8Array | null> {
  const type = mediaType(request);
  if (type !== "application/json" && (required || type)) {
    throw new GatewayError(
      415,
      "unsupported_media_type",
      `This operation takes a JSON body: send it with Content-Type: application/json${
        type ? ` (got ${clip(type)})` : ""
      }.`,
    );
  }
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw tooLarge(limit, "The JSON body");
  const { bytes, complete } = request.readCapped
    ? await request.readCapped(limit)
    : request.body
      ? await readCapped(request.body, limit)
      : { bytes: new Uint8Array(), complete: true };
  if (!complete) throw tooLarge(limit, "The JSON body");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new GatewayError(400, "invalid_json", "The request body is not valid UTF-8.");
  }
  if (!required && !text.trim()) return null;
  if (!type) {
    throw new GatewayError(
      415,
      "unsupported_media_type",
      "This operation takes a JSON body: send it with Content-Type: application/json.",
    );
  }
  try {
    JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "parse error";
    throw new GatewayError(
      400,
      "invalid_json",
      text.trim()
        ? `The request body is not valid JSON: ${reason}`
        : "The request body is empty; this operation takes a JSON body.",
    );
  }
  return bytes;
}

/**
 * The upload body as a stream, never buffered. A declared Content-Length over the limit is refused
 * at once; an upload of unknown length is counted as it goes and cut off with a 413 as soon as it
 * passes the limit.
 */
function uploadBody(
  request: GatewayRequest,
  limit: number,
  headers: Record<string, string>,
): { stream: ReadableStream<Uint8Array>; exceeded: () => boolean } {
  const contentType = request.headers.get("content-type") ?? "";
  if (mediaType(request) !== "multipart/form-data") {
    throw new GatewayError(
      415,
      "unsupported_media_type",
      "This operation takes a multipart/form-data body (an upload: a `file` field and the operation's other fields).",
    );
  }
  if (!/;\s*boundary=/i.test(contentType)) {
    throw new GatewayError(400, "invalid_multipart", "The multipart Content-Type has no boundary.");
  }
  const declared = declaredLength(request);
  if (declared !== null && declared > limit) throw tooLarge(limit, "The upload");
  if (!request.body) {
    throw new GatewayError(400, "invalid_multipart", "The upload has no body.");
  }
  headers["content-type"] = contentType;
  if (declared !== null) {
    // HTTP framing delivers exactly Content-Length bytes, already checked against the limit:
    // the body goes through as it is, without a counting stage per chunk.
    headers["content-length"] = String(declared);
    return { stream: request.body, exceeded: () => false };
  }
  let seen = 0;
  const stream = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(tooLarge(limit, "The upload"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return { stream, exceeded: () => seen > limit };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * The process gateway, built on first request from the environment's configuration, behind
 * sign-in, roles, limits and the audit log. One per process: the /v1 route handler and the fast
 * path in front of Next (lib/server/fast-path.ts) serve with the same instance.
 */
export function handleGatewayRequest(request: GatewayRequest): Promise<Answer> {
  let gateway: Gateway;
  try {
    gateway = perProcess("gateway", () =>
      guardGateway(createGateway({ config: getConfig(), upstream: getUpstream() }), getAuthContext),
    );
  } catch (error) {
    // Normally caught at start-up by instrumentation.ts; the message names variables, not values.
    const message = error instanceof ConfigError ? error.message : "The console is misconfigured.";
    return Promise.resolve(
      errorAnswer({ status: 500, type: "internal_error", code: "config_error", message }),
    );
  }
  return gateway(request);
}

/** The /v1 and /v2 route handlers: the process gateway's answer as the Response Next sends. */
export async function serveGatewayRoute(request: Request): Promise<Response> {
  return toResponse(await handleGatewayRequest(request));
}
