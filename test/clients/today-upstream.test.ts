// Every canned answer of the fake today-upstream validates against today's response schemas
// (lib/mistral/openapi.gen.yaml), so a client that rejects one has a real reason to.
import { readFileSync } from "node:fs";
import * as sdk from "@mistralai/mistralai/models/components";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { rewriteDiscriminators } from "@/lib/mistral/spec";
import * as today from "./today-upstream";

type Json = Record<string, unknown>;
const spec = parse(
  readFileSync(path.join(process.cwd(), "lib/mistral/openapi.gen.yaml"), "utf8"),
) as Json;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({
  $id: "mistral",
  components: { schemas: rewriteDiscriminators((spec.components as Json).schemas) },
});
const ref = (name: string) => ({ $ref: `mistral#/components/schemas/${name}` });

function errors(schema: Json, value: unknown) {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : validate.errors;
}

const CANNED: [string, Json, unknown][] = [
  ["ModelList", ref("ModelList"), today.modelList],
  ["BaseModelCard", ref("BaseModelCard"), today.baseModel],
  ["FTModelCard", ref("FTModelCard"), today.ftModel],
  // The spec lists `data` as required on completions, a slip copied from EmbeddingResponse; the
  // real API sends none: checked with `data` added.
  [
    "ChatCompletionResponse",
    ref("ChatCompletionResponse"),
    { ...today.chatCompletion(today.ANSWER), data: [] },
  ],
  [
    "ChatCompletionResponse (tool call)",
    ref("ChatCompletionResponse"),
    {
      ...today.chatCompletion("", [
        { id: "D681PevKs", type: "function", function: { name: "f", arguments: "{}" }, index: 0 },
      ]),
      data: [],
    },
  ],
  ["FIMCompletionResponse", ref("FIMCompletionResponse"), { ...today.fimCompletion, data: [] }],
  ["EmbeddingResponse", ref("EmbeddingResponse"), today.embeddings(2, false)],
  ["ModerationResponse", ref("ModerationResponse"), today.moderation(2)],
  ["ClassificationResponse", ref("ClassificationResponse"), today.classification],
  ["OCRResponse", ref("OCRResponse"), today.ocr],
  ["TranscriptionResponse", ref("TranscriptionResponse"), today.transcription],
  ["CreateFileResponse", ref("CreateFileResponse"), today.fileCard(today.UPLOADED_ID)],
  ["GetFileResponse", ref("GetFileResponse"), today.retrievedFile],
  ["ListFilesResponse", ref("ListFilesResponse"), today.fileList(1, 3)],
  ["BatchJob", ref("BatchJob"), today.batchJob("QUEUED")],
  [
    "ListBatchJobsResponse",
    ref("ListBatchJobsResponse"),
    { object: "list", data: [today.batchJob("RUNNING")], total: 1 },
  ],
  ["ConversationResponse", ref("ConversationResponse"), today.conversationResponse],
  ["ModelConversation", ref("ModelConversation"), today.conversation],
  ["ConversationHistory", ref("ConversationHistory"), today.conversationHistory],
  ...today.conversationEvents.map(
    (e) =>
      [
        `ConversationEvents ${String(e.type)}`,
        ref("ConversationEvents"),
        { event: e.type, data: e },
      ] as [string, Json, unknown],
  ),
  ...today.transcriptionEvents.map(
    (e) =>
      [
        `TranscriptionStreamEvents ${String(e.type)}`,
        ref("TranscriptionStreamEvents"),
        { event: e.type, data: e },
      ] as [string, Json, unknown],
  ),
  ...today
    .chatChunks(["Paris", " is"])
    .map(
      (c, i) =>
        [`CompletionEvent #${i}`, ref("CompletionEvent"), { data: c }] as [string, Json, unknown],
    ),
  ...today
    .chatChunks(
      [],
      [{ id: "D681PevKs", type: "function", function: { name: "f", arguments: "{}" }, index: 0 }],
    )
    .map(
      (c, i) =>
        [`CompletionEvent (tool) #${i}`, ref("CompletionEvent"), { data: c }] as [
          string,
          Json,
          unknown,
        ],
    ),
];

