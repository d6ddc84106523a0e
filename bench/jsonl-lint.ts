// Linter throughput in Node on a generated ~200 MB instruct JSONL file, with peak RSS growth.
//   npx tsx bench/jsonl-lint.ts [sizeMB=200]
// The file is streamed to os.tmpdir() (never built in memory) and removed afterwards.
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { once } from "node:events";
import { lintStream } from "../lib/jsonl";
import { loadavg, saveResult } from "./lib/system";

const targetMB = Number(process.argv[2] ?? 200);
const file = path.join(os.tmpdir(), `jsonl-lint-bench-${process.pid}.jsonl`);

// A small deterministic PRNG so every run lints the same file.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const words =
  "the model answer weather Paris invoice customer refund order shipping délai réponse 東京 données please thanks".split(
    " ",
  );
const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(" ") + ".";
const id = () =>
  Array.from({ length: 9 }, () => pick([..."abcdefghijklmnopqrstuvwxyz0123456789"])).join("");

function sampleLine(): string {
  const messages: unknown[] = [{ role: "system", content: sentence(20) }];
  const turns = 1 + Math.floor(rand() * 4);
  for (let t = 0; t < turns; t++) {
    messages.push({ role: "user", content: sentence(10 + Math.floor(rand() * 60)) });
    if (rand() < 0.25) {
      const callId = id();
      messages.push({
        role: "assistant",
        tool_calls: [
          {
            id: callId,
            type: "function",
            function: { name: "get_order", arguments: JSON.stringify({ id: callId }) },
          },
        ],
      });
      messages.push({
        role: "tool",
        tool_call_id: callId,
        content: JSON.stringify({ status: sentence(5) }),
      });
    }
    messages.push({ role: "assistant", content: sentence(30 + Math.floor(rand() * 200)) });
  }
  return JSON.stringify({ messages }) + "\n";
}

/** Streams a realistic instruct file of about `mb` MiB to `path`; returns its size in bytes. */
export async function generate(path: string, mb: number): Promise<number> {
  const out = createWriteStream(path);
  const target = mb * 1024 * 1024;
  let written = 0;
  while (written < target) {
    const line = sampleLine();
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return written;
}

async function main() {
  const t0 = performance.now();
  const size = await generate(file, targetMB);
  console.log(
    `generated ${(size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`,
  );

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 20);

  const start = performance.now();
  const report = await lintStream(createReadStream(file, { highWaterMark: 1024 * 1024 }), {
    onProgress: sample,
  });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  sample();

  const bytes = (await stat(file)).size;
  console.log(
    `linted ${report.stats.lines} lines, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ` +
      `${(bytes / 1e6 / seconds).toFixed(1)} MB/s`,
  );
  console.log(
    `peak RSS growth: ${((peak - rssBefore) / 1e6).toFixed(1)} MB (RSS before ${(rssBefore / 1e6).toFixed(0)} MB)`,
  );
  console.log(
    `report: ${report.errorCount} errors, ${report.warningCount} warnings, type ${report.stats.sampleType}, ` +
      `${report.stats.estimatedTokens} estimated tokens, roles ${JSON.stringify(report.stats.roles)}`,
  );
  saveResult("jsonl-lint", {
    date: new Date().toISOString(),
    loadavg: loadavg(),
    mb: bytes / 1e6,
    seconds,
    rows: [
      {
        benchmark: "jsonl-lint (Node, lintStream over a file stream)",
        figure: `throughput on a ${(bytes / 1e6).toFixed(0)} MB instruct file; peak RSS growth`,
        value: `${(bytes / 1e6 / seconds).toFixed(1)} MB/s; +${((peak - rssBefore) / 1e6).toFixed(0)} MB`,
        target: "bounded memory (a 512 MB file never held whole)",
        met: peak - rssBefore < 128e6,
      },
    ],
  });
  await rm(file, { force: true });
  if (report.errorCount > 0) {
    console.error("the generated file should be clean:", report.issues.slice(0, 3));
    process.exitCode = 1;
  }
}

// Run only when executed, not when bench/jsonl-lint-browser.ts imports the generator.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch(async (e) => {
    await rm(file, { force: true });
    console.error(e);
    process.exitCode = 1;
  });
}
