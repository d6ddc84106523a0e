import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { performance } from "node:perf_hooks";
import client from "prom-client";
import { matchOperation } from "@/lib/mistral/operations";
import type { Body } from "./body";
import type { Secret } from "./config";
import { refusal } from "./errors";

/**
 * The console's Prometheus metrics, one registry per process. Kept on globalThis: the code that
 * runs at start-up (instrumentation) and each route bundle may be separate module instances.
 *
 * Labels are bounded: operations are the spec's operation ids (or "unmatched"), statuses HTTP
 * codes, reasons fixed lists, models capped at MAX_MODELS (the rest count as "other").
 */
export interface ConsoleMetrics {
  registry: client.Registry;
  requests: client.Counter<"operation" | "status">;
  /** From the request's arrival to its answer's headers (auth, audit, upstream and all). */
  duration: client.Histogram<"operation">;
  /** The same minus the time spent waiting for the upstream's headers: the console's own share. */
  added: client.Histogram<"operation">;
  /** From the request's arrival to the first bytes of a streamed answer. */
  streamFirstByte: client.Histogram<"operation">;
  activeStreams: client.Gauge<"operation">;
  upstreamErrors: client.Counter<"operation" | "reason">;
  upstreamRetries: client.Counter<"operation">;
  tokens: client.Counter<"model" | "kind">;
  cost: client.Counter<"model" | "currency">;
  refusals: client.Counter<"reason">;
  credentials: client.Counter<"result">;
}

const KEY = Symbol.for("mistral-console.metrics");
type Holder = { [KEY]?: ConsoleMetrics };

/** Why the console itself refused a request (before any upstream): bounded, see guard.ts. */
export type RefusalReason =
  | "unknown_host"
  | "unauthenticated"
  | "forbidden"
  | "cross_site"
  | "rate_limited"
  | "budget_exceeded";

const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
];

export function getMetrics(): ConsoleMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}

