import { afterEach, describe, expect, it } from "vitest";
import { countTokens } from "@/lib/mistral/tokens";
import type {
  DetailedJobOut,
  JobOut,
  JobsOut,
  LegacyJobMetadataOut,
  ModelList,
  UploadFileOut,
} from "@/lib/mistral/seed-types";
import {
  INSTRUCT_LINE,
  jsonlFile,
  manualClock,
  openSandbox,
  type TestSandbox,
} from "./test/helpers";

// At speed 40: queued 100 ms, validating 200 ms, running 1200 ms, cancelling 75 ms.
const SPEED = 40;
const VALIDATED_AT = 300;
const RUN_MS = 1200;

let sb: TestSandbox;
afterEach(() => sb?.close());

function setup() {
  const clock = manualClock();
  sb = openSandbox({ speed: SPEED, now: clock.now });
  return clock;
}

async function upload(lines = 20, name = "train.jsonl"): Promise<UploadFileOut> {
  const { status, body } = await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(lines, name));
  expect(status).toBe(200);
  return body;
}

async function createJob(extra: Record<string, unknown> = {}, fileId?: string): Promise<JobOut> {
  const file = fileId ?? (await upload()).id;
  const { status, body } = await sb.api<JobOut>("POST", "/v1/fine_tuning/jobs", {
    model: "mistral-small-latest",
    training_files: [{ file_id: file }],
    hyperparameters: { training_steps: 20 },
    ...extra,
  });
  expect(status).toBe(200);
  return body;
}

async function getJob(id: string): Promise<DetailedJobOut> {
  const { status, body } = await sb.api<DetailedJobOut>("GET", `/v1/fine_tuning/jobs/${id}`);
  expect(status).toBe(200);
  return body;
}

const statuses = (job: DetailedJobOut) =>
  job.events!.map((e) => (e.data as { status: string }).status);

