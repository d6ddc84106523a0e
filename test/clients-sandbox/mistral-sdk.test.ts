// The official TypeScript SDK, today's 2.x (2.7.0) and the latest 1.x (1.15.1), with a console
// token as its apiKey against a console whose upstream is the embedded sandbox. Both validate every
// response with zod: each call must succeed and parse. The sandbox's text is not asserted, only
// its behaviour.
import { Mistral } from "@mistralai/mistralai";
import { Mistral as MistralV1 } from "mistral-v1-latest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHAT_MODEL,
  EMBED_DIMENSIONS,
  EMBED_MODEL,
  startSandboxConsole,
  type SandboxConsole,
} from "./console";
import { wav } from "@/lib/sandbox/test/media";

type Sdk = [string, (apiKey: string, serverURL: string) => Mistral];
const SDKS: Sdk[] = [
  ["@mistralai/mistralai 2.7.0", (apiKey, serverURL) => new Mistral({ apiKey, serverURL })],
  [
    "@mistralai/mistralai 1.15.1",
    (apiKey, serverURL) => new MistralV1({ apiKey, serverURL }) as unknown as Mistral,
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

/** A small valid fine-tuning file: chat lines a user and an assistant. */
function trainingJsonl(lines = 10): Uint8Array {
  const line = (i: number) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `What is the capital of country number ${i}?` },
        { role: "assistant", content: `The capital of country number ${i} is City ${i}.` },
      ],
    });
  return new TextEncoder().encode(
    Array.from({ length: lines }, (_, i) => line(i)).join("\n") + "\n",
  );
}

async function pdfDataUrl(pages: string[]): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    doc.addPage([300, 200]).drawText(text, { x: 20, y: 150, size: 14, font });
  }
  return `data:application/pdf;base64,${Buffer.from(await doc.save()).toString("base64")}`;
}

