// A fake Mistral API that answers in today's shapes (the 2026-08-13 spec, as merged into
// lib/mistral/openapi.gen.yaml): canned, realistic answers per operation, so real clients that
// validate every response (the official SDKs' zod models, the AI SDK's, LangChain's, openai's) can
// be pointed at a console in front of it. today-upstream.test.ts checks every canned answer
// against the spec's component schemas; a client that rejects one is then a finding about the
// client or the console, not about the fake.
import type http from "node:http";
import type { Received, Script } from "../gateway/helpers";

type Json = Record<string, unknown>;

export const CREATED = 1_765_000_000;
export const CREATED_AT = "2026-12-06T05:00:00Z";
export const MODEL = "mistral-small-latest";
export const FT_MODEL = "ft:mistral-small-latest:a1b2c3d4:20261201:e5f6a7b8";
export const FILE_ID = "497f6eca-6276-4993-bfeb-53cbbbba6f09";
export const UPLOADED_ID = "e85980c9-409e-4a46-9304-36588f6292b0";
export const BATCH_ID = "b7a3c0de-1d2e-4f56-8a9b-0c1d2e3f4a5b";
export const CONVERSATION_ID = "conv_0686c1b4c8a17f0c8000f1e2d3c4b5a6";
export const EMBEDDING = [0.0123, -0.0456, 0.0789, -0.0012, 0.0345, 0.0678, -0.0901, 0.0234];
export const ANSWER = "Paris is the capital of France.";
export const USAGE = { prompt_tokens: 12, completion_tokens: 8, total_tokens: 20 };
export const OCR_PAGES = 2;
export const AUDIO_SECONDS = 42;

const capabilities = (over: Json = {}) => ({
  completion_chat: true,
  function_calling: true,
  reasoning: false,
  completion_fim: false,
  fine_tuning: true,
  vision: true,
  ocr: false,
  classification: false,
  moderation: false,
  audio: false,
  audio_transcription: false,
  audio_transcription_realtime: false,
  audio_speech: false,
  unified_resources: false,
  ...over,
});

export const baseModel = {
  id: MODEL,
  object: "model",
  created: CREATED,
  owned_by: "mistralai",
  capabilities: capabilities(),
  name: "mistral-small-2603",
  description: "Our efficient model for everyday tasks.",
  max_context_length: 131072,
  aliases: ["mistral-small-2603"],
  deprecation: null,
  deprecation_replacement_model: null,
  default_model_temperature: 0.3,
  type: "base",
};

export const ftModel = {
  id: FT_MODEL,
  object: "model",
  created: CREATED,
  owned_by: "a1b2c3d4",
  capabilities: capabilities({ vision: false }),
  name: null,
  description: null,
  max_context_length: 32768,
  aliases: [],
  deprecation: null,
  deprecation_replacement_model: null,
  default_model_temperature: null,
  type: "fine-tuned",
  job: "c0ffee00-1234-4abc-8def-0123456789ab",
  root: MODEL,
  archived: false,
};

export const modelList = { object: "list", data: [baseModel, ftModel] };

export function fileCard(id: string, over: Json = {}) {
  return {
    id,
    object: "file",
    bytes: 1342,
    created_at: CREATED,
    filename: "train.jsonl",
    purpose: "fine-tune",
    sample_type: "instruct",
    num_lines: 20,
    mimetype: "application/jsonl",
    source: "upload",
    signature: "d4821d2de1917341",
    ...over,
  };
}

/** GET /v1/files/{id} carries `deleted`; the list and upload answers do not. */
export const retrievedFile = { ...fileCard(FILE_ID), deleted: false };
export const TOTAL_FILES = 7;

export function fileList(page: number, pageSize: number) {
  const ids = Array.from({ length: TOTAL_FILES }, (_, i) =>
    FILE_ID.replace(/.{2}$/, String(i).padStart(2, "0")),
  );
  return {
    object: "list",
    data: ids.slice(page * pageSize, page * pageSize + pageSize).map((id) => fileCard(id)),
    total: TOTAL_FILES,
  };
}

export function batchJob(status: string, over: Json = {}) {
  return {
    id: BATCH_ID,
    object: "batch",
    input_files: [FILE_ID],
    metadata: { team: "docs" },
    endpoint: "/v1/chat/completions",
    model: MODEL,
    agent_id: null,
    output_file: null,
    error_file: null,
    errors: [],
    outputs: null,
    status,
    created_at: CREATED,
    total_requests: 100,
    completed_requests: 0,
    succeeded_requests: 0,
    failed_requests: 0,
    started_at: null,
    completed_at: null,
    ...over,
  };
}

