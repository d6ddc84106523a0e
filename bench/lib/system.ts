/**
 * Process and machine helpers: load average, /proc sampling of a process tree, starting child
 * processes and waiting for their port. Linux only (reads /proc).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BENCH_DATA = path.join(ROOT, ".data", "bench");
export const RESULTS_DIR = path.join(ROOT, "bench", "results");

export function loadavg(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

/** Clock ticks per second for /proc/<pid>/stat (100 on every Linux this runs on). */
const CLK_TCK = 100;

export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The pid and all its descendants. */
export function processTree(pid: number): number[] {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]));
  return all;
}

export interface ProcStatus {
  rssKb: number;
  hwmKb: number;
}

export function procStatus(pid: number): ProcStatus {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
    return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
  } catch {
    return { rssKb: 0, hwmKb: 0 };
  }
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "(comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Samples the RSS of a process tree every `intervalMs` until stopped; remembers the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peakKb = 0;
  samples = 0;
  readonly baselineKb: number;
  constructor(
    private readonly pids: () => number[],
    private readonly intervalMs = 25,
  ) {
    this.baselineKb = this.current();
  }
  current(): number {
    return this.pids().reduce((sum, pid) => sum + procStatus(pid).rssKb, 0);
  }
  start(): this {
    const tick = () => {
      this.peakKb = Math.max(this.peakKb, this.current());
      this.samples++;
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
    return this;
  }
  stop(): { baselineKb: number; peakKb: number; growthKb: number; samples: number } {
    if (this.timer) clearInterval(this.timer);
    this.peakKb = Math.max(this.peakKb, this.current());
    return {
      baselineKb: this.baselineKb,
      peakKb: this.peakKb,
      growthKb: this.peakKb - this.baselineKb,
      samples: this.samples,
    };
  }
}

export function waitForPort(port: number, timeoutMs = 60_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child && child.exitCode !== null) {
        return reject(
          new Error(`process exited with code ${child.exitCode} before listening on ${port}`),
        );
      }
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline)
          reject(new Error(`nothing listens on port ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export interface Started {
  child: ChildProcess;
  pid: number;
  port: number;
  /** The last lines of its output, for error messages. */
  log: () => string;
  stop: () => Promise<void>;
}

const started = new Set<Started>();

/** Starts a long-running child process, keeps its output for diagnosis, waits for its port. */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  opts: {
    port: number;
    cwd?: string;
    env?: Record<string, string | undefined>;
    timeoutMs?: number;
  },
): Promise<Started> {
  const child = spawn(command, args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const s: Started = {
    child,
    pid: child.pid!,
    port: opts.port,
    log: () => output,
    stop: async () => {
      started.delete(s);
      if (child.exitCode !== null) return;
      const tree = processTree(child.pid!).reverse();
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      for (const pid of tree) {
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      const timer = setTimeout(() => {
        for (const pid of tree) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // already gone
          }
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  started.add(s);
  try {
    await waitForPort(opts.port, opts.timeoutMs ?? 60_000, child);
  } catch (error) {
    await s.stop();
    throw new Error(`${name}: ${(error as Error).message}\n--- ${name} output ---\n${output}`);
  }
  return s;
}

/** Stops every process started through startProcess (for finally blocks and signals). */
export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((s) => s.stop()));
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

/** Finds the process in a started tree that actually holds the most memory (the Next server). */
export function mainPid(root: number): number {
  const tree = processTree(root);
  let best = root;
  let bestRss = -1;
  for (const pid of tree) {
    const { rssKb } = procStatus(pid);
    if (rssKb > bestRss) {
      best = pid;
      bestRss = rssKb;
    }
  }
  return best;
}

export function saveResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return path.relative(ROOT, file);
}

export function arg(name: string, fallback: string): string;
export function arg(name: string): string | undefined;
export function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function header(title: string): void {
  console.log(`\n== ${title} ==`);
  console.log(`date ${new Date().toISOString()}  load ${loadavg()}  node ${process.version}`);
}
