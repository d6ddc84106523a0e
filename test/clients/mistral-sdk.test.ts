// The official TypeScript SDK, today's 2.x (2.7.0) and the latest 1.x (1.15.1), with a console
// token as its apiKey against a console in front of a fake answering in today's shapes. Both
// validate every response with zod: each call must succeed and parse.
import { Mistral } from "@mistralai/mistralai";
import { Mistral as MistralV1 } from "mistral-v1-latest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited, startConsole, type ClientConsole } from "./console";
import {
  ANSWER,
  AUDIO_SECONDS,
  BATCH_ID,
  CONVERSATION_ID,
  EMBEDDING,
  FILE_ID,
  FT_MODEL,
  MODEL,
  OCR_PAGES,
  TOTAL_FILES,
  UPLOADED_ID,
} from "./today-upstream";

// 1.15.1's methods take the same requests as 2.7.0's for every call below but one: its
// classifyChat names the field `inputs` (sent as the spec's `input`), 2.x `input`. It is typed as
// 2.x here so one suite drives both.
type Sdk = [string, (apiKey: string, serverURL: string) => Mistral, "input" | "inputs"];
const SDKS: Sdk[] = [
  [
    "@mistralai/mistralai 2.7.0",
    (apiKey, serverURL) => new Mistral({ apiKey, serverURL }),
    "input",
  ],
  [
    "@mistralai/mistralai 1.15.1",
    (apiKey, serverURL) => new MistralV1({ apiKey, serverURL }) as unknown as Mistral,
    "inputs",
  ],
];

const user = (content: string) => ({ role: "user" as const, content });
const weatherTool = {
  type: "function" as const,
  function: {
    name: "get_weather",
    description: "The weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    },
  },
};

