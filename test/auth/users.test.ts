// The users routes (users.manage): admins create, change, disable and delete accounts; a role
// change applies to the next request of existing sessions and tokens; the console keeps an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as userRoute from "@/app/api/console/users/[id]/route";
import * as usersRoute from "@/app/api/console/users/route";
import { queryAudit } from "@/lib/server/auth/audit";
import {
  bearer,
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  guardedFake,
  PASSWORD,
  session,
  signedIn,
  signInRequest,
  tokenFor,
  useAuthContext,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const chat = { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] };
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe.each(DATABASES)("managing users on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let member: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx);
    member = await signedIn(t.ctx, "member");
    admin = await signedIn(t.ctx, "admin");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  const patch = (as: TestUser, id: string, body: unknown) =>
    userRoute.PATCH(
      buildRequest(`/api/console/users/${id}`, session(as), { method: "PATCH", json: body }),
      params(id),
    );

  it("needs users.manage", async () => {
    const list = await usersRoute.GET(buildRequest("/api/console/users", session(member)));
    expect(list.status).toBe(403);
    expect(await bodyOf(list)).toMatchObject({ code: "forbidden", param: "users.manage" });
    const change = await patch(member, member.user.id, { role: "admin" });
    expect(change.status).toBe(403);
  });

  it("an admin creates a user who can then sign in; duplicates and bad roles are refused", async () => {
    const body = {
      email: "New.Person@Example.com",
      name: "New",
      password: PASSWORD,
      role: "member",
    };
    const created = await usersRoute.POST(
      buildRequest("/api/console/users", session(admin), { json: body }),
    );
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: Record<string, unknown> };
    expect(user).toMatchObject({
      email: "new.person@example.com",
      role: "member",
      disabled: false,
    });
    expect(JSON.stringify(user)).not.toContain(PASSWORD);
    expect(
      (await t.ctx.auth.handler(signInRequest("new.person@example.com", PASSWORD))).status,
    ).toBe(200);

    const again = await usersRoute.POST(
      buildRequest("/api/console/users", session(admin), { json: body }),
    );
    expect(again.status).toBe(409);
    expect(await bodyOf(again)).toMatchObject({ code: "email_taken", param: "email" });
    const badRole = await usersRoute.POST(
      buildRequest("/api/console/users", session(admin), {
        json: { ...body, email: "x@example.com", role: "owner" },
      }),
    );
    expect(badRole.status).toBe(422);
    expect(await bodyOf(badRole)).toMatchObject({ param: "role" });
    const [entry] = await queryAudit(t.ctx, { operation: "users.create", limit: 1 });
    expect(entry).toMatchObject({ userId: admin.user.id, target: "new.person@example.com" });
  });

  it("a role change applies to the next request of the user's session and tokens", async () => {
    const user = await signedIn(t.ctx, "member", "demoted");
    const { secret } = await tokenFor(t.ctx, user);
    const viaSession = () =>
      g.gateway(buildRequest("/v1/chat/completions", session(user), { json: chat }));
    const viaToken = () =>
      g.gateway(buildRequest("/v1/chat/completions", bearer(secret), { json: chat }));
    expect((await viaSession()).status).toBe(200);

    const changed = await patch(admin, user.user.id, { role: "viewer", rateLimitPerMinute: 5 });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      user: { role: "viewer", rateLimitPerMinute: 5, disabled: false },
    });
    expect((await viaSession()).status).toBe(403);
    expect((await viaToken()).status).toBe(403);

    expect((await patch(admin, user.user.id, { role: "member" })).status).toBe(200);
    expect((await viaToken()).status).toBe(200);
  });

  it("refuses bad patches naming the field", async () => {
    const bad = await patch(admin, member.user.id, { rateLimitPerMinute: 0 });
    expect(bad.status).toBe(422);
    expect(await bodyOf(bad)).toMatchObject({ param: "rateLimitPerMinute" });
    const notBool = await patch(admin, member.user.id, { disabled: "yes" });
    expect(await bodyOf(notBool)).toMatchObject({ param: "disabled" });
    const missing = await patch(admin, "no-such-user", { role: "viewer" });
    expect(missing.status).toBe(404);
  });

  it("an admin cannot demote, disable or delete themselves; another admin can demote them", async () => {
    const self = await patch(admin, admin.user.id, { role: "member" });
    expect(self.status).toBe(409);
    expect(await bodyOf(self)).toMatchObject({ code: "self" });
    expect((await patch(admin, admin.user.id, { disabled: true })).status).toBe(409);
    const deleteSelf = await userRoute.DELETE(
      buildRequest(`/api/console/users/${admin.user.id}`, session(admin), { method: "DELETE" }),
      params(admin.user.id),
    );
    expect(deleteSelf.status).toBe(409);

    // Another admin may demote them; from then on they manage nobody.
    const second = await signedIn(t.ctx, "admin", "second");
    expect((await patch(second, admin.user.id, { role: "member" })).status).toBe(200);
    const demoted = await patch(admin, second.user.id, { role: "viewer" });
    expect(demoted.status).toBe(403);
    expect(await bodyOf(demoted)).toMatchObject({ param: "users.manage" });
    expect((await patch(second, admin.user.id, { role: "admin" })).status).toBe(200);
  });

  it("deleting a user ends their sessions and tokens", async () => {
    const user = await signedIn(t.ctx, "member", "deleted");
    const { secret } = await tokenFor(t.ctx, user);
    const removed = await userRoute.DELETE(
      buildRequest(`/api/console/users/${user.user.id}`, session(admin), { method: "DELETE" }),
      params(user.user.id),
    );
    expect(removed.status).toBe(204);
    expect((await g.gateway(buildRequest("/v1/models", session(user)))).status).toBe(401);
    expect((await g.gateway(buildRequest("/v1/models", bearer(secret)))).status).toBe(401);
    const tokens = await t.ctx.database.db
      .selectFrom("console_token")
      .select("id")
      .where("user_id", "=", user.user.id)
      .execute();
    expect(tokens).toEqual([]);
  });
});
