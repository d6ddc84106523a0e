// The official SDK (1.0.4) with a console token as its apiKey, against the guarded gateway served
// over real HTTP in live mode: it works, the upstream gets the server's key and never the token,
// the key never comes back, and a revoked token makes the SDK fail with a 401.
import { Mistral } from "sdk-v1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "@/lib/server/auth/audit";
import { revokeToken } from "@/lib/server/auth/tokens";
import { CANARY, serve, type Script, type Served } from "../gateway/helpers";
import {
  addUser,
  createTestAuth,
  DATABASES,
  guardedFake,
  tokenFor,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const script: Script = (req, res) => {
  if (req.url === "/v1/models") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        object: "list",
        data: [
          {
            id: "mistral-large-latest",
            object: "model",
            created: 1,
            owned_by: "mistralai",
            capabilities: { completion_chat: true },
          },
        ],
      }),
    );
    return;
  }
  res.writeHead(200, { "content-type": "text/event-stream" });
  const words = ["Hello", " from", " upstream"];
  words.forEach((w, i) =>
    res.write(
      `data: ${JSON.stringify({
        id: "x",
        object: "chat.completion.chunk",
        created: 1,
        model: "mistral-large-latest",
        choices: [{ index: 0, delta: { content: w }, finish_reason: i === 2 ? "stop" : null }],
        ...(i === 2 ? { usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 } } : {}),
      })}\n\n`,
    ),
  );
  res.end("data: [DONE]\n\n");
};

/** The SDK's error for a call that must fail, with everything it carries as text. */
async function failure(call: () => Promise<unknown>): Promise<{ status: number; text: string }> {
  try {
    await call();
  } catch (error) {
    const e = error as { statusCode?: number; body?: string; message?: string };
    return {
      status: e.statusCode ?? 0,
      text: `${e.message ?? ""} ${e.body ?? ""} ${JSON.stringify(error)}`,
    };
  }
  throw new Error("the SDK call succeeded");
}

describe.each(DATABASES)("the official SDK with a console token on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let served: Served;
  let member: TestUser;
  let viewer: TestUser;
  const seen: string[] = [];

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx, script);
    served = await serve(g.gateway);
    member = await addUser(t.ctx, "member");
    viewer = await addUser(t.ctx, "viewer");
  });

  afterAll(async () => {
    await served?.close();
    await g?.close();
    await t?.close();
    expect(seen.filter((s) => s.includes(CANARY))).toEqual([]);
  });

  it("lists models and streams a chat; the upstream gets the server's key, never the token", async () => {
    const { secret } = await tokenFor(t.ctx, member);
    const sdk = new Mistral({ apiKey: secret, serverURL: served.url });
    const before = g.fake!.received.length;

    const list = await sdk.models.list();
    seen.push(JSON.stringify(list));
    expect(list.data?.map((m) => m.id)).toEqual(["mistral-large-latest"]);

    const stream = await sdk.chat.stream({
      model: "mistral-large-latest",
      messages: [{ role: "user", content: "Hi" }],
    });
    let text = "";
    for await (const event of stream) {
      seen.push(JSON.stringify(event));
      text += event.data.choices[0].delta.content ?? "";
    }
    expect(text.startsWith("Hello from")).toBe(true);
    const [entry] = await queryAudit(t.ctx, { limit: 1 });
    expect(entry).toMatchObject({
      operation: "chat.completions",
      via: "token",
      userId: member.user.id,
      status: 200,
      model: "mistral-large-latest",
      promptTokens: 4,
      completionTokens: 3,
      totalTokens: 7,
    });

    const got = g.fake!.received.slice(before);
    expect(got.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${CANARY}`,
      `Bearer ${CANARY}`,
    ]);
    expect(JSON.stringify(got.map((r) => r.headers))).not.toContain(secret);
  });

  it("a viewer's token gets the SDK's 403 error naming the permission", async () => {
    const { secret } = await tokenFor(t.ctx, viewer);
    const sdk = new Mistral({ apiKey: secret, serverURL: served.url });
    const before = g.fake!.received.length;
    const { status, text } = await failure(() =>
      sdk.chat.complete({
        model: "mistral-large-latest",
        messages: [{ role: "user", content: "Hi" }],
      }),
    );
    seen.push(text);
    expect(status).toBe(403);
    expect(text).toContain("playground.use");
    expect(g.fake!.received.length).toBe(before);
  });

  it("with a revoked token the SDK call fails with a 401", async () => {
    const { secret, token } = await tokenFor(t.ctx, member, "revoked");
    const sdk = new Mistral({ apiKey: secret, serverURL: served.url });
    expect((await sdk.models.list()).object).toBe("list");
    await revokeToken(t.ctx, token.id, null);
    const before = g.fake!.received.length;
    const { status, text } = await failure(() => sdk.models.list());
    seen.push(text);
    expect(status).toBe(401);
    expect(text).toContain("unauthenticated");
    expect(g.fake!.received.length).toBe(before);
  });

  it("the real key given to the SDK is refused (401) and not forwarded", async () => {
    const sdk = new Mistral({ apiKey: CANARY, serverURL: served.url });
    const before = g.fake!.received.length;
    const { status, text } = await failure(() => sdk.models.list());
    expect(status).toBe(401);
    expect(text.replaceAll(CANARY, "")).toContain("unauthenticated");
    expect(g.fake!.received.length).toBe(before);
  });
});
