// Bad input through the whole server side: the gateway with the embedded sandbox behind it, as the
// console runs by default. Whatever a client sends, the answer is a 4xx whose message names the
// problem: never a 5xx, never a hang, never a stack overflow.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "@/lib/sandbox";
import { parseConfig } from "@/lib/server/config";
import { createGateway } from "@/lib/server/gateway";
import { createSandboxUpstream } from "@/lib/server/upstream";
import { asRoute, type RouteGateway } from "./helpers";

let dataDir: string;
let sandbox: ReturnType<typeof createSandbox>;
let gateway: RouteGateway;
const logs: string[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "gateway-bad-input-"));
  sandbox = createSandbox({ dataDir, speed: 40, tokensPerSecond: 1000 });
  gateway = asRoute(
    createGateway({
      config: { ...parseConfig({ MISTRAL_BACKEND: "sandbox" }), maxJsonBodyBytes: 1024 * 1024 },
      upstream: createSandboxUpstream(Promise.resolve(sandbox)),
      log: (m) => logs.push(m),
    }),
  );
});
afterAll(() => {
  sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
  // Nothing a client sent was a failure of the console's own.
  expect(logs).toEqual([]);
});

interface Answer {
  status: number;
  body: string;
  /**
   * Every human-readable sentence of the error: `message` and each `detail[].msg` (a 422 of the
   * live API, and the sandbox, nests `detail` in `message`).
   */
  message: string;
}

