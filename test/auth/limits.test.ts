// Limits that must hold under load: the per-user spending limit admits exactly its number of calls
// however many arrive at once (on PostgreSQL too, where counting then inserting let 6 to 50 of 150
// through a limit of 5), and a user's refused writes fill the audit log only up to a cap a minute.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { queryAudit, REFUSED_AUDIT_PER_MINUTE } from "@/lib/server/auth/audit";
import {
  bearer,
  buildRequest,
  createTestAuth,
  DATABASES,
  guardedFake,
  session,
  signedIn,
  tokenFor,
  type Guarded,
  type TestAuth,
} from "./harness";

/** A file id in today's shape (a uuid), numbered. */
const fileId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

describe.each(DATABASES)("limits on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;

  beforeAll(async () => {
    t = await createTestAuth(kind, { CONSOLE_RATE_LIMIT_PER_MINUTE: "5" });
    g = await guardedFake(t.ctx);
  });

  afterAll(async () => {
    await g?.close();
    await t?.close();
  });

  // Past the cap of refused writes, the server log says once that the rest go unrecorded.
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => {
    warn.mockRestore();
  });

  it("150 concurrent spending calls with a limit of 5: exactly 5 are admitted", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    const responses = await Promise.all(
      Array.from({ length: 150 }, () =>
        g.gateway(
          buildRequest("/v1/embeddings", bearer(secret), {
            json: { model: "mistral-embed", input: ["x"] },
          }),
        ),
      ),
    );
    const statuses = await Promise.all(
      responses.map(async (r) => {
        await r.text();
        return r.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(145);
    expect(g.fake!.received.filter((r) => r.url === "/v1/embeddings")).toHaveLength(5);
    const spent = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("id")
      .where("user_id", "=", member.user.id)
      .where("spend", "=", 1)
      .execute();
    expect(spent).toHaveLength(5);
  });

  it("a viewer's 200 refused writes add at most the cap to the audit log, the first ones", async () => {
    const viewer = await signedIn(t.ctx, "viewer");
    const refusedDelete = async (i: number) => {
      const response = await g.gateway(
        buildRequest(`/v1/files/${fileId(i)}`, session(viewer), { method: "DELETE" }),
      );
      expect(response.status).toBe(403);
    };
    for (let i = 0; i < 100; i++) await refusedDelete(i);
    await Promise.all(Array.from({ length: 100 }, (_, i) => refusedDelete(100 + i)));

    const rows = await queryAudit(t.ctx, { userId: viewer.user.id, limit: 1000 });
    expect(rows).toHaveLength(REFUSED_AUDIT_PER_MINUTE);
    expect(rows.map((r) => r.target).sort()).toEqual(
      Array.from({ length: REFUSED_AUDIT_PER_MINUTE }, (_, i) => fileId(i)).sort(),
    );
    expect(rows.every((r) => r.status === 403 && r.operation === "files.delete")).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(viewer.user.id);

    // Another user's refusals are still recorded.
    const other = await signedIn(t.ctx, "viewer");
    const response = await g.gateway(
      buildRequest(`/v1/files/${fileId(999)}`, session(other), { method: "DELETE" }),
    );
    expect(response.status).toBe(403);
    expect(await queryAudit(t.ctx, { userId: other.user.id, limit: 10 })).toHaveLength(1);
  });
});