export const chatCompletion = (content: string | null, toolCalls: Json[] | null = null) => ({
  id: "cmpl-e5cc70bb28c444948073e77776eb30ef",
  object: "chat.completion",
  created: CREATED,
  model: MODEL,
  usage: USAGE,
  choices: [
    {
      index: 0,
      message: { role: "assistant", content, tool_calls: toolCalls, prefix: false },
      finish_reason: toolCalls ? "tool_calls" : "stop",
    },
  ],
});

export const fimCompletion = {
  ...chatCompletion("    return a + b\n"),
  id: "fim-3c5b0d7a9e1f4b2c8d6e0f1a2b3c4d5e",
  model: "codestral-latest",
};

export function embeddings(count: number, base64: boolean) {
  // openai's client asks for base64 by default (EncodingFormat allows it); the array of float32
  // is then sent as one little-endian base64 string. The spec's EmbeddingResponseData only
  // describes the float form.
  const packed = Buffer.from(new Float32Array(EMBEDDING).buffer).toString("base64");
  return {
    id: "embd-aad6fc62b17349b192ef09225058bc45",
    object: "list",
    model: "mistral-embed",
    usage: { prompt_tokens: 6 * count, completion_tokens: 0, total_tokens: 6 * count },
    data: Array.from({ length: count }, (_, index) => ({
      object: "embedding",
      embedding: base64 ? packed : EMBEDDING,
      index,
    })),
  };
}

const categories = [
  "sexual",
  "hate_and_discrimination",
  "violence_and_threats",
  "dangerous_and_criminal_content",
  "selfharm",
  "health",
  "financial",
  "law",
  "pii",
];

export function moderation(count: number) {
  return {
    id: "4d71ae510af942108ef7344f903e2b88",
    model: "mistral-moderation-2411",
    results: Array.from({ length: count }, () => ({
      categories: Object.fromEntries(categories.map((c) => [c, false])),
      category_scores: Object.fromEntries(categories.map((c, i) => [c, 0.0001 * (i + 1)])),
    })),
    // Not in the spec's ModerationResponse, but the live API reports what a call consumed.
    usage: { prompt_tokens: 9, completion_tokens: 0, total_tokens: 9 },
  };
}

export const classification = {
  id: "cls-4d71ae510af942108ef7344f903e2b88",
  model: "ft:classifier:ministral-3b-latest:a1b2c3d4:20261201:0a1b2c3d",
  results: [{ sentiment: { scores: { positive: 0.91, negative: 0.04, neutral: 0.05 } } }],
  usage: { prompt_tokens: 11, completion_tokens: 0, total_tokens: 11 },
};

export const ocr = {
  model: "mistral-ocr-2512",
  pages: Array.from({ length: OCR_PAGES }, (_, index) => ({
    index,
    markdown: `# Page ${index + 1}\n\nThe quarterly report shows growth.`,
    images: [],
    tables: [],
    hyperlinks: [],
    header: null,
    footer: null,
    dimensions: { dpi: 200, height: 2200, width: 1700 },
    confidence_scores: null,
  })),
  document_annotation: null,
  usage_info: { pages_processed: OCR_PAGES, doc_size_bytes: 48213 },
};

export const transcription = {
  model: "voxtral-mini-2507",
  text: "This week, I traveled to Chicago to deliver my final farewell address.",
  language: "en",
  segments: [],
  usage: {
    prompt_audio_seconds: AUDIO_SECONDS,
    prompt_tokens: 4,
    completion_tokens: 18,
    total_tokens: 560,
  },
};

/** A streamed transcription: language, a text delta, done (with the usage). */
export const transcriptionEvents: Json[] = [
  { type: "transcription.language", audio_language: "en" },
  { type: "transcription.text.delta", text: transcription.text },
  { type: "transcription.done", ...transcription },
];

const outputEntry = {
  object: "entry",
  type: "message.output",
  created_at: CREATED_AT,
  completed_at: CREATED_AT,
  agent_id: null,
  model: MODEL,
  id: "msg_0686c1b4c9a27f0c8000a1b2c3d4e5f6",
  role: "assistant",
  content: ANSWER,
};

export const conversationUsage = {
  prompt_tokens: 15,
  completion_tokens: 9,
  total_tokens: 24,
  connector_tokens: null,
  connectors: null,
};