describe("today-upstream's canned answers validate against today's spec", () => {
  it.each(CANNED)("%s", (_name, schema, value) => {
    expect(errors(schema, value)).toEqual([]);
  });

  it("a wrong answer is caught (the validators are live)", () => {
    expect(errors(ref("BaseModelCard"), { ...today.baseModel, type: "fine-tuned" })).not.toEqual(
      [],
    );
    expect(errors(ref("OCRResponse"), { ...today.ocr, usage_info: {} })).not.toEqual([]);
  });

  it("the base64 embedding (openai's default) is the float embedding packed as float32", () => {
    // Outside the spec's EmbeddingResponseData, which only describes floats: checked by value.
    const packed = today.embeddings(1, true).data[0].embedding as string;
    const floats = new Float32Array(new Uint8Array(Buffer.from(packed, "base64")).buffer);
    expect([...floats].map((x) => Number(x.toFixed(4)))).toEqual(today.EMBEDDING);
  });
});

// The official SDK 2.7.0's own zod models, a second judge: they parse what the SDK would return,
// and a union it does not recognise would come back as its "UNKNOWN" fallback, not throw.
const SDK_MODELS: [string, { parse(value: unknown): unknown }, unknown][] = [
  ["ModelList", sdk.ModelList$inboundSchema, today.modelList],
  [
    "ChatCompletionResponse",
    sdk.ChatCompletionResponse$inboundSchema,
    today.chatCompletion(today.ANSWER),
  ],
  ["FIMCompletionResponse", sdk.FIMCompletionResponse$inboundSchema, today.fimCompletion],
  ["EmbeddingResponse", sdk.EmbeddingResponse$inboundSchema, today.embeddings(2, false)],
  ["ModerationResponse", sdk.ModerationResponse$inboundSchema, today.moderation(1)],
  ["ClassificationResponse", sdk.ClassificationResponse$inboundSchema, today.classification],
  ["OCRResponse", sdk.OCRResponse$inboundSchema, today.ocr],
  ["TranscriptionResponse", sdk.TranscriptionResponse$inboundSchema, today.transcription],
  ["CreateFileResponse", sdk.CreateFileResponse$inboundSchema, today.fileCard(today.UPLOADED_ID)],
  ["GetFileResponse", sdk.GetFileResponse$inboundSchema, today.retrievedFile],
  ["ListFilesResponse", sdk.ListFilesResponse$inboundSchema, today.fileList(0, 3)],
  ["BatchJob", sdk.BatchJob$inboundSchema, today.batchJob("QUEUED")],
  ["ConversationResponse", sdk.ConversationResponse$inboundSchema, today.conversationResponse],
  ["ConversationHistory", sdk.ConversationHistory$inboundSchema, today.conversationHistory],
  ...today
    .chatChunks(["Paris"])
    .map(
      (c, i) =>
        [`CompletionChunk #${i}`, sdk.CompletionChunk$inboundSchema, c] as [
          string,
          { parse(value: unknown): unknown },
          unknown,
        ],
    ),
];

describe("today-upstream's canned answers parse with the official SDK 2.7.0's models", () => {
  it.each(SDK_MODELS)("%s", (_name, model, value) => {
    const parsed = model.parse(value);
    expect(JSON.stringify(parsed)).not.toContain("UNKNOWN");
  });

  it("model cards parse as their own variants", () => {
    const list = sdk.ModelList$inboundSchema.parse(today.modelList);
    expect(list.data?.map((m) => m.type)).toEqual(["base", "fine-tuned"]);
    // The check above can fail: a card of a type the SDK does not know parses as its fallback.
    const odd = { ...today.baseModel, type: "distilled" };
    const parsed = sdk.ModelList$inboundSchema.parse({ object: "list", data: [odd] });
    expect(JSON.stringify(parsed)).toContain('"type":"UNKNOWN"');
  });
});
