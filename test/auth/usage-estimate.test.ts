// A stream that ends without the API's usage chunk (the caller pressed Stop, or the connection was
// cut) was still billed for what the upstream generated. The audit log then records the console's
// own estimate (the streamed completion's tokens, the prompt's from the request body), marked
// "console" (shown as estimated on the audit page and in the CSV); a full stream keeps the API's
// own usage, marked "upstream".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCsv, queryAudit, type AuditEntry } from "@/lib/server/auth/audit";
import { countTokens } from "@/lib/mistral/tokens";
import { sleep } from "../gateway/helpers";
import {
  buildRequest,
  createTestAuth,
  DATABASES,
  guardedFake,
  guardedSandbox,
  session,
  signedIn,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const PROMPT = "Tell me a long story about the mistral wind and the sea";
const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: "mistral-small-latest",
  messages: [{ role: "user", content: PROMPT }],
  stream: true,
  ...extra,
});

/** The content the client received from SSE text. */
function streamedContent(sse: string): string {
  let out = "";
  for (const line of sse.split("\n")) {
    if (!line.startsWith("data: {")) continue;
    const event = JSON.parse(line.slice(6)) as { choices: { delta: { content?: string } }[] };
    out += event.choices[0]?.delta?.content ?? "";
  }
  return out;
}

async function settled(t: TestAuth, id?: number): Promise<AuditEntry> {
  for (let i = 0; i < 200; i++) {
    const [entry] = await queryAudit(t.ctx, { limit: 1 });
    if (entry && entry.status !== null && (id === undefined || entry.id === id)) return entry;
    await sleep(10);
  }
  throw new Error("the audit entry was never completed");
}

const cutScript = (parts: string[]) => (_req: unknown, res: import("node:http").ServerResponse) => {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const [i, content] of parts.entries()) {
    const delta = i === 0 ? { role: "assistant", content } : { content };
    res.write(
      `data: ${JSON.stringify({ id: "cut", object: "chat.completion.chunk", model: "mistral-small-latest", choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
    );
  }
  // No usage chunk, no [DONE]: the connection drops once the parts are out.
  setTimeout(() => res.destroy(), 50);
};

describe.each(DATABASES)("stream usage on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = guardedSandbox(t.ctx, t.dataDir);
    member = await signedIn(t.ctx, "member");
  });

  afterAll(async () => {
    await g?.close();
    await t?.close();
  });

  it("a stream the caller stops records the tokens streamed so far, estimated by the console", async () => {
    const controller = new AbortController();
    const response = await g.gateway(
      buildRequest("/v1/chat/completions", session(member), {
        json: chatBody({ max_tokens: 4000 }),
        signal: controller.signal,
      }),
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let sse = "";
    while (countTokens(streamedContent(sse.slice(0, sse.lastIndexOf("\n\n") + 1))) < 20) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before it was stopped");
      sse += decoder.decode(value, { stream: true });
    }
    controller.abort();
    await reader.cancel();
    const entry = await settled(t);
    const received = countTokens(streamedContent(sse.slice(0, sse.lastIndexOf("\n\n") + 1)));

    expect(entry.status).toBe(499);
    expect(entry.usageSource).toBe("console");
    expect(entry.completionTokens).toBeGreaterThanOrEqual(received);
    // Stopped early: far fewer than the 4000 it was allowed (a long story asked for).
    expect(entry.completionTokens).toBeLessThan(4000);
    expect(entry.promptTokens).toBe(countTokens(PROMPT));
    expect(entry.totalTokens).toBe(entry.promptTokens! + entry.completionTokens!);
    // The CSV says the counts are the console's.
    const line = auditCsv([entry]).split("\r\n");
    expect(line[0]).toContain("usageSource");
    expect(line[1]).toContain(",console,");
  });

  it("a stream that finishes keeps the API's own usage, marked upstream", async () => {
    const response = await g.gateway(
      buildRequest("/v1/chat/completions", session(member), { json: chatBody({ max_tokens: 20 }) }),
    );
    const sse = await response.text();
    const last = sse
      .split("\n")
      .filter((l) => l.startsWith("data: {"))
      .map((l) => JSON.parse(l.slice(6)) as { usage?: Record<string, number> })
      .findLast((e) => e.usage)!.usage!;
    const entry = await settled(t);
    expect(entry).toMatchObject({
      status: 200,
      usageSource: "upstream",
      promptTokens: last.prompt_tokens,
      completionTokens: last.completion_tokens,
    });
  });

  it("a stream cut before its usage chunk records the streamed tokens, estimated", async () => {
    const parts = ["The mistral ", "is a cold, dry wind ", "that blows down the Rhône valley"];
    const fake = await guardedFake(t.ctx, cutScript(parts));
    try {
      const response = await fake.gateway(
        buildRequest("/v1/chat/completions", session(member), { json: chatBody() }),
      );
      await response.text().catch(() => "");
      const entry = await settled(t);
      expect(entry.usageSource).toBe("console");
      expect(entry.completionTokens).toBe(countTokens(parts.join("")));
      expect(entry.completionTokens).toBeGreaterThan(0);
      expect(entry.promptTokens).toBe(countTokens(PROMPT));
    } finally {
      await fake.close();
    }
  });
});
