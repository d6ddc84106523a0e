/**
 * Streaming overhead: time to first event and time between events over N sequential streams,
 * measured in one interleaved run against
 *   (a) the fake upstream directly,
 *   (b) the console gateway (production build, live mode against the fake upstream),
 *   (b') a control route in the same console build: the bare node:http pass-through of (c'), so
 *        (b) − (b') is the gateway's own work and (b') − (c') what the console app adds,
 *   (c) a bare Next route handler pass-through with fetch,
 *   (c') a bare Next route handler pass-through with node:http (how the gateway forwards),
 *   (d) a bare node:http pass-through.
 * Every stream goes to each target in turn (rotating the order), so load changes hit all alike.
 *
 *   (p) with --patch <file>: a second console built with that patch applied (a proposed change).
 *
 *   npx tsx bench/stream-overhead.ts [--streams 200] [--events 10] [--interval 10] [--build]
 *                                    [--patch bench/variants/<name>.patch]
 */
import http from "node:http";
import { streamOnce, type StreamTiming } from "./lib/sse-client";
import {
  buildBareNext,
  buildConsole,
  consoleBuildInfo,
  hasGateway,
  startBareNext,
  startConsole,
  startFakeUpstreamProcess,
  startNodeProxyProcess,
} from "./lib/servers";
import { ms, percentile, printTable } from "./lib/stats";
import { arg, flag, header, loadavg, saveResult, stopAll, type Started } from "./lib/system";

const STREAMS = Number(arg("streams", "200"));
const EVENTS = Number(arg("events", "10"));
const INTERVAL = Number(arg("interval", "10"));
const WARMUP = Number(arg("warmup", "20"));
const PORTS = { upstream: 8790, node: 8791, bare: 3602, console: 3601, patched: 3611 };
const PATCH = arg("patch");
const VARIANT = PATCH ? { name: "patched", patch: PATCH } : undefined;

interface Target {
  key: string;
  label: string;
  url: string;
  path: string;
  agent: http.Agent;
  runs: StreamTiming[];
}

