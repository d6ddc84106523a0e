/**
 * JSON operations: requests per second for GET /v1/models and GET /v1/fine_tuning/jobs, directly
 * against the fake upstream and through the console gateway (and, for reference, through a bare
 * node:http route added to the console's build, the bare Next route handler and the bare node:http
 * pass-through). autocannon's programmatic API, the
 * same duration and connections for each, interleaved in rounds so load changes hit all alike.
 * Target: the gateway reaches at least 0.7 of direct.
 *
 * The fake upstream answers after `--json-delay` ms (default 20, a fast API; api.mistral.ai takes
 * 100 ms or more). With 0 it answers a cached string at once: then every proxy, even a bare
 * node:http one, is pure CPU cost against a server that does nothing, and the ratio says how much
 * CPU each hop burns rather than what a user would see.
 *
 *   npx tsx bench/json-rps.ts [--seconds 5] [--rounds 3] [--connections 10] [--json-delay 20]
 */
import autocannon from "autocannon";
import {
  buildBareNext,
  buildConsole,
  consoleBuildInfo,
  startBareNext,
  startConsole,
  startFakeUpstreamProcess,
  startNodeProxyProcess,
} from "./lib/servers";
import { ms, printTable } from "./lib/stats";
import {
  arg,
  cpuSeconds,
  flag,
  header,
  loadavg,
  processTree,
  saveResult,
  stopAll,
  type Started,
} from "./lib/system";

const SECONDS = Number(arg("seconds", "5"));
const ROUNDS = Number(arg("rounds", "3"));
const CONNECTIONS = Number(arg("connections", "10"));
const PORTS = { upstream: 8793, node: 8794, bare: 3605, console: 3606, patched: 3612 };
const PATHS = ["/v1/models", "/v1/fine_tuning/jobs"];
const JSON_DELAY = Number(arg("json-delay", "20"));
const PATCH = arg("patch");
const VARIANT = PATCH ? { name: "patched", patch: PATCH } : undefined;

interface Sample {
  requests: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  /** CPU time the serving process spent during the run. */
  cpuSeconds?: number;
}

function run(url: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: "Bearer bench-client" },
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
          latencyP50: result.latency.p50,
          latencyP99: result.latency.p99,
        });
      },
    );
  });
}

