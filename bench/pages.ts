/**
 * Pages: first-load JS of every page route and Chromium time to interactive, on the console's
 * production build (sandbox backend, so every page has data).
 *
 * First-load JS: every script the page loads from /_next/static up to its load event plus a 1 s
 * quiet window (what `next build` used to print as "First Load JS"; Next 16 with Turbopack no
 * longer prints sizes). Sizes are the files on disk, raw and gzip-compressed (level 6, as
 * `next start` compresses them).
 *
 * Timings, per cold load (new browser context, empty cache), median of --runs:
 * - DCL, load: navigation start → domContentLoadedEventEnd / loadEventEnd.
 * - TTI: navigation start → the end of the last long task (> 50 ms main-thread task) that is
 *   followed by 1 s without one, and never before DCL. This is Lighthouse's definition without its
 *   network-quiet condition; the main thread is then free to answer input.
 * - Input delay: a key pressed the moment DOMContentLoaded fires (while the page hydrates), how
 *   long until its handler ran (Event Timing's first-input processingStart − startTime).
 * - TBT: the sum of the long tasks' time over 50 ms up to TTI.
 *
 *   npx tsx bench/pages.ts [--runs 5] [--build]
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import {
  CONSOLE_DIST,
  CONSOLE_SRC,
  buildConsole,
  consoleBuildInfo,
  startConsole,
} from "./lib/servers";
import { median, printTable } from "./lib/stats";
import { arg, flag, header, loadavg, saveResult, stopAll } from "./lib/system";

const RUNS = Number(arg("runs", "5"));
const PORT = 3610;
const BASE = `http://127.0.0.1:${PORT}`;

declare global {
  interface Window {
    __bench: { longTasks: { start: number; end: number }[]; firstInput: number | null };
  }
}

/** Page routes from the build's manifest; dynamic segments get a sample value. */
function pageRoutes(): string[] {
  const manifest = JSON.parse(
    readFileSync(path.join(CONSOLE_SRC, CONSOLE_DIST, "app-path-routes-manifest.json"), "utf8"),
  ) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([entry, route]) => entry.endsWith("/page") && !route.startsWith("/_"))
    .map(([, route]) => route.replace(/\[\[?\.{0,3}[^\]]+\]\]?/g, "bench"))
    .sort();
}

interface Load {
  dcl: number;
  load: number;
  tti: number;
  tbt: number;
  inputDelay: number | null;
  scripts: string[];
  status: number;
}

async function loadOnce(browser: Browser, route: string): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__bench = { longTasks: [], firstInput: null };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__bench.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
      }
    }).observe({ type: "longtask", buffered: true });
    new PerformanceObserver((list) => {
      const e = list.getEntries()[0] as PerformanceEventTiming | undefined;
      if (e && window.__bench.firstInput === null)
        window.__bench.firstInput = e.processingStart - e.startTime;
    }).observe({ type: "first-input", buffered: true });
  });
  const scripts = new Set<string>();
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.add(new URL(r.url()).pathname);
  });
  const dclSeen = page.waitForEvent("domcontentloaded").then(() => page.keyboard.press("Shift"));
  const response = await page.goto(BASE + route, { waitUntil: "load" });
  await dclSeen.catch(() => undefined);
  // Wait for a 1 s window without long tasks (at most 10 s after load).
  const deadline = Date.now() + 10_000;
  for (;;) {
    const quietFor = await page.evaluate(() => {
      const tasks = window.__bench.longTasks;
      const lastEnd = tasks.length ? tasks[tasks.length - 1].end : 0;
      return performance.now() - lastEnd;
    });
    if (quietFor >= 1000 || Date.now() > deadline) break;
    await page.waitForTimeout(1000 - quietFor + 20);
  }
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      dcl: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      tasks: window.__bench.longTasks,
      firstInput: window.__bench.firstInput,
    };
  });
  const lastTaskEnd = m.tasks.length ? m.tasks[m.tasks.length - 1].end : 0;
  const tti = Math.max(m.dcl, lastTaskEnd);
  const tbt = m.tasks
    .filter((t) => t.end <= tti)
    .reduce((s, t) => s + Math.max(0, t.end - t.start - 50), 0);
  await context.close();
  return {
    dcl: m.dcl,
    load: m.load,
    tti,
    tbt,
    inputDelay: m.firstInput,
    scripts: [...scripts],
    status: response?.status() ?? 0,
  };
}

const sizeCache = new Map<string, { raw: number; gzip: number }>();
function fileSize(urlPath: string): { raw: number; gzip: number } {
  const cached = sizeCache.get(urlPath);
  if (cached) return cached;
  let size = { raw: 0, gzip: 0 };
  if (urlPath.startsWith("/_next/static/")) {
    const file = path.join(
      CONSOLE_SRC,
      CONSOLE_DIST,
      "static",
      decodeURIComponent(urlPath.slice("/_next/static/".length)),
    );
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    }
  }
  sizeCache.set(urlPath, size);
  return size;
}

async function main() {
  header("pages: first-load JS and time to interactive");
  buildConsole(flag("build"), flag("worktree"));
  const routes = pageRoutes();
  await startConsole(PORT, "sandbox");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  // Warm the server (first render of each route), not counted.
  for (const route of routes) await loadOnce(browser, route);

  const loadBefore = loadavg();
  const loads: Record<string, Load[]> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const route of routes) (loads[route] ??= []).push(await loadOnce(browser, route));
  }
  const loadAfter = loadavg();
  await browser.close();
  await stopAll();

  const rows: (string | number)[][] = [];
  const result: Record<string, unknown> = {};
  for (const route of routes) {
    const l = loads[route];
    const scripts = [...new Set(l.flatMap((x) => x.scripts))].filter((s) =>
      s.startsWith("/_next/static/"),
    );
    const raw = scripts.reduce((s, f) => s + fileSize(f).raw, 0);
    const gzip = scripts.reduce((s, f) => s + fileSize(f).gzip, 0);
    const inputs = l.map((x) => x.inputDelay).filter((x): x is number => x !== null);
    const r = {
      status: l[0].status,
      scripts: scripts.length,
      firstLoadJsKb: { raw: raw / 1024, gzip: gzip / 1024 },
      dcl: median(l.map((x) => x.dcl)),
      load: median(l.map((x) => x.load)),
      tti: median(l.map((x) => x.tti)),
      ttiMax: Math.max(...l.map((x) => x.tti)),
      tbt: median(l.map((x) => x.tbt)),
      inputDelay: inputs.length ? median(inputs) : null,
    };
    result[route] = r;
    rows.push([
      route,
      r.status,
      r.scripts,
      (raw / 1024).toFixed(0),
      (gzip / 1024).toFixed(0),
      r.dcl.toFixed(0),
      r.load.toFixed(0),
      r.tti.toFixed(0),
      r.ttiMax.toFixed(0),
      r.tbt.toFixed(0),
      r.inputDelay === null ? "—" : r.inputDelay.toFixed(1),
    ]);
  }
  console.log(`\n${RUNS} cold loads per page, medians; load ${loadBefore} → ${loadAfter}`);
  printTable(
    [
      "route",
      "status",
      "scripts",
      "JS kB",
      "JS kB gz",
      "DCL ms",
      "load ms",
      "TTI ms",
      "TTI max",
      "TBT ms",
      "input delay ms",
    ],
    rows,
  );
  const file = saveResult("pages", {
    date: new Date().toISOString(),
    load: { before: loadBefore, after: loadAfter },
    params: { runs: RUNS },
    consoleBuild: consoleBuildInfo(),
    pages: result,
  });
  console.log(`saved ${file}`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