describe.each(SDKS)("%s through the console", (_name, make, classifyField) => {
  let c: ClientConsole;
  let sdk: Mistral;

  beforeAll(async () => {
    c = await startConsole();
    sdk = make(c.token, c.url);
  });
  afterAll(async () => c?.close());

  it("chat.complete", async () => {
    const mark = await c.mark();
    const res = await sdk.chat.complete({ model: MODEL, messages: [user("Capital of France?")] });
    expect(res.choices![0].message!.content).toBe(ANSWER);
    expect(res.usage.totalTokens).toBe(20);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("chat.stream", async () => {
    const mark = await c.mark();
    const stream = await sdk.chat.stream({ model: MODEL, messages: [user("Capital of France?")] });
    let text = "";
    let finish: string | null | undefined;
    for await (const event of stream) {
      text += (event.data.choices[0].delta.content as string | undefined) ?? "";
      finish = event.data.choices[0].finishReason ?? finish;
    }
    expect(text).toBe(ANSWER);
    expect(finish).toBe("stop");
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("a tool call round trip", async () => {
    const mark = await c.mark();
    const messages = [user("Weather in Paris?")];
    const first = await sdk.chat.complete({ model: MODEL, messages, tools: [weatherTool] });
    const call = first.choices![0].message!.toolCalls![0];
    expect(first.choices![0].finishReason).toBe("tool_calls");
    expect(call.function.name).toBe("get_weather");
    expect(JSON.parse(call.function.arguments as string)).toEqual({ city: "Paris" });
    const second = await sdk.chat.complete({
      model: MODEL,
      tools: [weatherTool],
      messages: [
        ...messages,
        { role: "assistant", content: "", toolCalls: [call] },
        { role: "tool", toolCallId: call.id, name: "get_weather", content: '{"temp":18}' },
      ],
    });
    expect(second.choices![0].message!.content).toBe(ANSWER);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/chat/completions", "POST /v1/chat/completions"]);
    expect(seen.audited).toEqual(audited("chat.completions", "chat.completions"));
  });

  it("structured output (responseFormat json_schema)", async () => {
    const mark = await c.mark();
    const res = await sdk.chat.complete({
      model: MODEL,
      messages: [user("Capital of France as JSON")],
      responseFormat: {
        type: "json_schema",
        jsonSchema: {
          name: "capital",
          strict: true,
          schemaDefinition: {
            type: "object",
            properties: { city: { type: "string" }, population: { type: "integer" } },
            required: ["city", "population"],
          },
        },
      },
    });
    expect(JSON.parse(res.choices![0].message!.content as string)).toEqual({
      city: "Paris",
      population: 1,
    });
    const seen = await c.since(mark);
    expect(JSON.parse(c.g.fake!.received.at(-1)!.body.toString()).response_format.type).toBe(
      "json_schema",
    );
    expect(seen.audited).toEqual(audited("chat.completions"));
  });

  it("fim.complete", async () => {
    const mark = await c.mark();
    const res = await sdk.fim.complete({
      model: "codestral-latest",
      prompt: "def add(a, b):\n",
      suffix: "\n",
    });
    expect(res.choices![0].message!.content).toContain("return a + b");
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/fim/completions"]);
    expect(seen.audited).toEqual(audited("fim.completions"));
  });

  it("embeddings.create", async () => {
    const mark = await c.mark();
    const res = await sdk.embeddings.create({ model: "mistral-embed", inputs: ["a", "b"] });
    expect(res.data.map((d) => d.embedding)).toEqual([EMBEDDING, EMBEDDING]);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/embeddings"]);
    expect(seen.audited).toEqual(audited("embeddings"));
  });

  it("files.list with paging, files.retrieve, files.upload", async () => {
    const mark = await c.mark();
    const page = await sdk.files.list({ page: 1, pageSize: 3 });
    expect(page.data).toHaveLength(3);
    expect(page.total).toBe(TOTAL_FILES);
    const file = await sdk.files.retrieve({ fileId: FILE_ID });
    expect(file.deleted).toBe(false);
    expect(file.id).toBe(FILE_ID);
    const uploaded = await sdk.files.upload({
      file: { fileName: "train.jsonl", content: new TextEncoder().encode('{"messages":[]}\n') },
    });
    expect(uploaded.id).toBe(UPLOADED_ID);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["GET /v1/files", `GET /v1/files/${FILE_ID}`, "POST /v1/files"]);
    const query = new URLSearchParams(seen.urls[0].split("?")[1]);
    expect([query.get("page"), query.get("page_size")]).toEqual(["1", "3"]);
    expect(seen.audited).toEqual(audited("files.upload"));
  });

  it("batch.jobs.create/list/get/cancel", async () => {
    const mark = await c.mark();
    const job = await sdk.batch.jobs.create({
      inputFiles: [FILE_ID],
      model: MODEL,
      endpoint: "/v1/chat/completions",
      metadata: { team: "docs" },
    });
    expect(job.status).toBe("QUEUED");
    const list = await sdk.batch.jobs.list({});
    expect(list.total).toBe(1);
    const got = await sdk.batch.jobs.get({ jobId: BATCH_ID });
    expect(got.completedRequests).toBe(40);
    const cancelled = await sdk.batch.jobs.cancel({ jobId: BATCH_ID });
    expect(cancelled.status).toBe("CANCELLATION_REQUESTED");
    const seen = await c.since(mark);
    expect(seen.reached).toEqual([
      "POST /v1/batch/jobs",
      "GET /v1/batch/jobs",
      `GET /v1/batch/jobs/${BATCH_ID}`,
      `POST /v1/batch/jobs/${BATCH_ID}/cancel`,
    ]);
    expect(seen.audited).toEqual(audited("batch.create", "batch.cancel"));
  });

  it("ocr.process", async () => {
    const mark = await c.mark();
    const res = await sdk.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "document_url", documentUrl: "https://example.com/report.pdf" },
    });
    expect(res.pages.map((p) => p.markdown)).toHaveLength(OCR_PAGES);
    expect(res.usageInfo.pagesProcessed).toBe(OCR_PAGES);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["POST /v1/ocr"]);
    expect(seen.audited).toEqual(audited("ocr"));
  });

  it("audio.transcriptions.complete and stream", async () => {
    const mark = await c.mark();
    const file = { fileName: "talk.mp3", content: new Uint8Array(2048) };
    const res = await sdk.audio.transcriptions.complete({ model: "voxtral-mini-latest", file });
    expect(res.usage.promptAudioSeconds).toBe(AUDIO_SECONDS);
    const stream = await sdk.audio.transcriptions.stream({ model: "voxtral-mini-latest", file });
    const types: string[] = [];
    for await (const event of stream) types.push(event.data.type);
    expect(types).toEqual([
      "transcription.language",
      "transcription.text.delta",
      "transcription.done",
    ]);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual([
      "POST /v1/audio/transcriptions",
      "POST /v1/audio/transcriptions",
    ]);
    expect(seen.audited).toEqual(audited("audio.transcriptions", "audio.transcriptions"));
  });

  it("classifiers.moderate, moderateChat, classifyChat", async () => {
    const mark = await c.mark();
    const mod = await sdk.classifiers.moderate({
      model: "mistral-moderation-latest",
      inputs: ["Hello", "World"],
    });
    expect(mod.results).toHaveLength(2);
    expect(mod.results[0].categories?.pii).toBe(false);
    const chatMod = await sdk.classifiers.moderateChat({
      model: "mistral-moderation-latest",
      inputs: [user("Hello")],
    });
    expect(chatMod.results).toHaveLength(1);
    const cls = await sdk.classifiers.classifyChat({
      model: "ft:classifier:ministral-3b-latest:a1b2c3d4:20261201:0a1b2c3d",
      [classifyField]: [{ messages: [user("I love it")] }],
    } as Parameters<Mistral["classifiers"]["classifyChat"]>[0]);
    expect(cls.results[0].sentiment.scores.positive).toBe(0.91);
    const sent = JSON.parse(c.g.fake!.received.at(-1)!.body.toString());
    expect(sent.input[0].messages[0].content).toBe("I love it");
    const seen = await c.since(mark);
    expect(seen.reached).toEqual([
      "POST /v1/moderations",
      "POST /v1/chat/moderations",
      "POST /v1/chat/classifications",
    ]);
    expect(seen.audited).toEqual(
      audited("moderations", "chat.moderations", "chat.classifications"),
    );
  });

  it("beta.conversations.start, append, list, get, history, startStream", async () => {
    const mark = await c.mark();
    const started = await sdk.beta.conversations.start({
      model: MODEL,
      inputs: "Capital of France?",
    });
    expect(started.conversationId).toBe(CONVERSATION_ID);
    expect(started.usage.totalTokens).toBe(24);
    const appended = await sdk.beta.conversations.append({
      conversationId: CONVERSATION_ID,
      conversationAppendRequest: { inputs: "And of Italy?" },
    });
    // Known variants, not the SDK's fallback for a shape it does not recognise.
    expect(started.outputs.map((o) => [o.type, "content" in o && o.content])).toEqual([
      ["message.output", ANSWER],
    ]);
    expect(appended.outputs.map((o) => o.type)).toEqual(["message.output"]);
    const list = await sdk.beta.conversations.list({});
    expect(list.map((x) => x.id)).toEqual([CONVERSATION_ID]);
    const one = await sdk.beta.conversations.get({ conversationId: CONVERSATION_ID });
    expect(one.id).toBe(CONVERSATION_ID);
    const history = await sdk.beta.conversations.getHistory({ conversationId: CONVERSATION_ID });
    expect(history.entries.map((e) => e.type)).toEqual(["message.input", "message.output"]);
    const stream = await sdk.beta.conversations.startStream({ model: MODEL, inputs: "Again?" });
    const types: string[] = [];
    for await (const event of stream) types.push(`${event.event}=${event.data.type}`);
    expect(types).toEqual(
      [
        "conversation.response.started",
        "message.output.delta",
        "message.output.delta",
        "conversation.response.done",
      ].map((t) => `${t}=${t}`),
    );
    const seen = await c.since(mark);
    expect(seen.reached).toEqual([
      "POST /v1/conversations",
      `POST /v1/conversations/${CONVERSATION_ID}`,
      "GET /v1/conversations",
      `GET /v1/conversations/${CONVERSATION_ID}`,
      `GET /v1/conversations/${CONVERSATION_ID}/history`,
      "POST /v1/conversations",
    ]);
    expect(seen.audited).toEqual(
      audited("conversations.start", "conversations.append", "conversations.start"),
    );
  });

  it("models.list and models.retrieve (base and fine-tuned cards)", async () => {
    const mark = await c.mark();
    const list = await sdk.models.list();
    expect(list.data?.map((m) => m.type)).toEqual(["base", "fine-tuned"]);
    const ft = await sdk.models.retrieve({ modelId: FT_MODEL });
    if (ft.type !== "fine-tuned") throw new Error(`a ${ft.type} card`);
    expect(ft.capabilities.completionChat).toBe(true);
    expect(ft.root).toBe(MODEL);
    const seen = await c.since(mark);
    expect(seen.reached).toEqual(["GET /v1/models", `GET /v1/models/${FT_MODEL}`]);
    expect(seen.audited).toEqual([]);
  });
});
