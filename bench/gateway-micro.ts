/**
 * The gateway's own work, without Next and without a network: `createGateway` from lib/server with
 * an in-memory upstream that answers a 10-event SSE stream at once, against a bare pass-through
 * (`new Response(upstream.body)`) over the same stub. Each request's response body is read to the
 * end. Prints microseconds per request (mean of a timed loop after a warm-up) for a streamed chat
 * completion and for GET /v1/models. What it shows is the gateway's share of the figures of
 * stream-overhead.ts and json-rps.ts, free of the machine's load.
 *
 *   npx tsx --conditions react-server bench/gateway-micro.ts [--requests 5000]
 */
import { performance } from "node:perf_hooks";
import { parseConfig } from "@/lib/server/config";
import { createGateway } from "@/lib/server/gateway";
import { toResponse } from "@/lib/server/answer";
import { arg, header, loadavg, saveResult } from "./lib/system";
import { printTable } from "./lib/stats";
import { stubUpstream } from "./lib/stub-upstream";

const REQUESTS = Number(arg("requests", "5000"));
const encoder = new TextEncoder();
const EVENTS = Array.from({ length: 10 }, (_, i) =>
  encoder.encode(
    `data: ${JSON.stringify({ id: "cmpl", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: ` t${i}` } }] })}\n\n`,
  ),
);
const MODELS = encoder.encode(
  JSON.stringify({
    object: "list",
    data: Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, object: "model" })),
  }),
);

const upstream = stubUpstream(MODELS, EVENTS);

const bare = async (request: Request): Promise<Response> => {
  const { method, signal } = request;
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : null;
  const path = new URL(request.url).pathname;
  return toResponse(await upstream({ method, path, headers: {}, body, signal }));
};

const chatBody = JSON.stringify({
  model: "open-mistral-7b",
  stream: true,
  messages: [{ role: "user", content: "Say hello" }],
});
const makeChat = () =>
  new Request("http://console.local/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: chatBody,
  });
const makeModels = () => new Request("http://console.local/v1/models");

async function timeIt(
  handler: (r: Request) => Promise<Response>,
  make: () => Request,
): Promise<number> {
  const once = async () => {
    const res = await handler(make());
    if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 500; i++) await once();
  const t0 = performance.now();
  for (let i = 0; i < REQUESTS; i++) await once();
  return ((performance.now() - t0) / REQUESTS) * 1000;
}

async function main() {
  header("gateway micro-benchmark (in process, no Next, no network)");
  const config = parseConfig({
    MISTRAL_API_KEY: "bench-key",
    MISTRAL_BASE_URL: "http://127.0.0.1:1",
  });
  // As a route handler serves it: its answer as a Response.
  const answers = createGateway({ config, upstream, log: () => undefined });
  const gateway = (request: Request) => answers(request).then(toResponse);
  const results: Record<string, number> = {};
  // Interleave: bare, gateway, bare, gateway.
  for (let round = 0; round < 2; round++) {
    for (const [name, handler] of [
      ["bare", bare],
      ["gateway", gateway],
    ] as const) {
      results[`${name} stream`] =
        (results[`${name} stream`] ?? 0) + (await timeIt(handler, makeChat)) / 2;
      results[`${name} models`] =
        (results[`${name} models`] ?? 0) + (await timeIt(handler, makeModels)) / 2;
    }
  }
  printTable(
    ["request", "bare pass-through µs", "gateway µs", "gateway's own µs"],
    ["stream", "models"].map((k) => [
      k === "stream" ? "POST /v1/chat/completions (stream, 10 events)" : "GET /v1/models",
      results[`bare ${k}`].toFixed(1),
      results[`gateway ${k}`].toFixed(1),
      (results[`gateway ${k}`] - results[`bare ${k}`]).toFixed(1),
    ]),
  );
  const file = saveResult("gateway-micro", {
    date: new Date().toISOString(),
    load: loadavg(),
    requests: REQUESTS,
    microseconds: results,
  });
  console.log(`saved ${file}`);
}

void main();
