// Sessions: cookie writes must carry this console's Origin, failed sign-ins are throttled per
// account, a disabled account can neither sign in nor keep its sessions, and nobody signs up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/console/me/route";
import * as tokensRoute from "@/app/api/console/tokens/route";
import {
  recordSignIn,
  SIGN_IN_MAX_FAILURES,
  signInRetryAfter,
  updateUser,
} from "@/lib/server/auth/users";
import {
  addUser,
  bearer,
  bodyOf,
  buildRequest,
  clearAuthContext,
  CONSOLE,
  cookiesOf,
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

describe.each(DATABASES)("sessions on %s", (kind) => {
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

  describe("cross-site writes", () => {
    const write = (origin: string | null) =>
      g.gateway(buildRequest("/v1/chat/completions", session(member), { json: chat, origin }));

    it("a cookie write from a foreign Origin is refused with 403 cross_site, not forwarded", async () => {
      const before = g.fake!.received.length;
      const response = await write("http://evil.test");
      expect(response.status).toBe(403);
      expect(await bodyOf(response)).toMatchObject({ object: "error", code: "cross_site" });
      expect(g.fake!.received.length).toBe(before);
    });

    it("a cookie write without Origin is refused too", async () => {
      const response = await write(null);
      expect(response.status).toBe(403);
      expect(await bodyOf(response)).toMatchObject({ code: "cross_site" });
    });

    it("the console's own origin (only the exact one) is allowed", async () => {
      expect((await write(CONSOLE)).status).toBe(200);
      expect((await write("https://console.test")).status).toBe(403);
      expect((await write("http://console.test.evil.test")).status).toBe(403);
    });

    it("a token write needs no Origin", async () => {
      const { secret } = await tokenFor(t.ctx, member);
      const response = await g.gateway(
        buildRequest("/v1/chat/completions", bearer(secret), { json: chat, origin: null }),
      );
      expect(response.status).toBe(200);
    });

    it("a cookie read from a foreign Origin is allowed", async () => {
      const response = await g.gateway(
        buildRequest("/v1/models", session(member), { origin: "http://evil.test" }),
      );
      expect(response.status).toBe(200);
    });

    it("the /api/console writes check the Origin as well", async () => {
      const foreign = await tokensRoute.POST(
        buildRequest("/api/console/tokens", session(member), {
          json: { name: "x" },
          origin: "http://evil.test",
        }),
      );
      expect(foreign.status).toBe(403);
      expect(await bodyOf(foreign)).toMatchObject({ code: "cross_site" });
      const own = await tokensRoute.POST(
        buildRequest("/api/console/tokens", session(member), { json: { name: "x" } }),
      );
      expect(own.status).toBe(201);
    });
  });

  it("without CONSOLE_URL a cookie write must come from the Host it was sent to (either scheme)", async () => {
    const open = await createTestAuth(kind, { CONSOLE_URL: undefined });
    const fake = await guardedFake(open.ctx);
    try {
      const user = await signedIn(open.ctx, "member");
      const write = (origin: string, host = "console.test") =>
        fake.gateway(
          buildRequest("/v1/chat/completions", session(user), {
            json: chat,
            origin,
            headers: { host },
          }),
        );
      expect((await write("http://console.test")).status).toBe(200);
      expect((await write("https://console.test")).status).toBe(200);
      expect((await write("http://evil.test")).status).toBe(403);
      expect((await write("http://console.test:8080")).status).toBe(403);
      expect((await write("http://console.test", "other.test")).status).toBe(403);
      expect((await write("null")).status).toBe(403);
    } finally {
      await fake.close();
      await open.close();
    }
  });

  describe("sign-in throttling", () => {
    const attempt = (email: string, password: string) =>
      authRoute.POST(signInRequest(email, password));

    it(`after ${SIGN_IN_MAX_FAILURES} wrong passwords even the right one is 429 with Retry-After`, async () => {
      const user = await addUser(t.ctx, "viewer", "throttled");
      // The first failures straight into the table (each real one costs a password hash); the
      // last one through the route, which must count it.
      for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
        await recordSignIn(t.ctx, user.email, false);
      const wrong = await attempt(user.email, "wrong password!!");
      expect(wrong.status).toBe(401);
      const blocked = await attempt(user.email, PASSWORD);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(cookiesOf(blocked)).not.toMatch(/session_token=/);
      expect(await bodyOf(blocked)).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
      // The same account under another spelling of its address is the same account.
      const shouting = await attempt(user.email.toUpperCase(), PASSWORD);
      expect(shouting.status).toBe(429);

      // Other accounts are not affected.
      const other = await addUser(t.ctx, "viewer", "unaffected");
      const ok = await attempt(other.email, PASSWORD);
      expect(ok.status).toBe(200);
      expect(cookiesOf(ok)).toMatch(/console\.session_token=/);
    });

    it("one address is limited too (10 a minute), whichever accounts it tries", async () => {
      const ip = "192.0.2.77";
      // Attempts without a password are refused before any hashing, but they count all the same.
      for (let i = 0; i < 10; i++) {
        const response = await authRoute.POST(
          new Request(`${CONSOLE}/api/auth/sign-in/email`, {
            method: "POST",
            headers: { origin: CONSOLE, "content-type": "application/json", "x-forwarded-for": ip },
            body: JSON.stringify({ email: `nobody-${i}@example.com` }),
          }),
        );
        expect(response.status).toBe(400);
      }
      const limited = await authRoute.POST(signInRequest(member.email, PASSWORD, ip));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("x-retry-after"))).toBeGreaterThan(0);
      // The same account from another address is not affected.
      expect((await attempt(member.email, PASSWORD)).status).toBe(200);
    });

    it("a success before the limit clears the count", async () => {
      const user = await addUser(t.ctx, "viewer", "forgetful");
      for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
        await recordSignIn(t.ctx, user.email, false);
      expect(await signInRetryAfter(t.ctx, user.email)).toBeNull();
      expect((await attempt(user.email, PASSWORD)).status).toBe(200);
      for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++)
        await recordSignIn(t.ctx, user.email, false);
      // Without the reset these would be 8 failures, over the limit.
      expect(await signInRetryAfter(t.ctx, user.email)).toBeNull();
      expect((await attempt(user.email, PASSWORD)).status).toBe(200);
      for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) await recordSignIn(t.ctx, user.email, false);
      expect(await signInRetryAfter(t.ctx, user.email)).toBeGreaterThan(0);
    });
  });

  describe("disabled accounts", () => {
    it("cannot sign in, and their sessions stop working", async () => {
      const user = await signedIn(t.ctx, "member", "leaver");
      const me = () => meRoute.GET(buildRequest("/api/console/me", session(user)));
      expect((await me()).status).toBe(200);
      expect((await g.gateway(buildRequest("/v1/models", session(user)))).status).toBe(200);

      await updateUser(t.ctx, admin.user.id, user.user.id, { disabled: true });

      expect((await me()).status).toBe(401);
      const v1 = await g.gateway(buildRequest("/v1/models", session(user)));
      expect(v1.status).toBe(401);
      expect(await bodyOf(v1)).toMatchObject({ code: "unauthenticated" });
      const again = await authRoute.POST(signInRequest(user.email, PASSWORD));
      expect(again.status).toBe(403);
      expect(await bodyOf(again)).toMatchObject({ code: "ACCOUNT_DISABLED" });
      expect(cookiesOf(again)).not.toMatch(/session_token=[^;]+/);

      await updateUser(t.ctx, admin.user.id, user.user.id, { disabled: false });
      expect((await authRoute.POST(signInRequest(user.email, PASSWORD))).status).toBe(200);
    });
  });

  it("the sign-up endpoint is refused", async () => {
    const email = "newcomer@example.com";
    const response = await authRoute.POST(
      new Request(`${CONSOLE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { origin: CONSOLE, "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD, name: "Newcomer" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(cookiesOf(response)).not.toMatch(/session_token=[^;]+/);
    const rows = await t.ctx.database.db
      .selectFrom("user")
      .select("id")
      .where("email", "=", email)
      .execute();
    expect(rows).toEqual([]);
  });

  it("sign-out ends the session", async () => {
    const user = await signedIn(t.ctx, "viewer", "leaving");
    const out = await authRoute.POST(
      new Request(`${CONSOLE}/api/auth/sign-out`, {
        method: "POST",
        headers: { origin: CONSOLE, cookie: user.cookie },
      }),
    );
    expect(out.status).toBe(200);
    expect((await g.gateway(buildRequest("/v1/models", session(user)))).status).toBe(401);
  });
});
