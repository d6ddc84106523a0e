/**
 * Concurrency: N streams opened at once through one console process (live mode against the fake
 * upstream, sign-in on, a console token), and the same N directly against the upstream for
 * comparison. Reports errors, time to first event and event gaps under load (also through a bare
 * node:http proxy, the bare Next route-handler app and the same console with its fast path off, to
 * tell Next's share from the gateway's), the console's peak RSS (sampled VmRSS of its process
 * tree every 25 ms, and the kernel's VmHWM) and the CPU time it spent (utime + stime). With
 * --pg <admin URL>, the same burst through nginx in front of two consoles sharing that PostgreSQL
 * server.
 *
 * With --patch <file>, a second console built with that patch (a proposed change) gets the same
 * burst, after the first.
 *
 *   npx tsx bench/concurrency.ts [--streams 1000] [--events 50] [--interval 50] [--build]
 *                                [--patch bench/variants/<name>.patch] [--pg <admin URL>]
 */
import http from "node:http";
import { startNginx } from "./lib/nginx";
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
  startPair,
} from "./lib/servers";
import { streamOnce, type StreamTiming } from "./lib/sse-client";
import { mb, ms, percentile, printTable } from "./lib/stats";
import {
  RssSampler,
  arg,
  cpuSeconds,
  flag,
  header,
  loadavg,
  mainPid,
  procStatus,
  processTree,
  saveResult,
  sleep,
  stopAll,
} from "./lib/system";

const STREAMS = Number(arg("streams", "1000"));
const EVENTS = Number(arg("events", "50"));
const INTERVAL = Number(arg("interval", "50"));
const PORTS = {
  upstream: 8792,
  console: 3603,
  bare: 3604,
  patched: 3613,
  node: 8797,
  route: 3622,
  pair: [3623, 3624] as [number, number],
  nginxPair: 8802,
};
const PG = arg("pg");
const PATCH = arg("patch");
const VARIANT = PATCH ? { name: "patched", patch: PATCH } : undefined;

async function burst(
  url: string,
  token?: string,
): Promise<{ runs: StreamTiming[]; seconds: number }> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const headers = token ? { authorization: `Bearer ${token}` } : undefined;
  const started = Date.now();
  const runs = await Promise.all(
    Array.from({ length: STREAMS }, () => streamOnce(url, agent, { timeoutMs: 120_000, headers })),
  );
  agent.destroy();
  return { runs, seconds: (Date.now() - started) / 1000 };
}

function summarize(runs: StreamTiming[]) {
  const ok = runs.filter((r) => r.ok);
  const errors: Record<string, number> = {};
  for (const r of runs) {
    if (r.ok) continue;
    const why = r.error ?? (r.sawDone ? `seq errors` : `status ${r.status}, no [DONE]`);
    errors[why] = (errors[why] ?? 0) + 1;
  }
  const first = ok.map((r) => r.firstEventMs);
  const gaps = ok.flatMap((r) => r.gapsMs);
  return {
    streams: runs.length,
    errors: runs.length - ok.length,
    errorKinds: errors,
    events: ok.reduce((s, r) => s + r.events, 0),
    mergedChunks: ok.reduce((s, r) => s + r.mergedChunks, 0),
    firstEvent: { p50: percentile(first, 50), p99: percentile(first, 99), max: Math.max(...first) },
    gap: { p50: percentile(gaps, 50), p99: percentile(gaps, 99), max: Math.max(...gaps) },
  };
}

