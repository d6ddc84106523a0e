// The console's own sign-in route (app/api/auth/[...all]) in front of better-auth: writes only from
// the console's pages (no login CSRF), a disabled account told so once its password is right
// (without counting a failed guess), and failed guesses throttled per account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import { updateUser } from "@/lib/server/auth/users";
import {
  addUser,
  bodyOf,
  clearAuthContext,
  CONSOLE,
  createTestAuth,
  DATABASES,
  PASSWORD,
  signInRequest,
  useAuthContext,
  type TestAuth,
} from "./harness";

function signInFrom(origin: string | null, email: string, password = PASSWORD): Request {
  const base = signInRequest(email, password);
  const headers = new Headers(base.headers);
  if (origin) headers.set("origin", origin);
  else headers.delete("origin");
  return new Request(base.url, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password }),
  });
}

describe.each(DATABASES)("the sign-in route on %s", (kind) => {
  let t: TestAuth;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await t.close();
  });

  it("refuses a sign-in posted from another site or with no Origin (login CSRF)", async () => {
    const user = await addUser(t.ctx, "member");
    for (const origin of ["http://evil.example", null]) {
      const response = await authRoute.POST(signInFrom(origin, user.email));
      expect(response.status).toBe(403);
      expect(await bodyOf(response)).toMatchObject({ code: "cross_site" });
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    const ok = await authRoute.POST(signInFrom(CONSOLE, user.email));
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().join(";")).toMatch(/console\.session_token=/);
  });

  it("tells a disabled account so once its password is right, without counting a guess", async () => {
    const admin = await addUser(t.ctx, "admin");
    const user = await addUser(t.ctx, "member");
    await updateUser(t.ctx, admin.user.id, user.user.id, { disabled: true });
    const wrong = await authRoute.POST(signInFrom(CONSOLE, user.email, "not the password!"));
    expect(wrong.status).toBe(401);
    for (let i = 0; i < 5; i++) {
      const right = await authRoute.POST(signInFrom(CONSOLE, user.email));
      expect(right.status).toBe(403);
      expect(await bodyOf(right)).toMatchObject({ code: "ACCOUNT_DISABLED" });
    }
    // Enabled again, the account signs in at once: the tries while disabled were not guesses.
    await updateUser(t.ctx, admin.user.id, user.user.id, { disabled: false });
    expect((await authRoute.POST(signInFrom(CONSOLE, user.email))).status).toBe(200);
  });

  it("throttles an account after five wrong passwords, even for the right one", async () => {
    const user = await addUser(t.ctx, "viewer");
    for (let i = 0; i < 5; i++) {
      expect((await authRoute.POST(signInFrom(CONSOLE, user.email, `wrong ${i}`))).status).toBe(
        401,
      );
    }
    const locked = await authRoute.POST(signInFrom(CONSOLE, user.email));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await bodyOf(locked)).toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
  });
});
