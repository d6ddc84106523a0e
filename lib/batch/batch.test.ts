import { describe, expect, it } from "vitest";
import {
  BATCH_ENDPOINTS,
  buildBatchFile,
  canCancel,
  conversationPrompts,
  isActive,
  mayCancelBatch,
  parseResults,
  promptLine,
  promptLines,
  requestBody,
  statusLabel,
  typedBatchFile,
} from "./batch";

describe("a batch from a saved conversation", () => {
  const conversation = {
    system: "  You answer in French.  ",
    messages: [
      { role: "user", content: "What is the capital of Italy?" },
      { role: "assistant", content: "Rome." },
      { role: "user", content: "Write a haiku\nabout the sea" },
      { role: "user", content: "   " },
      { role: "tool", content: "{}" },
      { role: "user", content: '"Quoted" on purpose' },
      { role: "user", content: '"fully quoted"' },
    ],
  };

  it("takes each user message with text, in order, and the system prompt", () => {
    const { system, lines } = conversationPrompts(conversation);
    expect(system).toBe("You answer in French.");
    expect(lines).toEqual([
      "What is the capital of Italy?",
      '"Write a haiku\\nabout the sea"',
      '"Quoted" on purpose',
      '"\\"fully quoted\\""',
    ]);
    // Read back from the editor, each line is the message as it was sent.
    expect(promptLines(lines.join("\n"))).toEqual([
      "What is the capital of Italy?",
      "Write a haiku\nabout the sea",
      '"Quoted" on purpose',
      '"fully quoted"',
    ]);
  });

  it("builds chat requests that start with the system prompt", () => {
    const { system, lines } = conversationPrompts(conversation);
    const file = buildBatchFile("/v1/chat/completions", promptLines(lines.join("\n")), { system });
    const first = JSON.parse(file.split("\n")[0]);
    expect(first).toEqual({
      custom_id: "1",
      body: {
        messages: [
          { role: "system", content: "You answer in French." },
          { role: "user", content: "What is the capital of Italy?" },
        ],
      },
    });
    expect(file.trim().split("\n")).toHaveLength(4);
    // No system prompt, no system message.
    expect(requestBody("/v1/chat/completions", "Hi", { system: " " })).toEqual({
      messages: [{ role: "user", content: "Hi" }],
    });
  });

  it("keeps plain lines plain and quotes only what would not read back", () => {
    expect(promptLine("Hello")).toBe("Hello");
    expect(promptLine('"a"')).toBe('"\\"a\\""');
    expect(promptLines(promptLine('"a"'))).toEqual(['"a"']);
  });
});

describe("a batch from typed prompts", () => {
  it("makes one request per non-empty line", () => {
    expect(promptLines("  Hello \n\n\r\nWorld\r\n   \n")).toEqual(["Hello", "World"]);
  });

  it("builds a JSONL file of {custom_id, body} lines for each endpoint", () => {
    const file = buildBatchFile("/v1/chat/completions", ["Hi", 'Say "bye"']);
    expect(file.endsWith("\n")).toBe(true);
    expect(
      file
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { custom_id: "1", body: { messages: [{ role: "user", content: "Hi" }] } },
      { custom_id: "2", body: { messages: [{ role: "user", content: 'Say "bye"' }] } },
    ]);
    expect(requestBody("/v1/fim/completions", "def f(")).toEqual({ prompt: "def f(" });
    expect(requestBody("/v1/embeddings", "x")).toEqual({ input: "x" });
    expect(requestBody("/v1/moderations", "x")).toEqual({ input: "x" });
  });

  it("makes the JSONL file to upload, named for when it was made", async () => {
    const file = typedBatchFile("/v1/embeddings", ["a", "b"]);
    expect(file.name).toMatch(/^typed-prompts-\d{4}-\d{2}-\d{2}T[\d-]+Z\.jsonl$/);
    expect(await file.text()).toBe(buildBatchFile("/v1/embeddings", ["a", "b"]));
  });

  it("sends a document URL to OCR as a document, an image URL as an image", () => {
    expect(requestBody("/v1/ocr", "https://example.com/a.pdf")).toEqual({
      document: { type: "document_url", document_url: "https://example.com/a.pdf" },
    });
    expect(requestBody("/v1/ocr", "https://example.com/scan.PNG?x=1")).toEqual({
      document: { type: "image_url", image_url: "https://example.com/scan.PNG?x=1" },
    });
  });

  it("offers a body for every endpoint it lists", () => {
    for (const e of BATCH_ENDPOINTS) expect(() => requestBody(e.endpoint, "x")).not.toThrow();
  });
});