describe.each(SDKS)("%s against the sandbox console", (_name, make) => {
  let c: SandboxConsole;
  let sdk: Mistral;

  beforeAll(async () => {
    c = await startSandboxConsole();
    sdk = make(c.token, c.url);
  });
  afterAll(async () => c?.close());

  it("models.list and models.retrieve", async () => {
    const list = await sdk.models.list();
    // Known card variants, not the SDK's fallback for a shape it does not recognise.
    const ids = list.data!.map((m) => (m.type === "UNKNOWN" ? "UNKNOWN" : m.id));
    expect(ids).toContain(CHAT_MODEL);
    expect(ids).not.toContain("UNKNOWN");
    const one = await sdk.models.retrieve({ modelId: CHAT_MODEL });
    if (one.type !== "base") throw new Error(`a ${one.type} card`);
    expect(one.id).toBe(CHAT_MODEL);
    expect(one.capabilities.completionChat).toBe(true);
  });

  it("chat.complete", async () => {
    const res = await sdk.chat.complete({
      model: CHAT_MODEL,
      messages: [user("Capital of France?")],
    });
    expect(String(res.choices![0].message!.content).length).toBeGreaterThan(0);
    expect(res.choices![0].finishReason).toBe("stop");
    expect(res.usage.totalTokens).toBeGreaterThan(0);
  });

  it("chat.stream", async () => {
    const stream = await sdk.chat.stream({
      model: CHAT_MODEL,
      messages: [user("Capital of France?")],
    });
    let text = "";
    let finish: string | null | undefined;
    let usage = 0;
    for await (const event of stream) {
      text += (event.data.choices[0]?.delta.content as string | undefined) ?? "";
      finish = event.data.choices[0]?.finishReason ?? finish;
      usage = event.data.usage?.totalTokens ?? usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe("stop");
    expect(usage).toBeGreaterThan(0);
  });

  it("a tool call round trip", async () => {
    const messages = [user("What is the weather in Paris?")];
    const first = await sdk.chat.complete({
      model: CHAT_MODEL,
      messages,
      tools: [weatherTool],
      toolChoice: "any",
    });
    expect(first.choices![0].finishReason).toBe("tool_calls");
    const call = first.choices![0].message!.toolCalls![0];
    expect(call.function.name).toBe("get_weather");
    const args =
      typeof call.function.arguments === "string"
        ? JSON.parse(call.function.arguments)
        : call.function.arguments;
    expect(typeof args.city).toBe("string");
    const second = await sdk.chat.complete({
      model: CHAT_MODEL,
      tools: [weatherTool],
      messages: [
        ...messages,
        { role: "assistant", content: "", toolCalls: [call] },
        { role: "tool", toolCallId: call.id, name: "get_weather", content: '{"temp":18}' },
      ],
    });
    expect(String(second.choices![0].message!.content).length).toBeGreaterThan(0);
    expect(second.choices![0].finishReason).toBe("stop");
  });

  it("structured output (responseFormat json_schema)", async () => {
    const res = await sdk.chat.complete({
      model: CHAT_MODEL,
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
            additionalProperties: false,
          },
        },
      },
    });
    const parsed = JSON.parse(res.choices![0].message!.content as string);
    expect(typeof parsed.city).toBe("string");
    expect(Number.isInteger(parsed.population)).toBe(true);
  });

  it("fim.complete (codestral)", async () => {
    const res = await sdk.fim.complete({
      model: "codestral-latest",
      prompt: "def add(a, b):\n",
      suffix: "\n",
    });
    expect(String(res.choices![0].message!.content).length).toBeGreaterThan(0);
    expect(res.usage.totalTokens).toBeGreaterThan(0);
  });

  it("embeddings.create", async () => {
    const res = await sdk.embeddings.create({ model: EMBED_MODEL, inputs: ["a", "b"] });
    expect(res.data).toHaveLength(2);
    for (const d of res.data) expect(d.embedding).toHaveLength(EMBED_DIMENSIONS);
    expect(res.usage.promptTokens).toBeGreaterThan(0);
  });

  it("files.upload, list with paging, retrieve", async () => {
    const uploaded = await sdk.files.upload({
      file: { fileName: "train.jsonl", content: trainingJsonl() },
    });
    expect(uploaded.filename).toBe("train.jsonl");
    expect(uploaded.sizeBytes).toBeGreaterThan(0);
    const page = await sdk.files.list({ page: 0, pageSize: 1 });
    expect(page.data).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(1);
    const file = await sdk.files.retrieve({ fileId: uploaded.id });
    expect(file.id).toBe(uploaded.id);
    expect(file.deleted).toBe(false);
  });

  it("batch.jobs.create (inline requests), get, list, cancel", async () => {
    const job = await sdk.batch.jobs.create({
      model: CHAT_MODEL,
      endpoint: "/v1/chat/completions",
      metadata: { team: "docs" },
      requests: [
        { customId: "a", body: { messages: [user("Name a river")] } },
        { customId: "b", body: { messages: [user("Name a lake")] } },
      ],
    });
    expect(job.status).toBe("QUEUED");
    expect(job.totalRequests).toBe(2);
    const got = await sdk.batch.jobs.get({ jobId: job.id });
    expect(got.id).toBe(job.id);
    const list = await sdk.batch.jobs.list({});
    expect(list.data!.map((j) => j.id)).toContain(job.id);
    const cancelled = await sdk.batch.jobs.cancel({ jobId: job.id });
    expect(["CANCELLATION_REQUESTED", "CANCELLED"]).toContain(cancelled.status);
  });

  it("ocr.process (a PDF as a data: URL)", async () => {
    const res = await sdk.ocr.process({
      model: "mistral-ocr-latest",
      document: {
        type: "document_url",
        documentUrl: await pdfDataUrl(["Hello from page one", "And page two"]),
      },
    });
    expect(res.pages).toHaveLength(2);
    expect(res.pages[0].markdown).toContain("Hello from page one");
    expect(res.usageInfo.pagesProcessed).toBe(2);
  });

  it("classifiers.moderate and moderateChat", async () => {
    const mod = await sdk.classifiers.moderate({
      model: "mistral-moderation-latest",
      inputs: ["Hello", "World"],
    });
    expect(mod.results).toHaveLength(2);
    expect(typeof mod.results[0].categories).toBe("object");
    const chatMod = await sdk.classifiers.moderateChat({
      model: "mistral-moderation-latest",
      inputs: [user("Hello")],
    });
    expect(chatMod.results).toHaveLength(1);
  });

  it("beta.conversations.start, append, list", async () => {
    const started = await sdk.beta.conversations.start({
      model: CHAT_MODEL,
      inputs: "Capital of France?",
    });
    expect(started.conversationId).toBeTruthy();
    expect(started.outputs.map((o) => o.type)).toContain("message.output");
    expect(started.usage.totalTokens).toBeGreaterThan(0);
    const appended = await sdk.beta.conversations.append({
      conversationId: started.conversationId,
      conversationAppendRequest: { inputs: "And of Italy?" },
    });
    expect(appended.conversationId).toBe(started.conversationId);
    expect(appended.outputs.map((o) => o.type)).toContain("message.output");
    const list = await sdk.beta.conversations.list({});
    expect(list.map((x) => x.id)).toContain(started.conversationId);
  });

  it("audio.transcriptions.complete (a WAV, multipart)", async () => {
    const res = await sdk.audio.transcriptions.complete({
      model: "voxtral-mini-latest",
      file: { fileName: "clip.wav", content: wav(2) },
    });
    expect(typeof res.text).toBe("string");
    expect(res.usage.promptAudioSeconds).toBe(2);
  });
});
