// Playground conversations live in the console's database, per user: another account (an admin
// included) neither lists nor reads, changes or deletes them (404, as for an id that never
// existed); bodies are checked (422 naming the field) and capped (413); writes need the console's
// Origin; a viewer has no playground and no conversations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/console/conversations/[id]/route";
import * as listRoute from "@/app/api/console/conversations/route";
import { deleteUser } from "@/lib/server/auth/users";
import { MAX_CONVERSATION_BYTES } from "@/lib/server/conversations";
import {
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  session,
  signedIn,
  useAuthContext,
  type CallOptions,
  type TestAuth,
  type TestUser,
} from "./harness";

const params = (id: string) => ({ params: Promise.resolve({ id }) });

function conversation(id: string, text = "What is a mistral?") {
  return {
    id,
    title: text.slice(0, 40),
    system: "Answer briefly.",
    messages: [
      { id: `${id}-u`, role: "user", content: text },
      { id: `${id}-a`, role: "assistant", content: "A cold wind.", metrics: { model: "m" } },
    ],
    settings: {
      mode: "model",
      model: "mistral-small-latest",
      agentId: "",
      params: { temperature: 0.7, topP: 1 },
      tools: [],
      toolChoice: "auto",
    },
    createdAt: 1_700_000_000_000,
  };
}