export const conversationResponse = {
  object: "conversation.response",
  conversation_id: CONVERSATION_ID,
  outputs: [outputEntry],
  usage: conversationUsage,
  guardrails: null,
};

export const conversation = {
  object: "conversation",
  id: CONVERSATION_ID,
  created_at: CREATED_AT,
  updated_at: CREATED_AT,
  name: "Capitals",
  description: null,
  metadata: null,
  instructions: null,
  tools: [],
  completion_args: {},
  guardrails: null,
  model: MODEL,
};

export const conversationHistory = {
  object: "conversation.history",
  conversation_id: CONVERSATION_ID,
  entries: [
    {
      object: "entry",
      type: "message.input",
      created_at: CREATED_AT,
      completed_at: null,
      id: "msg_0686c1b4c9a17f0c8000a1b2c3d4e5f5",
      role: "user",
      content: "What is the capital of France?",
      prefix: false,
    },
    outputEntry,
  ],
};

/** A streamed conversation: started, two deltas, done (with the usage). */
export const conversationEvents: Json[] = [
  {
    type: "conversation.response.started",
    created_at: CREATED_AT,
    conversation_id: CONVERSATION_ID,
  },
  ...["Paris is", " the capital of France."].map((content) => ({
    type: "message.output.delta",
    created_at: CREATED_AT,
    output_index: 0,
    id: outputEntry.id,
    content_index: 0,
    model: MODEL,
    agent_id: null,
    role: "assistant",
    content,
  })),
  { type: "conversation.response.done", created_at: CREATED_AT, usage: conversationUsage },
];

export function chatChunks(words: string[], toolCalls: Json[] | null = null): Json[] {
  const chunk = (delta: Json, finish: string | null, usage?: Json) => ({
    id: "cmpl-0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    object: "chat.completion.chunk",
    created: CREATED,
    model: MODEL,
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(usage ? { usage } : {}),
  });
  const out = [chunk({ role: "assistant", content: "" }, null)];
  if (toolCalls) {
    out.push(chunk({ content: "", tool_calls: toolCalls }, "tool_calls", USAGE));
    return out;
  }
  words.forEach((w, i) =>
    out.push(
      chunk(
        { content: w },
        i === words.length - 1 ? "stop" : null,
        i === words.length - 1 ? USAGE : undefined,
      ),
    ),
  );
  return out;
}

/** A value for a JSON schema: what a model asked for structured output would produce. */
export function sample(schema: unknown, root: unknown = schema): unknown {
  const s = (schema ?? {}) as Json;
  if (typeof s.$ref === "string") {
    const path = s.$ref.replace(/^#\//, "").split("/");
    return sample(
      path.reduce<unknown>((node, key) => (node as Json)?.[key], root),
      root,
    );
  }
  if (Array.isArray(s.enum)) return s.enum[0];
  if ("const" in s) return s.const;
  for (const k of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(s[k])) return sample((s[k] as unknown[])[0], root);
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === "object" || s.properties) {
    const props = (s.properties ?? {}) as Json;
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sample(v, root)]));
  }
  if (type === "array") return [sample(s.items, root)];
  if (type === "number" || type === "integer") return 1;
  if (type === "boolean") return true;
  if (type === "null") return null;
  return "Paris";
}

/** The chat answer for a request body: a tool call, structured output, or plain text. */
function chatAnswer(body: Json): { content: string | null; toolCalls: Json[] | null } {
  const messages = (body.messages ?? []) as Json[];
  const last = messages[messages.length - 1];
  const tools = (body.tools ?? []) as { function: { name: string; parameters?: unknown } }[];
  if (tools.length && body.tool_choice !== "none" && last?.role !== "tool") {
    const tool = tools[0].function;
    return {
      content: "",
      toolCalls: [
        {
          id: "D681PevKs",
          type: "function",
          function: { name: tool.name, arguments: JSON.stringify(sample(tool.parameters)) },
          index: 0,
        },
      ],
    };
  }
  const format = body.response_format as Json | undefined;
  if (format?.type === "json_schema") {
    const spec = format.json_schema as Json;
    return { content: JSON.stringify(sample(spec.schema)), toolCalls: null };
  }
  if (format?.type === "json_object") {
    return { content: JSON.stringify({ capital: "Paris" }), toolCalls: null };
  }
  return { content: ANSWER, toolCalls: null };
}

function sendJson(res: http.ServerResponse, value: unknown, status = 200) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

