// First run: a one-time setup token (only while nobody exists and sign-in is on) makes its holder
// the first admin, once; CONSOLE_ADMIN_EMAIL/PASSWORD does it at start instead. And the
// team-access configuration: errors name the variable, never its value; CONSOLE_AUTH=off only on
// loopback.
import { afterEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as authInfoRoute from "@/app/api/console/auth-info/route";
import * as meRoute from "@/app/api/console/me/route";
import * as setupRoute from "@/app/api/console/setup/route";
import { queryAudit } from "@/lib/server/auth/audit";
import { checkAuthOffAllowed, parseAuthConfig } from "@/lib/server/auth/config";
import { authenticate } from "@/lib/server/auth/principal";
import { countUsers, listUsers, prepareFirstRun, setupNeeded } from "@/lib/server/auth/users";
import { ConfigError } from "@/lib/server/config";
import {
  anotherInstance,
  bodyOf,
  buildRequest,
  clearAuthContext,
  CONSOLE,
  cookiesOf,
  createTestAuth,
  DATABASES,
  PASSWORD,
  signInRequest,
  useAuthContext,
  type TestAuth,
} from "./harness";

describe.each(DATABASES)("first-run setup on %s", (kind) => {
  let t: TestAuth | undefined;
  afterEach(async () => {
    clearAuthContext();
    await t?.close();
    t = undefined;
  });

  const setup = (body: Record<string, unknown>) =>
    setupRoute.POST(buildRequest("/api/console/setup", null, { json: body, origin: CONSOLE }));
  const admin = { email: "First@Example.com", name: "First Admin", password: PASSWORD };

  it("issues a one-time token while nobody exists; wrong token 403, right one makes the admin, again 409", async () => {
    t = await createTestAuth(kind);
    useAuthContext(t.ctx);
    const info = async () => (await (await authInfoRoute.GET()).json()) as Record<string, unknown>;
    expect(await info()).toMatchObject({ setupNeeded: true, authMode: "on" });

    const token = await prepareFirstRun(t.ctx);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Only its hash is kept.
    const stored = await t.ctx.database.db.selectFrom("setup_token").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);

    const wrong = await setup({ ...admin, token: "not-the-token" });
    expect(wrong.status).toBe(403);
    expect(await bodyOf(wrong)).toMatchObject({ code: "invalid_setup_token", param: "token" });
    expect(await countUsers(t.ctx)).toBe(0);

    const right = await setup({ ...admin, token: ` ${token!} ` });
    expect(right.status).toBe(201);
    const { user } = (await right.json()) as { user: Record<string, unknown> };
    expect(user).toMatchObject({ email: "first@example.com", role: "admin", disabled: false });
    // Signed in at once: the cookie it set is an admin session.
    const cookie = cookiesOf(right);
    expect(cookie).toMatch(/console\.session_token=/);
    const me = await meRoute.GET(buildRequest("/api/console/me", { cookie }));
    expect(await me.json()).toMatchObject({ user: { role: "admin" } });
    expect(await info()).toMatchObject({ setupNeeded: false });
    const entries = await queryAudit(t.ctx, { operation: "setup", limit: 10 });
    expect(entries).toMatchObject([{ userId: user.id, status: 201 }]);

    const again = await setup({ ...admin, email: "second@example.com", token: token! });
    expect(again.status).toBe(409);
    expect(await bodyOf(again)).toMatchObject({ code: "setup_done" });
    expect(await countUsers(t.ctx)).toBe(1);
    // With a user present no new token is issued.
    expect(await prepareFirstRun(t.ctx)).toBeNull();
  });

  it("refuses incomplete setup input naming the field", async () => {
    t = await createTestAuth(kind);
    useAuthContext(t.ctx);
    const token = (await prepareFirstRun(t.ctx))!;
    const short = await setup({ ...admin, password: "short", token });
    expect(short.status).toBe(422);
    expect(await bodyOf(short)).toMatchObject({ param: "password" });
    const noEmail = await setup({ ...admin, email: "nope", token });
    expect(await bodyOf(noEmail)).toMatchObject({ param: "email" });
    expect(await countUsers(t.ctx)).toBe(0);
    expect(await setupNeeded(t.ctx)).toBe(true);
  });

  it("CONSOLE_ADMIN_EMAIL/PASSWORD create the admin at start instead of a token", async () => {
    t = await createTestAuth(kind, {
      CONSOLE_ADMIN_EMAIL: "Boss@Example.com",
      CONSOLE_ADMIN_PASSWORD: PASSWORD,
    });
    expect(await prepareFirstRun(t.ctx)).toBeNull();
    expect(await t.ctx.database.db.selectFrom("setup_token").selectAll().execute()).toEqual([]);
    const users = await listUsers(t.ctx);
    expect(users).toMatchObject([{ email: "boss@example.com", role: "admin" }]);
    // A restart does not make another one.
    expect(await prepareFirstRun(t.ctx)).toBeNull();
    expect(await countUsers(t.ctx)).toBe(1);
    const signIn = await t.ctx.auth.handler(signInRequest("boss@example.com", PASSWORD));
    expect(signIn.status).toBe(200);
  });

  it("CONSOLE_AUTH=off: no setup token, every caller is the local admin, sign-in is off", async () => {
    t = await createTestAuth(kind, { CONSOLE_AUTH: "off" });
    useAuthContext(t.ctx);
    expect(await prepareFirstRun(t.ctx)).toBeNull();
    expect(await setupNeeded(t.ctx)).toBe(false);
    const authn = await authenticate(t.ctx, buildRequest("/v1/models", null));
    expect(authn).toMatchObject({ ok: true, principal: { role: "admin", via: "local" } });
    const signIn = await authRoute.POST(signInRequest("x@example.com", PASSWORD));
    expect(signIn.status).toBe(404);
    expect(await bodyOf(signIn)).toMatchObject({ code: "auth_off" });
  });
});

