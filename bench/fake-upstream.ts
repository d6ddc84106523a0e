/**
 * A small Mistral-like upstream with fixed timing, for the benchmarks.
 *
 * - POST /v1/chat/completions, /v1/fim/completions with `stream: true`: headers at once, then
 *   `events` SSE chunks `intervalMs` apart (the first one right after the headers, or after
 *   `firstDelayMs`), then `data: [DONE]`. Each chunk carries its index and its send time
 *   (`performance.timeOrigin + performance.now()`, epoch ms) in `bench_seq` and `bench_sent_at`.
 *   Without `stream` it answers one completion JSON.
 * - GET /v1/models, GET /v1/fine_tuning/jobs (and GET /v1/fine_tuning/jobs/<id>): fixed JSON,
 *   after `jsonDelayMs` (default 0).
 * - POST /v1/files: a sink that reads the body as it comes, counts its bytes, answers a file object.
 * - GET /__stats: bytes received by the sink, requests served, open streams.
 *
 * Run on its own:   npx tsx bench/fake-upstream.ts [--port 8790] [--events 10] [--interval 10]
 *                                                  [--first-delay 0] [--json-delay 0]
 * It prints one JSON line `{"listening":<port>}` when ready.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface FakeUpstreamOptions {
  port?: number;
  /** SSE events per stream (default 10). */
  events?: number;
  /** Milliseconds between events (default 10). */
  intervalMs?: number;
  /** Milliseconds between the headers and the first event (default 0). */
  firstDelayMs?: number;
  /** Milliseconds the JSON GETs wait before answering (default 0), like a real API's latency. */
  jsonDelayMs?: number;
}

export interface FakeUpstreamStats {
  requests: number;
  streamsStarted: number;
  streamsFinished: number;
  streamsAborted: number;
  openStreams: number;
  uploadBytes: number;
  uploads: number;
}

export interface FakeUpstream {
  url: string;
  port: number;
  stats: FakeUpstreamStats;
  close(): Promise<void>;
}

const now = () => performance.timeOrigin + performance.now();

const MODEL_IDS = [
  "open-mistral-7b",
  "open-mixtral-8x7b",
  "open-mixtral-8x22b",
  "mistral-small-latest",
  "mistral-medium-latest",
  "mistral-large-latest",
  "codestral-latest",
  "mistral-embed",
  "open-mistral-nemo",
  "ft:open-mistral-7b:1a2b3c4d:20240612:bench",
];

// Shapes close to the real API's, so the payload sizes are realistic (a few KB).
const MODELS_BODY = JSON.stringify({
  object: "list",
  data: MODEL_IDS.map((id, i) => ({
    id,
    object: "model",
    created: 1718000000 + i,
    owned_by: id.startsWith("ft:") ? "bench-org" : "mistralai",
    root: id.startsWith("ft:") ? "open-mistral-7b" : null,
    archived: false,
    name: id,
    description: `Benchmark model ${id}`,
    max_context_length: 32768,
    aliases: [],
    deprecation: null,
    capabilities: {
      completion_chat: true,
      completion_fim: id.startsWith("codestral"),
      function_calling: true,
      fine_tuning: id === "open-mistral-7b",
      vision: false,
    },
    type: id.startsWith("ft:") ? "fine-tuned" : "base",
  })),
});

