/**
 * JSON operations: requests per second for GET /v1/models and GET /v1/fine_tuning/jobs, directly
 * against the fake upstream and through the console gateway: with a console token (sign-in on),
 * sign-in off, and with the fast path off (Next's route handler); for reference through nginx
 * holding the key, a bare node:http route added to the console's build, the bare Next route
 * handler and the bare node:http pass-through; with --pg <admin URL>, through nginx in front of
 * two consoles sharing that PostgreSQL server. autocannon's programmatic API, the same duration
 * and connections for each, interleaved in rounds so load changes hit all alike.
 * Target: the console with a console token reaches at least 0.9 of direct.
 *
 * The fake upstream answers after `--json-delay` ms (default 20, a fast API; api.mistral.ai takes
 * 100 ms or more). With 0 it answers a cached string at once: then every proxy, even a bare
 * node:http one, is pure CPU cost against a server that does nothing, and the ratio says how much
 * CPU each hop burns rather than what a user would see.
 *
 *   npx tsx bench/json-rps.ts [--seconds 5] [--rounds 3] [--connections 10] [--json-delay 20]
 *                             [--pg <admin URL>]
 */
import autocannon from "autocannon";
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
const PORTS = {
  upstream: 8793,
  node: 8794,
  bare: 3605,
  console: 3606,
  patched: 3612,
  token: 3618,
  route: 3619,
  pair: [3620, 3621] as [number, number],
  nginx: 8800,
  nginxPair: 8801,
};
const PG = arg("pg");
const TARGET = 0.9;
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

function run(url: string, secret = "bench-client"): Promise<Sample> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${secret}` },
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
  const tokenProc = await startConsole(PORTS.token, upstreamUrl, SIGN_IN_ENV);
  const routeProc = await startConsole(PORTS.route, upstreamUrl, {
    ...SIGN_IN_ENV,
    CONSOLE_FAST_PATH: "off",
  });
  const token = await consoleToken(`http://127.0.0.1:${PORTS.token}`);
  // Each console has its own accounts database, so its own token.
  const routeToken = await consoleToken(`http://127.0.0.1:${PORTS.route}`);
  const nginx = await startNginx(PORTS.nginx, [upstreamUrl], { key: "bench-key" });
  const pair = PG ? await startPair(PORTS.pair, upstreamUrl, PG) : null;
  const nginxPair = pair ? await startNginx(PORTS.nginxPair, pair.urls) : null;
  const patchedProc = VARIANT
    ? await startConsole(PORTS.patched, upstreamUrl, {}, VARIANT)
    : undefined;
  // The processes whose CPU time a target's requests cost (the proxies' own, upstream excluded).
  const serverOf: Record<string, Started[]> = {
    direct: [upstream],
    console: [consoleProc],
    token: [tokenProc],
    route: [routeProc],
    control: [consoleProc],
    "bare-fetch": [bareNext],
    "bare-nodehttp": [bareNext],
    node: [nodeProxy],
    ...(nginx ? { nginx: [nginx] } : {}),
    ...(pair && nginxPair ? { pair: [nginxPair, ...pair.consoles] } : {}),
    ...(patchedProc ? { patched: [patchedProc] } : {}),
  };
  const cpuOf = (key: string) =>
    serverOf[key].flatMap((s) => processTree(s.pid)).reduce((sum, p) => sum + cpuSeconds(p), 0);
  const targets: { key: string; label: string; base: string; secret?: string }[] = [
    { key: "direct", label: "direct", base: upstreamUrl },
    ...(nginx
      ? [{ key: "nginx", label: "nginx, key attached", base: `http://127.0.0.1:${PORTS.nginx}` }]
      : []),
    {
      key: "token",
      label: "console, console token",
      base: `http://127.0.0.1:${PORTS.token}`,
      secret: token,
    },
    {
      key: "route",
      label: "console token, route handler (fast path off)",
      base: `http://127.0.0.1:${PORTS.route}`,
      secret: routeToken,
    },
    { key: "console", label: "console, sign-in off", base: `http://127.0.0.1:${PORTS.console}` },
    ...(pair && nginxPair
      ? [
          {
            key: "pair",
            label: "nginx → two consoles on PostgreSQL, token",
            base: `http://127.0.0.1:${PORTS.nginxPair}`,
            secret: pair.token,
          },
        ]
      : []),
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
  for (const p of PATHS) for (const t of targets) await runShort(t.base + p, t.secret);

  const loadBefore = loadavg();
  const totals: Record<string, Sample[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of PATHS) {
      for (let j = 0; j < targets.length; j++) {
        const t = targets[(round + j) % targets.length];
        const cpuBefore = cpuOf(t.key);
        const s = await run(t.base + p, t.secret);
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
    const ratio = rps("token") / directRps;
    verdicts.push(
      `${p}: console (token)/direct ${ratio.toFixed(2)} → target (≥ ${TARGET.toFixed(2)}) ${ratio >= TARGET ? "MET" : "NOT MET"}`,
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

function runShort(url: string, secret = "bench-client"): Promise<void> {
  return new Promise((resolve, reject) =>
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: 1,
        headers: { authorization: `Bearer ${secret}` },
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
