// Security review "9. Hardening", the per-account sign-in throttle: it holds whatever the body's
// encoding (better-auth also takes forms), it is atomic under concurrent guesses, and expired
// failures do not pile up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import {
  pruneSignInFailures,
  recordSignIn,
  SIGN_IN_MAX_FAILURES,
  SIGN_IN_WINDOW_MS,
} from "@/lib/server/auth/users";
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

let addresses = 0;

/** A sign-in with a form body, from an address of its own. */
function formSignIn(email: string, password: string): Request {
  addresses += 1;
  return new Request(`${CONSOLE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      origin: CONSOLE,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": `10.200.${addresses >> 8}.${addresses & 255}`,
    },
    body: new URLSearchParams({ email, password }).toString(),
  });
}

describe.each(DATABASES)("the per-account sign-in throttle on %s", (kind) => {
  let t: TestAuth;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await t.close();
  });

  const failures = async (email: string) =>
    (
      await t.ctx.database.db
        .selectFrom("sign_in_failure")
        .select("at")
        .where("email", "=", email)
        .execute()
    ).length;

  it("refuses a form-encoded sign-in with 415, so a locked account stays locked", async () => {
    const user = await addUser(t.ctx, "viewer", "form");
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) {
      expect((await authRoute.POST(signInRequest(user.email, `wrong ${i}`))).status).toBe(401);
    }
    const form = await authRoute.POST(formSignIn(user.email, PASSWORD));
    expect(form.status).toBe(415);
    expect(form.headers.getSetCookie()).toEqual([]);
    expect(await bodyOf(form)).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringMatching(/application\/json/),
    });
    // Multipart and text bodies neither.
    for (const body of [
      (() => {
        const fd = new FormData();
        fd.set("email", user.email);
        fd.set("password", PASSWORD);
        return fd;
      })(),
      JSON.stringify({ email: user.email, password: PASSWORD }),
    ]) {
      const base = signInRequest(user.email, PASSWORD);
      const headers = new Headers(base.headers);
      headers.delete("content-type");
      if (typeof body === "string") headers.set("content-type", "text/plain");
      const response = await authRoute.POST(
        new Request(base.url, { method: "POST", headers, body }),
      );
      expect(response.status).toBe(415);
    }
    // The JSON sign-in with the right password is still locked out.
    expect((await authRoute.POST(signInRequest(user.email, PASSWORD))).status).toBe(429);
  });

  it("form guesses do not get around the count either", async () => {
    const user = await addUser(t.ctx, "viewer", "form-guess");
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await authRoute.POST(formSignIn(user.email, `wrong ${i}`))).status);
    }
    expect(statuses.every((s) => s === 415)).toBe(true);
    // No password was checked, so nothing was counted: the account signs in.
    expect((await authRoute.POST(signInRequest(user.email, PASSWORD))).status).toBe(200);
  });

  it("30 concurrent wrong guesses get at most five password checks", async () => {
    const user = await addUser(t.ctx, "viewer", "burst");
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authRoute.POST(signInRequest(user.email, `wrong guess ${i}`)),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_MAX_FAILURES);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    // The refused attempts gave their reservation back: only the checked guesses are counted.
    expect(await failures(user.email)).toBe(checked);
    // Then a few more in sequence fill the window exactly, and the account is locked.
    for (let i = checked; i < SIGN_IN_MAX_FAILURES; i++) {
      expect((await authRoute.POST(signInRequest(user.email, `late ${i}`))).status).toBe(401);
    }
    expect((await authRoute.POST(signInRequest(user.email, PASSWORD))).status).toBe(429);
  });

  it("a sign-in refused before its password is checked counts nothing", async () => {
    const user = await addUser(t.ctx, "viewer", "refused");
    // A password that is not a string: better-auth refuses it unchecked; not a guess.
    for (let i = 0; i < SIGN_IN_MAX_FAILURES + 1; i++) {
      const base = signInRequest(user.email, PASSWORD);
      const response = await authRoute.POST(
        new Request(base.url, {
          method: "POST",
          headers: base.headers,
          body: JSON.stringify({ email: user.email, password: 12345 }),
        }),
      );
      expect(response.status).toBe(400);
    }
    expect(await failures(user.email)).toBe(0);
    expect((await authRoute.POST(signInRequest(user.email, PASSWORD))).status).toBe(200);
  });

  it("expired failures are deleted when the account tries again, and all of them at start", async () => {
    const db = t.ctx.database.db;
    const user = await addUser(t.ctx, "viewer", "old");
    const old = Date.now() - SIGN_IN_WINDOW_MS - 60_000;
    const other = `never-again-${kind}@example.com`;
    await db
      .insertInto("sign_in_failure")
      .values([
        ...Array.from({ length: 3 }, () => ({ email: user.email, at: old })),
        ...Array.from({ length: 4 }, () => ({ email: other, at: old })),
      ])
      .execute();
    await recordSignIn(t.ctx, user.email, false);
    const left = await db
      .selectFrom("sign_in_failure")
      .select("at")
      .where("email", "=", user.email)
      .execute();
    expect(left.map((r) => Number(r.at) > old)).toEqual([true]);
    // A guess through the route prunes the same way.
    await db.insertInto("sign_in_failure").values({ email: user.email, at: old }).execute();
    expect((await authRoute.POST(signInRequest(user.email, "wrong again!"))).status).toBe(401);
    expect(await failures(user.email)).toBe(2);
    // Addresses never tried again go in the periodic sweep (also run when the console starts).
    expect(await failures(other)).toBe(4);
    await pruneSignInFailures(t.ctx);
    expect(await failures(other)).toBe(0);
    expect(await failures(user.email)).toBe(2);
  });
});