/** Calls the gateway and reads the whole answer, failing the test if either takes over 5 s. */
async function call(urlPath: string, init: RequestInit = {}): Promise<Answer> {
  const work = (async () => {
    const res = await gateway(new Request(`http://console.test${urlPath}`, init));
    const body = await res.text();
    let message = "";
    try {
      const parsed = JSON.parse(body) as { message?: unknown; detail?: { msg?: unknown }[] };
      const nested = (parsed.message as { detail?: unknown } | null)?.detail;
      const detail = Array.isArray(parsed.detail)
        ? parsed.detail
        : Array.isArray(nested)
          ? (nested as { msg?: unknown }[])
          : [];
      message = [
        typeof parsed.message === "string" ? parsed.message : "",
        ...detail.map((d) => String(d.msg)),
      ]
        .filter(Boolean)
        .join(" | ");
    } catch {}
    return { status: res.status, body, message };
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${urlPath} did not answer within 5 s`)), 5_000);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const postJson = (urlPath: string, body: BodyInit, contentType = "application/json") =>
  call(urlPath, { method: "POST", headers: { "content-type": contentType }, body });

function expect4xx(answer: Answer, status: number | number[], message: RegExp) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, answer.body.slice(0, 300)).toContain(answer.status);
  expect(answer.message, answer.body.slice(0, 300)).toMatch(message);
}

const CHAT = "/v1/chat/completions";
const user = (content: unknown) => ({
  model: "mistral-small-latest",
  messages: [{ role: "user", content }],
});

describe("JSON bodies", () => {
  it.each([
    ["a missing brace", '{"model": "mistral-small-latest", "messages": ['],
    ["a trailing comma", '{"model": "mistral-small-latest",}'],
    ["single quotes", "{'model': 'mistral-small-latest'}"],
    ["NaN", '{"model": "mistral-small-latest", "temperature": NaN}'],
    ["two documents", '{"model": "a"}{"model": "b"}'],
  ])("malformed JSON (%s) is 400 saying it is not valid JSON", async (_, text) => {
    expect4xx(await postJson(CHAT, text), 400, /not valid JSON/);
  });

  it("valid JSON of the wrong shape is 422 naming the field", async () => {
    expect4xx(await postJson(CHAT, "[]"), 422, /valid dictionary|object/i);
    expect4xx(await postJson(CHAT, "null"), 422, /./);
    expect4xx(await postJson(CHAT, '"hello"'), 422, /./);
    const noModel = await postJson(CHAT, JSON.stringify({ messages: [] }));
    expect4xx(noModel, 422, /Field required/);
    expect(noModel.body).toContain('"model"');
  });

  it("a JSON body over the limit is 413 naming the limit, declared or streamed", async () => {
    const huge = JSON.stringify(user("x".repeat(2 * 1024 * 1024)));
    expect4xx(await postJson(CHAT, huge), 413, /larger than the 1 MB/);
    const streamed = await call(CHAT, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Blob([huge]).stream(),
      duplex: "half",
    } as RequestInit);
    expect4xx(streamed, 413, /larger than the 1 MB/);
  });

  // 100k levels: far past any recursive walker's stack. JSON.parse copes; what comes after must too.
  const DEPTH = 100_000;
  const nestedArrays = "[".repeat(DEPTH) + "]".repeat(DEPTH);
  const nestedObjects = '{"a":'.repeat(DEPTH) + "1" + "}".repeat(DEPTH);
  it.each([
    ["nested arrays as the body", CHAT, nestedArrays],
    ["nested objects as the body", CHAT, nestedObjects],
    [
      "nested arrays as the message content",
      CHAT,
      JSON.stringify(user(null)).replace("null", nestedArrays),
    ],
    [
      "nested objects as the message content",
      CHAT,
      JSON.stringify(user(null)).replace("null", nestedObjects),
    ],
    [
      "nested objects as a tool's parameters",
      CHAT,
      JSON.stringify({
        ...user("hi"),
        tools: [{ type: "function", function: { name: "f", parameters: null } }],
      }).replace('"parameters":null', `"parameters":${nestedObjects}`),
    ],
    [
      "nested arrays as embeddings input",
      "/v1/embeddings",
      `{"model":"mistral-embed","input":${nestedArrays}}`,
    ],
    [
      "nested objects as a job's hyperparameters",
      "/v1/fine_tuning/jobs",
      `{"model":"open-mistral-7b","training_files":[],"hyperparameters":${nestedObjects}}`,
    ],
  ])("deeply nested JSON (%s) is a 4xx, not a stack overflow", async (_, urlPath, text) => {
    const answer = await postJson(urlPath, text);
    expect(answer.status, answer.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
    expect(answer.message).toMatch(/nested too deeply|Input should/);
  });

  it("invalid UTF-8 is 400 saying so, also after valid text and in a string", async () => {
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
    for (const body of [
      bytes(
        '{"model":"mistral-small-latest","messages":[{"role":"user","content":"',
        [0xc3, 0x28],
        '"}]}',
      ),
      bytes([0xff, 0xfe], '{"model":"x"}'),
      bytes('{"model":"', [0xed, 0xa0, 0x80], '"}'), // an encoded lone surrogate
    ]) {
      expect4xx(await postJson(CHAT, new Uint8Array(body)), 400, /not valid UTF-8/);
    }
  });

  it.each([
    ["text/plain", CHAT],
    ["application/x-www-form-urlencoded", "/v1/embeddings"],
    ["multipart/form-data; boundary=x", CHAT],
    ["application/jsonx", CHAT],
    ["", "/v1/fine_tuning/jobs"],
  ])("Content-Type %j on a JSON operation is 415 saying what it takes", async (type, urlPath) => {
    const answer = await call(urlPath, {
      method: "POST",
      headers: type ? { "content-type": type } : {},
      body: JSON.stringify(user("hi")),
    });
    expect4xx(answer, 415, /Content-Type: application\/json/);
  });

  it("a PATCH of a model with a broken body is a 4xx, not a 5xx", async () => {
    const answer = await call("/v1/fine_tuning/models/ft:open-mistral-7b:abc:20240730:1234abcd", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: '{"name": ',
    });
    expect4xx(answer, 400, /not valid JSON/);
  });
});

describe("query strings", () => {
  it.each([
    ["/v1/fine_tuning/jobs?page=abc", /valid integer/],
    ["/v1/fine_tuning/jobs?status=NOPE", /Input should/],
    ["/v1/fine_tuning/jobs?created_after=yesterday", /Input should/],
  ])("%s is 422 naming the parameter", async (urlPath, message) => {
    const answer = await call(urlPath);
    expect4xx(answer, 422, message);
    expect(answer.body).toContain('"query"');
  });
});

describe("uploads", () => {
  const BOUNDARY = "----bad-input-boundary";
  const part = (name: string, value: string, filename?: string) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${
      filename ? `; filename="${filename}"` : ""
    }\r\n${filename ? "Content-Type: application/jsonl\r\n" : ""}\r\n${value}\r\n`;
  const line = JSON.stringify({
    messages: [
      { role: "user", content: "Hello?" },
      { role: "assistant", content: "Hello." },
    ],
  });
  const upload = (
    body: string | Uint8Array<ArrayBuffer>,
    contentType = `multipart/form-data; boundary=${BOUNDARY}`,
  ) => call("/v1/files", { method: "POST", headers: { "content-type": contentType }, body });

  it("a well-formed upload is accepted (the baseline of the cases below)", async () => {
    const ok = await upload(
      part("purpose", "fine-tune") + part("file", line, "a.jsonl") + `--${BOUNDARY}--\r\n`,
    );
    expect(ok.status, ok.body).toBe(200);
  });

  it("multipart with no file is 422 saying the file field is required", async () => {
    const answer = await upload(part("purpose", "fine-tune") + `--${BOUNDARY}--\r\n`);
    expect4xx(answer, 422, /Field required/);
    expect(answer.body).toContain('"file"');
    // Nothing at all in the body but the end.
    expect4xx(await upload(`--${BOUNDARY}--\r\n`), 422, /Field required/);
  });

  it("multipart with two files is 422 saying only one file is taken", async () => {
    const answer = await upload(
      part("purpose", "fine-tune") +
        part("file", line, "a.jsonl") +
        part("file", line, "b.jsonl") +
        `--${BOUNDARY}--\r\n`,
    );
    expect4xx(answer, 422, /one file/i);
    // Nothing was stored.
    const list = await call("/v1/files");
    expect(
      (JSON.parse(list.body) as { data: { filename: string }[] }).data.map((f) => f.filename),
    ).not.toContain("b.jsonl");
  });

  it("a file under another field name is 422 saying the file field is required", async () => {
    expect4xx(
      await upload(part("document", line, "a.jsonl") + `--${BOUNDARY}--\r\n`),
      422,
      /Field required/,
    );
  });

  it("a multipart body cut off before its end is a 4xx saying so", async () => {
    const answer = await upload(
      part("purpose", "fine-tune") + part("file", line, "a.jsonl").slice(0, -10),
    );
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.body).toBeLessThan(500);
    expect(answer.message).toMatch(/interrupted|incomplete|Unexpected end|multipart/i);
  });

  it("a body that is not multipart at all, under a multipart Content-Type, is a 4xx", async () => {
    const answer = await upload('{"file": "a.jsonl"}');
    expect(answer.status, answer.body).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.body).toBeLessThan(500);
    expect(answer.message).not.toBe("");
  });

  it("a file that is not valid UTF-8 is 422 naming the line", async () => {
    const bytes = Buffer.concat([
      Buffer.from(part("file", "", "a.jsonl").slice(0, -2)),
      Buffer.from('{"messages":[{"role":"user","content":"'),
      Buffer.from([0xff, 0xfe, 0xfd]),
      Buffer.from('"}]}'),
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]);
    const answer = await upload(new Uint8Array(bytes));
    expect4xx(answer, 422, /line 1/i);
  });

  it.each([
    ["application/json", /multipart\/form-data/],
    ["multipart/form-data", /no boundary/],
    ["multipart/mixed; boundary=x", /multipart\/form-data/],
  ])("Content-Type %j on an upload is a 4xx saying what it takes", async (type, message) => {
    const answer = await upload(part("file", line, "a.jsonl"), type);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.message).toMatch(message);
  });
});
