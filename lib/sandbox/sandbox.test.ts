import { afterEach, describe, expect, it, vi } from "vitest";
import { seedOperations as operations } from "@/lib/mistral/seed-operations";
import { schemaValidator } from "@/lib/mistral/spec";
import type {
  DetailedJobOut,
  FTModelOut,
  JobOut,
  ModelCard,
  ModelList,
  UploadFileOut,
} from "@/lib/mistral/seed-types";
import { SANDBOX_AGENTS } from "./generation";
import { seedModels } from "./index";
import {
  checkedOperations,
  jsonlFile,
  manualClock,
  openSandbox,
  type TestSandbox,
} from "./test/helpers";

let sb: TestSandbox;
afterEach(() => sb?.close());

/** Reads an SSE body and checks every chunk against the spec's CompletionChunk. */
async function sseChunks(res: Response): Promise<Record<string, unknown>[]> {
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const text = await res.text();
  const events = text.split("\n\n").filter((e) => e.trim());
  expect(events.at(-1)).toBe("data: [DONE]");
  const validate = schemaValidator("CompletionChunk");
  return events.slice(0, -1).map((e) => {
    expect(e.startsWith("data: ")).toBe(true);
    const chunk = JSON.parse(e.slice("data: ".length)) as Record<string, unknown>;
    if (!validate(chunk)) throw new Error(`Off-spec chunk: ${JSON.stringify(validate.errors)}`);
    return chunk;
  });
}

/** A fine-tuned model, made by a job run to the end on a manual clock. */
async function fineTunedModel(clock: ReturnType<typeof manualClock>): Promise<string> {
  const file = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(10))).body;
  const job = (
    await sb.api<JobOut>("POST", "/v1/fine_tuning/jobs", {
      model: "codestral-latest",
      training_files: [{ file_id: file.id }],
      hyperparameters: { training_steps: 10 },
    })
  ).body;
  clock.advance(60_000);
  return (await sb.api<DetailedJobOut>("GET", `/v1/fine_tuning/jobs/${job.id}`)).body
    .fine_tuned_model!;
}

describe("every operation answers per the spec", () => {
  it("covers all 19 operations with spec-valid answers", async () => {
    const clock = manualClock();
    sb = openSandbox({ now: clock.now, tokensPerSecond: 10_000 });

    await sb.api<ModelList>("GET", "/v1/models");
    await sb.api<ModelCard>("GET", "/v1/models/mistral-small-latest");
    const file = (await sb.api<UploadFileOut>("POST", "/v1/files", jsonlFile(10))).body;
    await sb.api("GET", "/v1/files");
    await sb.api("GET", `/v1/files/${file.id}`);
    await sb.api("POST", "/v1/fine_tuning/jobs?dry_run=true", {
      model: "mistral-small-latest",
      training_files: [{ file_id: file.id }],
      hyperparameters: {},
    });
    const manual = (
      await sb.api<JobOut>("POST", "/v1/fine_tuning/jobs", {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: { training_steps: 10 },
        auto_start: false,
      })
    ).body;
    await sb.api("GET", "/v1/fine_tuning/jobs?page=0&page_size=10");
    clock.advance(20_000);
    await sb.api("POST", `/v1/fine_tuning/jobs/${manual.id}/start`);
    const toCancel = (
      await sb.api<JobOut>("POST", "/v1/fine_tuning/jobs", {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: {},
      })
    ).body;
    await sb.api("POST", `/v1/fine_tuning/jobs/${toCancel.id}/cancel`);
    clock.advance(60_000);
    const done = (await sb.api<DetailedJobOut>("GET", `/v1/fine_tuning/jobs/${manual.id}`)).body;
    const ft = done.fine_tuned_model!;
    await sb.api("GET", `/v1/models/${ft}`);
    await sb.api("PATCH", `/v1/fine_tuning/models/${ft}`, {
      name: "Capitals",
      description: "Knows capitals",
    });
    await sb.api("POST", `/v1/fine_tuning/models/${ft}/archive`);
    await sb.api("DELETE", `/v1/fine_tuning/models/${ft}/archive`);

    const messages = [{ role: "user", content: "Name three rivers of Europe." }];
    await sb.api("POST", "/v1/chat/completions", { model: ft, messages });
    await sb.api("POST", "/v1/chat/completions", {
      model: "mistral-small-latest",
      messages,
      max_tokens: 5,
    });
    await sb.api("POST", "/v1/fim/completions", {
      model: "codestral-latest",
      prompt: "def add(a, b):",
      suffix: "\n",
    });
    await sb.api("POST", "/v1/agents/completions", { agent_id: SANDBOX_AGENTS[0].id, messages });
    await sb.api("POST", "/v1/embeddings", {
      model: "mistral-embed",
      input: ["one text", "another"],
    });
    await sb.api("DELETE", `/v1/models/${ft}`);
    await sb.api("DELETE", `/v1/files/${file.id}`);

    expect([...checkedOperations].sort()).toEqual(operations.map((o) => o.id).sort());
  });

  it("streams chat and FIM in the spec's chunk format", async () => {
    sb = openSandbox({ tokensPerSecond: 10_000 });
    const chat = await sb.call("POST", "/v1/chat/completions", {
      model: "mistral-small-latest",
      messages: [{ role: "user", content: "Say hello" }],
      stream: true,
    });
    const chunks = await sseChunks(chat);
    expect(chunks[0]).toMatchObject({ choices: [{ delta: { role: "assistant", content: "" } }] });
    expect(chunks.at(-1)).toMatchObject({ usage: expect.any(Object) });
    const fim = await sb.call("POST", "/v1/fim/completions", {
      model: "codestral-latest",
      prompt: "function square(x) {",
      suffix: "}",
      stream: true,
    });
    expect((await sseChunks(fim)).length).toBeGreaterThan(1);
  });
});