describe("statuses", () => {
  it("label every status, unknown ones readably, and say which can still move", () => {
    expect(statusLabel("SUCCESS")).toBe("Succeeded");
    expect(statusLabel("CANCELLATION_REQUESTED")).toBe("Cancelling");
    expect(statusLabel("PAUSED_FOR_QUOTA")).toBe("Paused for quota");
    expect(isActive("RUNNING")).toBe(true);
    expect(isActive("CANCELLATION_REQUESTED")).toBe(true);
    expect(canCancel("CANCELLATION_REQUESTED")).toBe(false);
    expect(isActive("SUCCESS")).toBe(false);
  });
});

describe("result and error files", () => {
  const line = (o: object) => JSON.stringify(o);
  it("summarise each answer by endpoint", () => {
    const text = [
      line({
        id: "b-0",
        custom_id: "1",
        response: {
          status_code: 200,
          body: { choices: [{ message: { role: "assistant", content: "Paris." } }] },
        },
        error: null,
      }),
      line({
        custom_id: "2",
        response: {
          status_code: 200,
          body: {
            choices: [
              {
                message: {
                  content: [
                    { type: "thinking", thinking: [{ type: "text", text: "hmm" }] },
                    { type: "text", text: "Lyon." },
                  ],
                },
              },
            ],
          },
        },
      }),
      line({
        custom_id: "3",
        response: { status_code: 200, body: { data: [{ embedding: [0.1, 0.2, 0.3] }] } },
      }),
      line({
        custom_id: "4",
        response: {
          status_code: 200,
          body: { results: [{ categories: { pii: true, violence: false } }] },
        },
      }),
      line({
        custom_id: "5",
        response: { status_code: 200, body: { pages: [{ markdown: "# Title" }] } },
      }),
      line({ custom_id: "6", response: { status_code: 200, body: { something: "new" } } }),
      "",
    ].join("\n");
    expect(parseResults(text).map((r) => [r.line, r.customId, r.ok, r.summary])).toEqual([
      [1, "1", true, "Paris."],
      [2, "2", true, "Lyon."],
      [3, "3", true, "Embedding of 3 dimensions"],
      [4, "4", true, "Flagged: pii"],
      [5, "5", true, "1 page: # Title"],
      [6, "6", true, '{"something":"new"}'],
    ]);
  });

  it("show an error line's message, and an unreadable line as such", () => {
    const text = [
      line({
        custom_id: "9",
        response: { status_code: 400, body: { message: "Model 'x' does not do OCR" } },
        error: { message: "Model 'x' does not do OCR", code: 400 },
      }),
      "{not json",
    ].join("\n");
    expect(parseResults(text)).toEqual([
      { line: 1, customId: "9", status: 400, ok: false, summary: "Model 'x' does not do OCR" },
      { line: 2, customId: null, status: null, ok: false, summary: "Unreadable line" },
    ]);
  });
});

describe("who may cancel a batch job", () => {
  const owner = { userId: "u-1" };
  it("its owner with batch.manage_own, and an admin whoever started it", () => {
    expect(mayCancelBatch({ id: "u-1", role: "member" }, owner)).toBe(true);
    expect(mayCancelBatch({ id: "u-2", role: "member" }, owner)).toBe(false);
    expect(mayCancelBatch({ id: "u-2", role: "admin" }, owner)).toBe(true);
    expect(mayCancelBatch({ id: "u-1", role: "viewer" }, owner)).toBe(false);
  });

  it("not a member while the owner is unknown or outside the console", () => {
    expect(mayCancelBatch({ id: "u-1", role: "member" }, undefined)).toBe(false);
    expect(mayCancelBatch({ id: "u-1", role: "admin" }, null)).toBe(true);
  });
});