function sendEvents(res: http.ServerResponse, events: Json[], named: boolean, done: boolean) {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const e of events) {
    res.write(`${named ? `event: ${String(e.type)}\n` : ""}data: ${JSON.stringify(e)}\n\n`);
  }
  res.end(done ? "data: [DONE]\n\n" : "");
}

const UUID = "[0-9a-f-]{36}";

/** The fake's routes: method, path pattern and answer. Unknown requests get today's 404. */
export const todayScript: Script = (req, res, got: Received) => {
  const url = new URL(got.url, "http://upstream");
  const path = url.pathname;
  const method = got.method;
  const isJson = (got.headers["content-type"] ?? "").startsWith("application/json");
  const body = (isJson && got.body.length ? JSON.parse(got.body.toString()) : {}) as Json;
  const route = `${method} ${path}`;

  if (route === "GET /v1/models") return sendJson(res, modelList);
  if (method === "GET" && path.startsWith("/v1/models/")) {
    const id = decodeURIComponent(path.slice("/v1/models/".length));
    return sendJson(res, id === FT_MODEL ? ftModel : { ...baseModel, id });
  }
  if (route === "POST /v1/chat/completions") {
    const { content, toolCalls } = chatAnswer(body);
    if (body.stream) {
      const words =
        content === ANSWER ? ["Paris", " is the", " capital of France."] : [content ?? ""];
      return sendEvents(res, chatChunks(words, toolCalls), false, true);
    }
    return sendJson(res, chatCompletion(content, toolCalls));
  }
  if (route === "POST /v1/fim/completions") return sendJson(res, fimCompletion);
  if (route === "POST /v1/embeddings") {
    const count = Array.isArray(body.input) ? body.input.length : 1;
    return sendJson(res, embeddings(count, body.encoding_format === "base64"));
  }
  if (route === "POST /v1/moderations") {
    return sendJson(res, moderation(Array.isArray(body.input) ? body.input.length : 1));
  }
  if (route === "POST /v1/chat/moderations") return sendJson(res, moderation(1));
  if (route === "POST /v1/classifications" || route === "POST /v1/chat/classifications") {
    return sendJson(res, classification);
  }
  if (route === "POST /v1/ocr") return sendJson(res, ocr);
  if (route === "POST /v1/audio/transcriptions") {
    // A multipart body: `stream` is one of its fields.
    if (/name="stream"\r\n\r\ntrue\r\n/.test(got.body.toString("latin1"))) {
      return sendEvents(res, transcriptionEvents, true, false);
    }
    return sendJson(res, transcription);
  }
  if (route === "POST /v1/files") return sendJson(res, fileCard(UPLOADED_ID));
  if (route === "GET /v1/files") {
    const page = Number(url.searchParams.get("page") ?? 0);
    const size = Number(url.searchParams.get("page_size") ?? 100);
    return sendJson(res, fileList(page, size));
  }
  if (method === "GET" && new RegExp(`^/v1/files/${UUID}$`).test(path)) {
    return sendJson(res, { ...retrievedFile, id: path.slice("/v1/files/".length) });
  }
  if (route === "POST /v1/batch/jobs") return sendJson(res, batchJob("QUEUED"));
  if (route === "GET /v1/batch/jobs") {
    return sendJson(res, { object: "list", data: [batchJob("RUNNING")], total: 1 });
  }
  if (route === `GET /v1/batch/jobs/${BATCH_ID}`) {
    return sendJson(
      res,
      batchJob("RUNNING", {
        started_at: CREATED + 5,
        completed_requests: 40,
        succeeded_requests: 40,
      }),
    );
  }
  if (route === `POST /v1/batch/jobs/${BATCH_ID}/cancel`) {
    return sendJson(res, batchJob("CANCELLATION_REQUESTED", { started_at: CREATED + 5 }));
  }
  if (route === "POST /v1/conversations" || route === `POST /v1/conversations/${CONVERSATION_ID}`) {
    if (body.stream) return sendEvents(res, conversationEvents, true, false);
    return sendJson(res, conversationResponse);
  }
  if (route === "GET /v1/conversations") return sendJson(res, [conversation]);
  if (route === `GET /v1/conversations/${CONVERSATION_ID}`) return sendJson(res, conversation);
  if (route === `GET /v1/conversations/${CONVERSATION_ID}/history`) {
    return sendJson(res, conversationHistory);
  }
  void req;
  sendJson(res, { detail: `today-upstream has no answer for ${route}` }, 404);
};
