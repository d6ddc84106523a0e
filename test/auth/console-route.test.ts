// consoleRoute: a route's schemas refuse bad input with a 4xx naming the field (the console's one
// error shape), and the write it guards is audited by consoleRoute itself, only once it succeeded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as userRoute from "@/app/api/console/users/[id]/route";
import { queryAudit } from "@/lib/server/auth/audit";
import { consoleRoute } from "@/lib/server/auth/route";
import { UserError } from "@/lib/server/auth/users";
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
  useAuthContext,
  type TestAuth,
  type TestUser,
} from "./harness";

/** A route as the console's are written: a body and a query schema, an audited write. */
const route = consoleRoute({
  permission: "users.manage",
  body: z.object({
    name: z.string().trim().min(2, { error: "Use at least 2 characters." }),
    size: z.number().int().max(10).optional(),
  }),
  query: z.object({ mode: z.enum(["fast", "slow"]).default("fast") }),
  status: 201,
  handler: async ({ body, query, params }) => {
    if (body.name === "taken")
      throw new UserError(409, "name_taken", "That name is taken.", "name");
    return { made: `${params.id}:${body.name}:${query.mode}` };
  },
  audit: { operation: "widgets.create", target: ({ result }) => result.made },
});

const call = (as: TestUser, body: unknown, query = "", init: { origin?: string } = {}) =>
  route(buildRequest(`/api/console/widgets/w1${query}`, session(as), { json: body, ...init }), {
    params: Promise.resolve({ id: "w1" }),
  });

describe.each(DATABASES)("consoleRoute on %s", (kind) => {
  let t: TestAuth;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    admin = await signedIn(t.ctx, "admin");
    member = await signedIn(t.ctx, "member");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await t.close();
  });

  const entries = () => queryAudit(t.ctx, { operation: "widgets.create", limit: 50 });

  it("a bad body field is a 422 naming it, in the console's error shape, and audits nothing", async () => {
    const short = await call(admin, { name: " x " });
    expect(short.status).toBe(422);
    expect(await bodyOf(short)).toEqual({
      object: "error",
      type: "invalid_request_error",
      code: "invalid_field",
      param: "name",
      message: "name: Use at least 2 characters.",
    });
    const nested = await call(admin, { name: "ok", size: 11 });
    expect(nested.status).toBe(422);
    expect(await bodyOf(nested)).toMatchObject({ param: "size", message: /^size: / });
    const missing = await call(admin, {});
    expect(await bodyOf(missing)).toMatchObject({ param: "name" });
    const notJson = await route(
      buildRequest("/api/console/widgets/w1", session(admin), {
        body: "[1, 2]",
        headers: { "content-type": "application/json" },
      }),
      { params: Promise.resolve({ id: "w1" }) },
    );
    expect(notJson.status).toBe(400);
    expect(await bodyOf(notJson)).toMatchObject({ code: "invalid_json" });
    expect(await entries()).toEqual([]);
  });

  it("a bad query parameter is a 422 naming it", async () => {
    const bad = await call(admin, { name: "widget" }, "?mode=warp");
    expect(bad.status).toBe(422);
    expect(await bodyOf(bad)).toMatchObject({ code: "invalid_field", param: "mode" });
  });

  it("a refused caller gets the permission's phrase before any parsing, and audits nothing", async () => {
    const refused = await call(member, { name: "x" });
    expect(refused.status).toBe(403);
    expect(await bodyOf(refused)).toMatchObject({
      code: "forbidden",
      param: "users.manage",
      message: expect.stringContaining("cannot manage users"),
    });
    const foreign = await call(admin, { name: "widget" }, "", { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await bodyOf(foreign)).toMatchObject({ code: "cross_site" });
    const taken = await call(admin, { name: "taken" });
    expect(taken.status).toBe(409);
    expect(await entries()).toEqual([]);
  });

  it("a write that succeeds answers the handler's result and is audited by consoleRoute", async () => {
    const made = await call(admin, { name: "  widget " }, "?mode=slow");
    expect(made.status).toBe(201);
    expect(made.headers.get("cache-control")).toBe("no-store");
    expect(await made.json()).toEqual({ made: "w1:widget:slow" });
    expect(await entries()).toMatchObject([
      {
        userId: admin.user.id,
        userEmail: admin.email,
        via: "session",
        operation: "widgets.create",
        method: "POST",
        path: "/api/console/widgets/w1",
        target: "w1:widget:slow",
        status: 201,
      },
    ]);
  });

  it("the users route refuses a limit out of bounds naming it, and audits a good change", async () => {
    const patch = (body: unknown) =>
      userRoute.PATCH(
        buildRequest(`/api/console/users/${member.user.id}`, session(admin), {
          method: "PATCH",
          json: body,
        }),
        { params: Promise.resolve({ id: member.user.id }) },
      );
    for (const bad of [0, 1_000_000, 2.5, "60"]) {
      const response = await patch({ rateLimitPerMinute: bad });
      expect(response.status, String(bad)).toBe(422);
      expect(await bodyOf(response)).toMatchObject({
        code: "invalid_field",
        param: "rateLimitPerMinute",
        message: expect.stringMatching(/^rateLimitPerMinute: .*1 to 999999/),
      });
    }
    expect((await patch({ rateLimitPerMinute: 999_999 })).status).toBe(200);
    const [entry] = await queryAudit(t.ctx, { operation: "users.update", limit: 1 });
    expect(entry).toMatchObject({
      userId: admin.user.id,
      method: "PATCH",
      path: `/api/console/users/${member.user.id}`,
      target: member.email,
      status: 200,
    });
  });

  it("better-auth holds passwords to the same 12 to 128 characters", async () => {
    const change = (newPassword: string) =>
      authRoute.POST(
        buildRequest("/api/auth/change-password", session(member), {
          json: { currentPassword: PASSWORD, newPassword },
          origin: CONSOLE,
        }),
      );
    expect((await change("p".repeat(11))).status).toBe(400);
    expect((await change("p".repeat(129))).status).toBe(422);
  });
});
