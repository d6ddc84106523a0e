// Issue 11: the sandbox's existing operations in today's shapes. Every answer is checked twice:
// against today's merged spec (lib/mistral/openapi.gen.yaml, through `sb.api`) and by the official
// SDK's own zod parsers (2.x; the fine-tuning jobs, which 2.x no longer has, with the last 1.x).
// Then today's request fields, the 422s' shape and precision, and the retired fine-tuning mode.
import * as sdk from "@mistralai/mistralai/models/components";
import * as sdkOps from "@mistralai/mistralai/models/operations";
import * as v1 from "mistral-v1-latest/models/components/index.js";
import * as v1Ops from "mistral-v1-latest/models/operations/index.js";
import { afterEach, describe, expect, it } from "vitest";
import { schemaValidator } from "@/lib/mistral/spec";
import { SANDBOX_AGENTS } from "./generation";
import { jsonlFile, manualClock, openSandbox, type TestSandbox } from "./test/helpers";

let sb: TestSandbox;
afterEach(() => sb?.close());

type Json = Record<string, unknown>;
interface Parser {
  parse(value: unknown): unknown;
}

/** SDK 2.x answers an unknown tag with `{ isUnknown: true, raw }` instead of throwing. */
function expectNoUnknown(value: unknown, where: string): void {
  if (Array.isArray(value)) return value.forEach((v) => expectNoUnknown(v, where));
  if (value && typeof value === "object") {
    expect((value as Json).isUnknown, `${where}: the SDK did not recognise a variant`).not.toBe(
      true,
    );
    Object.values(value).forEach((v) => expectNoUnknown(v, where));
  }
}

