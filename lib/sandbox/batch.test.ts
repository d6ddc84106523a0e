// Batch jobs: today's shapes (spec + the SDK 2.x's zod models), progress on a manual clock,
// output and error files, cancellation, list filters, restarts.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  BatchJob$inboundSchema,
  DeleteBatchJobResponse$inboundSchema,
  ListBatchJobsResponse$inboundSchema,
} from "@mistralai/mistralai/models/components";
import { afterEach, describe, expect, it } from "vitest";
import { storeSandboxFile } from "./files";
import { openStore } from "./store";
import { manualClock, openSandbox, type TestSandbox } from "./test/helpers";
import { todayApi } from "./test/today";

type Job = Record<string, unknown> & { id: string; status: string };

let t: TestSandbox | undefined;
afterEach(() => t?.close());

function setup() {
  const clock = manualClock();
  t = openSandbox({ now: clock.now, speed: 1 });
  return { t, clock };
}

/** The bytes of a sandbox file (the content route belongs to the files module). */
const fileText = (t: TestSandbox, id: string) =>
  readFileSync(path.join(t.dir, "sandbox", "files", `${id}.jsonl`), "utf8");

const chat = (text: string) => ({ messages: [{ role: "user", content: text }], max_tokens: 20 });

async function getJob(t: TestSandbox, id: string, query = ""): Promise<Job> {
  const res = await todayApi<Job>(t, "GET", `/v1/batch/jobs/${id}${query}`);
  expect(res.status).toBe(200);
  BatchJob$inboundSchema.parse(res.body);
  return res.body;
}

