// Every canned answer of the fake today-upstream validates against today's response schemas
// (lib/mistral/openapi.gen.yaml), so a client that rejects one has a real reason to.
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dropDiscriminators } from "@/lib/mistral/spec";
import * as today from "./today-upstream";

type Json = Record<string, unknown>;
const spec = parse(
  readFileSync(path.join(process.cwd(), "lib/mistral/openapi.gen.yaml"), "utf8"),
) as Json;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({
  $id: "mistral",
  components: { schemas: dropDiscriminators((spec.components as Json).schemas) },
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
  // real API sends none (DESIGN.md, "Known quirks"): checked with `data` added.
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
