// The console's copy of the fine-tuning jobs it has passed on (lib/server/job-archive.ts), on
// SQLite and PostgreSQL: once the upstream retires its jobs API (410 since August 2026), a job
// the team saw stays readable with its checkpoints, through /api/console/job-archive.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/console/job-archive/[id]/route";
import * as listRoute from "@/app/api/console/job-archive/route";
import { Body } from "@/lib/server/body";
import { keepJobs } from "@/lib/server/job-archive";
import {
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  guardedSandbox,
  session,
  signedIn,
  trainingFile,
  useAuthContext,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe.each(DATABASES)("the fine-tuning job archive on %s", (kind) => {
  let t: TestAuth;
  let running: Guarded;
  let retired: Guarded;
  let member: TestUser;
  let viewer: TestUser;
  let jobId: string;
  let lastSeen: Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    running = guardedSandbox(t.ctx, t.dataDir);
    retired = guardedSandbox(t.ctx, path.join(t.dataDir, "retired"), { fineTuning: "retired" });
    member = await signedIn(t.ctx, "member");
    viewer = await signedIn(t.ctx, "viewer");
    useAuthContext(t.ctx);

    const call = async (g: Guarded, p: string, options = {}) =>
      bodyOf(await g.gateway(buildRequest(p, session(member), options)));
    const file = await call(running, "/v1/files", { form: trainingFile() });
    const job = await call(running, "/v1/fine_tuning/jobs", {
      json: {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: { training_steps: 10 },
        auto_start: true,
      },
    });
    jobId = String(job.id);
    running.clock!.advance(60 * 60 * 1000);
    lastSeen = await call(running, `/v1/fine_tuning/jobs/${jobId}`);
    // A later list answer refreshes the summary but must not lose the checkpoints.
    await call(running, "/v1/fine_tuning/jobs");
  });

  afterAll(async () => {
    clearAuthContext();
    await running?.close();
    await retired?.close();
    await t?.close();
  });

  const list = (user: TestUser | null) =>
    listRoute.GET(buildRequest("/api/console/job-archive", user && session(user)));
  const item = (user: TestUser, id: string) =>
    itemRoute.GET(buildRequest(`/api/console/job-archive/${id}`, session(user)), params(id));

  it("the job the team watched finished with checkpoints (the premise)", () => {
    expect(lastSeen.status).toBe("SUCCESS");
    expect((lastSeen.checkpoints as unknown[]).length).toBeGreaterThan(0);
  });

  it("after the API retires its jobs, the job page's data is still there, checkpoints included", async () => {
    const gone = await retired.gateway(
      buildRequest(`/v1/fine_tuning/jobs/${jobId}`, session(member)),
    );
    expect(gone.status).toBe(410);
    const response = await item(viewer, jobId);
    expect(response.status).toBe(200);
    const archived = await bodyOf(response);
    expect(archived).toMatchObject({
      id: jobId,
      status: "SUCCESS",
      fine_tuned_model: lastSeen.fine_tuned_model,
      checkpoints: lastSeen.checkpoints,
      events: lastSeen.events,
    });
    expect(archived.archived_at).toEqual(expect.any(Number));
  });

  it("lists the jobs newest first, without their histories", async () => {
    const response = await list(viewer);
    expect(response.status).toBe(200);
    const body = await bodyOf(response);
    const jobs = body.data as Record<string, number | string>[];
    // The sandbox's seeded model came from a job too: the list answer showed both.
    expect(body.total).toBe(jobs.length);
    expect(jobs.length).toBeGreaterThan(1);
    expect(jobs.find((j) => j.id === jobId)).toMatchObject({ status: "SUCCESS" });
    const created = jobs.map((j) => Number(j.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    for (const job of jobs) expect(job).not.toHaveProperty("checkpoints");
  });

  it("a jobs list polled again unchanged is not written again; a changed one is filed at once", async () => {
    const seenAt = async () =>
      Number(
        (
          await t.ctx.database.db
            .selectFrom("job_archive")
            .select("seen_at")
            .where("job_id", "=", jobId)
            .executeTakeFirstOrThrow()
        ).seen_at,
      );
    const listJobs = () =>
      running.gateway(buildRequest("/v1/fine_tuning/jobs", session(member))).then(bodyOf);
    const first = await listJobs();
    const filedAt = await seenAt();
    await new Promise((r) => setTimeout(r, 5));
    expect(await listJobs()).toEqual(first);
    expect(await seenAt()).toBe(filedAt);
    // Another job appears: the answer changed, so it is filed (and this job seen again).
    const file = bodyOf(
      await running.gateway(buildRequest("/v1/files", session(member), { form: trainingFile() })),
    );
    await running.gateway(
      buildRequest("/v1/fine_tuning/jobs", session(member), {
        json: {
          model: "mistral-small-latest",
          training_files: [{ file_id: (await file).id }],
          hyperparameters: { training_steps: 10 },
        },
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    await listJobs();
    expect(await seenAt()).toBeGreaterThan(filedAt);
  });

  it("files a jobs answer as it passes, unchanged; past 4 MB it only passes", async () => {
    const archived = async (id: string) =>
      Boolean(
        await t.ctx.database.db
          .selectFrom("job_archive")
          .select("job_id")
          .where("job_id", "=", id)
          .executeTakeFirst(),
      );
    const pass = async (text: string) => {
      const answer = keepJobs(t.ctx, "jobs_api_routes_fine_tuning_get_fine_tuning_jobs", {
        status: 200,
        headers: { "content-type": "application/json" },
        body: Body.of(text),
      });
      return answer.body!.text();
    };
    const small = JSON.stringify({ object: "list", data: [{ id: "job-small", status: "QUEUED" }] });
    expect(await pass(small)).toBe(small);
    expect(await archived("job-small")).toBe(true);
    const big = JSON.stringify({
      object: "list",
      data: [{ id: "job-big", status: "QUEUED", padding: "x".repeat(5 * 1024 * 1024) }],
    });
    expect(await pass(big)).toBe(big);
    expect(await archived("job-big")).toBe(false);
  });

  it("a job the console never saw is a 404 that says why", async () => {
    const response = await item(viewer, "never-seen");
    expect(response.status).toBe(404);
    expect(String((await bodyOf(response)).message)).toMatch(/never showed it/);
  });

  it("is for signed-in callers only", async () => {
    expect((await list(null)).status).toBe(401);
  });
});