describe("batch jobs", () => {
  it("run inline chat requests over time and write output and error files", async () => {
    const { t, clock } = setup();
    const created = await todayApi<Job>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
      metadata: { team: "search" },
      requests: [
        { custom_id: "a", body: chat("Name a river") },
        { custom_id: "b", body: { messages: "not a list" } },
        { custom_id: "c", body: chat("Name a mountain") },
        { custom_id: "d", body: chat("Name a lake") },
      ],
    });
    expect(created.status).toBe(200);
    expect(BatchJob$inboundSchema.parse(created.body).status).toBe("QUEUED");
    expect(created.body).toMatchObject({
      total_requests: 4,
      completed_requests: 0,
      output_file: null,
    });

    // Queued for 2 s, then 500 ms per request at speed 1.
    clock.advance(2_000 + 1_000);
    const running = await getJob(t, created.body.id);
    expect(running).toMatchObject({
      status: "RUNNING",
      completed_requests: 2,
      succeeded_requests: 1,
      failed_requests: 1,
    });
    expect(running.started_at).toBe((running.created_at as number) + 2);

    clock.advance(1_000);
    const done = await getJob(t, created.body.id, "?inline=true");
    expect(done).toMatchObject({
      status: "SUCCESS",
      completed_requests: 4,
      succeeded_requests: 3,
      failed_requests: 1,
    });
    expect((done.errors as { count: number }[])[0].count).toBe(1);
    expect((done.outputs as unknown[]).length).toBe(4);

    const output = fileText(t, done.output_file as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(output.map((l) => l.custom_id)).toEqual(["a", "c", "d"]);
    expect(output[0].response.status_code).toBe(200);
    expect(output[0].response.body.choices[0].message.content).toMatch(/^\[sandbox\]/);
    const errors = fileText(t, done.error_file as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ custom_id: "b", response: { status_code: 422 } });

    // The output is a sandbox file, and reading the job again does not write it twice.
    const file = await t.call("GET", `/v1/files/${done.output_file as string}`);
    expect(file.status).toBe(200);
    expect((await getJob(t, created.body.id)).output_file).toBe(done.output_file);
  });

  it("reads its requests from an uploaded batch file and survives a restart", async () => {
    const { t, clock } = setup();
    // The upload route of this branch only takes fine-tuning data; store the batch file directly.
    const store = openStore(t.dir);
    const input = storeSandboxFile(
      { store, now: clock.now, speed: 1, maxUploadBytes: 1 },
      {
        filename: "batch.jsonl",
        sampleType: "batch_request",
        content:
          [1, 2, 3]
            .map((i) => JSON.stringify({ custom_id: `e${i}`, body: { input: [`text ${i}`] } }))
            .join("\n") + "\n",
      },
    );
    store.close();
    const created = await todayApi<Job>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/embeddings",
      model: "mistral-embed",
      input_files: [input],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ input_files: [input], total_requests: 3 });

    t.reopen({ now: clock.now, speed: 40 }); // a job keeps the speed it was created at
    clock.advance(2_000 + 1_500);
    const done = await getJob(t, created.body.id);
    expect(done).toMatchObject({ status: "SUCCESS", succeeded_requests: 3, error_file: null });
    const lines = fileText(t, done.output_file as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[2].response.body.data[0].embedding).toHaveLength(1024);
  });

  it("cancels a running job: progress stops, what was done is written", async () => {
    const { t, clock } = setup();
    const created = await todayApi<Job>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/fim/completions",
      model: "codestral-latest",
      requests: Array.from({ length: 10 }, (_, i) => ({ body: { prompt: `def f${i}(` } })),
    });
    clock.advance(2_000 + 1_600);
    const cancelling = await todayApi<Job>(t, "POST", `/v1/batch/jobs/${created.body.id}/cancel`);
    expect(cancelling.status).toBe(200);
    expect(cancelling.body).toMatchObject({
      status: "CANCELLATION_REQUESTED",
      completed_requests: 3,
    });
    clock.advance(5_000);
    const cancelled = await getJob(t, created.body.id);
    expect(cancelled).toMatchObject({
      status: "CANCELLED",
      completed_requests: 3,
      succeeded_requests: 3,
    });
    expect(
      fileText(t, cancelled.output_file as string)
        .trim()
        .split("\n"),
    ).toHaveLength(3);
    const again = await todayApi(t, "POST", `/v1/batch/jobs/${created.body.id}/cancel`);
    expect(again.body).toMatchObject({ status: "CANCELLED" });
  });

  it("runs chat requests on the job's agent", async () => {
    const { t, clock } = setup();
    const created = await todayApi<Job>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/chat/completions",
      agent_id: "ag:sandbox:20240801:json-extractor:a4e06c92",
      // No max_tokens: a cut-off JSON answer would not parse.
      requests: [
        { body: { messages: [{ role: "user", content: "Extract the city: I live in Lyon" }] } },
      ],
    });
    expect(created.status).toBe(200);
    clock.advance(10_000);
    const done = await getJob(t, created.body.id, "?inline=true");
    expect(done).toMatchObject({
      status: "SUCCESS",
      succeeded_requests: 1,
      agent_id: expect.any(String),
    });
    const [line] = done.outputs as {
      response: { body: { choices: { message: { content: string } }[] } };
    }[];
    // The JSON extractor agent always answers with a JSON object.
    expect(() => JSON.parse(line.response.body.choices[0].message.content)).not.toThrow();
  });

  it("refuses to cancel a finished job", async () => {
    const { t, clock } = setup();
    const created = await todayApi<Job>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
      requests: [{ body: chat("hi") }],
    });
    clock.advance(10_000);
    const res = await todayApi(t, "POST", `/v1/batch/jobs/${created.body.id}/cancel`);
    expect(res.status).toBe(400);
  });

  it("lists with the spec's filters, pages, and deletes", async () => {
    const { t, clock } = setup();
    const make = (model: string, team: string) =>
      todayApi<Job>(t, "POST", "/v1/batch/jobs", {
        endpoint: "/v1/chat/completions",
        model,
        metadata: { team },
        requests: [{ body: chat("hi") }],
      });
    const a = await make("mistral-small-latest", "x");
    clock.advance(10_000);
    const b = await make("mistral-large-latest", "y");
    const list = async (query: string) => {
      const res = await todayApi<{ data: Job[]; total: number }>(
        t,
        "GET",
        `/v1/batch/jobs${query}`,
      );
      expect(res.status).toBe(200);
      ListBatchJobsResponse$inboundSchema.parse(res.body);
      return res.body;
    };
    expect((await list("")).data.map((j) => j.id)).toEqual([b.body.id, a.body.id]);
    expect((await list("?order_by=created")).data.map((j) => j.id)).toEqual([a.body.id, b.body.id]);
    expect((await list("?status=SUCCESS")).data.map((j) => j.id)).toEqual([a.body.id]);
    expect((await list("?model=mistral-large-latest")).data.map((j) => j.id)).toEqual([b.body.id]);
    expect((await list(`?metadata=${encodeURIComponent('{"team":"x"}')}`)).total).toBe(1);
    expect(await list("?page=1&page_size=1")).toMatchObject({
      total: 2,
      data: [{ id: a.body.id }],
    });
    expect((await todayApi(t, "GET", "/v1/batch/jobs?status=DONE")).status).toBe(422);

    const deleted = await todayApi(t, "DELETE", `/v1/batch/jobs/${a.body.id}`);
    expect(DeleteBatchJobResponse$inboundSchema.parse(deleted.body)).toMatchObject({
      deleted: true,
    });
    expect((await todayApi(t, "GET", `/v1/batch/jobs/${a.body.id}`)).status).toBe(404);
    expect((await list("")).total).toBe(1);
  });

  it("answers 422 for a body off today's schema and 400 for an endpoint it does not run", async () => {
    const { t } = setup();
    expect((await todayApi(t, "POST", "/v1/batch/jobs", { model: "x", requests: [] })).status).toBe(
      422,
    );
    expect(
      (
        await todayApi(t, "POST", "/v1/batch/jobs", {
          endpoint: "/v1/chat/completions",
          model: "mistral-small-latest",
        })
      ).status,
    ).toBe(422);
    const unknownEndpoint = await todayApi(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/audio/transcriptions",
      model: "voxtral-mini-latest",
      requests: [{ body: {} }],
    });
    expect(unknownEndpoint.status).toBe(400);
  });
});
