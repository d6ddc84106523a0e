// Console tokens: a Bearer mc_… acts with its owner's role, is stored only as a hash, records
// its last use, stops working when revoked or its account is disabled; anything else as Bearer
// (the real key pasted, say) is refused without being forwarded. Plus the /api/console/tokens routes.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/console/tokens/[id]/route";
import * as tokensRoute from "@/app/api/console/tokens/route";
import { revokeToken } from "@/lib/server/auth/tokens";
import { updateUser } from "@/lib/server/auth/users";
import { CANARY } from "../gateway/helpers";
import {
  addUser,
  bearer,
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  guardedFake,
  session,
  signedIn,
  tokenFor,
  useAuthContext,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const chat = { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe.each(DATABASES)("console tokens on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let viewer: TestUser;
  let member: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx);
    viewer = await addUser(t.ctx, "viewer"); // only ever acts through tokens
    member = await signedIn(t.ctx, "member");
    admin = await signedIn(t.ctx, "admin");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  const call = (path: string, token: string, options = {}) =>
    g.gateway(buildRequest(path, bearer(token), options));

  it("works as Bearer on /v1 with its owner's role, and only the server's key goes upstream", async () => {
    const { secret } = await tokenFor(t.ctx, member);
    expect(secret).toMatch(/^mc_[A-Za-z0-9_-]{40,}$/);
    const before = g.fake!.received.length;
    const response = await call("/v1/chat/completions", secret, { json: chat });
    expect(response.status).toBe(200);
    expect(g.fake!.received.length).toBe(before + 1);
    const got = g.fake!.received.at(-1)!;
    expect(got.headers.authorization).toBe(`Bearer ${CANARY}`);
    expect(JSON.stringify(got.headers)).not.toContain(secret);
    expect(JSON.stringify(got.headers)).not.toContain("mc_");
  });

  it("a viewer's token reads but cannot chat (403 playground.use)", async () => {
    const { secret } = await tokenFor(t.ctx, viewer);
    expect((await call("/v1/models", secret)).status).toBe(200);
    const before = g.fake!.received.length;
    const refused = await call("/v1/chat/completions", secret, { json: chat });
    expect(refused.status).toBe(403);
    expect(await bodyOf(refused)).toMatchObject({ code: "forbidden", param: "playground.use" });
    expect(g.fake!.received.length).toBe(before);
  });

  it("is stored only as its SHA-256, and its last use is recorded", async () => {
    const { secret, token } = await tokenFor(t.ctx, member, "stored");
    const row = await t.ctx.database.db
      .selectFrom("console_token")
      .selectAll()
      .where("id", "=", token.id)
      .executeTakeFirstOrThrow();
    expect(row.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(3 + 8));
    expect(secret.startsWith(row.prefix)).toBe(true);
    expect(row.last_used_at).toBeNull();

    const startedAt = Date.now();
    expect((await call("/v1/models", secret)).status).toBe(200);
    const used = await t.ctx.database.db
      .selectFrom("console_token")
      .select("last_used_at")
      .where("id", "=", token.id)
      .executeTakeFirstOrThrow();
    expect(Number(used.last_used_at)).toBeGreaterThanOrEqual(startedAt);
    expect(Number(used.last_used_at)).toBeLessThanOrEqual(Date.now());
  });

  it("revoked: the next request is 401 and nothing is forwarded", async () => {
    const { secret, token } = await tokenFor(t.ctx, member, "revoke-me");
    expect((await call("/v1/models", secret)).status).toBe(200);
    expect(await revokeToken(t.ctx, token.id, member.user.id)).toBe(true);
    const before = g.fake!.received.length;
    const refused = await call("/v1/models", secret);
    expect(refused.status).toBe(401);
    expect(await bodyOf(refused)).toMatchObject({ code: "unauthenticated" });
    expect(g.fake!.received.length).toBe(before);
  });

  it("a disabled user's token is 401", async () => {
    const owner = await addUser(t.ctx, "member", "to-disable");
    const { secret } = await tokenFor(t.ctx, owner);
    expect((await call("/v1/models", secret)).status).toBe(200);
    await updateUser(t.ctx, admin.user.id, owner.user.id, { disabled: true });
    const refused = await call("/v1/models", secret);
    expect(refused.status).toBe(401);
    expect(await bodyOf(refused)).toMatchObject({ code: "unauthenticated" });
  });

  it.each([
    ["the real key pasted", CANARY],
    ["an unknown mc_ token", "mc_notarealtokenatall"],
    ["an empty bearer", ""],
  ])("%s as Bearer is 401 and not forwarded", async (_what, secret) => {
    const before = g.fake!.received.length;
    const response = await g.gateway(
      buildRequest("/v1/models", null, { headers: { authorization: `Bearer ${secret}` } }),
    );
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "unauthenticated" });
    expect(text).not.toContain(CANARY);
    expect(g.fake!.received.length).toBe(before);
  });

  it("a session behind an HTTP Basic proxy still works (browsers send its Authorization on every request)", async () => {
    const response = await g.gateway(
      buildRequest("/v1/models", session(member), {
        headers: { authorization: "Basic dXNlcjpwcm94eS1wYXNzd29yZA==" },
      }),
    );
    expect(response.status).toBe(200);
    const anonymous = await g.gateway(
      buildRequest("/v1/models", null, {
        headers: { authorization: "Basic dXNlcjpwcm94eS1wYXNzd29yZA==" },
      }),
    );
    expect(anonymous.status).toBe(401);
  });

  it("a token with a session cookie beside it still acts as the token's owner", async () => {
    const { secret } = await tokenFor(t.ctx, viewer);
    const request = buildRequest("/v1/chat/completions", bearer(secret), {
      json: chat,
      headers: { cookie: admin.cookie },
    });
    expect((await g.gateway(request)).status).toBe(403);
  });

  describe("the /api/console/tokens routes", () => {
    it("creates a token from a session (secret shown once) and lists only one's own", async () => {
      const created = await tokensRoute.POST(
        buildRequest("/api/console/tokens", session(member), { json: { name: "laptop" } }),
      );
      expect(created.status).toBe(201);
      const { token, secret } = (await created.json()) as {
        token: { id: string; prefix: string; userId: string };
        secret: string;
      };
      expect(token.userId).toBe(member.user.id);
      expect(secret.startsWith(token.prefix)).toBe(true);

      const listed = await tokensRoute.GET(buildRequest("/api/console/tokens", session(member)));
      const { tokens } = (await listed.json()) as { tokens: Record<string, unknown>[] };
      expect(tokens.map((x) => x.id)).toContain(token.id);
      expect(tokens.every((x) => x.userId === member.user.id)).toBe(true);
      expect(JSON.stringify(tokens)).not.toContain(secret);
      expect(JSON.stringify(tokens)).not.toMatch(/"hash"/);
    });

    it("a token cannot mint another token", async () => {
      const { secret } = await tokenFor(t.ctx, member);
      const response = await tokensRoute.POST(
        buildRequest("/api/console/tokens", bearer(secret), { json: { name: "x" } }),
      );
      expect(response.status).toBe(403);
      expect(await bodyOf(response)).toMatchObject({ code: "session_required" });
    });

    it("listing every user's tokens needs tokens.manage_any", async () => {
      const refused = await tokensRoute.GET(
        buildRequest("/api/console/tokens?all=1", session(member)),
      );
      expect(refused.status).toBe(403);
      expect(await bodyOf(refused)).toMatchObject({
        code: "forbidden",
        param: "tokens.manage_any",
      });
      const all = await tokensRoute.GET(buildRequest("/api/console/tokens?all=1", session(admin)));
      expect(all.status).toBe(200);
      const { tokens } = (await all.json()) as { tokens: { userId: string }[] };
      const owners = new Set(tokens.map((x) => x.userId));
      expect(owners.has(member.user.id) && owners.has(viewer.user.id)).toBe(true);
    });

    it("a member deleting another user's token gets 404 and the token keeps working", async () => {
      const { secret, token } = await tokenFor(t.ctx, viewer, "theirs");
      const refused = await tokenRoute.DELETE(
        buildRequest(`/api/console/tokens/${token.id}`, session(member), { method: "DELETE" }),
        params(token.id),
      );
      expect(refused.status).toBe(404);
      expect((await call("/v1/models", secret)).status).toBe(200);
    });

    it("the owner revokes through the route; an admin may revoke anyone's", async () => {
      const own = await tokenFor(t.ctx, member, "mine");
      const revoked = await tokenRoute.DELETE(
        buildRequest(`/api/console/tokens/${own.token.id}`, session(member), { method: "DELETE" }),
        params(own.token.id),
      );
      expect(revoked.status).toBe(204);
      expect((await call("/v1/models", own.secret)).status).toBe(401);

      const theirs = await tokenFor(t.ctx, viewer, "admin-revokes");
      const byAdmin = await tokenRoute.DELETE(
        buildRequest(`/api/console/tokens/${theirs.token.id}`, session(admin), {
          method: "DELETE",
        }),
        params(theirs.token.id),
      );
      expect(byAdmin.status).toBe(204);
      expect((await call("/v1/models", theirs.secret)).status).toBe(401);
    });

    it("anonymous callers get 401 JSON", async () => {
      const response = await tokensRoute.GET(buildRequest("/api/console/tokens", null));
      expect(response.status).toBe(401);
      expect(await bodyOf(response)).toMatchObject({ code: "unauthenticated" });
    });
  });
});
