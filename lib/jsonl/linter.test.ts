import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { countTokens } from "../mistral/tokens";
import { JsonlLinter, lintStream, lintText } from "./index";

const enc = new TextEncoder();
const line = (...messages: unknown[]) => JSON.stringify({ messages });
const u = (content: string) => ({ role: "user", content });
const a = (content: string) => ({ role: "assistant", content });
const codes = (text: string | Uint8Array, options = {}) => {
  const linter = new JsonlLinter(options);
  linter.push(typeof text === "string" ? enc.encode(text) : text);
  return linter.end().issues.map((i) => `${i.line}:${i.code}`);
};

describe("statistics", () => {
  const lines = [
    line({ role: "system", content: "Be brief." }, u("Hi there"), a("Hello!")),
    line(u("2+2?"), a("4")),
    line(u("Weather?"), {
      role: "assistant",
      tool_calls: [{ id: "abcdefghi", function: { name: "w", arguments: "{}" } }],
    }),
  ];
  const text = lines.join("\n") + "\n";
  const report = lintText(text);

  it("counts lines, samples, bytes, sample type, messages per sample and roles", () => {
    expect(report.errorCount).toBe(0);
    expect(report.stats).toMatchObject({
      lines: 3,
      samples: 3,
      bytes: enc.encode(text).length,
      sampleType: "instruct",
      messagesPerSample: { min: 2, max: 3, mean: 7 / 3 },
      roles: { system: 1, user: 3, assistant: 3 },
    });
  });

  it("estimates tokens over contents and tool calls with the shared estimate", () => {
    const expected = ["Be brief.", "Hi there", "Hello!", "2+2?", "4", "Weather?", "w", "{}"]
      .map(countTokens)
      .reduce((x, y) => x + y);
    expect(report.stats.estimatedTokens).toBe(expected);
  });

  it("previews the first three valid samples as parsed, skipping invalid ones", () => {
    const bad = line(u("x"), a(""));
    const extra = line(u("last"), a("one"));
    const r = lintText([bad, ...lines, extra].join("\n"));
    expect(r.preview).toEqual(lines.map((l) => JSON.parse(l)));
    // Line 1 is the invalid one: the first previewed sample is line 2, not "sample 1".
    expect(r.previewLines).toEqual([2, 3, 4]);
  });

  it("reports pretrain files with token estimates and no message statistics", () => {
    const r = lintText(
      '{"text": "Paris is the capital of France."}\n{"content": "Rome too, of Italy."}\n',
    );
    expect(r.stats).toMatchObject({
      lines: 2,
      samples: 2,
      sampleType: "pretrain",
      messagesPerSample: null,
      roles: {},
      estimatedTokens:
        countTokens("Paris is the capital of France.") + countTokens("Rome too, of Italy."),
    });
  });

  it("flags instruct and pretrain samples in one file and calls the type mixed", () => {
    const r = lintText([line(u("a"), a("b")), '{"text": "c"}', line(u("d"), a("e"))].join("\n"));
    expect(r.issues.map((i) => i.message)).toEqual([
      "line 2 is a pretrain sample but line 1 is instruct; a file holds one kind of sample",
    ]);
    expect(r.stats.sampleType).toBe("mixed");
  });

  it("counts a last line without a trailing newline, and no phantom line after one", () => {
    expect(lintText('{"text": "a"}').stats.lines).toBe(1);
    expect(lintText('{"text": "a"}\n').stats.lines).toBe(1);
  });
});