export const JOB_IDS = Array.from(
  { length: 8 },
  (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
);

function job(id: string, i: number) {
  return {
    id,
    auto_start: true,
    hyperparameters: { training_steps: 100, learning_rate: 0.0001 },
    model: "open-mistral-7b",
    status: ["QUEUED", "RUNNING", "SUCCESS", "FAILED", "CANCELLED"][i % 5],
    job_type: "FT",
    created_at: 1718000000 + i * 60,
    modified_at: 1718000000 + i * 60 + 30,
    training_files: ["11111111-1111-4111-8111-111111111111"],
    validation_files: [],
    object: "job",
    fine_tuned_model: i % 5 === 2 ? "ft:open-mistral-7b:1a2b3c4d:20240612:bench" : null,
    suffix: "bench",
    integrations: [],
    trained_tokens: i * 100000,
    metadata: { expected_duration_seconds: 600, cost: 2.5, cost_currency: "EUR" },
  };
}

const JOBS_BODY = JSON.stringify({ object: "list", total: JOB_IDS.length, data: JOB_IDS.map(job) });

function sendJson(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
}

function chunk(seq: number, model: string, last: boolean): string {
  const payload = {
    id: "cmpl-bench",
    object: "chat.completion.chunk",
    created: 1718000000,
    model,
    choices: [
      {
        index: 0,
        delta: seq === 0 ? { role: "assistant", content: "" } : { content: ` token${seq}` },
        finish_reason: last ? "stop" : null,
      },
    ],
    ...(last
      ? { usage: { prompt_tokens: 10, completion_tokens: seq, total_tokens: 10 + seq } }
      : {}),
    bench_seq: seq,
    bench_sent_at: now(),
  };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

export function startFakeUpstream(options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const events = options.events ?? 10;
  const intervalMs = options.intervalMs ?? 10;
  const firstDelayMs = options.firstDelayMs ?? 0;
  const jsonDelayMs = options.jsonDelayMs ?? 0;
  const json = (res: http.ServerResponse, status: number, body: string, delay = false) => {
    if (delay && jsonDelayMs > 0) setTimeout(() => sendJson(res, status, body), jsonDelayMs);
    else sendJson(res, status, body);
  };
  const stats: FakeUpstreamStats = {
    requests: 0,
    streamsStarted: 0,
    streamsFinished: 0,
    streamsAborted: 0,
    openStreams: 0,
    uploadBytes: 0,
    uploads: 0,
  };

  const server = http.createServer(async (req, res) => {
    stats.requests++;
    const url = new URL(req.url ?? "/", "http://upstream");
    const route = `${req.method} ${url.pathname}`;
    if (route === "GET /__stats") return json(res, 200, JSON.stringify(stats));
    if (!/^Bearer \S+/.test(req.headers.authorization ?? "")) {
      return json(res, 401, JSON.stringify({ message: "Unauthorized", request_id: "bench" }));
    }

    if (route === "GET /v1/models") return json(res, 200, MODELS_BODY, true);
    if (route === "GET /v1/fine_tuning/jobs") return json(res, 200, JOBS_BODY, true);
    if (req.method === "GET" && url.pathname.startsWith("/v1/fine_tuning/jobs/")) {
      const id = url.pathname.split("/")[4];
      const i = JOB_IDS.indexOf(id);
      if (i < 0) return json(res, 404, JSON.stringify({ detail: "Job not found" }));
      return json(res, 200, JSON.stringify({ ...job(id, i), events: [], checkpoints: [] }), true);
    }

    if (route === "POST /v1/files") {
      stats.uploads++;
      let bytes = 0;
      req.on("data", (c: Buffer) => {
        bytes += c.length;
        stats.uploadBytes += c.length;
      });
      req.on("end", () =>
        json(
          res,
          200,
          JSON.stringify({
            id: "22222222-2222-4222-8222-222222222222",
            object: "file",
            bytes,
            created_at: Math.floor(Date.now() / 1000),
            filename: "bench.jsonl",
            purpose: "fine-tune",
            sample_type: "instruct",
            num_lines: null,
            source: "upload",
          }),
        ),
      );
      return;
    }

    if (route === "POST /v1/chat/completions" || route === "POST /v1/fim/completions") {
      let body: { stream?: boolean; model?: string } = {};
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return json(res, 400, JSON.stringify({ message: "Invalid JSON" }));
      }
      const model = body.model ?? "open-mistral-7b";
      if (!body.stream) {
        return json(
          res,
          200,
          JSON.stringify({
            id: "cmpl-bench",
            object: "chat.completion",
            created: 1718000000,
            model,
            choices: [
              { index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" },
            ],
            usage: { prompt_tokens: 10, completion_tokens: 1, total_tokens: 11 },
          }),
        );
      }
      stats.streamsStarted++;
      stats.openStreams++;
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      res.flushHeaders();
      let seq = 0;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = (aborted: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        stats.openStreams--;
        if (aborted) stats.streamsAborted++;
        else stats.streamsFinished++;
      };
      res.on("close", () => finish(!res.writableFinished));
      // Each event is scheduled from the stream's start, so timer drift does not accumulate.
      const start = performance.now() + firstDelayMs;
      const next = () => {
        if (done) return;
        const last = seq === events - 1;
        res.write(chunk(seq, model, last));
        seq++;
        if (last) {
          res.end("data: [DONE]\n\n");
          finish(false);
          return;
        }
        timer = setTimeout(next, Math.max(0, start + seq * intervalMs - performance.now()));
      };
      if (firstDelayMs > 0) timer = setTimeout(next, firstDelayMs);
      else next();
      return;
    }

    json(res, 404, JSON.stringify({ detail: `Not found: ${route}` }));
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.maxConnections = 10_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        stats,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

if (require.main === module) {
  const get = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  startFakeUpstream({
    port: get("port", 8790),
    events: get("events", 10),
    intervalMs: get("interval", 10),
    firstDelayMs: get("first-delay", 0),
    jsonDelayMs: get("json-delay", 0),
  }).then(
    (u) => console.log(JSON.stringify({ listening: u.port })),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
