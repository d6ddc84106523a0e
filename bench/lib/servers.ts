/**
 * The servers a benchmark compares: the fake upstream, a bare node:http pass-through, a bare Next
 * route-handler app generated under .data/bench/, and the console itself (a production build in
 * .next-bench, started with `next start`). Each runs in its own process, as in production.
 */
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { BENCH_DATA, ROOT, startProcess, type Started } from "./system";

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_BIN = path.join(ROOT, "node_modules", ".bin", "tsx");
export const CONSOLE_DIST = ".next-bench";
// Turbopack resolves nothing outside its root: a git worktree whose node_modules links into
// another checkout builds with TURBOPACK_ROOT set to a folder holding both (as `npm run build`).
const BUILD_ROOT = process.env.TURBOPACK_ROOT ?? ROOT;
export const BARE_DIR = path.join(BENCH_DATA, "bare-next");

export async function startFakeUpstreamProcess(
  port: number,
  opts: { events?: number; intervalMs?: number; firstDelayMs?: number; jsonDelayMs?: number } = {},
): Promise<Started> {
  return startProcess(
    "fake upstream",
    TSX_BIN,
    [
      path.join(ROOT, "bench", "fake-upstream.ts"),
      "--port",
      String(port),
      "--events",
      String(opts.events ?? 10),
      "--interval",
      String(opts.intervalMs ?? 10),
      "--first-delay",
      String(opts.firstDelayMs ?? 0),
      "--json-delay",
      String(opts.jsonDelayMs ?? 0),
    ],
    { port },
  );
}

export function startNodeProxyProcess(port: number, upstream: string): Promise<Started> {
  return startProcess(
    "node:http pass-through",
    TSX_BIN,
    [
      path.join(ROOT, "bench", "lib", "node-proxy.ts"),
      "--port",
      String(port),
      "--upstream",
      upstream,
    ],
    { port },
  );
}

// Two pass-throughs in one bare app: /v1/... with fetch (the obvious way) and /nodehttp/v1/...
// with node:http + Readable.toWeb (the way the gateway does it), so we see what each costs.
// Its own (empty) instrumentation and proxy: without them Next picks up the console's from the
// folders above (its instrumentation would then put the console's /v1 fast path in front).
const BARE_FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bench-bare-next", private: true }, null, 2),
  "instrumentation.js": "export function register() {}\n",
  "proxy.js": `export function proxy() {}
export const config = { matcher: ["/__bench-never"] };
`,
  "next.config.js": `module.exports = {
  poweredByHeader: false,
  turbopack: { root: ${JSON.stringify(BUILD_ROOT)} },
  outputFileTracingRoot: ${JSON.stringify(BUILD_ROOT)},
};
`,
  "app/v1/[...path]/route.js": `export const dynamic = "force-dynamic";
const HOP = ["host", "connection", "keep-alive", "transfer-encoding", "content-length"];
async function handle(request, { params }) {
  const { path } = await params;
  const search = new URL(request.url).search;
  const headers = new Headers(request.headers);
  for (const h of HOP) headers.delete(h);
  headers.set("authorization", "Bearer bench-key");
  const init = { method: request.method, headers, signal: request.signal };
  if (request.body) Object.assign(init, { body: request.body, duplex: "half" });
  const answer = await fetch(process.env.BENCH_UPSTREAM + "/v1/" + path.join("/") + search, init);
  const out = new Headers(answer.headers);
  for (const h of HOP) out.delete(h);
  return new Response(answer.body, { status: answer.status, headers: out });
}
export { handle as GET, handle as POST };
`,
  "app/nodehttp/v1/[...path]/route.js": `import http from "node:http";
import { Readable, pipeline } from "node:stream";
export const dynamic = "force-dynamic";
const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256 });
async function handle(request, { params }) {
  const { path } = await params;
  const base = new URL(process.env.BENCH_UPSTREAM);
  const search = new URL(request.url).search;
  const headers = {};
  request.headers.forEach((v, k) => { if (k !== "host" && k !== "connection") headers[k] = v; });
  headers.authorization = "Bearer bench-key";
  return new Promise((resolve, reject) => {
    const out = http.request(
      { hostname: base.hostname, port: base.port, method: request.method, path: "/v1/" + path.join("/") + search, headers, agent },
      (answer) => {
        request.signal.addEventListener("abort", () => answer.destroy(), { once: true });
        const h = new Headers();
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          const k = answer.rawHeaders[i].toLowerCase();
          if (k !== "connection" && k !== "keep-alive" && k !== "transfer-encoding") h.append(k, answer.rawHeaders[i + 1]);
        }
        resolve(new Response(Readable.toWeb(answer), { status: answer.statusCode, headers: h }));
      },
    );
    out.on("error", reject);
    if (request.body) pipeline(Readable.fromWeb(request.body), out, () => undefined);
    else out.end();
  });
}
export { handle as GET, handle as POST };
`,
};

