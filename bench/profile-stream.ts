/**
 * Where the console's time to first event goes: a short interleaved run of sequential streamed
 * chat completions against (a) the fake upstream directly, (d) a bare node:http proxy and (t) the
 * console with a console token (fast path), reporting TTFE p50 / p99 added over direct and each
 * process's CPU per stream (utime + stime, which the machine's load affects far less than wall
 * time). With --prof the console runs under `node --cpu-prof`: its profile (a .cpuprofile, open it
 * in Chrome DevTools or speedscope) is written to .data/bench/prof/ when it stops.
 *
 *   npx tsx bench/profile-stream.ts [--streams 200] [--prof] [--build [--worktree]] [--off]
 *                                   [--env NAME=value ...]
 *
 * --off adds (b) the console with sign-in off beside (t).
 */
import http from "node:http";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { streamOnce, type StreamTiming } from "./lib/sse-client";
import {
  buildConsole,
  consoleToken,
  SIGN_IN_ENV,
  startConsole,
  startFakeUpstreamProcess,
  startNodeProxyProcess,
} from "./lib/servers";
import { ms, percentile, printTable } from "./lib/stats";
import {
  arg,
  BENCH_DATA,
  cpuSeconds,
  flag,
  header,
  loadavg,
  mainPid,
  stopAll,
  type Started,
} from "./lib/system";

const STREAMS = Number(arg("streams", "200"));
const WARMUP = Number(arg("warmup", "30"));
const PORTS = { upstream: 8790, node: 8791, token: 3614, off: 3601 };

interface Target {
  label: string;
  port: number;
  headers?: Record<string, string>;
  proc?: Started;
  agent: http.Agent;
  runs: StreamTiming[];
}

async function main() {
  header("profile stream");
  const loadBefore = loadavg();
  buildConsole(flag("build"), flag("worktree"));
  const profDir = path.join(BENCH_DATA, "prof");
  mkdirSync(profDir, { recursive: true });
  const prof = flag("prof")
    ? ["--cpu-prof", "--cpu-prof-interval=50", `--cpu-prof-dir=${profDir}`]
    : [];

  const upstream = await startFakeUpstreamProcess(PORTS.upstream, { events: 10, intervalMs: 5 });
  const upstreamUrl = `http://127.0.0.1:${PORTS.upstream}`;
  const node = await startNodeProxyProcess(PORTS.node, upstreamUrl);
  const tokenConsole = await startConsole(
    PORTS.token,
    upstreamUrl,
    { ...SIGN_IN_ENV, ...extraEnv() },
    undefined,
    prof,
  );
  const token = await consoleToken(`http://127.0.0.1:${PORTS.token}`);
  const mk = (label: string, port: number, proc?: Started, headers?: Record<string, string>) => ({
    label,
    port,
    proc,
    headers,
    agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    runs: [] as StreamTiming[],
  });
  const targets: Target[] = [
    mk("(a) direct", PORTS.upstream, upstream),
    mk("(d) bare node:http proxy", PORTS.node, node),
    mk("(t) console token", PORTS.token, tokenConsole, { authorization: `Bearer ${token}` }),
  ];
  if (flag("off")) {
    targets.push(mk("(b) sign-in off", PORTS.off, await startConsole(PORTS.off, upstreamUrl)));
  }
  const run = (t: Target) =>
    streamOnce(`http://127.0.0.1:${t.port}`, t.agent, { headers: t.headers });
  for (let i = 0; i < WARMUP; i++) for (const t of targets) await run(t);

  const cpu = (t: Target) => (t.proc ? cpuSeconds(mainPid(t.proc.pid)) : NaN);
  const cpuBefore = targets.map(cpu);
  for (let i = 0; i < STREAMS; i++) {
    for (let j = 0; j < targets.length; j++) {
      const t = targets[(i + j) % targets.length];
      t.runs.push(await run(t));
    }
  }
  const cpuAfter = targets.map(cpu);
  const loadAfter = loadavg();
  await stopAll();

  const direct = percentiles(targets[0]);
  console.log(`\n${STREAMS} streams per target, load ${loadBefore} → ${loadAfter}`);
  printTable(
    ["target", "errors", "TTFE p50", "p99", "+p50", "+p99", "CPU µs / stream"],
    targets.map((t, i) => {
      const p = percentiles(t);
      return [
        t.label,
        t.runs.filter((r) => !r.ok).length,
        ms(p.p50),
        ms(p.p99),
        i === 0 ? "—" : ms(p.p50 - direct.p50),
        i === 0 ? "—" : ms(p.p99 - direct.p99),
        ((cpuAfter[i] - cpuBefore[i]) * 1e6) / STREAMS > 0
          ? (((cpuAfter[i] - cpuBefore[i]) * 1e6) / STREAMS).toFixed(0)
          : "—",
      ];
    }),
  );
  if (flag("prof")) console.log(`\nCPU profile written to ${profDir}`);
}

/** `--env NAME=value` (repeatable): more environment for the console under study. */
function extraEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  process.argv.forEach((a, i) => {
    if (a !== "--env") return;
    const [name, ...value] = (process.argv[i + 1] ?? "").split("=");
    env[name] = value.join("=");
  });
  return env;
}

function percentiles(t: Target) {
  const first = t.runs.filter((r) => r.ok).map((r) => r.firstEventMs);
  return { p50: percentile(first, 50), p99: percentile(first, 99) };
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
