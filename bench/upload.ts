/**
 * Uploads: a 512 MB generated JSONL file sent as multipart/form-data to POST /v1/files, directly to
 * the fake upstream's sink and through the console gateway with a console token (and the same
 * console with its fast path off, i.e. Next's route handler, and the bare Next route handler with
 * node:http, the floor for a route handler, and a bare node:http proxy, the floor for any proxy in
 * Node), interleaved. The body is streamed from disk with
 * backpressure (never built in memory). Reports each server's peak RSS growth over its idle RSS
 * (its process tree sampled every 25 ms) and the throughput. Target: console growth under 32 MB
 * and at least 0.6 of direct throughput.
 *
 *   npx tsx bench/upload.ts [--mb 512] [--reps 2] [--with-fetch] [--sandbox] [--keep] [--build]
 *
 * --with-fetch  also through the bare Next route with fetch(body: request.body) (grows ~500 MB)
 * --sandbox     also to the standalone sandbox (`lib/sandbox/standalone.ts`), directly and through
 *               a second console in live mode pointed at it
 * The generated file is deleted at the end unless --keep.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
} from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable, pipeline } from "node:stream";
import { once } from "node:events";
import {
  buildBareNext,
  buildConsole,
  consoleBuildInfo,
  consoleToken,
  SIGN_IN_ENV,
  startBareNext,
  startConsole,
  startFakeUpstreamProcess,
  startNodeProxyProcess,
} from "./lib/servers";
import { mb, printTable } from "./lib/stats";
import {
  BENCH_DATA,
  ROOT,
  RssSampler,
  arg,
  flag,
  header,
  loadavg,
  processTree,
  saveResult,
  sleep,
  startProcess,
  stopAll,
  type Started,
} from "./lib/system";

const SIZE = Number(arg("mb", "512")) * 1_000_000;
const REPS = Number(arg("reps", "2"));
const PORTS = {
  upstream: 8795,
  bare: 3607,
  console: 3608,
  route: 3625,
  sandbox: 8796,
  consoleSandbox: 3609,
  node: 8797,
};
const TARGET = { growthMb: 32, ratio: 0.6 };
const FILE = path.join(BENCH_DATA, `upload-${SIZE / 1_000_000}mb.jsonl`);

/** Writes `size` bytes of valid chat-format JSONL (about 1 KB a line), with backpressure. */
async function generate(file: string, size: number): Promise<void> {
  if (existsSync(file) && statSync(file).size === size) return;
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const filler = "The quick brown fox jumps over the lazy dog. ".repeat(18);
  let written = 0;
  let i = 0;
  const lineFor = (i: number, pad = "") =>
    JSON.stringify({
      messages: [
        { role: "user", content: `Question ${i}: ${filler}${pad}` },
        { role: "assistant", content: `Answer ${i}: ${filler}` },
      ],
    }) + "\n";
  const typical = Buffer.byteLength(lineFor(1_000_000));
  // Whole lines while more than two are left, then one line padded to land exactly on the size.
  while (size - written > 2 * typical) {
    const line = lineFor(i++);
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  const room = size - written;
  const last = lineFor(i, " ".repeat(room - Buffer.byteLength(lineFor(i))));
  if (Buffer.byteLength(last) !== room) throw new Error("could not pad the last line");
  out.write(last);
  out.end();
  await once(out, "finish");
}

interface UploadResult {
  status: number;
  seconds: number;
  bytes: number;
  mbPerS: number;
  answer: string;
}

/** Streams the multipart body from disk to `url` + /v1/files. */
function upload(url: string, secret = "bench-client"): Promise<UploadResult> {
  const boundary = "----bench" + Math.random().toString(16).slice(2);
  const pre = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.jsonl"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const post = Buffer.from(`\r\n--${boundary}--\r\n`);
  const fileSize = statSync(FILE).size;
  const length = pre.length + fileSize + post.length;
  const target = new URL(url + "/v1/files");
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": length,
          authorization: `Bearer ${secret}`,
        },
      },
      (res) => {
        let answer = "";
        res.setEncoding("utf8");
        res.on("data", (t: string) => (answer += t));
        res.on("end", () => {
          const seconds = (performance.now() - started) / 1000;
          resolve({
            status: res.statusCode ?? 0,
            seconds,
            bytes: length,
            mbPerS: length / 1e6 / seconds,
            answer,
          });
        });
      },
    );
    req.on("error", reject);
    const body = Readable.from(
      (async function* () {
        yield pre;
        yield* createReadStream(FILE, { highWaterMark: 1 << 20 });
        yield post;
      })(),
    );
    pipeline(body, req, (error) => {
      if (error) reject(error);
    });
  });
}

