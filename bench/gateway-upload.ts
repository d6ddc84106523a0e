// Upload benchmark: a ~510 MB multipart upload straight to a local fake upstream, then through the
// console's production build (live mode, pointed at that upstream). Prints throughput for both and
// the console's peak RSS growth while it streams the upload (target: under 64 MB).
//
//   NEXT_DIST_DIR=.next-gateway npx next build        # once
//   NEXT_DIST_DIR=.next-gateway npx tsx bench/gateway-upload.ts [sizeMiB] [port]
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

const MiB = 1024 * 1024;
const sizeMiB = Number(process.argv[2] ?? 510);
const port = Number(process.argv[3] ?? 3201);
const BOUNDARY = "----bench-boundary";
const head = Buffer.from(
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.jsonl"\r\n` +
    `Content-Type: application/octet-stream\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
const block = Buffer.alloc(MiB, '{"messages":[{"role":"user","content":"hello"}]}\n');
const total = head.length + sizeMiB * MiB + tail.length;

/** A fake Mistral upstream that counts what it receives and answers like the files API. */
function startUpstream(): Promise<{ url: string; server: http.Server; lastBytes: () => number }> {
  let last = 0;
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on("data", (c: Buffer) => (bytes += c.length));
    req.on("end", () => {
      last = bytes;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "f", object: "file", bytes, filename: "big.jsonl" }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        server,
        lastBytes: () => last,
      }),
    ),
  );
}

/** Streams the multipart body with backpressure; resolves with status and seconds taken. */
function upload(url: string): Promise<{ status: number; seconds: number; body: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(`${url}/v1/files`, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "content-length": String(total),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          seconds: (performance.now() - started) / 1000,
          body,
        }),
      );
    });
    req.on("error", reject);
    let sent = 0;
    const write = () => {
      while (sent < sizeMiB) {
        sent++;
        if (!req.write(block)) return void req.once("drain", write);
      }
      req.end(tail);
    };
    req.write(head);
    write();
  });
}

/** Resident memory (kB) of a process and all its descendants. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      sum += m ? Number(m[1]) : 0;
    } catch {}
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error("the console exited during start-up");
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the console did not become healthy");
}

async function main() {
  const upstream = await startUpstream();
  console.log(`upload: ${(total / MiB).toFixed(1)} MiB multipart`);

  const direct = await upload(upstream.url);
  const directRate = total / MiB / direct.seconds;
  console.log(
    `direct:  ${direct.status} in ${direct.seconds.toFixed(2)} s = ${directRate.toFixed(0)} MiB/s`,
  );

  const child = spawn(
    process.execPath,
    [createRequire(import.meta.url).resolve("next/dist/bin/next"), "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        MISTRAL_API_KEY: "sk-bench-canary",
        MISTRAL_BASE_URL: upstream.url,
        MISTRAL_BACKEND: "live",
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, child);
    // Warm the route up so its code is loaded before the baseline is taken.
    await fetch(`${origin}/v1/models`).catch(() => {});
    await new Promise((r) => setTimeout(r, 500));
    const baseline = treeRssKb(child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50);
    const through = await upload(origin);
    clearInterval(sampler);
    peak = Math.max(peak, treeRssKb(child.pid!));
    const rate = total / MiB / through.seconds;
    console.log(
      `console: ${through.status} in ${through.seconds.toFixed(2)} s = ${rate.toFixed(0)} MiB/s ` +
        `(${(rate / directRate).toFixed(2)} of direct); upstream got ${upstream.lastBytes() === total ? "every byte" : `${upstream.lastBytes()} of ${total} bytes`}`,
    );
    console.log(
      `console RSS: baseline ${(baseline / 1024).toFixed(0)} MiB, peak ${(peak / 1024).toFixed(0)} MiB, ` +
        `growth ${((peak - baseline) / 1024).toFixed(0)} MiB (target < 64)`,
    );
    if (through.status !== 200) console.log(through.body);
  } finally {
    child.kill("SIGTERM");
    upstream.server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
