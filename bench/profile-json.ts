/**
 * Where the console's CPU goes for JSON operations: autocannon against `GET <path>` through the
 * console with a console token (fast path), the console running under `node --cpu-prof` (its
 * profile is written to .data/bench/prof/ when it stops), and its CPU per request.
 *
 *   npx tsx bench/profile-json.ts [--path /v1/models] [--seconds 10] [--build [--worktree]]
 */
import path from "node:path";
import { mkdirSync, rmSync } from "node:fs";
import autocannon from "autocannon";
import {
  buildConsole,
  consoleToken,
  SIGN_IN_ENV,
  startConsole,
  startFakeUpstreamProcess,
} from "./lib/servers";
import { arg, BENCH_DATA, cpuSeconds, flag, header, mainPid, stopAll } from "./lib/system";

const PORTS = { upstream: 8790, console: 3614 };

async function main() {
  header("profile json");
  buildConsole(flag("build"), flag("worktree"));
  const profDir = path.join(BENCH_DATA, "prof");
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const upstream = await startFakeUpstreamProcess(PORTS.upstream, { jsonDelayMs: 20 });
  const console_ = await startConsole(
    PORTS.console,
    `http://127.0.0.1:${PORTS.upstream}`,
    SIGN_IN_ENV,
    undefined,
    ["--cpu-prof", "--cpu-prof-interval=100", `--cpu-prof-dir=${profDir}`],
  );
  const url = `http://127.0.0.1:${PORTS.console}`;
  const token = await consoleToken(url);
  const run = (seconds: number) =>
    new Promise<{ requests: { total: number; average: number } }>((resolve, reject) =>
      autocannon(
        {
          url: url + arg("path", "/v1/models"),
          connections: 10,
          duration: seconds,
          headers: { authorization: `Bearer ${token}` },
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  await run(2);
  const before = cpuSeconds(mainPid(console_.pid));
  const result = await run(Number(arg("seconds", "10")));
  const cpu = cpuSeconds(mainPid(console_.pid)) - before;
  await stopAll();
  void upstream;
  console.log(
    `${result.requests.total} requests, ${result.requests.average} req/s, ` +
      `${((cpu * 1000) / result.requests.total).toFixed(3)} CPU ms/request (under the profiler); profile in ${profDir}`,
  );
}

main().catch(async (error) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
