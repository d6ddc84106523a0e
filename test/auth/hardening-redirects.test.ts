// Security review "9. Hardening", items 3 and 14: better-auth redirects only to the console's own
// origin (with and without CONSOLE_URL), HEAD is a read like GET, and /api/health tells anonymous
// callers only whether the console is up.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as healthRoute from "@/app/api/health/route";
import { authenticate } from "@/lib/server/auth/principal";
import {
  addUser,
  bodyOf,
  clearAuthContext,
  CONSOLE,
  cookiesOf,
  createTestAuth,
  DATABASES,
  PASSWORD,
  signedIn,
  signInRequest,
  tokenFor,
  useAuthContext,
  type TestAuth,
} from "./harness";

const EVIL = "https://evil.example/phish";

// Next answers a HEAD with the GET handler when a route exports no HEAD.
const head = (request: Request) => (authRoute.HEAD ?? authRoute.GET)(request);

describe.each(DATABASES)("redirects and reads on %s", (kind) => {
  for (const consoleUrl of [undefined, CONSOLE]) {
    describe(consoleUrl ? "with CONSOLE_URL" : "without CONSOLE_URL", () => {
      let t: TestAuth;

      beforeAll(async () => {
        t = await createTestAuth(kind, { CONSOLE_URL: consoleUrl });
        useAuthContext(t.ctx);
      });

      afterAll(async () => {
        clearAuthContext();
        await t.close();
      });

      it("never redirects to another site from a callbackURL", async () => {
        const evil = await authRoute.GET(
          new Request(
            `${CONSOLE}/api/auth/reset-password/anything?callbackURL=${encodeURIComponent(EVIL)}`,
          ),
        );
        expect(evil.headers.get("location") ?? "").not.toContain("evil.example");
        expect(evil.status).toBe(403);
        // The console's own pages are fine.
        const own = await authRoute.GET(
          new Request(
            `${CONSOLE}/api/auth/reset-password/anything?callbackURL=${encodeURIComponent(`${CONSOLE}/sign-in`)}`,
          ),
        );
        expect(own.status).toBe(302);
        expect(new URL(own.headers.get("location")!).origin).toBe(CONSOLE);
      });

      it("a sign-in with a foreign callbackURL is refused; the plain one signs in", async () => {
        const user = await addUser(t.ctx, "viewer");
        const base = signInRequest(user.email, PASSWORD);
        const evil = await authRoute.POST(
          new Request(base.url, {
            method: "POST",
            headers: base.headers,
            body: JSON.stringify({ email: user.email, password: PASSWORD, callbackURL: EVIL }),
          }),
        );
        expect(evil.status).toBe(403);
        expect(JSON.stringify(await bodyOf(evil))).not.toContain("evil.example/phish");
        const ok = await authRoute.POST(signInRequest(user.email, PASSWORD));
        expect(ok.status).toBe(200);
        const cookie = cookiesOf(ok);
        // The session works on the console's own routes.
        const who = await authenticate(
          t.ctx,
          new Request(`${CONSOLE}/api/console/me`, { headers: { cookie } }),
        );
        expect(who.ok).toBe(true);
      });

      it("HEAD /api/auth/get-session answers like GET, without a body", async () => {
        const user = await signedIn(t.ctx, "viewer");
        const request = (method: string) =>
          new Request(`${CONSOLE}/api/auth/get-session`, {
            method,
            headers: { cookie: user.cookie },
          });
        const get = await authRoute.GET(request("GET"));
        const response = await head(request("HEAD"));
        expect(response.status).toBe(get.status);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe("");
      });
    });
  }
});

describe.each(DATABASES)("/api/health on %s", (kind) => {
  let t: TestAuth;

  beforeAll(async () => {
    // Live mode (the first getConfig() of this test file reads these).
    vi.stubEnv("MISTRAL_API_KEY", "test-key-not-a-secret");
    vi.stubEnv("MISTRAL_BASE_URL", "http://10.9.8.7:8080");
    t = await createTestAuth(kind);
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    clearAuthContext();
    await t.close();
  });

  it("tells anyone only whether the console is up", async () => {
    const response = await healthRoute.GET(new Request(`${CONSOLE}/api/health`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("shows the backend and its URL to a signed-in user or a token", async () => {
    const user = await signedIn(t.ctx, "viewer");
    const bySession = await healthRoute.GET(
      new Request(`${CONSOLE}/api/health`, { headers: { cookie: user.cookie } }),
    );
    expect(await bySession.json()).toEqual({
      status: "ok",
      backend: "live",
      baseUrl: "http://10.9.8.7:8080",
    });
    const { secret } = await tokenFor(t.ctx, user);
    const byToken = await healthRoute.GET(
      new Request(`${CONSOLE}/api/health`, { headers: { authorization: `Bearer ${secret}` } }),
    );
    expect(await byToken.json()).toMatchObject({ baseUrl: "http://10.9.8.7:8080" });
    // A stale cookie is nobody.
    const stale = await healthRoute.GET(
      new Request(`${CONSOLE}/api/health`, {
        headers: { cookie: "console.session_token=nope" },
      }),
    );
    expect(await stale.json()).toEqual({ status: "ok" });
  });
});