describe("routing and validation", () => {
  it("answers unknown paths and methods like the real API", async () => {
    sb = openSandbox();
    const notFound = await sb.call("GET", "/v1/nothing-here");
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ detail: "Not Found" });
    const wrongMethod = await sb.call("PUT", "/v1/files");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST, GET");
    expect(await wrongMethod.json()).toEqual({ detail: "Method Not Allowed" });
  });

  it("answers 501 naming the operation for today's operations it does not simulate", async () => {
    sb = openSandbox();
    const res = await sb.call("GET", "/v1/libraries");
    expect(res.status).toBe(501);
    expect(await res.json()).toEqual({
      object: "error",
      type: "not_implemented",
      code: "not_simulated",
      param: null,
      message: expect.stringContaining("GET /v1/libraries (libraries_list_v1) is not simulated"),
    });
  });

  it("decodes percent-encoded ids as SDKs send them, but never into separators", async () => {
    const clock = manualClock();
    sb = openSandbox({ now: clock.now });
    const id = await fineTunedModel(clock);
    const encoded = encodeURIComponent(id);
    expect(encoded).toContain("%3A");
    const res = await sb.api<FTModelOut>("GET", `/v1/models/${encoded}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(id);
    expect((await sb.call("GET", "/v1/models/a%2Fb")).status).toBe(404);
    expect((await sb.call("GET", "/v1/files%2F..%2Fmodels")).status).toBe(404);
  });

  it("refuses malformed and empty JSON bodies with 422 on the body", async () => {
    sb = openSandbox();
    const bad = await sb.api<{ message: { detail: { loc: unknown[]; type: string }[] } }>(
      "POST",
      "/v1/chat/completions",
      "{nope",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.message.detail[0]).toMatchObject({ loc: ["body"], type: "json_invalid" });
    const empty = await sb.api<{ message: { detail: unknown[] } }>("POST", "/v1/embeddings", "");
    expect(empty.body.message.detail).toEqual([
      { loc: ["body"], msg: "Field required", type: "missing" },
    ]);
  });

  it("names the field that breaks the spec, including additionalProperties: false", async () => {
    sb = openSandbox();
    const res = await sb.api<{ message: { detail: unknown[] } }>("POST", "/v1/chat/completions", {
      model: "mistral-small-latest",
      messages: [{ role: "user", content: "hi" }],
      temperature: "hot",
      surprise: true,
    });
    expect(res.status).toBe(422);
    expect(res.body.message.detail).toEqual(
      expect.arrayContaining([
        {
          loc: ["body", "temperature"],
          msg: "Input should be a valid number",
          type: "number_type",
          input: "hot",
        },
        {
          loc: ["body", "surprise"],
          msg: "Extra inputs are not permitted",
          type: "extra_forbidden",
          input: true,
        },
      ]),
    );
  });

  it("never throws: an internal failure is a 500 JSON error without a stack", async () => {
    sb = openSandbox();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    sb.sandbox.close(); // the store is gone: every store call fails
    const res = await sb.sandbox.handle(new Request("http://x/v1/files"));
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toMatchObject({ object: "error", type: "internal_server_error" });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|node_modules|stack/i);
    expect(logged).toHaveBeenCalledOnce(); // the details go to the server log instead
    logged.mockRestore();
    sb.reopen();
  });
});

describe("models", () => {
  it("lists realistic base models with aliases, capabilities and context lengths", async () => {
    sb = openSandbox();
    const { body } = await sb.api<ModelList>("GET", "/v1/models");
    const byId = new Map(body.data!.map((m) => [m.id, m]));
    for (const id of [
      "open-mistral-7b",
      "open-mixtral-8x7b",
      "open-mixtral-8x22b",
      "mistral-small-latest",
      "mistral-large-latest",
      "codestral-latest",
      "open-mistral-nemo",
      "mistral-embed",
      "mistral-tiny",
      "mistral-large-2407",
      "codestral-2405",
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(byId.get("codestral-latest")!.capabilities.completion_fim).toBe(true);
    expect(byId.get("mistral-embed")!.capabilities.completion_chat).toBe(false);
    expect(byId.get("mistral-large-latest")!.max_context_length).toBe(262144);
    expect(byId.get("mistral-large-latest")!.aliases).toContain("mistral-large-2512");
    // Retired models stay listed with their date and replacement.
    expect(byId.get("mistral-large-2407")).toMatchObject({
      deprecation: expect.any(String),
      deprecation_replacement_model: "mistral-large-latest",
    });
    for (const m of body.data!) expect((m as { type?: string }).type, m.id).toBe("base");
    // Fine-tuning starts from today's bases; the 2024 ones retired with their cards.
    const tunable = body.data!.filter((m) => m.capabilities.fine_tuning).map((m) => m.id);
    expect(tunable).toEqual(
      expect.arrayContaining([
        "mistral-small-latest",
        "codestral-latest",
        "mistral-large-latest",
        "ministral-8b-latest",
      ]),
    );
    for (const m of body.data!) {
      if (m.capabilities.fine_tuning) expect(m.deprecation ?? null, m.id).toBeNull();
    }
    expect(tunable).not.toContain("open-mistral-7b");
    expect(tunable).not.toContain("open-mistral-nemo");
  });

  it("refuses to delete, archive or rename base models, and 404s unknown ids", async () => {
    sb = openSandbox();
    for (const [method, url, body] of [
      ["DELETE", "/v1/models/mistral-large-latest"],
      ["POST", "/v1/fine_tuning/models/mistral-large-latest/archive"],
      ["DELETE", "/v1/fine_tuning/models/mistral-large-latest/archive"],
      ["PATCH", "/v1/fine_tuning/models/mistral-large-latest", { name: "x" }],
    ] as const) {
      const res = await sb.api(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(400);
      expect(String(res.body.message)).toMatch(/base model/);
    }
    for (const [method, url] of [
      ["GET", "/v1/models/ft:open-mistral-7b:nope:20240101:deadbeef"],
      ["DELETE", "/v1/models/ft:open-mistral-7b:nope:20240101:deadbeef"],
      ["POST", "/v1/fine_tuning/models/ft:open-mistral-7b:nope:20240101:deadbeef/archive"],
    ] as const) {
      expect((await sb.api(method, url)).status).toBe(404);
    }
  });

  it("updates, archives, unarchives and deletes a fine-tuned model", async () => {
    const clock = manualClock();
    sb = openSandbox({ now: clock.now });
    const id = await fineTunedModel(clock);
    const card = (await sb.api<FTModelOut>("GET", `/v1/models/${id}`)).body;
    expect(card).toMatchObject({
      root: "codestral-latest",
      archived: false,
      name: null,
      description: null,
    });
    expect(card.capabilities).toMatchObject({ completion_fim: true, fine_tuning: false });

    const updated = await sb.api<FTModelOut>("PATCH", `/v1/fine_tuning/models/${id}`, {
      name: "Coder",
    });
    expect(updated.body).toMatchObject({ name: "Coder", description: null });
    const described = await sb.api<FTModelOut>("PATCH", `/v1/fine_tuning/models/${id}`, {
      description: "Writes SQL",
    });
    expect(described.body).toMatchObject({ name: "Coder", description: "Writes SQL" });

    expect((await sb.api("POST", `/v1/fine_tuning/models/${id}/archive`)).body).toEqual({
      id,
      object: "model",
      archived: true,
    });
    expect((await sb.api<FTModelOut>("GET", `/v1/models/${id}`)).body.archived).toBe(true);
    expect((await sb.api("DELETE", `/v1/fine_tuning/models/${id}/archive`)).body).toEqual({
      id,
      object: "model",
      archived: false,
    });

    sb.reopen(); // the changes are stored
    expect((await sb.api<FTModelOut>("GET", `/v1/models/${id}`)).body).toMatchObject({
      name: "Coder",
      archived: false,
    });

    expect((await sb.api("DELETE", `/v1/models/${id}`)).body).toEqual({
      id,
      object: "model",
      deleted: true,
    });
    expect((await sb.api("GET", `/v1/models/${id}`)).status).toBe(404);
    const list = (await sb.api<ModelList>("GET", "/v1/models")).body.data!;
    expect(list.some((m) => m.id === id)).toBe(false);
    // A deleted model cannot be used for chat.
    const chat = await sb.call("POST", "/v1/chat/completions", {
      model: id,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(chat.status).toBeGreaterThanOrEqual(400);
  });

  it("seeds many fine-tuned models quickly", async () => {
    sb = openSandbox();
    sb.sandbox.close();
    const started = performance.now();
    expect(seedModels(sb.dir, 2000)).toBe(2000);
    const seconds = (performance.now() - started) / 1000;
    expect(seedModels(sb.dir, 2000)).toBe(0); // idempotent: counts what exists
    sb.reopen();
    const list = (await sb.api<ModelList>("GET", "/v1/models")).body.data!;
    const ft = list.filter((m) => m.id.startsWith("ft:"));
    expect(ft).toHaveLength(2000);
    expect(new Set(ft.map((m) => m.id)).size).toBe(2000);
    expect(seconds).toBeLessThan(15);
    const jobs = await sb.api<{ total: number }>(
      "GET",
      "/v1/fine_tuning/jobs?status=SUCCESS&page_size=1",
    );
    expect(jobs.body.total).toBe(2000);
  });
});