async function main() {
  header(`concurrency: ${STREAMS} concurrent streams`);
  buildConsole(flag("build"), flag("worktree"));
  if (VARIANT) buildConsole(true, flag("worktree"), VARIANT);
  await startFakeUpstreamProcess(PORTS.upstream, { events: EVENTS, intervalMs: INTERVAL });
  const upstreamUrl = `http://127.0.0.1:${PORTS.upstream}`;
  const consoleProc = await startConsole(PORTS.console, upstreamUrl, SIGN_IN_ENV);
  const consoleUrl = `http://127.0.0.1:${PORTS.console}`;
  const token = await consoleToken(consoleUrl);
  const routeProc = await startConsole(PORTS.route, upstreamUrl, {
    ...SIGN_IN_ENV,
    CONSOLE_FAST_PATH: "off",
  });
  const routeUrl = `http://127.0.0.1:${PORTS.route}`;
  const routeToken = await consoleToken(routeUrl);
  const pair = PG ? await startPair(PORTS.pair, upstreamUrl, PG) : null;
  const nginxPair = pair ? await startNginx(PORTS.nginxPair, pair.urls) : null;
  const pairUrl = `http://127.0.0.1:${PORTS.nginxPair}`;

  buildBareNext();
  const bareProc = await startBareNext(PORTS.bare, upstreamUrl);
  const bareUrl = `http://127.0.0.1:${PORTS.bare}`;

  // Warm the Next apps (routes compiled, pools open), then let them settle.
  const warm = new http.Agent({ keepAlive: true });
  const warmTargets: [string, string | undefined][] = [
    [consoleUrl, token],
    [routeUrl, routeToken],
    [bareUrl, undefined],
    ...(pair && nginxPair ? ([[pairUrl, pair.token]] as [string, string][]) : []),
  ];
  for (let i = 0; i < 10; i++) {
    for (const [url, secret] of warmTargets) {
      const headers = secret ? { authorization: `Bearer ${secret}` } : undefined;
      const r = await streamOnce(url, warm, { headers });
      if (!r.ok) throw new Error(`warm-up stream to ${url} failed: ${r.error ?? r.status}`);
    }
  }
  warm.destroy();
  await sleep(1000);

  const loadBefore = loadavg();
  const direct = await burst(upstreamUrl);
  await sleep(1000);

  const measure = async (roots: number | number[], url: string, secret?: string) => {
    const pids = () => [roots].flat().flatMap((root) => processTree(root));
    const server = mainPid([roots].flat()[0]);
    const cpuBefore = pids().reduce((s, p) => s + cpuSeconds(p), 0);
    const hwmBefore = procStatus(server).hwmKb;
    const sampler = new RssSampler(pids).start();
    const result = await burst(url, secret);
    const rss = sampler.stop();
    const cpu = pids().reduce((s, p) => s + cpuSeconds(p), 0) - cpuBefore;
    return { ...result, rss, cpu, hwmBefore, hwmAfter: procStatus(server).hwmKb };
  };
  const nodeProc = await startNodeProxyProcess(PORTS.node, upstreamUrl);
  const nodeUrl = `http://127.0.0.1:${PORTS.node}`;
  const nodeRun = await measure(nodeProc.pid, nodeUrl);
  await sleep(1000);
  const bare = await measure(bareProc.pid, bareUrl);
  await sleep(1000);
  const through = await measure(consoleProc.pid, consoleUrl, token);
  const { rss, cpu, hwmBefore, hwmAfter } = through;
  await sleep(1000);
  const routeRun = await measure(routeProc.pid, routeUrl, routeToken);
  let pairRun: Awaited<ReturnType<typeof measure>> | undefined;
  if (pair && nginxPair) {
    await sleep(1000);
    pairRun = await measure(
      [nginxPair.pid, ...pair.consoles.map((c) => c.pid)],
      pairUrl,
      pair.token,
    );
  }
  let patched: Awaited<ReturnType<typeof measure>> | undefined;
  if (VARIANT) {
    const p = await startConsole(PORTS.patched, upstreamUrl, {}, VARIANT);
    const warmP = new http.Agent({ keepAlive: true });
    for (let i = 0; i < 10; i++) await streamOnce(`http://127.0.0.1:${PORTS.patched}`, warmP);
    warmP.destroy();
    await sleep(1000);
    patched = await measure(p.pid, `http://127.0.0.1:${PORTS.patched}`);
  }
  const loadAfter = loadavg();
  await stopAll();

  const d = summarize(direct.runs);
  const c = summarize(through.runs);
  const b = summarize(bare.runs);
  const n = summarize(nodeRun.runs);
  const r = summarize(routeRun.runs);
  const pr = pairRun ? summarize(pairRun.runs) : undefined;
  const pt = patched ? summarize(patched.runs) : undefined;
  console.log(
    `\n${STREAMS} streams at once, ${EVENTS} events ${INTERVAL} ms apart each; load ${loadBefore} → ${loadAfter}`,
  );
  printTable(
    [
      "target",
      "errors",
      "events",
      "merged",
      "TTFE p50",
      "TTFE p99",
      "TTFE max",
      "gap p50",
      "gap p99",
      "gap max",
      "wall s",
    ],
    [
      ["direct", d, direct.seconds] as const,
      ["bare node:http proxy", n, nodeRun.seconds] as const,
      ["bare Next route (fetch)", b, bare.seconds] as const,
      ["console (token)", c, through.seconds] as const,
      ["console (token), route handler", r, routeRun.seconds] as const,
      ...(pr && pairRun ? [["nginx → two consoles", pr, pairRun.seconds] as const] : []),
      ...(pt && patched
        ? [[`console + ${PATCH!.split("/").pop()}`, pt, patched.seconds] as const]
        : []),
    ].map(([name, s, secs]) => [
      name,
      s.errors,
      `${s.events}/${STREAMS * EVENTS}`,
      s.mergedChunks,
      ms(s.firstEvent.p50),
      ms(s.firstEvent.p99),
      ms(s.firstEvent.max),
      ms(s.gap.p50),
      ms(s.gap.p99),
      ms(s.gap.max),
      secs.toFixed(1),
    ]),
  );
  if (c.errors) console.log("console errors:", c.errorKinds);
  if (pr?.errors) console.log("two consoles' errors:", pr.errorKinds);
  const perEvent = (cpuS: number) =>
    `${((cpuS / (STREAMS * EVENTS)) * 1e6).toFixed(0)} µs per event`;
  console.log(
    `\nbare node:http proxy: RSS peak ${mb(nodeRun.rss.peakKb * 1024)} MB (+${mb(nodeRun.rss.growthKb * 1024)} MB), CPU ${nodeRun.cpu.toFixed(2)} s (${perEvent(nodeRun.cpu)})`,
  );
  console.log(
    `bare Next app (${perEvent(bare.cpu)}): RSS peak ${mb(bare.rss.peakKb * 1024)} MB (+${mb(bare.rss.growthKb * 1024)} MB), CPU ${bare.cpu.toFixed(2)} s`,
  );
  console.log(
    `\nconsole process: RSS ${mb(rss.baselineKb * 1024)} MB before, peak ${mb(rss.peakKb * 1024)} MB (+${mb(rss.growthKb * 1024)} MB), ` +
      `VmHWM ${mb(hwmBefore * 1024)} → ${mb(hwmAfter * 1024)} MB; CPU ${cpu.toFixed(2)} s over ${through.seconds.toFixed(1)} s ` +
      `(${((cpu / through.seconds) * 100).toFixed(0)}% of one core; ${((cpu / (STREAMS * EVENTS)) * 1e6).toFixed(0)} µs per event)`,
  );
  console.log(
    `console with the fast path off (route handler): RSS peak ${mb(routeRun.rss.peakKb * 1024)} MB (+${mb(routeRun.rss.growthKb * 1024)} MB), CPU ${routeRun.cpu.toFixed(2)} s (${perEvent(routeRun.cpu)})`,
  );
  if (pairRun) {
    console.log(
      `nginx + two consoles: RSS peak ${mb(pairRun.rss.peakKb * 1024)} MB (+${mb(pairRun.rss.growthKb * 1024)} MB), CPU ${pairRun.cpu.toFixed(2)} s (${perEvent(pairRun.cpu)})`,
    );
  }
  if (patched) {
    console.log(
      `patched console: RSS peak ${mb(patched.rss.peakKb * 1024)} MB (+${mb(patched.rss.growthKb * 1024)} MB), CPU ${patched.cpu.toFixed(2)} s ` +
        `(${((patched.cpu / (STREAMS * EVENTS)) * 1e6).toFixed(0)} µs per event)`,
    );
  }
  const verdict = `errors ${c.errors} → target (0) ${c.errors === 0 ? "MET" : "NOT MET"}`;
  console.log(verdict);
  const file = saveResult(VARIANT ? "concurrency-patched" : "concurrency", {
    date: new Date().toISOString(),
    load: { before: loadBefore, after: loadAfter },
    params: { streams: STREAMS, events: EVENTS, intervalMs: INTERVAL },
    consoleBuild: consoleBuildInfo(),
    direct: { ...d, seconds: direct.seconds },
    nodeProxy: {
      ...n,
      seconds: nodeRun.seconds,
      rssMb: { baseline: nodeRun.rss.baselineKb / 1024, peak: nodeRun.rss.peakKb / 1024 },
      cpuSeconds: nodeRun.cpu,
    },
    bareNext: {
      ...b,
      seconds: bare.seconds,
      rssMb: { baseline: bare.rss.baselineKb / 1024, peak: bare.rss.peakKb / 1024 },
      cpuSeconds: bare.cpu,
    },
    console: { ...c, seconds: through.seconds },
    route: {
      ...r,
      seconds: routeRun.seconds,
      rssMb: { baseline: routeRun.rss.baselineKb / 1024, peak: routeRun.rss.peakKb / 1024 },
      cpuSeconds: routeRun.cpu,
    },
    ...(pr && pairRun
      ? {
          pair: {
            ...pr,
            seconds: pairRun.seconds,
            rssMb: { baseline: pairRun.rss.baselineKb / 1024, peak: pairRun.rss.peakKb / 1024 },
            cpuSeconds: pairRun.cpu,
          },
        }
      : {}),
    rssMb: {
      baseline: rss.baselineKb / 1024,
      peak: rss.peakKb / 1024,
      growth: rss.growthKb / 1024,
    },
    hwmMb: { before: hwmBefore / 1024, after: hwmAfter / 1024 },
    cpuSeconds: cpu,
    ...(pt && patched
      ? {
          patched: {
            ...pt,
            seconds: patched.seconds,
            cpuSeconds: patched.cpu,
            rssMb: { peak: patched.rss.peakKb / 1024, growth: patched.rss.growthKb / 1024 },
            build: consoleBuildInfo(VARIANT),
          },
        }
      : {}),
    verdict,
  });
  console.log(`saved ${file}`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
