// Linter throughput in the browser's Web Worker, on the same generated file as jsonl-lint.ts.
//   CHROMIUM_PATH=/usr/bin/chromium npx tsx bench/jsonl-lint-browser.ts [sizeMB=200]
// Bundles lib/jsonl/lint.worker.ts with esbuild (what Next does with Turbopack, minus the app),
// serves it with a bare page, picks the file through an <input type=file> like the uploader,
// and times the worker from posting the File to its "done" message.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import { generate } from "./jsonl-lint";

const sizeMB = Number(process.argv[2] ?? 200);
const file = path.join(os.tmpdir(), `jsonl-lint-browser-${process.pid}.jsonl`);

const page = `<!doctype html><input type="file" aria-label="file"><script type="module">
document.querySelector("input").addEventListener("change", (e) => {
  const file = e.target.files[0];
  const worker = new Worker("/worker.js", { type: "module" });
  const start = performance.now();
  let progress = 0;
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") progress++;
    else window.result = { ...data, seconds: (performance.now() - start) / 1000, progress };
  };
  worker.postMessage({ file });
});
</script>`;

async function main() {
  const bundle = await build({
    entryPoints: ["lib/jsonl/lint.worker.ts"],
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    write: false,
  });
  const workerJs = bundle.outputFiles[0].text;
  const server = createServer((req, res) => {
    const js = req.url === "/worker.js";
    res.writeHead(200, { "content-type": js ? "text/javascript" : "text/html" });
    res.end(js ? workerJs : page);
  }).listen(0);
  const port = (server.address() as AddressInfo).port;

  const bytes = await generate(file, sizeMB);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || undefined });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.getByLabel("file").setInputFiles(file);
    await tab.waitForFunction(() => "result" in window, null, { timeout: 600_000, polling: 200 });
    const result = await tab.evaluate(
      () =>
        (
          window as unknown as {
            result: {
              type: string;
              seconds: number;
              progress: number;
              report?: { errorCount: number };
            };
          }
        ).result,
    );
    if (result.type !== "done" || result.report?.errorCount !== 0)
      throw new Error(`unexpected result: ${JSON.stringify(result).slice(0, 500)}`);
    console.log(
      `worker bundle ${(workerJs.length / 1024).toFixed(1)} KiB; linted ${(bytes / 1e6).toFixed(1)} MB in ` +
        `${result.seconds.toFixed(2)} s: ${(bytes / 1e6 / result.seconds).toFixed(1)} MB/s, ${result.progress} progress messages`,
    );
  } finally {
    await browser.close();
    server.close();
    await rm(file, { force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
