// The official SDK 2.x as a client of the sandbox's simulated operations (through `handle`, as
// over HTTP): its request encoders and zod response parsers must accept every answer.
import { HTTPClient, Mistral } from "@mistralai/mistralai";
import type { ConversationEventsData } from "@mistralai/mistralai/models/components";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, openSandbox, type TestSandbox } from "./test/helpers";
import { wav } from "./test/media";

const clock = manualClock();
let t: TestSandbox;
let client: Mistral;

beforeAll(() => {
  t = openSandbox({ now: clock.now, speed: 1 });
  client = new Mistral({
    apiKey: "sandbox",
    serverURL: "http://sandbox.test",
    httpClient: new HTTPClient({
      fetcher: (input, init) => t.sandbox.handle(new Request(input, init)),
    }),
  });
});
afterAll(() => t.close());

describe("the SDK 2.x reads the simulated operations", () => {
  it("batch jobs: create, get over time, list, cancel, delete", async () => {
    const job = await client.batch.jobs.create({
      endpoint: "/v1/chat/completions",
      model: "mistral-small-latest",
      requests: [{ customId: "1", body: { messages: [{ role: "user", content: "hi" }] } }],
    });
    expect(job.status).toBe("QUEUED");
    clock.advance(5_000);
    const done = await client.batch.jobs.get({ jobId: job.id });
    expect(done).toMatchObject({ status: "SUCCESS", succeededRequests: 1 });
    expect(done.outputFile).toBeTruthy();
    const list = await client.batch.jobs.list({ status: ["SUCCESS"] });
    expect(list.data?.map((j) => j.id)).toContain(job.id);

    const other = await client.batch.jobs.create({
      endpoint: "/v1/embeddings",
      model: "mistral-embed",
      requests: [{ body: { input: ["a"] } }],
    });
    expect((await client.batch.jobs.cancel({ jobId: other.id })).status).toBe(
      "CANCELLATION_REQUESTED",
    );
    expect((await client.batch.jobs.delete({ jobId: other.id })).deleted).toBe(true);
  });

  it("moderations and classifications", async () => {
    const mod = await client.classifiers.moderate({
      model: "mistral-moderation-latest",
      inputs: ["I will kill you"],
    });
    expect(mod.results?.[0].categories?.violence_and_threats).toBe(true);
    const chat = await client.classifiers.moderateChat({
      model: "mistral-moderation-latest",
      inputs: [{ role: "user", content: "my password is 1234" }],
    });
    expect(chat.results?.[0].categories?.pii).toBe(true);
    const cls = await client.classifiers.classify({
      model: "mistral-moderation-latest",
      inputs: "hello",
    });
    expect(cls.results).toHaveLength(1);
  });

  it("OCR of a PDF", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([300, 300]).drawText("Hello OCR", { x: 20, y: 200, font, size: 12 });
    const pdf = Buffer.from(await doc.save()).toString("base64");
    const res = await client.ocr.process({
      model: "mistral-ocr-latest",
      document: { type: "document_url", documentUrl: `data:application/pdf;base64,${pdf}` },
    });
    expect(res.pages[0].markdown).toBe("Hello OCR");
    expect(res.usageInfo.pagesProcessed).toBe(1);
  });

  it("agents and conversations, plain and streamed", async () => {
    const agent = await client.beta.agents.create({
      model: "mistral-small-latest",
      name: "Helper",
      instructions: "Be brief.",
    });
    const started = await client.beta.conversations.start({ agentId: agent.id, inputs: "Hello" });
    const appended = await client.beta.conversations.append({
      conversationId: started.conversationId,
      conversationAppendRequest: { inputs: "And again" },
    });
    expect(appended.outputs[0].type).toBe("message.output");
    const history = await client.beta.conversations.getHistory({
      conversationId: started.conversationId,
    });
    expect(history.entries).toHaveLength(4);

    const types: string[] = [];
    const stream = await client.beta.conversations.startStream({
      model: "mistral-small-latest",
      inputs: "Stream please",
    });
    for await (const event of stream) types.push(event.data.type);
    expect(types[0]).toBe("conversation.response.started");
    expect(types).toContain("message.output.delta");
    expect(types.at(-1)).toBe("conversation.response.done");
  });

  it("an agent conversation streamed: start, append, restart, with its sources' titles and urls", async () => {
    const agent = await client.beta.agents.create({
      model: "mistral-small-latest",
      name: "Searcher",
      tools: [{ type: "web_search" }],
    });
    const read = async (stream: AsyncIterable<{ data: ConversationEventsData }>) => {
      let conversationId = "";
      let entryId = "";
      const chunks: unknown[] = [];
      const types: string[] = [];
      for await (const { data } of stream) {
        types.push(data.type);
        if (data.type === "conversation.response.started") conversationId = data.conversationId;
        if (data.type === "message.output.delta") {
          entryId = data.id;
          chunks.push(data.content);
        }
      }
      return { conversationId, entryId, chunks, types };
    };
    const first = await read(
      await client.beta.conversations.startStream({
        agentId: agent.id,
        agentVersion: 0,
        inputs: [{ type: "message.input", role: "user", content: "Who built the Eiffel tower?" }],
        store: true,
      }),
    );
    expect(first.types.at(-1)).toBe("conversation.response.done");
    expect(first.chunks).toContainEqual(
      expect.objectContaining({
        type: "tool_reference",
        title: "Sandbox source 1",
        url: "https://sandbox.invalid/source-1",
      }),
    );
    const next = await read(
      await client.beta.conversations.appendStream({
        conversationId: first.conversationId,
        conversationAppendStreamRequest: { inputs: "And when?" },
      }),
    );
    expect(next.conversationId).toBe(first.conversationId);
    const again = await read(
      await client.beta.conversations.restartStream({
        conversationId: first.conversationId,
        conversationRestartStreamRequest: { fromEntryId: first.entryId, inputs: "Who else?" },
      }),
    );
    expect(again.conversationId).not.toBe(first.conversationId);
    expect(again.types).toContain("tool.execution.started");
    const history = await client.beta.conversations.getHistory({
      conversationId: again.conversationId,
    });
    // Question, search, answer (up to the entry restarted from), then the same for the new input.
    expect(history.entries.map((e) => e.type)).toEqual([
      "message.input",
      "tool.execution",
      "message.output",
      "message.input",
      "tool.execution",
      "message.output",
    ]);
  });

  it("audio transcriptions, plain and streamed", async () => {
    const file = { fileName: "clip.wav", content: wav(3) };
    const res = await client.audio.transcriptions.complete({ model: "voxtral-mini-latest", file });
    expect(res.usage.promptAudioSeconds).toBe(3);
    const types: string[] = [];
    const stream = await client.audio.transcriptions.stream({ model: "voxtral-mini-latest", file });
    for await (const event of stream) types.push(event.data.type);
    expect(types.at(-1)).toBe("transcription.done");
  });

  it("an operation the sandbox does not simulate is a 501 error", async () => {
    await expect(client.beta.libraries.list()).rejects.toMatchObject({ statusCode: 501 });
  });
});