describe("fine-tuning job lifecycle", () => {
  it("auto-starts, checkpoints every 10% of steps and produces a fine-tuned model", async () => {
    const clock = setup();
    const created = await createJob({ suffix: "capitals" });
    expect(created).toMatchObject({
      status: "QUEUED",
      auto_start: true,
      fine_tuned_model: null,
      object: "job",
    });

    clock.advance(150);
    expect((await getJob(created.id)).status).toBe("VALIDATING");
    clock.advance(VALIDATED_AT - 150 + 1);
    let job = await getJob(created.id);
    expect(job.status).toBe("RUNNING");
    expect(statuses(job)).toEqual(["QUEUED", "VALIDATING", "VALIDATED", "RUNNING"]);
    expect(job.events!.every((e) => e.name === "status-updated")).toBe(true);

    clock.advance(RUN_MS / 2);
    job = await getJob(created.id);
    expect(job.checkpoints!.map((c) => c.step_number)).toEqual([2, 4, 6, 8, 10]);

    clock.advance(RUN_MS / 2);
    job = await getJob(created.id);
    expect(job.status).toBe("SUCCESS");
    expect(statuses(job)).toEqual(["QUEUED", "VALIDATING", "VALIDATED", "RUNNING", "SUCCESS"]);
    const checkpoints = job.checkpoints!;
    expect(checkpoints.map((c) => c.step_number)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    const losses = checkpoints.map((c) => c.metrics.train_loss!);
    expect(losses[0]).toBeGreaterThan(losses.at(-1)!);
    expect(checkpoints.every((c) => c.metrics.valid_loss === null)).toBe(true); // no validation files
    expect(checkpoints.every((c) => typeof c.metrics.valid_mean_token_accuracy === "number")).toBe(
      true,
    );
    expect(job.trained_tokens).toBe(20 * 131072);
    expect(job.fine_tuned_model).toBe(
      `ft:mistral-small-latest:capitals:20240730:${created.id.replace(/-/g, "").slice(0, 8)}`,
    );

    const models = await sb.api<ModelList>("GET", "/v1/models");
    const ft = models.body.data!.find((m) => m.id === job.fine_tuned_model);
    expect(ft).toMatchObject({
      root: "mistral-small-latest",
      job: created.id,
      archived: false,
      object: "model",
    });
  });

  it("shows the model of a job that finished while nobody watched it", async () => {
    const clock = setup();
    const created = await createJob({ suffix: "unwatched" });
    clock.advance(VALIDATED_AT + RUN_MS);
    const models = (await sb.api<ModelList>("GET", "/v1/models")).body.data!;
    const ft = models.find((m) => m.id.startsWith("ft:mistral-small-latest:unwatched:"));
    expect(ft).toMatchObject({ job: created.id });
    const listed = (await sb.api<JobsOut>("GET", "/v1/fine_tuning/jobs")).body.data![0];
    expect(listed).toMatchObject({ status: "SUCCESS", fine_tuned_model: ft!.id });
  });

  it("names the model with 8 hex characters when there is no suffix", async () => {
    const clock = setup();
    const created = await createJob();
    clock.advance(VALIDATED_AT + RUN_MS);
    const job = await getJob(created.id);
    expect(job.fine_tuned_model).toMatch(
      /^ft:mistral-small-latest:[0-9a-f]{8}:20240730:[0-9a-f]{8}$/,
    );
  });

  it("waits in VALIDATED until started when auto_start is false", async () => {
    const clock = setup();
    const created = await createJob({ auto_start: false });
    const early = await sb.api("POST", `/v1/fine_tuning/jobs/${created.id}/start`);
    expect(early.status).toBe(400);
    expect(String(early.body.message)).toMatch(/cannot be started yet/);

    clock.advance(60_000); // long after validation: still waiting for a start
    expect((await getJob(created.id)).status).toBe("VALIDATED");

    const started = await sb.api<DetailedJobOut>(
      "POST",
      `/v1/fine_tuning/jobs/${created.id}/start`,
    );
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("RUNNING");
    const again = await sb.api("POST", `/v1/fine_tuning/jobs/${created.id}/start`);
    expect(again.status).toBe(400);

    clock.advance(RUN_MS);
    const done = await getJob(created.id);
    expect(done.status).toBe("SUCCESS");
    expect(statuses(done)).toEqual(["QUEUED", "VALIDATING", "VALIDATED", "RUNNING", "SUCCESS"]);
  });

  it("cancels a running job: checkpoints stop and no model is made", async () => {
    const clock = setup();
    const created = await createJob();
    clock.advance(VALIDATED_AT + RUN_MS * 0.35);
    const requested = await sb.api<DetailedJobOut>(
      "POST",
      `/v1/fine_tuning/jobs/${created.id}/cancel`,
    );
    expect(requested.status).toBe(200);
    expect(requested.body.status).toBe("CANCELLATION_REQUESTED");
    expect(requested.body.checkpoints!.length).toBe(3);

    clock.advance(RUN_MS);
    const job = await getJob(created.id);
    expect(job.status).toBe("CANCELLED");
    expect(statuses(job)).toEqual([
      "QUEUED",
      "VALIDATING",
      "VALIDATED",
      "RUNNING",
      "CANCELLATION_REQUESTED",
      "CANCELLED",
    ]);
    expect(job.checkpoints!.length).toBe(3);
    expect(job.fine_tuned_model).toBeNull();
    const refused = await sb.api("POST", `/v1/fine_tuning/jobs/${created.id}/cancel`);
    expect(refused.status).toBe(400);
  });

  it("cancels a job that has not started yet", async () => {
    const clock = setup();
    const created = await createJob({ auto_start: false });
    clock.advance(VALIDATED_AT + 10);
    await sb.api("POST", `/v1/fine_tuning/jobs/${created.id}/cancel`);
    clock.advance(1000);
    expect(statuses(await getJob(created.id))).toEqual([
      "QUEUED",
      "VALIDATING",
      "VALIDATED",
      "CANCELLATION_REQUESTED",
      "CANCELLED",
    ]);
  });

  it("fails validation when a training file disappears before validation", async () => {
    const clock = setup();
    const file = await upload();
    const created = await createJob({}, file.id);
    await sb.api("DELETE", `/v1/files/${file.id}`);
    clock.advance(VALIDATED_AT + RUN_MS);
    const job = await getJob(created.id);
    expect(job.status).toBe("FAILED_VALIDATION");
    expect(statuses(job)).toEqual(["QUEUED", "VALIDATING", "FAILED_VALIDATION"]);
    expect(job.checkpoints).toEqual([]);
  });

  it("keeps a validated job going when its file is deleted afterwards, even unobserved", async () => {
    const clock = setup();
    const file = await upload();
    const created = await createJob({}, file.id);
    clock.advance(VALIDATED_AT + 10); // validated, but nobody has read the job since
    await sb.api("DELETE", `/v1/files/${file.id}`);
    clock.advance(RUN_MS);
    expect((await getJob(created.id)).status).toBe("SUCCESS");
  });

  it("reports validation metrics with validation files, on a curve fixed by the job id", async () => {
    const clock = setup();
    const train = await upload(30);
    const valid = await upload(5, "valid.jsonl");
    const a = await createJob({ validation_files: [valid.id] }, train.id);
    const b = await createJob({ validation_files: [valid.id] }, train.id);
    clock.advance(VALIDATED_AT + RUN_MS);
    const jobA = await getJob(a.id);
    const jobB = await getJob(b.id);
    expect(jobA.checkpoints!.every((c) => typeof c.metrics.valid_loss === "number")).toBe(true);
    expect(jobA.checkpoints!.map((c) => c.metrics)).not.toEqual(
      jobB.checkpoints!.map((c) => c.metrics),
    );
    const acc = jobA.checkpoints!.map((c) => c.metrics.valid_mean_token_accuracy!);
    expect(acc.at(-1)!).toBeGreaterThan(acc[0]);
  });

  it("continues correctly after the sandbox is closed and re-created on the same data", async () => {
    const clock = setup();
    const created = await createJob({ suffix: "restart" });
    clock.advance(VALIDATED_AT + RUN_MS * 0.45);
    const before = await getJob(created.id);
    expect(before.status).toBe("RUNNING");
    expect(before.checkpoints!.length).toBe(4);

    sb.reopen();
    clock.advance(RUN_MS); // time passes while the sandbox is down
    sb.reopen();
    const after = await getJob(created.id);
    expect(after.status).toBe("SUCCESS");
    expect(after.events!.slice(0, before.events!.length)).toEqual(before.events);
    expect(after.checkpoints!.slice(0, 4)).toEqual(before.checkpoints);
    expect(after.checkpoints!.length).toBe(10);
    expect(statuses(after)).toEqual(["QUEUED", "VALIDATING", "VALIDATED", "RUNNING", "SUCCESS"]);
    const model = await sb.api("GET", `/v1/models/${after.fine_tuned_model}`);
    expect(model.status).toBe(200);
  });

  it("takes about a minute at speed 1", async () => {
    sb = openSandbox({ speed: 1 });
    const created = await createJob();
    expect(created.metadata?.expected_duration_seconds).toBe(60);
  });

  it("answers 404 for an unknown job", async () => {
    setup();
    const res = await sb.api("GET", "/v1/fine_tuning/jobs/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
  });
});

describe("creating jobs", () => {
  it("computes a dry run from the training files' real text", async () => {
    setup();
    const file = await upload(40);
    const expectedTokens = Array.from({ length: 40 }, (_, i) =>
      (JSON.parse(INSTRUCT_LINE(i)).messages as { content: string }[]).reduce(
        (n, m) => n + countTokens(m.content),
        0,
      ),
    ).reduce((a, b) => a + b, 0);
    const res = await sb.api<LegacyJobMetadataOut>("POST", "/v1/fine_tuning/jobs?dry_run=true", {
      model: "mistral-large-latest",
      training_files: [{ file_id: file.id, weight: 2 }],
      hyperparameters: { training_steps: 7 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      object: "job.metadata",
      data_tokens: expectedTokens * 2,
      train_tokens_per_step: 131072,
      train_tokens: 7 * 131072,
      training_steps: 7,
      cost_currency: "USD",
    });
    expect(res.body.epochs).toBeCloseTo((7 * 131072) / (expectedTokens * 2), 3);
    expect(res.body.cost).toBeCloseTo(((7 * 131072) / 1e6) * 9, 3);
    expect((await sb.api<JobsOut>("GET", "/v1/fine_tuning/jobs")).body.total).toBe(0); // nothing created
  });

  it("derives the steps from epochs", async () => {
    setup();
    const file = await upload(40);
    const res = await sb.api<LegacyJobMetadataOut>("POST", "/v1/fine_tuning/jobs?dry_run=1", {
      model: "mistral-small-latest",
      training_files: [{ file_id: file.id }],
      hyperparameters: { epochs: 3000 },
    });
    expect(res.body.training_steps).toBe(Math.ceil((3000 * res.body.data_tokens!) / 131072));
  });

  it("refuses unknown files, non fine-tuneable models and bad hyperparameters, naming the field", async () => {
    setup();
    const missing = "11111111-1111-4111-8111-111111111111";
    const noFile = await sb.api<{ message: { detail: { loc: unknown[] }[] } }>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "mistral-small-latest",
        training_files: [{ file_id: missing }],
        hyperparameters: {},
      },
    );
    expect(noFile.status).toBe(422);
    expect(noFile.body.message.detail[0].loc).toEqual(["body", "training_files", 0, "file_id"]);

    const file = await upload();
    const badModel = await sb.api<{ message: { detail: { loc: unknown[]; type: string }[] } }>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "open-mixtral-8x7b",
        training_files: [{ file_id: file.id }],
        hyperparameters: {},
      },
    );
    expect(badModel.status).toBe(422);
    expect(badModel.body.message.detail).toContainEqual(
      expect.objectContaining({ loc: ["body", "model"], type: "value_error" }),
    );

    const badRate = await sb.api<{ message: { detail: { loc: unknown[] }[] } }>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: { learning_rate: 5 },
      },
    );
    expect(badRate.body.message.detail).toEqual([
      {
        loc: ["body", "hyperparameters", "learning_rate"],
        msg: "Input should be less than or equal to 1",
        type: "less_than_equal",
        input: 5,
      },
    ]);

    const noHp = await sb.api<{ message: { detail: unknown[] } }>("POST", "/v1/fine_tuning/jobs", {
      model: "mistral-small-latest",
      training_files: [{ file_id: file.id }],
    });
    expect(noHp.body.message.detail).toEqual([
      { loc: ["body", "hyperparameters"], msg: "Field required", type: "missing" },
    ]);
  });

  it("refuses a retired base model, naming `model`, and trains today's bases", async () => {
    setup();
    const file = (await upload()).id;
    for (const model of ["open-mistral-7b", "open-mistral-nemo", "codestral-2405"]) {
      const res = await sb.api<{ message: { detail: { loc: unknown[]; msg: string }[] } }>(
        "POST",
        "/v1/fine_tuning/jobs",
        { model, training_files: [{ file_id: file }], hyperparameters: {} },
      );
      expect(res.status, model).toBe(422);
      expect(res.body.message.detail[0].loc).toEqual(["body", "model"]);
      expect(res.body.message.detail[0].msg).toContain(`'${model}' cannot be fine-tuned`);
    }
    for (const model of ["ministral-8b-latest", "codestral-latest", "mistral-medium-latest"]) {
      expect((await createJob({ model }, file)).model).toBe(model);
    }
  });

  it("trains a classifier job with its targets and keeps seq_len", async () => {
    const clock = setup();
    const file = (await upload()).id;
    const created = await createJob(
      {
        job_type: "classifier",
        hyperparameters: { training_steps: 10, seq_len: 2048 },
        classifier_targets: [
          { name: "topic", labels: ["sport", "politics"], weight: 2 },
          { name: "tone", labels: ["calm", "angry"], loss_function: "multi_class" },
        ],
      },
      file,
    );
    expect(created).toMatchObject({ job_type: "classifier" });
    expect(created.hyperparameters).toMatchObject({ training_steps: 10, seq_len: 2048 });
    expect(created.hyperparameters).not.toHaveProperty("fim_ratio");
    expect(created).not.toHaveProperty("repositories");
    clock.advance(VALIDATED_AT + RUN_MS);
    const done = await getJob(created.id);
    expect(done.status).toBe("SUCCESS");
    expect((done as unknown as { classifier_targets: unknown }).classifier_targets).toEqual([
      { name: "topic", labels: ["sport", "politics"], weight: 2, loss_function: "single_class" },
      { name: "tone", labels: ["calm", "angry"], weight: 1, loss_function: "multi_class" },
    ]);
    const completion = await createJob({ hyperparameters: { seq_len: 4096 } }, file);
    expect(completion.hyperparameters).toMatchObject({ seq_len: 4096 });
  });

  it("refuses classifier targets without labels or named twice, naming the field", async () => {
    setup();
    const file = (await upload()).id;
    const res = await sb.api<{ message: { detail: { loc: unknown[] }[] } }>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "ministral-8b-latest",
        job_type: "classifier",
        training_files: [{ file_id: file }],
        hyperparameters: {},
        classifier_targets: [
          { name: "topic", labels: ["a"] },
          { name: "topic", labels: [] },
        ],
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.message.detail.map((d) => d.loc)).toEqual([
      ["body", "classifier_targets", 1, "name"],
      ["body", "classifier_targets", 1, "labels"],
    ]);
    expect((await sb.api<JobsOut>("GET", "/v1/fine_tuning/jobs")).body.total).toBe(0);
  });

  it("refuses a suffix the real API refuses, naming `suffix` (issue 9.11)", async () => {
    setup();
    const file = (await upload()).id;
    for (const suffix of ["<svg onload=x>", "=1+1", "abc\u202Egnp.exe", "my\u200Bmodel", ""]) {
      for (const dry of ["", "?dry_run=true"]) {
        const res = await sb.api<{ message: { detail: { loc: unknown[]; type: string }[] } }>(
          "POST",
          `/v1/fine_tuning/jobs${dry}`,
          {
            model: "mistral-small-latest",
            training_files: [{ file_id: file }],
            hyperparameters: { training_steps: 2 },
            suffix,
          },
        );
        expect(res.status, JSON.stringify(suffix)).toBe(422);
        expect(res.body.message.detail).toEqual([
          {
            loc: ["body", "suffix"],
            msg: "String should match pattern '^[A-Za-z0-9._-]{1,18}$'",
            type: "string_pattern_mismatch",
          },
        ]);
      }
    }
    const tooLong = await sb.api<{ message: { detail: { loc: unknown[] }[] } }>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "mistral-small-latest",
        training_files: [{ file_id: file }],
        hyperparameters: { training_steps: 2 },
        suffix: "a".repeat(19),
      },
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message.detail.map((d) => d.loc)).toEqual([["body", "suffix"]]);
    // Nothing was created by the refused requests.
    expect((await sb.api<JobsOut>("GET", "/v1/fine_tuning/jobs")).body.total).toBe(0);

    const job = await createJob({ suffix: "my-model_v1.2" }, file);
    expect(job.suffix).toBe("my-model_v1.2");
    expect((await createJob({ suffix: "A".repeat(18) }, file)).suffix).toBe("A".repeat(18));
    expect((await createJob({ suffix: null }, file)).suffix).toBeNull();
  });

  it("echoes integrations and repositories without their secrets", async () => {
    setup();
    const job = await createJob({
      integrations: [{ type: "wandb", project: "proj", name: "run-1", api_key: "k".repeat(40) }],
      repositories: [{ type: "github", name: "repo", owner: "me", token: "secret-token" }],
    });
    expect(job.integrations).toEqual([
      { type: "wandb", project: "proj", name: "run-1", run_name: null },
    ]);
    expect(job.repositories![0]).toMatchObject({
      type: "github",
      name: "repo",
      owner: "me",
      weight: 1,
    });
    expect(JSON.stringify(job)).not.toMatch(/secret-token|kkkkkkkk/);
  });
});