/** Calls, checks the answer against today's spec (sb.api) and parses it with the SDK. */
async function check<T = Json>(
  method: string,
  url: string,
  body: unknown,
  parser: Parser,
): Promise<T> {
  const res = await sb.api<T>(method, url, body);
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body).slice(0, 500)}`).toBe(200);
  const parsed = parser.parse(res.body);
  expectNoUnknown(parsed, `${method} ${url}`);
  return res.body;
}

const messages = [{ role: "user", content: "Name three rivers of Europe." }];

describe("every answer in today's shapes: today's spec and the official SDK", () => {
  it("models, files, fine-tuning jobs and models, chat, FIM, agents, embeddings", async () => {
    const clock = manualClock();
    sb = openSandbox({ now: clock.now, tokensPerSecond: 100_000 });

    const list = await check<{ data: Json[] }>(
      "GET",
      "/v1/models",
      undefined,
      sdk.ModelList$inboundSchema,
    );
    expect(list.data.every((m) => m.type === "base")).toBe(true);
    for (const id of [
      "magistral-medium-latest",
      "pixtral-12b",
      "mistral-ocr-latest",
      "voxtral-mini-latest",
      "codestral-embed",
      "mistral-moderation-latest",
      "devstral-small-latest",
    ]) {
      expect(
        list.data.some((m) => m.id === id),
        id,
      ).toBe(true);
    }
    const card = await check<Json>(
      "GET",
      "/v1/models/magistral-medium-latest",
      undefined,
      sdkOps.ResponseRetrieveModelV1ModelsModelIdGet$inboundSchema,
    );
    expect(card).toMatchObject({ type: "base", capabilities: { reasoning: true, vision: true } });

    const file = await check<Json>(
      "POST",
      "/v1/files",
      jsonlFile(10),
      sdk.CreateFileResponse$inboundSchema,
    );
    await check(
      "GET",
      "/v1/files?page=0&page_size=10&include_total=true&purpose=fine-tune",
      undefined,
      sdk.ListFilesResponse$inboundSchema,
    );
    const got = await check<Json>(
      "GET",
      `/v1/files/${file.id}`,
      undefined,
      sdk.GetFileResponse$inboundSchema,
    );
    expect(got.deleted).toBe(false);
    const signed = await check<{ url: string }>(
      "GET",
      `/v1/files/${file.id}/url?expiry=2`,
      undefined,
      sdk.GetSignedUrlResponse$inboundSchema,
    );
    expect(signed.url).toMatch(new RegExp(`/v1/files/${file.id}/content\\?se=.+&sp=r&sig=`));
    const content = await sb.call("GET", `/v1/files/${file.id}/content`);
    expect(content.status).toBe(200);
    expect(content.headers.get("content-type")).toBe("application/jsonl");
    expect(content.headers.get("content-disposition")).toContain('filename="train.jsonl"');
    const bytes = await content.text();
    expect(bytes.split("\n").filter(Boolean)).toHaveLength(10);
    expect(Number(content.headers.get("content-length"))).toBe(Buffer.byteLength(bytes));

    // Fine-tuning jobs (the 07-15 shapes), checked with the last SDK that has them (1.15).
    await check(
      "POST",
      "/v1/fine_tuning/jobs?dry_run=true",
      {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: {},
      },
      v1Ops.JobsApiRoutesFineTuningCreateFineTuningJobResponse$inboundSchema,
    );
    const completion = await check<Json>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: { training_steps: 10 },
        auto_start: false,
      },
      v1Ops.JobsApiRoutesFineTuningCreateFineTuningJobResponse$inboundSchema,
    );
    expect(completion.job_type).toBe("completion");
    const classifier = await check<Json>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "ministral-8b-latest",
        job_type: "classifier",
        training_files: [{ file_id: file.id }],
        hyperparameters: { training_steps: 5 },
        classifier_targets: [{ name: "topic", labels: ["sport", "politics"] }],
      },
      v1Ops.JobsApiRoutesFineTuningCreateFineTuningJobResponse$inboundSchema,
    );
    expect(classifier.job_type).toBe("classifier");
    await check(
      "GET",
      "/v1/fine_tuning/jobs?page=0&page_size=10",
      undefined,
      v1.JobsOut$inboundSchema,
    );
    clock.advance(20_000);
    await check(
      "POST",
      `/v1/fine_tuning/jobs/${completion.id}/start`,
      undefined,
      v1Ops.JobsApiRoutesFineTuningStartFineTuningJobResponse$inboundSchema,
    );
    const toCancel = await check<Json>(
      "POST",
      "/v1/fine_tuning/jobs",
      {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: {},
      },
      v1Ops.JobsApiRoutesFineTuningCreateFineTuningJobResponse$inboundSchema,
    );
    await check(
      "POST",
      `/v1/fine_tuning/jobs/${toCancel.id}/cancel`,
      undefined,
      v1Ops.JobsApiRoutesFineTuningCancelFineTuningJobResponse$inboundSchema,
    );
    clock.advance(70_000);
    const done = await check<Json>(
      "GET",
      `/v1/fine_tuning/jobs/${completion.id}`,
      undefined,
      v1Ops.JobsApiRoutesFineTuningGetFineTuningJobResponse$inboundSchema,
    );
    const doneClassifier = await check<Json>(
      "GET",
      `/v1/fine_tuning/jobs/${classifier.id}`,
      undefined,
      v1Ops.JobsApiRoutesFineTuningGetFineTuningJobResponse$inboundSchema,
    );
    expect(doneClassifier.classifier_targets).toEqual([
      { name: "topic", labels: ["sport", "politics"], weight: 1, loss_function: "single_class" },
    ]);
    expect((doneClassifier.checkpoints as Json[])[0].metrics).toMatchObject({
      train_loss: expect.any(Number),
    });
    const ft = done.fine_tuned_model as string;
    const ftClassifier = doneClassifier.fine_tuned_model as string;

    const ftCard = await check<Json>(
      "GET",
      `/v1/models/${encodeURIComponent(ft)}`,
      undefined,
      sdkOps.ResponseRetrieveModelV1ModelsModelIdGet$inboundSchema,
    );
    expect(ftCard).toMatchObject({
      type: "fine-tuned",
      root: "mistral-small-latest",
      job: completion.id,
    });
    const updated = await check<Json>(
      "PATCH",
      `/v1/fine_tuning/models/${ft}`,
      { name: "Rivers" },
      sdkOps.JobsApiRoutesFineTuningUpdateFineTunedModelResponse$inboundSchema,
    );
    expect(updated).toMatchObject({ model_type: "completion", name: "Rivers" });
    const updatedClassifier = await check<Json>(
      "PATCH",
      `/v1/fine_tuning/models/${ftClassifier}`,
      { description: "Topics" },
      sdkOps.JobsApiRoutesFineTuningUpdateFineTunedModelResponse$inboundSchema,
    );
    expect(updatedClassifier).toMatchObject({
      model_type: "classifier",
      classifier_targets: [{ name: "topic" }],
    });
    // The fine-tuned classifier answers its own target, scored over its labels.
    const classified = await check<{
      results: Record<string, { scores: Record<string, number> }>[];
    }>(
      "POST",
      "/v1/classifications",
      { model: ftClassifier, input: ["a match report: football and sport", "a vote on politics"] },
      sdk.ClassificationResponse$inboundSchema,
    );
    const [sport, politics] = classified.results.map((r) => r.topic.scores);
    expect(Object.keys(sport).sort()).toEqual(["politics", "sport"]);
    expect(sport.sport).toBeGreaterThan(sport.politics);
    expect(politics.politics).toBeGreaterThan(politics.sport);
    expect(sport.sport + sport.politics).toBeCloseTo(1, 5);
    await check(
      "POST",
      `/v1/fine_tuning/models/${ft}/archive`,
      undefined,
      sdk.ArchiveModelResponse$inboundSchema,
    );
    await check(
      "DELETE",
      `/v1/fine_tuning/models/${ft}/archive`,
      undefined,
      sdk.UnarchiveModelResponse$inboundSchema,
    );

    await check(
      "POST",
      "/v1/chat/completions",
      { model: ft, messages },
      sdk.ChatCompletionResponse$inboundSchema,
    );
    const reasoning = await check<{ choices: { message: { content: Json[] } }[] }>(
      "POST",
      "/v1/chat/completions",
      { model: "magistral-small-latest", messages, prompt_mode: "reasoning" },
      sdk.ChatCompletionResponse$inboundSchema,
    );
    expect(reasoning.choices[0].message.content.map((c) => c.type)).toEqual(["thinking", "text"]);
    await check(
      "POST",
      "/v1/fim/completions",
      { model: "codestral-latest", prompt: "def add(a, b):", suffix: "\n" },
      sdk.FIMCompletionResponse$inboundSchema,
    );
    await check(
      "POST",
      "/v1/agents/completions",
      { agent_id: SANDBOX_AGENTS[0].id, messages },
      sdk.ChatCompletionResponse$inboundSchema,
    );
    await check(
      "POST",
      "/v1/embeddings",
      { model: "codestral-embed", input: ["a", "b"], output_dimension: 256, output_dtype: "int8" },
      sdk.EmbeddingResponse$inboundSchema,
    );
    await check("DELETE", `/v1/models/${ft}`, undefined, sdk.DeleteModelResponse$inboundSchema);
    await check("DELETE", `/v1/files/${file.id}`, undefined, sdk.DeleteFileResponse$inboundSchema);
  });

  it("streams reasoning as thinking chunks before the text, each event valid", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const res = await sb.call("POST", "/v1/chat/completions", {
      model: "magistral-medium-latest",
      messages,
      stream: true,
      reasoning_effort: "high",
      random_seed: 7,
    });
    const events = (await res.text()).split("\n\n").filter((e) => e.startsWith("data: {"));
    const validate = schemaValidator("CompletionChunk");
    const deltas = events.map((e) => {
      const chunk = JSON.parse(e.slice(6)) as { choices: { delta: { content: unknown } }[] };
      if (!validate(chunk)) throw new Error(JSON.stringify(validate.errors));
      expectNoUnknown(sdk.CompletionChunk$inboundSchema.parse(chunk), "stream");
      return chunk.choices[0].delta.content as unknown;
    });
    const arrays = deltas.filter((d): d is Json[] => Array.isArray(d));
    expect(arrays.length).toBeGreaterThan(1);
    expect(arrays[0]).toEqual([
      { type: "thinking", thinking: [{ type: "text", text: expect.any(String) }] },
    ]);
    // As the live API does: the first words of the answer come in the same array as the last
    // thinking chunk; the rest of the text follows as strings.
    const last = arrays[arrays.length - 1];
    expect(last.map((c) => c.type)).toEqual(["thinking", "text"]);
    const lastAt = deltas.indexOf(last);
    expect(deltas.slice(lastAt + 1).every((d) => typeof d === "string")).toBe(true);
    const text =
      (last[1] as { text: string }).text + (deltas.slice(lastAt + 1) as string[]).join("");
    const { body: plain } = await sb.api<{ choices: { message: { content: Json[] } }[] }>(
      "POST",
      "/v1/chat/completions",
      { model: "magistral-medium-latest", messages, reasoning_effort: "high", random_seed: 7 },
    );
    expect(text).toBe((plain.choices[0].message.content[1] as { text: string }).text);
  });

  it("answers from the research agent as text and reference chunks, streamed and not", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const agent = SANDBOX_AGENTS.find((a) => a.style === "cited")!;
    const { body: plain } = await sb.api<{ choices: { message: { content: Json[] } }[] }>(
      "POST",
      "/v1/agents/completions",
      { agent_id: agent.id, messages, random_seed: 7 },
    );
    const content = plain.choices[0].message.content;
    expect(content.map((c) => c.type)).toEqual(["text", "reference", "text", "reference"]);
    expect(content[1]).toEqual({ type: "reference", reference_ids: [1] });
    const res = await sb.call("POST", "/v1/agents/completions", {
      agent_id: agent.id,
      messages,
      stream: true,
      random_seed: 7,
    });
    const validate = schemaValidator("CompletionChunk");
    const streamed = (await res.text())
      .split("\n\n")
      .filter((e) => e.startsWith("data: {"))
      .flatMap((e) => {
        const chunk = JSON.parse(e.slice(6)) as { choices: { delta: { content: unknown } }[] };
        if (!validate(chunk)) throw new Error(JSON.stringify(validate.errors));
        const c = chunk.choices[0].delta.content;
        return Array.isArray(c) ? (c as Json[]) : [];
      });
    expect(streamed.filter((c) => c.type === "reference")).toEqual([content[1], content[3]]);
    const text = (cs: Json[]) =>
      cs.map((c) => (c.type === "text" ? (c.text as string) : "|")).join("");
    expect(text(streamed)).toBe(text(content));
  });
});

describe("today's request fields", () => {
  const chat = (extra: Json, model = "mistral-small-latest") =>
    sb.api<Json>("POST", "/v1/chat/completions", { model, messages, ...extra });
  const tools = [
    {
      type: "function",
      function: {
        name: "get_weather",
        description: "Weather in a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
        },
      },
    },
    {
      type: "function",
      function: {
        name: "get_time",
        description: "Time in a city",
        parameters: {
          type: "object",
          properties: { city: { type: "string" } },
          required: ["city"],
        },
      },
    },
  ];

  it("accepts every field of today's chat request", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    for (const extra of [
      { parallel_tool_calls: false },
      { presence_penalty: 0.5 },
      { frequency_penalty: 0.5 },
      { n: 2 },
      { prediction: { type: "content", content: "The Rhine" } },
      { prompt_mode: "reasoning" },
      { metadata: { team: "geo" } },
      { reasoning_effort: "low" },
      { prompt_cache_key: "rivers" },
      { tool_choice: "required", tools },
      { tool_choice: { type: "function", function: { name: "get_time" } }, tools },
      { response_format: { type: "json_object" } },
    ]) {
      const res = await chat(extra);
      expect(res.status, JSON.stringify(extra) + JSON.stringify(res.body)).toBe(200);
    }
  });

  it("honours n, tool_choice and a json_schema response format", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const several = await chat({ n: 3 });
    expect((several.body.choices as Json[]).map((c) => c.index)).toEqual([0, 1, 2]);
    const required = await chat({ tool_choice: "required", tools });
    expect((required.body.choices as Json[])[0]).toMatchObject({ finish_reason: "tool_calls" });
    const named = await chat({
      tool_choice: { type: "function", function: { name: "get_time" } },
      tools,
    });
    const call = ((named.body.choices as Json[])[0].message as Json).tool_calls as Json[];
    expect((call[0].function as Json).name).toBe("get_time");

    const schema = {
      type: "object",
      properties: {
        name: { type: "string" },
        authors: { type: "array", items: { type: "string" } },
        year: { type: "integer", minimum: 1900 },
      },
      required: ["name", "authors", "year"],
      additionalProperties: false,
    };
    const res = await chat({
      response_format: { type: "json_schema", json_schema: { name: "book", schema, strict: true } },
    });
    const text = ((res.body.choices as Json[])[0].message as Json).content as string;
    const { inlineValidator } = await import("@/lib/mistral/spec");
    expect(inlineValidator(schema)(JSON.parse(text))).toBe(true);
  });

  it("calls every tool asked for in parallel, one with parallel_tool_calls: false", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const ask = [{ role: "user", content: "What is the weather and the time in Lyon?" }];
    const both = await chat({ messages: ask, tools, tool_choice: "required" });
    const names = (res: { body: Json }) =>
      (((res.body.choices as Json[])[0].message as Json).tool_calls as Json[]).map(
        (c) => (c.function as Json).name,
      );
    expect(names(both).sort()).toEqual(["get_time", "get_weather"]);
    const one = await chat({
      messages: ask,
      tools,
      tool_choice: "required",
      parallel_tool_calls: false,
    });
    expect(names(one)).toHaveLength(1);
  });

  it("lists files with today's query: paging, total, filters and search", async () => {
    sb = openSandbox();
    for (const name of ["alpha.jsonl", "beta.jsonl", "gamma.jsonl"]) {
      expect((await sb.api("POST", "/v1/files", jsonlFile(3, name))).status).toBe(200);
    }
    const page = await sb.api<{ data: Json[]; total: number }>(
      "GET",
      "/v1/files?page=1&page_size=2",
    );
    expect(page.body.total).toBe(3);
    expect(page.body.data.map((f) => f.filename)).toEqual(["alpha.jsonl"]);
    const noTotal = await sb.api<Json>("GET", "/v1/files?include_total=false");
    expect(noTotal.body.total).toBeUndefined();
    const search = await sb.api<{ data: Json[] }>("GET", "/v1/files?search=BET");
    expect(search.body.data.map((f) => f.filename)).toEqual(["beta.jsonl"]);
    const instruct = await sb.api<{ data: Json[] }>(
      "GET",
      "/v1/files?sample_type=pretrain&sample_type=instruct&source=upload&mimetypes=application/jsonl",
    );
    expect(instruct.body.data).toHaveLength(3);
    for (const q of [
      "purpose=batch",
      "source=mistral",
      "sample_type=pretrain",
      "mimetypes=text/csv",
    ]) {
      expect((await sb.api<{ data: Json[] }>("GET", `/v1/files?${q}`)).body.data, q).toEqual([]);
    }
    expect((await sb.api("GET", "/v1/files?sample_type=nope")).status).toBe(422);
  });

  it("accepts a tool call sent back with its index (SDK 1.5.2+, LangChain)", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const res = await chat({
      tools,
      messages: [
        { role: "user", content: "Weather in Paris?" },
        {
          role: "assistant",
          content: "",
          tool_calls: [
            {
              id: "abc123def",
              type: "function",
              index: 0,
              function: { name: "get_weather", arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: "tool", tool_call_id: "abc123def", name: "get_weather", content: "Sunny, 24°C" },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it("takes image_url parts on vision models only", async () => {
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const picture = [
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image_url", image_url: "https://example.com/cat.png" },
        ],
      },
    ];
    expect((await chat({ messages: picture }, "pixtral-12b")).status).toBe(200);
    const refused = await chat({ messages: picture }, "open-mistral-7b");
    expect(refused.status).toBe(400);
    expect(String(refused.body.message)).toMatch(/image/i);
  });

  it("embeddings: output_dimension, output_dtype and base64", async () => {
    sb = openSandbox();
    const res = await sb.call("POST", "/v1/embeddings", {
      model: "codestral-embed",
      input: "x",
      output_dimension: 512,
    });
    expect(((await res.json()).data[0].embedding as number[]).length).toBe(512);
    const bin = await sb.call("POST", "/v1/embeddings", {
      model: "codestral-embed",
      input: "x",
      output_dimension: 64,
      output_dtype: "ubinary",
    });
    expect((await bin.json()).data[0].embedding).toHaveLength(8);
    const b64 = await sb.call("POST", "/v1/embeddings", {
      model: "mistral-embed",
      input: "x",
      encoding_format: "base64",
    });
    expect(Buffer.from((await b64.json()).data[0].embedding, "base64").byteLength).toBe(1024 * 4);
    expect(
      (
        await sb.call("POST", "/v1/embeddings", {
          model: "mistral-embed",
          input: "x",
          output_dimension: 256,
        })
      ).status,
    ).toBe(400);
  });
});

describe("422s: the live API's shape, only the real problem", () => {
  const detailOf = async (res: Response) => {
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      object: string;
      type: string;
      message: { detail: Json[] };
    };
    expect(body).toMatchObject({
      object: "error",
      type: "invalid_request_error",
      param: null,
      code: null,
    });
    return body.message.detail;
  };

  it("names each OpenAI-only field", async () => {
    sb = openSandbox();
    for (const [field, value] of [
      ["stream_options", { include_usage: true }],
      ["seed", 1],
      ["user", "u1"],
      ["logprobs", true],
    ] as const) {
      const detail = await detailOf(
        await sb.call("POST", "/v1/chat/completions", {
          model: "mistral-small-latest",
          messages,
          [field]: value,
        }),
      );
      expect(detail).toEqual([
        {
          type: "extra_forbidden",
          loc: ["body", field],
          msg: "Extra inputs are not permitted",
          input: value,
        },
      ]);
    }
  });

  it("honours the role discriminator: one extra field in a message, one error naming it", async () => {
    sb = openSandbox();
    const detail = await detailOf(
      await sb.call("POST", "/v1/chat/completions", {
        model: "mistral-small-latest",
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: "hi", name: "alice" },
        ],
      }),
    );
    expect(detail).toEqual([
      {
        type: "extra_forbidden",
        loc: ["body", "messages", 1, "user", "name"],
        msg: "Extra inputs are not permitted",
        input: "alice",
      },
    ]);
    const badRole = await detailOf(
      await sb.call("POST", "/v1/chat/completions", {
        model: "m",
        messages: [{ role: "robot", content: "x" }],
      }),
    );
    expect(badRole).toHaveLength(1);
    expect(badRole[0]).toMatchObject({ loc: ["body", "messages", 0, "role"], type: "enum" });
    const chunk = await detailOf(
      await sb.call("POST", "/v1/chat/completions", {
        model: "m",
        messages: [{ role: "user", content: [{ type: "text", text: "hi", extra: 1 }] }],
      }),
    );
    expect(chunk).toEqual([
      {
        type: "extra_forbidden",
        loc: ["body", "messages", 0, "user", "content", 0, "text", "extra"],
        msg: "Extra inputs are not permitted",
        input: 1,
      },
    ]);
  });
});

describe("SANDBOX_FINE_TUNING=retired", () => {
  it("answers 410 on every jobs route and keeps model management working", async () => {
    const clock = manualClock();
    sb = openSandbox({ now: clock.now });
    const file = (await sb.api<Json>("POST", "/v1/files", jsonlFile(10))).body;
    const job = (
      await sb.api<Json>("POST", "/v1/fine_tuning/jobs", {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id }],
        hyperparameters: { training_steps: 2 },
      })
    ).body;
    clock.advance(70_000);
    const ft = (await sb.api<Json>("GET", `/v1/fine_tuning/jobs/${job.id}`)).body
      .fine_tuned_model as string;
    expect(ft).toMatch(/^ft:/);

    sb.reopen({ fineTuning: "retired" });
    for (const [method, url, body] of [
      ["GET", "/v1/fine_tuning/jobs"],
      ["POST", "/v1/fine_tuning/jobs", { model: "mistral-small-latest", hyperparameters: {} }],
      ["GET", `/v1/fine_tuning/jobs/${job.id}`],
      ["POST", `/v1/fine_tuning/jobs/${job.id}/cancel`],
      ["POST", `/v1/fine_tuning/jobs/${job.id}/start`],
    ] as const) {
      const res = await sb.call(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(410);
      expect(await res.json()).toMatchObject({
        object: "error",
        type: "gone",
        message: expect.stringContaining("retired"),
      });
    }
    expect((await sb.api("GET", `/v1/models/${ft}`)).status).toBe(200);
    expect((await sb.api("PATCH", `/v1/fine_tuning/models/${ft}`, { name: "Kept" })).status).toBe(
      200,
    );
    expect((await sb.api("POST", `/v1/fine_tuning/models/${ft}/archive`)).status).toBe(200);
    expect((await sb.api("DELETE", `/v1/fine_tuning/models/${ft}/archive`)).status).toBe(200);
    expect((await sb.api("DELETE", `/v1/models/${ft}`)).status).toBe(200);
  });
});

describe("the official SDK 2.x as a client", () => {
  it("lists and reads models and files, and makes a tool round trip", async () => {
    const { Mistral } = await import("@mistralai/mistralai");
    const { HTTPClient } = await import("@mistralai/mistralai/lib/http.js");
    sb = openSandbox({ tokensPerSecond: 100_000 });
    const client = new Mistral({
      apiKey: "sandbox",
      serverURL: "http://sandbox.test",
      httpClient: new HTTPClient({
        fetcher: (input, init) => sb.sandbox.handle(new Request(input, init)),
      }),
    });
    const models = await client.models.list();
    expect(models.data?.every((m) => m.type === "base")).toBe(true);
    const card = await client.models.retrieve({ modelId: "codestral-latest" });
    expect(card.type).toBe("base");
    const uploaded = await client.files.upload({
      file: {
        fileName: "train.jsonl",
        content: new TextEncoder().encode(
          `${JSON.stringify({
            messages: [
              { role: "user", content: "hi" },
              { role: "assistant", content: "hello" },
            ],
          })}\n`,
        ),
      },
    });
    const file = await client.files.retrieve({ fileId: uploaded.id });
    expect(file.deleted).toBe(false);

    const tools = [
      {
        type: "function" as const,
        function: {
          name: "get_weather",
          description: "Weather in a city",
          parameters: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
          },
        },
      },
    ];
    const first = await client.chat.complete({
      model: "mistral-small-latest",
      messages: [{ role: "user", content: "What is the weather in Paris?" }],
      tools,
      toolChoice: "required",
    });
    const assistant = first.choices[0].message!;
    const call = assistant.toolCalls![0];
    const second = await client.chat.complete({
      model: "mistral-small-latest",
      tools,
      messages: [
        { role: "user", content: "What is the weather in Paris?" },
        { role: "assistant", content: assistant.content ?? "", toolCalls: [{ ...call, index: 0 }] },
        { role: "tool", toolCallId: call.id!, name: call.function.name, content: "Sunny, 24°C" },
      ],
    });
    expect(second.choices[0].finishReason).toBe("stop");
  });
});