describe("file-level checks", () => {
  it("rejects an empty file and a file of blank lines", () => {
    expect(lintText("").issues).toEqual([
      { line: 0, severity: "error", code: "empty_file", message: "the file is empty" },
    ]);
    expect(codes("\n  \n")).toEqual(["1:blank_line", "2:blank_line", "0:empty_file"]);
  });

  it("warns about blank lines with their numbers", () => {
    const r = lintText(`{"text":"a"}\n\n{"text":"b"}\n`);
    expect(r.issues).toEqual([
      { line: 2, severity: "warning", code: "blank_line", message: "line 2 is blank; remove it" },
    ]);
    expect(r.errorCount).toBe(0);
  });

  it("warns about a byte-order mark and still lints the first line", () => {
    expect(codes('\uFEFF{"text":"a"}\n')).toEqual(["1:bom"]);
    expect(codes('\uFEFF{"text":5}\n')).toEqual(["1:bom", "1:pretrain_text_not_string"]);
    expect(codes('{"text":"a"}\n')).toEqual([]);
  });

  it("explains a byte-order mark inside the file (files joined together)", () => {
    expect(lintText('{"text":"a"}\n\uFEFF{"text":"b"}\n').issues.map((i) => i.message)).toEqual([
      "line 2 is not valid JSON (it starts with a byte-order mark; remove it); each line must be one JSON object",
    ]);
  });

  it("warns once about CRLF line endings and parses the lines", () => {
    const r = lintText(`{"text":"a"}\r\n{"text":"b"}\r\n{"text":"c"}\r\n`);
    expect(r.issues.map((i) => `${i.line}:${i.code}:${i.severity}`)).toEqual(["1:crlf:warning"]);
    expect(r.warningCount).toBe(1);
    expect(r.stats.samples).toBe(3);
  });

  it("reports invalid UTF-8 with its line and column", () => {
    const bytes = new Uint8Array([
      ...enc.encode('{"text":"ok"}\n{"text":"caf'),
      0xe9,
      ...enc.encode('"}\n{"text":"é"}\n'),
    ]);
    const r = new JsonlLinter();
    r.push(bytes);
    const report = r.end();
    expect(report.issues).toEqual([
      {
        line: 2,
        severity: "error",
        code: "invalid_utf8",
        message: "line 2 is not valid UTF-8 (bad byte at column 13); save the file as UTF-8",
      },
    ]);
    expect(report.stats.lines).toBe(3);
  });

  it("skips an over-long line without buffering it and lints the next", () => {
    const long = `{"text":"${"x".repeat(5000)}"}`;
    const linter = new JsonlLinter({ maxLineBytes: 1024 });
    const file = enc.encode(`{"text":"a"}\n${long}\n{"text":5}\n`);
    for (let i = 0; i < file.length; i += 100) linter.push(file.subarray(i, i + 100));
    const report = linter.end();
    expect(report.issues.map((i) => `${i.line}:${i.code}`)).toEqual([
      "2:line_too_long",
      "3:pretrain_text_not_string",
    ]);
    expect(report.issues[0].message).toBe(
      "line 2 is longer than 1 KB; it was skipped (split the sample or shorten it)",
    );
    // A line of exactly maxLineBytes is accepted.
    expect(codes(`{"text":"${"x".repeat(1024 - 11)}"}\n`, { maxLineBytes: 1024 })).toEqual([]);
    expect(codes(`{"text":"${"x".repeat(1024 - 10)}"}`, { maxLineBytes: 1024 })).toEqual([
      "1:line_too_long",
    ]);
  });

  it("keeps maxIssues issues but counts all of them exactly", () => {
    const text = Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? "" : "{bad")).join("\n");
    const r = lintText(text, { maxIssues: 7 });
    expect(r.issues).toHaveLength(7);
    expect(r.issues.map((i) => i.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.errorCount).toBe(40);
    expect(r.warningCount).toBe(10);
    expect(r.truncated).toBe(true);
    expect(lintText(text, { maxIssues: 50 }).truncated).toBe(false);
  });

  it("refuses pushes after end()", () => {
    const linter = new JsonlLinter();
    linter.end();
    expect(() => linter.push(new Uint8Array([1]))).toThrow(/after end/);
  });
});

describe("lintStream", () => {
  const text = [line(u("é日本🎉"), a("ok")), "{bad", '{"text":"x"}'].join("\n");
  const expected = lintText(text);

  it("reads a web ReadableStream and reports progress", async () => {
    const bytes = enc.encode(text);
    const progress: number[] = [];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 10) controller.enqueue(bytes.slice(i, i + 10));
        controller.close();
      },
    });
    expect(await lintStream(stream, { onProgress: (n) => progress.push(n) })).toEqual(expected);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it("reads a Node stream (an async iterable of Buffers)", async () => {
    const buf = Buffer.from(text);
    const parts = [buf.subarray(0, 3), buf.subarray(3, 40), buf.subarray(40)];
    expect(await lintStream(Readable.from(parts))).toEqual(expected);
  });

  it("is not confused when the producer reuses its chunk buffer", () => {
    const bytes = enc.encode(text);
    const linter = new JsonlLinter();
    const shared = new Uint8Array(4);
    for (let i = 0; i < bytes.length; i += 4) {
      const n = Math.min(4, bytes.length - i);
      shared.set(bytes.subarray(i, i + n));
      linter.push(shared.subarray(0, n));
      shared.fill(0x7b);
    }
    expect(linter.end()).toEqual(expected);
  });
});