describe("team-access configuration", () => {
  const problems = (env: Record<string, string>): string => {
    try {
      parseAuthConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error("expected a ConfigError");
  };

  it.each([
    [{ CONSOLE_AUTH: "maybe-value-9d1" }, "CONSOLE_AUTH", "maybe-value-9d1"],
    [{ CONSOLE_SECRET: "tooshort-value-9d1" }, "CONSOLE_SECRET", "tooshort-value-9d1"],
    [{ DATABASE_URL: "mysql://u:pw-9d1@db/x" }, "DATABASE_URL", "pw-9d1"],
    [{ CONSOLE_URL: "ftp://host-9d1.example" }, "CONSOLE_URL", "host-9d1"],
    [
      { CONSOLE_ADMIN_EMAIL: "not-an-email-9d1", CONSOLE_ADMIN_PASSWORD: PASSWORD },
      "CONSOLE_ADMIN_EMAIL",
      "not-an-email-9d1",
    ],
    [
      { CONSOLE_ADMIN_EMAIL: "a@example.com", CONSOLE_ADMIN_PASSWORD: "short-9d1" },
      "CONSOLE_ADMIN_PASSWORD",
      "short-9d1",
    ],
    [{ CONSOLE_RATE_LIMIT_PER_MINUTE: "lots-9d1" }, "CONSOLE_RATE_LIMIT_PER_MINUTE", "lots-9d1"],
    [{ CONSOLE_RATE_LIMIT_PER_MINUTE: "0" }, "CONSOLE_RATE_LIMIT_PER_MINUTE", null],
    [
      { CONSOLE_BUDGET_DEFAULT_MAX_TOKENS: "lots-9d1" },
      "CONSOLE_BUDGET_DEFAULT_MAX_TOKENS",
      "lots-9d1",
    ],
    [{ CONSOLE_BUDGET_DEFAULT_MAX_TOKENS: "0" }, "CONSOLE_BUDGET_DEFAULT_MAX_TOKENS", null],
    [
      { OIDC_ISSUER: "notaurl-9d1", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" },
      "OIDC_ISSUER",
      "notaurl-9d1",
    ],
  ])("a bad value is named, not shown: %o", (env, name, value) => {
    const message = problems(env as Record<string, string>);
    expect(message).toContain(name);
    if (value) expect(message).not.toContain(value);
  });

  it.each([
    [{ CONSOLE_ADMIN_EMAIL: "a@example.com" }, "CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD"],
    [{ CONSOLE_ADMIN_PASSWORD: "secret-pass-9d1-long" }, "CONSOLE_ADMIN_PASSWORD"],
    [{ OIDC_ISSUER: "https://idp.example" }, "OIDC_CLIENT_ID"],
    [{ OIDC_CLIENT_SECRET: "idp-secret-9d1" }, "OIDC_ISSUER"],
    [{ DATABASE_URL: "postgres://u:pw-9d1@db/console" }, "CONSOLE_SECRET is required"],
  ])("variables that go together: %o", (env, expected) => {
    const message = problems(env as Record<string, string>);
    expect(message).toContain(expected);
    for (const value of Object.values(env)) expect(message).not.toContain(value);
  });

  it("a call without max_tokens reserves 4096 completion tokens unless configured", () => {
    expect(parseAuthConfig({}).budgetDefaultMaxTokens).toBe(4096);
    const set = parseAuthConfig({ CONSOLE_BUDGET_DEFAULT_MAX_TOKENS: "32000" });
    expect(set.budgetDefaultMaxTokens).toBe(32_000);
  });

  it("reports every problem at once", () => {
    const message = problems({ CONSOLE_AUTH: "x", CONSOLE_SECRET: "y" });
    expect(message).toContain("CONSOLE_AUTH");
    expect(message).toContain("CONSOLE_SECRET");
  });

  it("parses a good configuration; secrets stay wrapped", () => {
    const config = parseAuthConfig({
      CONSOLE_URL: "https://console.example.com/some/page",
      DATABASE_URL: "postgres://u:pw-9d1@db/console",
      CONSOLE_SECRET: "s".repeat(32),
      CONSOLE_RATE_LIMIT_PER_MINUTE: " 30 ",
      CONSOLE_AUTH: "",
    });
    expect(config).toMatchObject({
      mode: "on",
      publicUrl: "https://console.example.com",
      rateLimitPerMinute: 30,
    });
    expect(JSON.stringify(config)).not.toContain("pw-9d1");
    expect(config.databaseUrl?.reveal()).toBe("postgres://u:pw-9d1@db/console");
  });

  describe("CONSOLE_AUTH=off is allowed only on loopback", () => {
    it.each([[["127.0.0.1"]], [["::1"]], [["127.0.0.1", "::1"]], [["::ffff:127.0.0.1"]]])(
      "%o is allowed",
      (listening) => {
        expect(() => checkAuthOffAllowed(listening)).not.toThrow();
      },
    );

    it.each([
      [["0.0.0.0"], /0\.0\.0\.0 \(every network interface\)/],
      [["::"], /listens on :: \(every network interface\)/],
      [["10.0.0.5"], /listens on 10\.0\.0\.5\./],
      [["127.0.0.1", "0.0.0.0"], /listens on 0\.0\.0\.0/],
      [[], /could not tell which address/],
    ])("%o is refused with a clear message", (listening, expected) => {
      let error: unknown;
      try {
        checkAuthOffAllowed(listening);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(expected);
      expect(message).toContain("CONSOLE_AUTH=off");
      expect(message).toMatch(/127\.0\.0\.1/);
    });
  });
});

describe("two instances starting together on postgres", () => {
  it("make one admin from CONSOLE_ADMIN_EMAIL/PASSWORD, and neither fails", async () => {
    const a = await createTestAuth("postgres", {
      CONSOLE_ADMIN_EMAIL: "boss@example.com",
      CONSOLE_ADMIN_PASSWORD: PASSWORD,
    });
    const b = await anotherInstance(a);
    try {
      await expect(Promise.all([prepareFirstRun(a.ctx), prepareFirstRun(b.ctx)])).resolves.toEqual([
        null,
        null,
      ]);
      expect((await listUsers(a.ctx)).map((u) => [u.email, u.role])).toEqual([
        ["boss@example.com", "admin"],
      ]);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