/** Writes the bare app (if changed) and builds it (if not built yet). */
export function buildBareNext(force = false): void {
  let changed = force;
  for (const [file, text] of Object.entries(BARE_FILES)) {
    const full = path.join(BARE_DIR, file);
    mkdirSync(path.dirname(full), { recursive: true });
    if (!existsSync(full) || readFileSync(full, "utf8") !== text) {
      writeFileSync(full, text);
      changed = true;
    }
  }
  if (!changed && existsSync(path.join(BARE_DIR, ".next", "BUILD_ID"))) return;
  console.log("building the bare Next app in .data/bench/bare-next ...");
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: BARE_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`bare Next build failed:\n${r.stdout}\n${r.stderr}`);
}

export function startBareNext(port: number, upstream: string): Promise<Started> {
  return startProcess(
    "bare Next app",
    process.execPath,
    [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      port,
      cwd: BARE_DIR,
      env: { BENCH_UPSTREAM: upstream, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
}

/**
 * The console is built from a snapshot of a commit (HEAD by default, or the working tree with
 * `worktree`) copied to .data/bench/console-src: the figures then belong to a known commit, a
 * half-saved file of someone else's cannot break the build, and `next build` (which rewrites
 * tsconfig.json to include its dist folder) never touches the project's own files. The copy
 * resolves node_modules from the project root above it. Type errors do not stop this build: the
 * project's own `npm test` checks types; here only the running code matters.
 */
export const CONSOLE_SRC = path.join(BENCH_DATA, "console-src");

/**
 * A variant is the same snapshot with a patch applied (`git apply`), built in its own folder, so
 * a proposed change can be measured beside the current code in one run.
 */
export interface Variant {
  name: string;
  patch: string;
}

export const consoleSrc = (variant?: Variant) =>
  variant ? `${CONSOLE_SRC}-${variant.name}` : CONSOLE_SRC;

export function consoleBuildInfo(variant?: Variant): {
  exists: boolean;
  builtAt?: string;
  commit?: string;
} {
  const src = consoleSrc(variant);
  const id = path.join(src, CONSOLE_DIST, "BUILD_ID");
  if (!existsSync(id)) return { exists: false };
  const commitFile = path.join(src, "BENCH_COMMIT");
  return {
    exists: true,
    builtAt: statSync(id).mtime.toISOString(),
    commit: existsSync(commitFile) ? readFileSync(commitFile, "utf8").trim() : undefined,
  };
}

function snapshot(worktree: boolean, variant?: Variant): string {
  const src = consoleSrc(variant);
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const git = (args: string[]) => {
    const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  let commit = git(["rev-parse", "--short", "HEAD"]).trim();
  if (worktree) {
    // Tracked and untracked files that git does not ignore, as they are on disk now.
    const files = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
      .split("\0")
      .filter((f) => f && existsSync(path.join(ROOT, f)) && !f.startsWith("bench/"));
    for (const f of files) {
      mkdirSync(path.dirname(path.join(src, f)), { recursive: true });
      copyFileSync(path.join(ROOT, f), path.join(src, f));
    }
    commit += "+worktree";
  } else {
    const tar = spawnSync("sh", ["-c", `git archive HEAD | tar -x -C '${src}'`], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (tar.status !== 0) throw new Error(`git archive failed: ${tar.stderr}`);
  }
  if (variant) {
    const applied = spawnSync("git", ["apply", path.resolve(ROOT, variant.patch)], {
      cwd: src,
      encoding: "utf8",
    });
    if (applied.status !== 0)
      throw new Error(`git apply ${variant.patch} failed: ${applied.stderr}`);
    commit += `+${path.basename(variant.patch)}`;
  }
  writeFileSync(path.join(src, "BENCH_COMMIT"), commit + "\n");
  // A control route in the console's own build: the bare node:http pass-through at
  // /bench-control/v1/..., served by the same app, config and process as the gateway. The gateway
  // minus this route is the gateway's own cost; this route minus the bare app is the app's.
  const control = path.join(src, "app", "bench-control", "v1", "[...path]", "route.js");
  mkdirSync(path.dirname(control), { recursive: true });
  writeFileSync(control, BARE_FILES["app/nodehttp/v1/[...path]/route.js"]);
  appendFileSync(
    path.join(src, "next.config.js"),
    `\n// Added by bench/lib/servers.ts for the benchmark build only.
module.exports.turbopack = { ...(module.exports.turbopack || {}), root: ${JSON.stringify(BUILD_ROOT)} };
module.exports.outputFileTracingRoot = ${JSON.stringify(BUILD_ROOT)};
module.exports.typescript = { ...(module.exports.typescript || {}), ignoreBuildErrors: true };
`,
  );
  return commit;
}

/**
 * Builds the console into .data/bench/console-src/.next-bench unless a build exists and `force`
 * is false. Returns the build output.
 */
export function buildConsole(force = false, worktree = false, variant?: Variant): string {
  if (!force && consoleBuildInfo(variant).exists) return "";
  const commit = snapshot(worktree, variant);
  const src = consoleSrc(variant);
  console.log(
    `building the console (${commit}) into ${path.relative(ROOT, src)}/${CONSOLE_DIST} ...`,
  );
  const started = Date.now();
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: src,
    env: { ...process.env, NEXT_DIST_DIR: CONSOLE_DIST, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`console build failed:\n${output}`);
  writeFileSync(path.join(src, CONSOLE_DIST, "bench-build-output.txt"), output);
  console.log(`  built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return output;
}

export function hasGateway(): boolean {
  return existsSync(path.join(ROOT, "app", "v1", "[...path]", "route.ts"));
}

/** The console in live mode against `upstream` (or sandbox mode when upstream is "sandbox"). */
export function startConsole(
  port: number,
  upstream: string,
  env: Record<string, string> = {},
  variant?: Variant,
  /** Node's own options (e.g. --cpu-prof, which NODE_OPTIONS does not take). */
  nodeArgs: string[] = [],
): Promise<Started> {
  const dataDir = path.join(BENCH_DATA, `console-${port}`);
  mkdirSync(dataDir, { recursive: true });
  const backend =
    upstream === "sandbox"
      ? { MISTRAL_BACKEND: "sandbox", MISTRAL_API_KEY: undefined, SANDBOX_SPEED: "50" }
      : { MISTRAL_API_KEY: "bench-key", MISTRAL_BASE_URL: upstream, MISTRAL_BACKEND: "live" };
  return startProcess(
    "console",
    process.execPath,
    [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      port,
      cwd: consoleSrc(variant),
      env: {
        ...backend,
        NEXT_DIST_DIR: CONSOLE_DIST,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        CONSOLE_DATA_DIR: dataDir,
        CONSOLE_AUTH: "off",
        BENCH_UPSTREAM: upstream,
        ...env,
      },
    },
  );
}

/** The admin a signed-in console creates at start (CONSOLE_ADMIN_*), for its console token. */
const BENCH_ADMIN = { email: "bench@example.com", password: "bench-admin-password" };

/** Sign-in on, with the bench admin: every /v1 call then needs a console token. */
export const SIGN_IN_ENV: Record<string, string> = {
  CONSOLE_AUTH: "on",
  CONSOLE_ADMIN_EMAIL: BENCH_ADMIN.email,
  CONSOLE_ADMIN_PASSWORD: BENCH_ADMIN.password,
};

/**
 * A console token for the bench admin, made the way a user does: sign in, then POST
 * /api/console/tokens with the session (and the console's Origin).
 */
export async function consoleToken(url: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!signIn.ok) throw new Error(`sign-in at ${url}: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const made = await fetch(`${url}/api/console/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({ name: `bench ${new Date().toISOString()}` }),
  });
  if (!made.ok) throw new Error(`token at ${url}: ${made.status} ${await made.text()}`);
  return ((await made.json()) as { secret: string }).secret;
}

/**
 * Two consoles sharing one fresh PostgreSQL database (created on the server at `pgAdmin`, an
 * admin URL as `bash scripts/postgres.sh start <port>` prints) and one CONSOLE_SECRET, sign-in
 * on, started one after the other (the first creates the admin). Returns them with a console
 * token; put nginx in front with startNginx.
 */
export async function startPair(
  ports: [number, number],
  upstream: string,
  pgAdmin: string,
): Promise<{ consoles: Started[]; urls: string[]; token: string; database: string }> {
  const { default: pg } = await import("pg");
  const name = `bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: pgAdmin });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const database = new URL(pgAdmin);
  database.pathname = `/${name}`;
  const env = {
    ...SIGN_IN_ENV,
    DATABASE_URL: database.toString(),
    CONSOLE_SECRET: "bench-console-secret-0123456789abcdefghij",
  };
  const consoles: Started[] = [];
  for (const port of ports) {
    rmSync(path.join(BENCH_DATA, `console-${port}`), { recursive: true, force: true });
    consoles.push(await startConsole(port, upstream, env));
  }
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  return { consoles, urls, token: await consoleToken(urls[0]), database: name };
}