describe.each(DATABASES)("conversations on %s", (kind) => {
  let t: TestAuth;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    admin = await signedIn(t.ctx, "admin");
    member = await signedIn(t.ctx, "member");
    viewer = await signedIn(t.ctx, "viewer");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await t?.close();
  });

  const list = (user: TestUser) =>
    listRoute.GET(buildRequest("/api/console/conversations", session(user)));
  const create = (user: TestUser, json: unknown, options: CallOptions = {}) =>
    listRoute.POST(buildRequest("/api/console/conversations", session(user), { json, ...options }));
  const item = (user: TestUser, id: string, options: CallOptions = {}) => {
    const method = (options.method ?? "GET") as "GET" | "PUT" | "PATCH" | "DELETE";
    return itemRoute[method](
      buildRequest(`/api/console/conversations/${id}`, session(user), options),
      params(id),
    );
  };

  it("the owner creates, lists, reads, replaces, renames and deletes a conversation", async () => {
    const c = conversation("c_owner1");
    const created = await create(member, c);
    expect(created.status).toBe(201);

    const listed = (await bodyOf(await list(member))).conversations as Record<string, unknown>[];
    expect(listed).toEqual([
      expect.objectContaining({ id: "c_owner1", title: c.title, messageCount: 2 }),
    ]);

    const read = await item(member, "c_owner1");
    expect(read.status).toBe(200);
    const got = (await bodyOf(read)).conversation as Record<string, unknown>;
    expect(got).toMatchObject({
      id: "c_owner1",
      system: "Answer briefly.",
      messages: c.messages,
      settings: c.settings,
      createdAt: c.createdAt,
    });

    const more = {
      ...c,
      messages: [...c.messages, { id: "x", role: "user", content: "And the bora?" }],
    };
    const put = await item(member, "c_owner1", { method: "PUT", json: more });
    expect(put.status).toBe(200);
    expect(((await bodyOf(put)).conversation as { messages: unknown[] }).messages).toHaveLength(3);

    const patch = await item(member, "c_owner1", { method: "PATCH", json: { title: "Winds" } });
    expect(patch.status).toBe(200);
    expect((await bodyOf(patch)).conversation).toMatchObject({
      title: "Winds",
      renamed: true,
      messages: more.messages,
    });

    expect((await item(member, "c_owner1", { method: "DELETE" })).status).toBe(204);
    expect((await item(member, "c_owner1")).status).toBe(404);
  });

  it("keeps the upstream conversation an agent conversation continues (agent mode)", async () => {
    const upstream = {
      id: "conv_0123abcd",
      agentId: "ag_1",
      agentVersion: 2,
      messages: [
        { id: "c_agent1-u", sent: "0a1b2c3d" },
        { id: "c_agent1-a", sent: "4e5f6071", entryId: "msg_1" },
      ],
    };
    const c = { ...conversation("c_agent1"), upstream };
    expect((await create(member, c)).status).toBe(201);
    const read = (await bodyOf(await item(member, "c_agent1"))).conversation;
    expect(read).toMatchObject({ upstream });
    const moved = { ...upstream, id: "conv_4567" };
    const put = await item(member, "c_agent1", { method: "PUT", json: { ...c, upstream: moved } });
    expect((await bodyOf(put)).conversation).toMatchObject({ upstream: moved });
    const bad = await item(member, "c_agent1", {
      method: "PUT",
      json: { ...c, upstream: { ...upstream, agentVersion: "two" } },
    });
    expect(bad.status).toBe(422);
    expect((await bodyOf(bad)).param).toBe("upstream.agentVersion");
  });

  it("nobody else, not even an admin, lists, reads, changes or deletes them: 404", async () => {
    expect((await create(admin, conversation("c_secret", "The admin's secret plan"))).status).toBe(
      201,
    );
    const theirs = (await bodyOf(await list(member))).conversations as { id: string }[];
    expect(theirs.map((c) => c.id)).not.toContain("c_secret");

    const read = await item(member, "c_secret");
    expect(read.status).toBe(404);
    expect(JSON.stringify(await bodyOf(read))).not.toContain("secret plan");
    const put = await item(member, "c_secret", {
      method: "PUT",
      json: conversation("c_secret", "overwritten"),
    });
    expect(put.status).toBe(404);
    expect(
      (await item(member, "c_secret", { method: "PATCH", json: { title: "mine" } })).status,
    ).toBe(404);
    expect((await item(member, "c_secret", { method: "DELETE" })).status).toBe(404);

    // The same id is the member's own to use: it neither collides with nor reveals the admin's.
    expect((await create(member, conversation("c_secret", "Mine"))).status).toBe(201);
    const adminsRead = (await bodyOf(await item(admin, "c_secret"))).conversation as {
      messages: { content: string }[];
    };
    expect(adminsRead.messages[0].content).toBe("The admin's secret plan");
    expect((await list(member)).status).toBe(200);

    // And the admin's list holds only the admin's.
    const adminList = (await bodyOf(await list(admin))).conversations as { title: string }[];
    expect(adminList.map((c) => c.title)).toEqual(["The admin's secret plan"]);
  });

  it("a viewer, who has no playground, has no conversations (403)", async () => {
    const res = await list(viewer);
    expect(res.status).toBe(403);
    expect((await bodyOf(res)).param).toBe("playground.use");
    expect((await create(viewer, conversation("c_v"))).status).toBe(403);
  });

  it("refuses a conversation larger than the cap with 413, and keeps the saved one", async () => {
    expect((await create(member, conversation("c_big"))).status).toBe(201);
    const huge = conversation("c_big", "x");
    huge.messages[1].content = "y".repeat(MAX_CONVERSATION_BYTES);
    const put = await item(member, "c_big", { method: "PUT", json: huge });
    expect(put.status).toBe(413);
    expect((await bodyOf(put)).message).toMatch(/at most 2097152 bytes/);
    expect((await create(member, { ...huge, id: "c_big2" })).status).toBe(413);
    const kept = (await bodyOf(await item(member, "c_big"))).conversation as {
      messages: { content: string }[];
    };
    expect(kept.messages[1].content).toBe("A cold wind.");
    expect((await item(member, "c_big2")).status).toBe(404);
  });

  it("checks bodies: 422 naming the field", async () => {
    const bad = conversation("c_bad");
    const cases: [unknown, string][] = [
      [{ ...bad, messages: [{ id: "m", role: "robot", content: "hi" }] }, "messages.0.role"],
      [{ ...bad, messages: [{ id: "m", role: "user" }] }, "messages.0.content"],
      [{ ...bad, title: "" }, "title"],
      [{ ...bad, settings: { ...bad.settings, toolChoice: "maybe" } }, "settings.toolChoice"],
      [{ ...bad, id: "../../etc" }, "id"],
      [{ ...bad, system: 3 }, "system"],
    ];
    for (const [json, field] of cases) {
      const res = await create(member, json);
      expect(res.status, field).toBe(422);
      const body = await bodyOf(res);
      expect(body.param).toBe(field);
      expect(body.message).toContain(field);
    }
    const patch = await item(member, "c_owner_missing", { method: "PATCH", json: { title: 5 } });
    expect(patch.status).toBe(422);
    expect((await bodyOf(patch)).param).toBe("title");
    // A duplicate id is a conflict, not an overwrite.
    expect((await create(member, conversation("c_dup"))).status).toBe(201);
    const again = await create(member, conversation("c_dup", "Other"));
    expect(again.status).toBe(409);
  });

  it("writes from another site are refused (403 cross_site)", async () => {
    const res = await create(member, conversation("c_cross"), { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect((await bodyOf(res)).code).toBe("cross_site");
    const del = await item(member, "c_owner1", { method: "DELETE", origin: null });
    expect(del.status).toBe(403);
  });

  it("go with their owner when the account is deleted", async () => {
    const leaving = await signedIn(t.ctx, "member", "leaving");
    expect((await create(leaving, conversation("c_leaving"))).status).toBe(201);
    await deleteUser(t.ctx, admin.user.id, leaving.user.id);
    const rows = await t.ctx.database.db
      .selectFrom("conversation")
      .select("id")
      .where("user_id", "=", leaving.user.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
