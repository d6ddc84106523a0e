/**
 * One streamed completion request over node:http, timing every chunk and every SSE event as it
 * arrives. The same client measures every target, so its own cost cancels out of the differences.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface StreamTiming {
  ok: boolean;
  status: number;
  error?: string;
  /** Request written → response headers (ms). */
  headersMs: number;
  /** Request written → first complete `data:` event (ms). */
  firstEventMs: number;
  /** Arrival gaps between successive events (ms). */
  gapsMs: number[];
  /** For each event: arrival time − the upstream's `bench_sent_at` (ms, cross-process clock). */
  transitMs: number[];
  events: number;
  chunks: number;
  /** Chunks that carried more than one event (events merged on the way). */
  mergedChunks: number;
  sawDone: boolean;
  /** Sequence numbers out of order or missing. */
  seqErrors: number;
}

const wallNow = () => performance.timeOrigin + performance.now();

export function streamOnce(
  url: string,
  agent: http.Agent,
  opts: { path?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<StreamTiming> {
  const target = new URL(opts.path ?? "/v1/chat/completions", url);
  const body = JSON.stringify({
    model: "open-mistral-7b",
    stream: true,
    messages: [{ role: "user", content: "Say hello" }],
  });
  return new Promise((resolve) => {
    const result: StreamTiming = {
      ok: false,
      status: 0,
      headersMs: NaN,
      firstEventMs: NaN,
      gapsMs: [],
      transitMs: [],
      events: 0,
      chunks: 0,
      mergedChunks: 0,
      sawDone: false,
      seqErrors: 0,
    };
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) result.error = error;
      result.ok = !error && result.status === 200 && result.sawDone && result.seqErrors === 0;
      resolve(result);
    };
    const timer = setTimeout(() => {
      req.destroy();
      done("timeout");
    }, opts.timeoutMs ?? 30_000);

    let t0 = 0;
    let lastEventAt = NaN;
    let buffer = "";
    let expectSeq = 0;
    const req = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          accept: "text/event-stream",
          authorization: "Bearer bench-client",
          ...opts.headers,
        },
      },
      (res) => {
        result.status = res.statusCode ?? 0;
        result.headersMs = performance.now() - t0;
        res.setEncoding("utf8");
        res.on("data", (text: string) => {
          const at = performance.now();
          const wall = wallNow();
          result.chunks++;
          buffer += text;
          let inChunk = 0;
          let cut: number;
          while ((cut = buffer.indexOf("\n\n")) >= 0) {
            const event = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = event
              .split("\n")
              .filter((l) => l.startsWith("data:"))
              .map((l) => l.slice(5).trimStart())
              .join("\n");
            if (!data) continue;
            if (data === "[DONE]") {
              result.sawDone = true;
              continue;
            }
            inChunk++;
            result.events++;
            if (result.events === 1) result.firstEventMs = at - t0;
            else result.gapsMs.push(at - lastEventAt);
            lastEventAt = at;
            try {
              const parsed = JSON.parse(data) as { bench_seq?: number; bench_sent_at?: number };
              if (parsed.bench_seq !== expectSeq) result.seqErrors++;
              expectSeq = (parsed.bench_seq ?? expectSeq) + 1;
              if (typeof parsed.bench_sent_at === "number")
                result.transitMs.push(wall - parsed.bench_sent_at);
            } catch {
              result.seqErrors++;
            }
          }
          if (inChunk > 1) result.mergedChunks++;
        });
        res.on("end", () => done(res.statusCode === 200 ? undefined : `status ${res.statusCode}`));
        res.on("error", (e) => done(e.message));
        res.on("aborted", () => done("aborted"));
      },
    );
    req.on("error", (e) => done(e.message));
    t0 = performance.now();
    req.end(body);
  });
}