async function main() {
  header("stream overhead");
  const loadBefore = loadavg();
  const withConsole = hasGateway() && !flag("no-console");
  if (withConsole) buildConsole(flag("build"), flag("worktree"));
  if (withConsole && VARIANT) buildConsole(true, flag("worktree"), VARIANT);
  buildBareNext();

  const procs: Started[] = [];
  const upstream = await startFakeUpstreamProcess(PORTS.upstream, {
    events: EVENTS,
    intervalMs: INTERVAL,
  });
  procs.push(upstream);
  const upstreamUrl = `http://127.0.0.1:${PORTS.upstream}`;
  procs.push(await startNodeProxyProcess(PORTS.node, upstreamUrl));
  procs.push(await startBareNext(PORTS.bare, upstreamUrl));
  if (withConsole) procs.push(await startConsole(PORTS.console, upstreamUrl));
  if (withConsole && VARIANT) {
    procs.push(await startConsole(PORTS.patched, upstreamUrl, {}, VARIANT));
  }

  const mk = (key: string, label: string, port: number, path = "/v1/chat/completions"): Target => ({
    key,
    label,
    url: `http://127.0.0.1:${port}`,
    path,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    runs: [],
  });
  const targets: Target[] = [
    mk("direct", "(a) direct to upstream", PORTS.upstream),
    ...(withConsole
      ? [
          mk("console", "(b) console gateway", PORTS.console),
          ...(VARIANT
            ? [mk("patched", `(p) console + ${PATCH!.split("/").pop()}`, PORTS.patched)]
            : []),
          mk(
            "control",
            "(b') console app, bare node:http route",
            PORTS.console,
            "/bench-control/v1/chat/completions",
          ),
        ]
      : []),
    mk("bare-fetch", "(c) bare Next route, fetch", PORTS.bare),
    mk(
      "bare-nodehttp",
      "(c') bare Next route, node:http",
      PORTS.bare,
      "/nodehttp/v1/chat/completions",
    ),
    mk("node", "(d) bare node:http proxy", PORTS.node),
  ];

  // Warm-up: JIT, route compilation, keep-alive pools. Not counted.
  for (let i = 0; i < WARMUP; i++) {
    for (const t of targets) {
      const r = await streamOnce(t.url, t.agent, { path: t.path });
      if (!r.ok && i === 0)
        throw new Error(`${t.label}: warm-up stream failed: ${r.error ?? r.status}`);
    }
  }

  const started = Date.now();
  for (let i = 0; i < STREAMS; i++) {
    for (let j = 0; j < targets.length; j++) {
      const t = targets[(i + j) % targets.length];
      t.runs.push(await streamOnce(t.url, t.agent, { path: t.path }));
    }
    if ((i + 1) % 50 === 0)
      console.log(`  ${i + 1}/${STREAMS} streams per target, load ${loadavg()}`);
  }
  const seconds = (Date.now() - started) / 1000;
  const loadAfter = loadavg();
  await stopAll();

  const summary = targets.map((t) => {
    const ok = t.runs.filter((r) => r.ok);
    const first = ok.map((r) => r.firstEventMs);
    const gaps = ok.flatMap((r) => r.gapsMs);
    const transit = ok.flatMap((r) => r.transitMs);
    return {
      key: t.key,
      label: t.label,
      streams: t.runs.length,
      errors: t.runs.length - ok.length,
      firstEvent: { p50: percentile(first, 50), p99: percentile(first, 99) },
      gap: { p50: percentile(gaps, 50), p99: percentile(gaps, 99), max: Math.max(...gaps) },
      transit: { p50: percentile(transit, 50), p99: percentile(transit, 99) },
      events: ok.reduce((s, r) => s + r.events, 0),
      expectedEvents: t.runs.length * EVENTS,
      mergedChunks: ok.reduce((s, r) => s + r.mergedChunks, 0),
      seqErrors: t.runs.reduce((s, r) => s + r.seqErrors, 0),
    };
  });
  const direct = summary[0];
  const added = (s: (typeof summary)[number]) => ({
    firstEventP50: s.firstEvent.p50 - direct.firstEvent.p50,
    firstEventP99: s.firstEvent.p99 - direct.firstEvent.p99,
    transitP50: s.transit.p50 - direct.transit.p50,
    transitP99: s.transit.p99 - direct.transit.p99,
  });

  console.log(
    `\n${STREAMS} sequential streams per target, ${EVENTS} events ${INTERVAL} ms apart, ${seconds.toFixed(0)} s, load ${loadBefore} → ${loadAfter}`,
  );
  printTable(
    [
      "target",
      "errors",
      "TTFE p50",
      "TTFE p99",
      "+p50",
      "+p99",
      "gap p50",
      "gap p99",
      "gap max",
      "transit p50",
      "+transit p99",
      "merged",
      "events",
    ],
    summary.map((s) => {
      const a = added(s);
      return [
        s.label,
        s.errors,
        ms(s.firstEvent.p50),
        ms(s.firstEvent.p99),
        s === direct ? "—" : ms(a.firstEventP50),
        s === direct ? "—" : ms(a.firstEventP99),
        ms(s.gap.p50),
        ms(s.gap.p99),
        ms(s.gap.max),
        ms(s.transit.p50),
        s === direct ? "—" : ms(a.transitP99),
        s.mergedChunks,
        `${s.events}/${s.expectedEvents}`,
      ];
    }),
  );

  const byKey = Object.fromEntries(summary.map((s) => [s.key, s]));
  let verdict = "console not measured (no gateway yet)";
  if (byKey.console) {
    const gw = added(byKey.console);
    const bare = added(byKey["bare-fetch"]);
    const margin = gw.firstEventP50 - bare.firstEventP50;
    const intact =
      byKey.console.mergedChunks === 0 &&
      byKey.console.errors === 0 &&
      byKey.console.events === byKey.console.expectedEvents;
    verdict =
      `gateway adds ${ms(gw.firstEventP50)} ms (p50) / ${ms(gw.firstEventP99)} ms (p99) to TTFE; ` +
      `bare route (fetch) ${ms(bare.firstEventP50)} / ${ms(bare.firstEventP99)}; ` +
      `gateway − bare = ${ms(margin)} ms p50 → target (≤ +1 ms) ${margin <= 1 ? "MET" : "NOT MET"}; ` +
      `events intact: ${intact ? "yes" : "NO"}` +
      (byKey.control
        ? `; gateway − bare node:http route in the same console app = ${ms(gw.firstEventP50 - added(byKey.control).firstEventP50)} ms p50 (the gateway's own work)`
        : "");
  }
  console.log(`\n${verdict}`);
  const file = saveResult(VARIANT ? "stream-overhead-patched" : "stream-overhead", {
    date: new Date().toISOString(),
    load: { before: loadBefore, after: loadAfter },
    params: { streams: STREAMS, events: EVENTS, intervalMs: INTERVAL, warmup: WARMUP },
    consoleBuild: consoleBuildInfo(),
    ...(VARIANT ? { patchedBuild: consoleBuildInfo(VARIANT) } : {}),
    summary: summary.map((s) => ({ ...s, added: added(s) })),
    verdict,
  });
  console.log(`saved ${file}`);
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