interface Target {
  key: string;
  label: string;
  url: string;
  /** The server whose memory is watched (its process tree). */
  server: Started;
  /** A console token, for a signed-in console. */
  secret?: string;
  runs: (UploadResult & { growthMb: number; baselineMb: number; peakMb: number })[];
}

async function main() {
  header(`upload ${SIZE / 1e6} MB`);
  buildConsole(flag("build"), flag("worktree"));
  buildBareNext();
  console.log(`generating ${path.relative(ROOT, FILE)} ...`);
  await generate(FILE, SIZE);

  const upstream = await startFakeUpstreamProcess(PORTS.upstream);
  const upstreamUrl = `http://127.0.0.1:${PORTS.upstream}`;
  const bare = await startBareNext(PORTS.bare, upstreamUrl);
  const consoleProc = await startConsole(PORTS.console, upstreamUrl, SIGN_IN_ENV);
  const routeProc = await startConsole(PORTS.route, upstreamUrl, {
    ...SIGN_IN_ENV,
    CONSOLE_FAST_PATH: "off",
  });
  const nodeProxy = await startNodeProxyProcess(PORTS.node, upstreamUrl);
  const targets: Target[] = [
    {
      key: "direct",
      label: "direct to fake upstream",
      url: upstreamUrl,
      server: upstream,
      runs: [],
    },
    {
      key: "console",
      label: "console gateway, console token",
      url: `http://127.0.0.1:${PORTS.console}`,
      server: consoleProc,
      secret: await consoleToken(`http://127.0.0.1:${PORTS.console}`),
      runs: [],
    },
    {
      key: "route",
      label: "console token, route handler (fast path off)",
      url: `http://127.0.0.1:${PORTS.route}`,
      server: routeProc,
      secret: await consoleToken(`http://127.0.0.1:${PORTS.route}`),
      runs: [],
    },
    {
      key: "bare-nodehttp",
      label: "bare Next route (node:http)",
      url: `http://127.0.0.1:${PORTS.bare}/nodehttp`,
      server: bare,
      runs: [],
    },
    {
      // The floor for any proxy in Node: the same pipe from socket to socket, with no checks.
      key: "node",
      label: "bare node:http proxy",
      url: `http://127.0.0.1:${PORTS.node}`,
      server: nodeProxy,
      runs: [],
    },
  ];
  if (flag("with-fetch")) {
    targets.push({
      key: "bare-fetch",
      label: "bare Next route (fetch)",
      url: `http://127.0.0.1:${PORTS.bare}`,
      server: bare,
      runs: [],
    });
  }
  const sandboxDir = path.join(BENCH_DATA, "sandbox-upload");
  if (flag("sandbox")) {
    rmSync(sandboxDir, { recursive: true, force: true });
    const sandbox = await startProcess(
      "standalone sandbox",
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      [path.join(ROOT, "lib", "sandbox", "standalone.ts")],
      {
        port: PORTS.sandbox,
        env: { SANDBOX_PORT: String(PORTS.sandbox), CONSOLE_DATA_DIR: sandboxDir },
      },
    );
    const sandboxUrl = `http://127.0.0.1:${PORTS.sandbox}`;
    const consoleSandbox = await startConsole(PORTS.consoleSandbox, sandboxUrl);
    targets.push(
      {
        key: "sandbox-direct",
        label: "direct to standalone sandbox",
        url: sandboxUrl,
        server: sandbox,
        runs: [],
      },
      {
        key: "sandbox-console",
        label: "console → standalone sandbox",
        url: `http://127.0.0.1:${PORTS.consoleSandbox}`,
        server: consoleSandbox,
        runs: [],
      },
    );
  }

  // Warm every path with a small request so route compilation is not counted as upload memory.
  for (const t of targets) await warm(t.url, t.secret);
  await sleep(1000);

  const loadBefore = loadavg();
  for (let rep = 0; rep < REPS; rep++) {
    for (const t of targets) {
      const sampler = new RssSampler(() => processTree(t.server.pid)).start();
      const r = await upload(t.url, t.secret);
      const rss = sampler.stop();
      t.runs.push({
        ...r,
        growthMb: rss.growthKb / 1024,
        baselineMb: rss.baselineKb / 1024,
        peakMb: rss.peakKb / 1024,
      });
      console.log(
        `  ${t.label}: ${r.status} in ${r.seconds.toFixed(1)} s, ${r.mbPerS.toFixed(0)} MB/s, RSS ${(rss.baselineKb / 1024).toFixed(0)} → peak ${(rss.peakKb / 1024).toFixed(0)} MB (+${(rss.growthKb / 1024).toFixed(0)}), load ${loadavg()}`,
      );
      if (r.status !== 200) console.log(`    answer: ${r.answer.slice(0, 300)}`);
      // Let the garbage collector and the allocator settle between runs.
      await sleep(2000);
    }
  }
  const loadAfter = loadavg();
  await stopAll();
  if (!flag("keep")) rmSync(FILE, { force: true });
  // The standalone sandbox keeps every uploaded file (GBs after a run).
  rmSync(sandboxDir, { recursive: true, force: true });

  const directRate = median(targets[0].runs.map((r) => r.mbPerS));
  const rows = targets.map((t) => {
    const rate = median(t.runs.map((r) => r.mbPerS));
    return [
      t.label,
      t.runs.map((r) => r.status).join(","),
      rate.toFixed(0),
      (rate / directRate).toFixed(2),
      Math.max(...t.runs.map((r) => r.growthMb)).toFixed(0),
      t.runs.map((r) => r.growthMb.toFixed(0)).join(", "),
      Math.max(...t.runs.map((r) => r.peakMb)).toFixed(0),
    ];
  });
  console.log(
    `\n${mb(SIZE)} MiB file, ${REPS} uploads per target; load ${loadBefore} → ${loadAfter}`,
  );
  printTable(
    [
      "target",
      "status",
      "MB/s (median)",
      "× direct",
      "RSS growth MB (max)",
      "growth per run",
      "RSS peak MB",
    ],
    rows,
  );
  const c = targets.find((t) => t.key === "console")!;
  const growth = Math.max(...c.runs.map((r) => r.growthMb));
  const ok = c.runs.every((r) => r.status === 200);
  const ratio = median(c.runs.map((r) => r.mbPerS)) / directRate;
  const met = growth < TARGET.growthMb && ratio >= TARGET.ratio && ok;
  const verdict = `console RSS growth ${growth.toFixed(0)} MB, throughput ${ratio.toFixed(2)} × direct → target (< ${TARGET.growthMb} MB, ≥ ${TARGET.ratio} × direct) ${met ? "MET" : "NOT MET"}${ok ? "" : " (an upload failed)"}`;
  console.log(`\n${verdict}`);
  const file = saveResult("upload", {
    date: new Date().toISOString(),
    load: { before: loadBefore, after: loadAfter },
    params: { bytes: SIZE, reps: REPS },
    consoleBuild: consoleBuildInfo(),
    targets: targets.map(({ key, label, runs }) => ({
      key,
      label,
      runs: runs.map((r) => ({ ...r, answer: r.answer.slice(0, 200) })),
    })),
    verdict,
  });
  console.log(`saved ${file}`);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function warm(url: string, secret = "bench-client"): Promise<void> {
  const boundary = "warm";
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="w.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n\r\n--${boundary}--\r\n`;
  const res = await fetch(url + "/v1/files", {
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      authorization: `Bearer ${secret}`,
    },
    body,
  });
  await res.arrayBuffer();
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  if (!flag("keep")) rmSync(FILE, { force: true });
  process.exit(1);
});
