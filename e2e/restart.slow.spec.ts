// The console process dies and comes back while a sandbox job trains: the job carries on (its
// progress comes from timestamps in SQLite) and the open job page, whose polls fail meanwhile,
// picks up again by itself. This spec runs its own server (port+4), since it kills it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { DetailedJobOut } from "@/lib/mistral/types";
import { CANARY_KEY } from "./canary";
import { untilHealthy } from "./own-server";
import { jobStatus, jsonl, unique } from "./fine-tuning-helpers";

const port = Number(process.env.E2E_PORT ?? 3100) + 4;
const origin = `http://127.0.0.1:${port}`;
const dataDir = `.data/e2e-${port}`;
let server: ChildProcess | undefined;

/** Starts `next start` in its own process group (so the whole group can be killed). */
async function start(request: APIRequestContext) {
  const log = openSync(`${dataDir}.log`, "a");
  server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      MISTRAL_BACKEND: "sandbox",
      MISTRAL_API_KEY: CANARY_KEY,
      CONSOLE_DATA_DIR: dataDir,
      CONSOLE_AUTH: "off",
      SANDBOX_SPEED: "4",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await untilHealthy(request, origin);
}

/** Kills the server at once, like a crash or an OOM kill: no graceful shutdown. */
async function kill() {
  const child = server;
  server = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGKILL");
  await exited;
}

async function getJob(request: APIRequestContext, id: string): Promise<DetailedJobOut> {
  const res = await request.get(`${origin}/v1/fine_tuning/jobs/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as DetailedJobOut;
}

test.beforeAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.log`, { force: true });
  mkdirSync(dataDir, { recursive: true });
});

test.afterAll(async () => {
  await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a job carries on across a console restart and its page reconnects by itself", async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  await start(request);

  const name = `${unique("restart")}.jsonl`;
  // Writes carry the page's Origin, as the console's own pages send it (CONSOLE_AUTH=off checks it).
  const upload = await request.post(`${origin}/v1/files`, {
    headers: { origin },
    multipart: {
      purpose: "fine-tune",
      file: { name, mimeType: "application/jsonl", buffer: Buffer.from(jsonl(30, "restart")) },
    },
  });
  expect(upload.status()).toBe(200);
  const file = (await upload.json()) as { id: string };
  // At SANDBOX_SPEED=4: about 3 s of validation, then 40 steps over about 24 s.
  const created = await request.post(`${origin}/v1/fine_tuning/jobs`, {
    headers: { origin },
    data: {
      model: "mistral-small-latest",
      training_files: [{ file_id: file.id, weight: 1 }],
      hyperparameters: { training_steps: 40, learning_rate: 0.0001 },
      auto_start: true,
    },
  });
  expect(created.status()).toBe(200);
  const { id } = (await created.json()) as { id: string };

  const failedPolls: string[] = [];
  page.on("requestfailed", (r) => {
    if (r.url().includes(`/v1/fine_tuning/jobs/${id}`)) failedPolls.push(r.url());
  });
  await page.goto(`${origin}/fine-tuning/${id}`);
  await expect(jobStatus(page)).toHaveText("RUNNING", { timeout: 30_000 });
  const bar = page.getByRole("progressbar", { name: "Training progress" });
  const stepShown = async () => Number((await bar.getAttribute("aria-valuenow")) ?? 0);
  await expect.poll(stepShown, { timeout: 20_000 }).toBeGreaterThan(0);
  const before = await getJob(request, id);
  const stepBefore = await stepShown();
  expect(before.status).toBe("RUNNING");

  // Down: the page's polls fail and it says it cannot reach the server (it does not crash).
  await kill();
  const lost = page.getByRole("alert").filter({ hasText: "Network error" });
  await expect(lost).toBeVisible({ timeout: 15_000 });
  expect(failedPolls.length).toBeGreaterThan(0);
  await expect(jobStatus(page)).toHaveText("RUNNING"); // the last known state stays shown

  // Up again on the same data: the same job, further along; the page catches up without a reload.
  await start(request);
  const after = await getJob(request, id);
  expect(after.id).toBe(id);
  expect(["RUNNING", "SUCCESS"]).toContain(after.status);
  const progressed = (j: DetailedJobOut) => (j.checkpoints ?? []).length;
  expect(progressed(after)).toBeGreaterThan(progressed(before));
  await expect(lost).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(stepShown, { timeout: 15_000 }).toBeGreaterThan(stepBefore);
  await expect(jobStatus(page)).toHaveText("SUCCESS", { timeout: 60_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "40");
  expect(page.url()).toBe(`${origin}/fine-tuning/${id}`);
});
