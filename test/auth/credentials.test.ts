// Credentials are remembered for a few seconds (lib/server/auth/credentials.ts), yet every change
// to what one may do holds from the next request: on this instance at once, on every other
// instance sharing the PostgreSQL database within a second (LISTEN/NOTIFY), and while an
// instance's listener is down nothing is served from memory.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LISTENER_APPLICATION_NAME } from "@/lib/server/auth/credentials";
import { revokeToken } from "@/lib/server/auth/tokens";
import { deleteUser, updateUser } from "@/lib/server/auth/users";
import {
  anotherInstance,
  bearer,
  buildRequest,
  CONSOLE,
  createTestAuth,
  DATABASES,
  guardedFake,
  PASSWORD,
  session,
  signedIn,
  signIn,
  signInRequest,
  cookiesOf,
  tokenFor,
  type Caller,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const chat = { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] };

/** The status of a read (/v1/models) and of a spending write (chat) as `as`. */
const read = (g: Guarded, as: Caller) => g.gateway(buildRequest("/v1/models", as));
const write = (g: Guarded, as: Caller) =>
  g.gateway(buildRequest("/v1/chat/completions", as, { json: chat }));

/** How long until `probe` answers `status` (polled every 20 ms, at most 3 s). */
async function msUntil(status: number, probe: () => Promise<Response>): Promise<number> {
  const start = Date.now();
  for (;;) {
    const response = await probe();
    await response.body?.cancel();
    if (response.status === status) return Date.now() - start;
    if (Date.now() - start > 3_000) {
      throw new Error(`still ${response.status} after 3 s (wanted ${status})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const signOut = (t: TestAuth, user: TestUser) =>
  t.ctx.auth.handler(
    new Request(`${CONSOLE}/api/auth/sign-out`, {
      method: "POST",
      headers: { origin: CONSOLE, cookie: user.cookie },
    }),
  );

describe.each(DATABASES)("remembered credentials on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx);
    admin = await signedIn(t.ctx, "admin");
  });

  afterAll(async () => {
    await g?.close();
    await t?.close();
  });

  it("a revoked token is refused from the next request", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret, token } = await tokenFor(t.ctx, member);
    expect((await read(g, bearer(secret))).status).toBe(200);
    expect((await read(g, bearer(secret))).status).toBe(200);
    expect(await revokeToken(t.ctx, token.id, member.user.id)).toBe(true);
    expect((await read(g, bearer(secret))).status).toBe(401);
  });

  it("a disabled user is refused from the next request, by session and by token", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    expect((await read(g, session(member))).status).toBe(200);
    expect((await read(g, bearer(secret))).status).toBe(200);
    await updateUser(t.ctx, admin.user.id, member.user.id, { disabled: true });
    expect((await read(g, session(member))).status).toBe(401);
    expect((await read(g, bearer(secret))).status).toBe(401);
  });

  it("a deleted user's token is refused from the next request", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    expect((await read(g, bearer(secret))).status).toBe(200);
    await deleteUser(t.ctx, admin.user.id, member.user.id);
    expect((await read(g, bearer(secret))).status).toBe(401);
  });

  it("a changed role and a changed limit hold from the next request", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    expect((await write(g, session(member))).status).toBe(200);
    expect((await write(g, bearer(secret))).status).toBe(200);
    await updateUser(t.ctx, admin.user.id, member.user.id, { rateLimitPerMinute: 2 });
    expect((await write(g, bearer(secret))).status).toBe(429);
    await updateUser(t.ctx, admin.user.id, member.user.id, { role: "viewer" });
    expect((await write(g, session(member))).status).toBe(403);
    expect((await write(g, bearer(secret))).status).toBe(403);
  });

  it("a signed-out session, and sessions revoked from another one, are refused from the next request", async () => {
    const member = await signedIn(t.ctx, "member");
    const other = await t.ctx.auth.handler(signInRequest(member.email, PASSWORD));
    const otherCookie = cookiesOf(other);
    expect((await read(g, session(member))).status).toBe(200);
    expect((await read(g, { cookie: otherCookie })).status).toBe(200);

    const revoked = await t.ctx.auth.handler(
      new Request(`${CONSOLE}/api/auth/revoke-other-sessions`, {
        method: "POST",
        headers: { origin: CONSOLE, cookie: member.cookie, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(revoked.status).toBe(200);
    expect((await read(g, { cookie: otherCookie })).status).toBe(401);
    expect((await read(g, session(member))).status).toBe(200);

    expect((await signOut(t, member)).status).toBe(200);
    expect((await read(g, session(member))).status).toBe(401);
  });

  it("a password change that signs out the other sessions holds from the next request", async () => {
    const member = await signedIn(t.ctx, "member");
    const second = { ...member, cookie: "" };
    await signIn(t.ctx, second);
    expect((await read(g, session(second))).status).toBe(200);
    const changed = await t.ctx.auth.handler(
      new Request(`${CONSOLE}/api/auth/change-password`, {
        method: "POST",
        headers: { origin: CONSOLE, cookie: member.cookie, "content-type": "application/json" },
        body: JSON.stringify({
          currentPassword: PASSWORD,
          newPassword: `${PASSWORD} again`,
          revokeOtherSessions: true,
        }),
      }),
    );
    expect(changed.status).toBe(200);
    expect((await read(g, session(second))).status).toBe(401);
  });
});

describe("remembered credentials between two instances on postgres", () => {
  let a: TestAuth;
  let b: TestAuth;
  let ga: Guarded;
  let gb: Guarded;
  let admin: TestUser;

  beforeAll(async () => {
    a = await createTestAuth("postgres");
    b = await anotherInstance(a);
    ga = await guardedFake(a.ctx);
    gb = await guardedFake(b.ctx);
    admin = await signedIn(a.ctx, "admin");
    await until(() => a.ctx.credentials.active() && b.ctx.credentials.active());
  });

  afterAll(async () => {
    await ga?.close();
    await gb?.close();
    await b?.close();
    await a?.close();
  });

  it("a session made on one is used on the other, and its sign-out there is refused here within 1 s", async () => {
    const member = await signedIn(a.ctx, "member");
    expect((await read(gb, session(member))).status).toBe(200);
    expect((await read(gb, session(member))).status).toBe(200);
    expect((await signOut(a, member)).status).toBe(200);
    expect(await msUntil(401, () => read(gb, session(member)))).toBeLessThan(1_000);
  });

  it("a token revoked on one is refused on the other within 1 s", async () => {
    const member = await signedIn(a.ctx, "member");
    const { secret, token } = await tokenFor(a.ctx, member);
    expect((await read(gb, bearer(secret))).status).toBe(200);
    await revokeToken(a.ctx, token.id, null);
    expect(await msUntil(401, () => read(gb, bearer(secret)))).toBeLessThan(1_000);
  });

  it("a user disabled, or demoted, on one is refused accordingly on the other within 1 s", async () => {
    const member = await signedIn(a.ctx, "member");
    const { secret } = await tokenFor(a.ctx, member);
    expect((await write(gb, bearer(secret))).status).toBe(200);
    await updateUser(a.ctx, admin.user.id, member.user.id, { role: "viewer" });
    expect(await msUntil(403, () => write(gb, bearer(secret)))).toBeLessThan(1_000);

    expect((await read(gb, session(member))).status).toBe(200);
    await updateUser(a.ctx, admin.user.id, member.user.id, { disabled: true });
    expect(await msUntil(401, () => read(gb, session(member)))).toBeLessThan(1_000);
    expect((await read(gb, bearer(secret))).status).toBe(401);
  });

  it("serves nothing from memory while its listener is down, and listens again after", async () => {
    const member = await signedIn(a.ctx, "member");
    const { secret } = await tokenFor(a.ctx, member);
    const demote = (role: string) =>
      sql`update "user" set role = ${role} where id = ${member.user.id}`.execute(a.ctx.database.db);
    expect((await write(gb, bearer(secret))).status).toBe(200);
    // A change behind the console's back (no announcement): the remembered role still answers.
    await demote("viewer");
    expect((await write(gb, bearer(secret))).status).toBe(200);

    // The listeners' connections are cut: no announcement could arrive, so the database decides.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`.execute(
      a.ctx.database.db,
    );
    await until(() => !b.ctx.credentials.active(), 1_000);
    expect((await write(gb, bearer(secret))).status).toBe(403);
    await demote("member");
    expect((await write(gb, bearer(secret))).status).toBe(200);

    // Back: announcements arrive again.
    await until(() => a.ctx.credentials.active() && b.ctx.credentials.active());
    expect((await write(gb, bearer(secret))).status).toBe(200);
    await updateUser(a.ctx, admin.user.id, member.user.id, { role: "viewer" });
    expect(await msUntil(403, () => write(gb, bearer(secret)))).toBeLessThan(1_000);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