describe("listing jobs", () => {
  it("supports every filter of the spec, pagination and total", async () => {
    const clock = setup();
    const file = (await upload()).id;
    const a = await createJob({ suffix: "alpha" }, file);
    clock.advance(5_000);
    const b = await createJob(
      {
        model: "codestral-latest",
        integrations: [{ type: "wandb", project: "p1", name: "n1", api_key: "x".repeat(40) }],
      },
      file,
    );
    const c = await createJob({ model: "codestral-latest", auto_start: false }, file);
    clock.advance(VALIDATED_AT + RUN_MS); // a and b succeed, c waits

    const list = async (q: string) => {
      const res = await sb.api<JobsOut>("GET", `/v1/fine_tuning/jobs${q}`);
      expect(res.status).toBe(200);
      return { ids: res.body.data!.map((j) => j.id), total: res.body.total };
    };
    expect(await list("")).toEqual({ ids: [c.id, b.id, a.id], total: 3 });
    expect(await list("?model=codestral-latest")).toEqual({ ids: [c.id, b.id], total: 2 });
    expect(await list("?status=VALIDATED")).toEqual({ ids: [c.id], total: 1 });
    expect(await list("?status=SUCCESS")).toEqual({ ids: [b.id, a.id], total: 2 });
    expect(await list("?suffix=alpha")).toEqual({ ids: [a.id], total: 1 });
    expect(await list("?wandb_project=p1")).toEqual({ ids: [b.id], total: 1 });
    expect(await list("?wandb_name=n1&wandb_project=p1")).toEqual({ ids: [b.id], total: 1 });
    expect(await list("?wandb_name=other")).toEqual({ ids: [], total: 0 });
    const after = new Date(a.created_at * 1000 + 1000).toISOString();
    expect(await list(`?created_after=${after}`)).toEqual({ ids: [c.id, b.id], total: 2 });
    expect(await list("?created_by_me=true")).toEqual({ ids: [c.id, b.id, a.id], total: 3 });
    expect(await list("?page=0&page_size=2")).toEqual({ ids: [c.id, b.id], total: 3 });
    expect(await list("?page=1&page_size=2")).toEqual({ ids: [a.id], total: 3 });
  });

  it("validates query parameters like the real API", async () => {
    setup();
    const res = await sb.api<{ message: { detail: { loc: unknown[] }[] } }>(
      "GET",
      "/v1/fine_tuning/jobs?page=two&status=DONE&created_by_me=maybe&created_after=yesterday",
    );
    expect(res.status).toBe(422);
    expect(res.body.message.detail.map((d) => d.loc)).toEqual([
      ["query", "page"],
      ["query", "created_after"],
      ["query", "created_by_me"],
      ["query", "status"],
    ]);
    const dry = await sb.api("POST", "/v1/fine_tuning/jobs?dry_run=perhaps", {});
    expect(dry.status).toBe(422);
  });

  it("refuses huge page numbers with 422 naming the parameter, never a 500 (issue 9.12b)", async () => {
    setup();
    await createJob();
    for (const [query, name, msg] of [
      ["page=99999999999999999999", "page", "Input should be less than or equal to 2147483647"],
      [
        "page_size=99999999999999999999",
        "page_size",
        "Input should be less than or equal to 2147483647",
      ],
      ["page=2147483648", "page", "Input should be less than or equal to 2147483647"],
      [
        "page=-99999999999999999999",
        "page",
        "Input should be greater than or equal to -2147483648",
      ],
    ]) {
      const res = await sb.api<{ message: { detail: unknown[] } }>(
        "GET",
        `/v1/fine_tuning/jobs?${query}`,
      );
      expect(res.status, query).toBe(422);
      expect(res.body.message.detail, query).toEqual([
        {
          loc: ["query", name],
          msg,
          type: msg.includes("less") ? "less_than_equal" : "greater_than_equal",
          input: expect.any(Number),
        },
      ]);
    }
    // The largest accepted values answer an empty page, not an error.
    const last = await sb.api<JobsOut>(
      "GET",
      "/v1/fine_tuning/jobs?page=2147483647&page_size=2147483647",
    );
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ data: [], total: 1 });
  });
});