function createMetrics(): ConsoleMetrics {
  const registry = new client.Registry();
  // Process memory, CPU, event-loop lag, heap and GC, handles.
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new client.Counter({
      name: "console_requests_total",
      help: "Requests to /v1 and /v2 by operation and HTTP status",
      labelNames: ["operation", "status"],
      registers,
    }),
    duration: new client.Histogram({
      name: "console_request_duration_seconds",
      help: "From a request's arrival to its answer's headers",
      labelNames: ["operation"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    added: new client.Histogram({
      name: "console_added_latency_seconds",
      help: "Time the console itself added to a request (its duration less the upstream's)",
      labelNames: ["operation"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    streamFirstByte: new client.Histogram({
      name: "console_stream_first_byte_seconds",
      help: "From a request's arrival to the first bytes of its streamed answer",
      labelNames: ["operation"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    activeStreams: new client.Gauge({
      name: "console_active_streams",
      help: "Streamed answers being passed through now",
      labelNames: ["operation"],
      registers,
    }),
    upstreamErrors: new client.Counter({
      name: "console_upstream_errors_total",
      help: "Upstream failures: unreachable, timed out, a bad answer, or a 429/5xx status",
      labelNames: ["operation", "reason"],
      registers,
    }),
    upstreamRetries: new client.Counter({
      name: "console_upstream_retries_total",
      help: "Reads sent again to the upstream after a 429, 5xx or connection failure",
      labelNames: ["operation"],
      registers,
    }),
    tokens: new client.Counter({
      name: "console_tokens_total",
      help: "Tokens consumed by model (prompt or completion), as reported by the API or estimated",
      labelNames: ["model", "kind"],
      registers,
    }),
    cost: new client.Counter({
      name: "console_cost_total",
      help: "Cost of the spending calls by model, for models the price table prices (USD)",
      labelNames: ["model", "currency"],
      registers,
    }),
    refusals: new client.Counter({
      name: "console_refusals_total",
      help: "Requests the console refused itself, by reason (rate_limited: the per-user spending limit; budget_exceeded: a budget's hard limit)",
      labelNames: ["reason"],
      registers,
    }),
    credentials: new client.Counter({
      name: "console_credential_lookups_total",
      help: "Sessions and console tokens resolved from memory (hit) or the database (miss)",
      labelNames: ["result"],
      registers,
    }),
  };
}

// --- Per request ---------------------------------------------------------------------------------

interface Timing {
  /** performance.now() at arrival. */
  start: number;
  /** Time spent waiting for upstream headers (every attempt). */
  upstreamMs: number;
  operation: string | null;
}

/** What the metrics read of a request (a web Request or the fast path's own). */
type Measured = Pick<Request, "method" | "url">;

const timings = new WeakMap<Measured, Timing>();

/** Marks a request's arrival (the first layer that sees it); later calls return the same record. */
export function requestTiming(request: Measured): Timing {
  let timing = timings.get(request);
  if (!timing) {
    timing = { start: performance.now(), upstreamMs: 0, operation: null };
    timings.set(request, timing);
  }
  return timing;
}

/** The operation label of a request: its spec operation id, or "unmatched". */
export function operationOf(request: Measured): string {
  const timing = requestTiming(request);
  if (timing.operation) return timing.operation;
  const match = matchOperation(request.method.toUpperCase(), new URL(request.url).pathname);
  timing.operation =
    match.kind === "match" || match.kind === "refused" ? match.operation.id : "unmatched";
  return timing.operation;
}

/** Records a request's answer: its count by status, its total and added latency. */
export function recordAnswer(request: Measured, status: number): void {
  const m = getMetrics();
  const timing = requestTiming(request);
  const operation = operationOf(request);
  const seconds = (performance.now() - timing.start) / 1000;
  m.requests.inc({ operation, status: String(status) });
  m.duration.observe({ operation }, seconds);
  m.added.observe({ operation }, Math.max(0, seconds - timing.upstreamMs / 1000));
}

/**
 * Passes a streamed answer through, recording its time to first byte and counting it as active
 * until it ends, fails or is cancelled.
 */
export function watchStream(request: Measured, body: Body): Body {
  const m = getMetrics();
  const timing = requestTiming(request);
  const operation = operationOf(request);
  let first = true;
  m.activeStreams.inc({ operation });
  return body.tap({
    chunk(chunk) {
      if (first) {
        first = false;
        m.streamFirstByte.observe({ operation }, (performance.now() - timing.start) / 1000);
      }
      return chunk;
    },
    done: () => void m.activeStreams.dec({ operation }),
  });
}

// --- Usage ---------------------------------------------------------------------------------------

/** Distinct model labels kept; fine-tuned models are many, so past this they count as "other". */
const MAX_MODELS = 200;
const seenModels = new Set<string>();

function modelLabel(model: string): string {
  if (seenModels.has(model)) return model;
  if (seenModels.size >= MAX_MODELS) return "other";
  seenModels.add(model);
  return model;
}

/** Counts the tokens of a finished spending call by model. */
export function recordTokens(
  model: string | null,
  promptTokens: number | null,
  completionTokens: number | null,
): void {
  if (!model || (promptTokens === null && completionTokens === null)) return;
  const m = getMetrics();
  const label = modelLabel(model);
  if (promptTokens) m.tokens.inc({ model: label, kind: "prompt" }, promptTokens);
  if (completionTokens) m.tokens.inc({ model: label, kind: "completion" }, completionTokens);
}

/**
 * Counts what a settled spending call cost (nano-dollars, priced from the price table as it was
 * recorded in the ledger); calls whose model has no price add nothing.
 */
export function recordCost(model: string | null, costNanos: number | null): void {
  if (!model || costNanos === null) return;
  getMetrics().cost.inc({ model: modelLabel(model), currency: "USD" }, costNanos / 1e9);
}

// --- The /metrics endpoint -----------------------------------------------------------------------

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * GET /metrics: the Prometheus text format for a scraper holding METRICS_TOKEN
 * (`Authorization: Bearer …`). Without a token configured there is no such endpoint (404).
 */
export async function metricsResponse(request: Request, token: Secret | null): Promise<Response> {
  if (!token) return refusal(404, "not_found", "No such page.");
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  // Compared as digests: equal lengths for timingSafeEqual, and no timing on the token's length.
  if (!given || !timingSafeEqual(digest(given), digest(token.reveal()))) {
    return refusal(401, "unauthenticated", "Send the metrics token: Authorization: Bearer …", {
      headers: { "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const registry = getMetrics().registry;
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
