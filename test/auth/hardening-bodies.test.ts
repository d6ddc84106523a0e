// Security review "9. Hardening", items 4 and 6: the bodies the console reads itself are capped
// (413 by Content-Length at once, else as soon as the stream passes the cap, never buffered
// whole), and every field a user can set has the console's limit, better-auth's routes included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as setupRoute from "@/app/api/console/setup/route";
import * as usersRoute from "@/app/api/console/users/route";
import { BODY_LIMIT_BYTES } from "@/lib/server/auth/route";
import {
  bodyOf,
  buildRequest,
  clearAuthContext,
  CONSOLE,
  createTestAuth,
  DATABASES,
  PASSWORD,
  session,
  signedIn,
  signInRequest,
  useAuthContext,
  type TestAuth,
} from "./harness";

const MB = 1024 * 1024;

/** A body that would be `total` bytes, made on demand; says how much was pulled and if cancelled. */
function endless(total = 50 * MB) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${CONSOLE}${path}`, {
    method: "POST",
    headers: { origin: CONSOLE, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe.each(DATABASES)("request bodies and field limits on %s", (kind) => {
  let t: TestAuth;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await t.close();
  });

  const routes: [string, (r: Request) => Promise<Response>][] = [
    ["/api/auth/sign-in/email", (r) => authRoute.POST(r)],
    ["/api/console/setup", (r) => setupRoute.POST(r)],
  ];

  it.each(routes)(
    "%s refuses a large body by its Content-Length without reading it",
    async (path, call) => {
      const { stream, state } = endless();
      const response = await call(post(path, stream, { "content-length": String(50 * MB) }));
      expect(response.status).toBe(413);
      expect(await bodyOf(response)).toMatchObject({
        code: "body_too_large",
        message: expect.stringContaining(String(BODY_LIMIT_BYTES)),
      });
      expect(state.pulled).toBeLessThanOrEqual(128 * 1024);
    },
  );

  it.each(routes)(
    "%s stops reading a body without Content-Length at the cap",
    async (path, call) => {
      const { stream, state } = endless();
      const response = await call(post(path, stream));
      expect(response.status).toBe(413);
      expect(state.cancelled).toBe(true);
      expect(state.pulled).toBeLessThanOrEqual(BODY_LIMIT_BYTES + 128 * 1024);
    },
  );

  it("a /api/console route caps its JSON body too", async () => {
    const admin = await signedIn(t.ctx, "admin");
    const { stream, state } = endless();
    const response = await usersRoute.POST(
      post("/api/console/users", stream, { cookie: admin.cookie }),
    );
    expect(response.status).toBe(413);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(BODY_LIMIT_BYTES + 128 * 1024);
  });

  it("a sign-in under the cap still works", async () => {
    const admin = await signedIn(t.ctx, "admin");
    const response = await authRoute.POST(signInRequest(admin.email, PASSWORD));
    expect(response.status).toBe(200);
  });

  it("update-user takes a name of 100 characters, not 101, naming the field", async () => {
    const viewer = await signedIn(t.ctx, "viewer");
    const update = (name: string) =>
      authRoute.POST(buildRequest("/api/auth/update-user", session(viewer), { json: { name } }));
    const long = await update("n".repeat(101));
    expect(long.status).toBe(422);
    expect(await bodyOf(long)).toMatchObject({
      code: "invalid_field",
      param: "name",
      message: expect.stringMatching(/name must be at most 100 characters/),
    });
    const ok = await update("n".repeat(100));
    expect(ok.status).toBe(200);
    const row = await t.ctx.database.db
      .selectFrom("user")
      .select("name")
      .where("id", "=", viewer.user.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe("n".repeat(100));
  });

  it("better-auth itself refuses an over-long name, whichever way it is reached", async () => {
    const viewer = await signedIn(t.ctx, "viewer");
    // Straight to better-auth's handler, past the route's own check: its user hook refuses.
    const response = await t.ctx.auth.handler(
      buildRequest("/api/auth/update-user", session(viewer), { json: { name: "x".repeat(101) } }),
    );
    expect(response.status).toBe(400);
    expect(await bodyOf(response)).toMatchObject({
      message: expect.stringMatching(/name must be at most 100 characters/),
    });
  });

  it("an account made at single sign-on keeps the first 100 characters of a long name", async () => {
    const internal = await t.ctx.auth.$context;
    const user = await internal.internalAdapter.createUser(
      {
        email: `sso-${kind}@example.com`,
        name: "s".repeat(300),
        emailVerified: true,
      },
      { method: "oauth2" },
    );
    expect(user.name).toBe("s".repeat(100));
    await expect(
      internal.internalAdapter.createUser(
        { email: `${"e".repeat(250)}@example.com`, name: "Long email", emailVerified: true },
        { method: "oauth2" },
      ),
    ).rejects.toThrow(/email must be at most 254 characters/);
  });

  it("passwords over 128 and emails over 254 characters are refused, naming the field", async () => {
    const viewer = await signedIn(t.ctx, "viewer");
    const cases: [string, Record<string, string>, string][] = [
      [
        "/api/auth/change-password",
        { currentPassword: PASSWORD, newPassword: "p".repeat(129) },
        "newPassword",
      ],
      [
        "/api/auth/change-password",
        { currentPassword: "p".repeat(129), newPassword: PASSWORD },
        "currentPassword",
      ],
      ["/api/auth/change-email", { newEmail: `${"e".repeat(250)}@example.com` }, "newEmail"],
    ];
    for (const [path, json, field] of cases) {
      const response = await authRoute.POST(buildRequest(path, session(viewer), { json }));
      expect(response.status, path).toBe(422);
      expect(await bodyOf(response)).toMatchObject({ param: field });
    }
    const signIn = await authRoute.POST(signInRequest(viewer.email, "p".repeat(129)));
    expect(signIn.status).toBe(422);
    expect(await bodyOf(signIn)).toMatchObject({ param: "password" });
  });
});