async function main() {
  header("JSON requests per second");
  buildConsole(flag("build"), flag("worktree"));
  buildBareNext();
  if (VARIANT) buildConsole(true, flag("worktree"), VARIANT);
  const upstream = await startFakeUpstreamProcess(PORTS.upstream, { jsonDelayMs: JSON_DELAY });
  const upstreamUrl = `http://127.0.0.1:${PORTS.upstream}`;
  const nodeProxy = await startNodeProxyProcess(PORTS.node, upstreamUrl);
  const bareNext = await startBareNext(PORTS.bare, upstreamUrl);
  const consoleProc = await startConsole(PORTS.console, upstreamUrl);
  const patchedProc = VARIANT
    ? await startConsole(PORTS.patched, upstreamUrl, {}, VARIANT)
    : undefined;
  // The process whose CPU time a target's requests cost (the proxy's own, upstream excluded).
  const serverOf: Record<string, Started> = {
    direct: upstream,
    console: consoleProc,
    control: consoleProc,
    "bare-fetch": bareNext,
    "bare-nodehttp": bareNext,
    node: nodeProxy,
    ...(patchedProc ? { patched: patchedProc } : {}),
  };
  const cpuOf = (key: string) =>
    processTree(serverOf[key].pid).reduce((s, p) => s + cpuSeconds(p), 0);
  const targets = [
    { key: "direct", label: "direct", base: upstreamUrl },
    { key: "console", label: "console gateway", base: `http://127.0.0.1:${PORTS.console}` },
    {
      key: "control",
      label: "console app, bare node:http route",
      base: `http://127.0.0.1:${PORTS.console}/bench-control`,
    },
    { key: "bare-fetch", label: "bare Next route (fetch)", base: `http://127.0.0.1:${PORTS.bare}` },
    {
      key: "bare-nodehttp",
      label: "bare Next route (node:http)",
      base: `http://127.0.0.1:${PORTS.bare}/nodehttp`,
    },
    { key: "node", label: "bare node:http proxy", base: `http://127.0.0.1:${PORTS.node}` },
    ...(VARIANT
      ? [
          {
            key: "patched",
            label: `console + ${PATCH!.split("/").pop()}`,
            base: `http://127.0.0.1:${PORTS.patched}`,
          },
        ]
      : []),
  ];

  // Warm-up: one second each, not counted.
  for (const p of PATHS) for (const t of targets) await runShort(t.base + p);

  const loadBefore = loadavg();
  const totals: Record<string, Sample[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of PATHS) {
      for (let j = 0; j < targets.length; j++) {
        const t = targets[(round + j) % targets.length];
        const cpuBefore = cpuOf(t.key);
        const s = await run(t.base + p);
        s.cpuSeconds = cpuOf(t.key) - cpuBefore;
        (totals[`${t.key} ${p}`] ??= []).push(s);
      }
    }
    console.log(`  round ${round + 1}/${ROUNDS} done, load ${loadavg()}`);
  }
  const loadAfter = loadavg();
  await stopAll();

  const rows: (string | number)[][] = [];
  const result: Record<string, unknown> = {};
  const verdicts: string[] = [];
  for (const p of PATHS) {
    const rps = (key: string) =>
      totals[`${key} ${p}`].reduce((s, x) => s + x.requests, 0) / (ROUNDS * SECONDS);
    const directRps = rps("direct");
    for (const t of targets) {
      const samples = totals[`${t.key} ${p}`];
      const r = rps(t.key);
      const bad = samples.reduce((s, x) => s + x.non2xx + x.errors, 0);
      const p50 = samples.map((x) => x.latencyP50).sort((a, b) => a - b)[
        Math.floor(samples.length / 2)
      ];
      const p99 = Math.max(...samples.map((x) => x.latencyP99));
      // CPU milliseconds per request: what a request costs the server, whatever the machine's load.
      const cpuMs =
        (samples.reduce((s, x) => s + (x.cpuSeconds ?? 0), 0) * 1000) /
        Math.max(
          1,
          samples.reduce((s, x) => s + x.requests, 0),
        );
      rows.push([
        p,
        t.label,
        r.toFixed(0),
        (r / directRps).toFixed(2),
        bad,
        ms(p50, 1),
        ms(p99, 1),
        ms(cpuMs, 3),
      ]);
      result[`${t.key} ${p}`] = {
        rps: r,
        ratio: r / directRps,
        bad,
        latencyP50: p50,
        latencyP99: p99,
        cpuMsPerRequest: cpuMs,
      };
    }
    const ratio = rps("console") / directRps;
    verdicts.push(
      `${p}: console/direct ${ratio.toFixed(2)} → target (≥ 0.70) ${ratio >= 0.7 ? "MET" : "NOT MET"}`,
    );
  }
  console.log(
    `\n${CONNECTIONS} connections, upstream latency ${JSON_DELAY} ms, ${ROUNDS} rounds × ${SECONDS} s per target and path; load ${loadBefore} → ${loadAfter}`,
  );
  printTable(
    [
      "path",
      "target",
      "req/s",
      "× direct",
      "non-2xx+err",
      "lat p50 ms",
      "lat p99 ms",
      "CPU ms/req",
    ],
    rows,
  );
  console.log("\n" + verdicts.join("\n"));
  const file = saveResult(
    `${JSON_DELAY === 20 ? "json-rps" : `json-rps-delay${JSON_DELAY}`}${VARIANT ? "-patched" : ""}`,
    {
      date: new Date().toISOString(),
      load: { before: loadBefore, after: loadAfter },
      params: {
        seconds: SECONDS,
        rounds: ROUNDS,
        connections: CONNECTIONS,
        jsonDelayMs: JSON_DELAY,
      },
      consoleBuild: consoleBuildInfo(),
      result,
      verdicts,
    },
  );
  console.log(`saved ${file}`);
}

function runShort(url: string): Promise<void> {
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: 1,
        headers: { authorization: "Bearer bench-client" },
      },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
