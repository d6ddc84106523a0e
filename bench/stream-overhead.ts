/**
 * Streaming overhead: time to first event and time between events over N sequential streams,
 * measured in one interleaved run against
 *   (a) the fake upstream directly,
 *   (n) nginx in front of it, attaching the key, buffering off (skipped without nginx),
 *   (b) the console gateway (production build, live mode against the fake upstream), sign-in off,
 *   (t) the same with sign-in on and a console token: what a client of a team console sees,
 *   (r) the same with the fast path off (CONSOLE_FAST_PATH=off): Next's route handler,
 *   (b') a control route in the same console build: the bare node:http pass-through of (c'), so
 *        (b) − (b') is the gateway's own work and (b') − (c') what the console app adds,
 *   (c) a bare Next route handler pass-through with fetch,
 *   (c') a bare Next route handler pass-through with node:http (how the gateway forwards),
 *   (d) a bare node:http pass-through.
 * Every stream goes to each target in turn (rotating the order), so load changes hit all alike.
 *
 *   (p) with --patch <file>: a second console built with that patch applied (a proposed change),
 *   (2) with --pg <admin URL>: two consoles sharing that PostgreSQL server (a fresh database),
 *       sign-in on, behind nginx, with a console token.
 * Target: (t) adds at most 2 ms p50 and 5 ms p99 to the time to first event.
 *
 *   npx tsx bench/stream-overhead.ts [--streams 200] [--events 10] [--interval 10] [--build]
 *                                    [--patch bench/variants/<name>.patch] [--pg <admin URL>]
 */
import http from "node:http";
import { streamOnce, type StreamTiming } from "./lib/sse-client";
import { startNginx } from "./lib/nginx";
import {
  buildBareNext,
  buildConsole,
  consoleBuildInfo,
  consoleToken,
  hasGateway,
  SIGN_IN_ENV,
  startBareNext,
  startConsole,
  startFakeUpstreamProcess,
  startNodeProxyProcess,
  startPair,
} from "./lib/servers";
import { ms, percentile, printTable } from "./lib/stats";
import { arg, flag, header, loadavg, saveResult, stopAll, type Started } from "./lib/system";

const STREAMS = Number(arg("streams", "200"));
const EVENTS = Number(arg("events", "10"));
const INTERVAL = Number(arg("interval", "10"));
const WARMUP = Number(arg("warmup", "20"));
const PORTS = {
  upstream: 8790,
  node: 8791,
  bare: 3602,
  console: 3601,
  patched: 3611,
  token: 3614,
  route: 3615,
  pair: [3616, 3617] as [number, number],
  nginx: 8798,
  nginxPair: 8799,
};
const PG = arg("pg");
const PATCH = arg("patch");
const VARIANT = PATCH ? { name: "patched", patch: PATCH } : undefined;

interface Target {
  key: string;
  label: string;
  url: string;
  path: string;
  headers?: Record<string, string>;
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
  const nginx = await startNginx(PORTS.nginx, [upstreamUrl], { key: "bench-key" });
  let token = "";
  let routeToken = "";
  let pair: Awaited<ReturnType<typeof startPair>> | null = null;
  let nginxPair: Started | null = null;
  if (withConsole) {
    procs.push(await startConsole(PORTS.console, upstreamUrl));
    procs.push(await startConsole(PORTS.token, upstreamUrl, SIGN_IN_ENV));
    procs.push(
      await startConsole(PORTS.route, upstreamUrl, { ...SIGN_IN_ENV, CONSOLE_FAST_PATH: "off" }),
    );
    token = await consoleToken(`http://127.0.0.1:${PORTS.token}`);
    // Each console has its own accounts database, so its own token.
    routeToken = await consoleToken(`http://127.0.0.1:${PORTS.route}`);
    if (PG) {
      pair = await startPair(PORTS.pair, upstreamUrl, PG);
      nginxPair = await startNginx(PORTS.nginxPair, pair.urls);
    }
  }
  if (withConsole && VARIANT) {
    procs.push(await startConsole(PORTS.patched, upstreamUrl, {}, VARIANT));
  }

  const mk = (
    key: string,
    label: string,
    port: number,
    path = "/v1/chat/completions",
    headers?: Record<string, string>,
  ): Target => ({
    key,
    label,
    url: `http://127.0.0.1:${port}`,
    path,
    headers,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    runs: [],
  });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const targets: Target[] = [
    mk("direct", "(a) direct to upstream", PORTS.upstream),
    ...(nginx ? [mk("nginx", "(n) nginx, key attached, buffering off", PORTS.nginx)] : []),
    ...(withConsole
      ? [
          mk("console", "(b) console gateway, sign-in off", PORTS.console),
          mk("token", "(t) console gateway, console token", PORTS.token, undefined, bearer(token)),
          mk(
            "route",
            "(r) console token, route handler (fast path off)",
            PORTS.route,
            undefined,
            bearer(routeToken),
          ),
          ...(pair && nginxPair
            ? [
                mk(
                  "pair",
                  "(2) nginx → two consoles on PostgreSQL, console token",
                  PORTS.nginxPair,
                  undefined,
                  bearer(pair.token),
                ),
              ]
            : []),
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
      const r = await streamOnce(t.url, t.agent, { path: t.path, headers: t.headers });
      if (!r.ok && i === 0)
        throw new Error(`${t.label}: warm-up stream failed: ${r.error ?? r.status}`);
    }
  }

  const started = Date.now();
  for (let i = 0; i < STREAMS; i++) {
    for (let j = 0; j < targets.length; j++) {
      const t = targets[(i + j) % targets.length];
      t.runs.push(await streamOnce(t.url, t.agent, { path: t.path, headers: t.headers }));
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
  if (byKey.token) {
    const t = added(byKey.token);
    const intact =
      byKey.token.mergedChunks === 0 &&
      byKey.token.errors === 0 &&
      byKey.token.events === byKey.token.expectedEvents;
    const met = t.firstEventP50 <= 2 && t.firstEventP99 <= 5;
    const also = (key: string, what: string) =>
      byKey[key]
        ? `; ${what} ${ms(added(byKey[key]).firstEventP50)} / ${ms(added(byKey[key]).firstEventP99)}`
        : "";
    verdict =
      `console token adds ${ms(t.firstEventP50)} ms (p50) / ${ms(t.firstEventP99)} ms (p99) to TTFE → ` +
      `target (≤ 2 / ≤ 5 ms) ${met ? "MET" : "NOT MET"}; events intact: ${intact ? "yes" : "NO"}` +
      also("console", "sign-in off") +
      also("route", "route handler (fast path off)") +
      also("nginx", "nginx") +
      also("node", "bare node:http") +
      also("pair", "two consoles behind nginx");
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
