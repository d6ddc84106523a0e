// Who started each batch job: the gateway records the owner of a batch job a user creates, and
// /api/console/batch-owners tells any reader of batch jobs (a viewer too) who that was, so the
// Batch page can offer Cancel only where the server would allow it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/console/batch-owners/route";
import {
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  guardedSandbox,
  session,
  signedIn,
  useAuthContext,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

function batchFile(): FormData {
  const fd = new FormData();
  fd.append("purpose", "batch");
  const line = (i: number) =>
    JSON.stringify({
      custom_id: String(i),
      body: { messages: [{ role: "user", content: `Q${i}` }] },
    });
  fd.append("file", new Blob([`${line(1)}\n${line(2)}\n`]), "requests.jsonl");
  return fd;
}

describe.each(DATABASES)("batch job owners on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let member: TestUser;
  let other: TestUser;
  let viewer: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = guardedSandbox(t.ctx, t.dataDir);
    member = await signedIn(t.ctx, "member");
    other = await signedIn(t.ctx, "member", "other");
    viewer = await signedIn(t.ctx, "viewer");
    admin = await signedIn(t.ctx, "admin");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  async function startBatch(user: TestUser): Promise<string> {
    const up = await g.gateway(buildRequest("/v1/files", session(user), { form: batchFile() }));
    expect(up.status).toBe(200);
    const fileId = String((await bodyOf(up)).id);
    const job = await g.gateway(
      buildRequest("/v1/batch/jobs", session(user), {
        json: {
          input_files: [fileId],
          endpoint: "/v1/chat/completions",
          model: "mistral-small-latest",
        },
      }),
    );
    expect(job.status).toBe(200);
    return String((await bodyOf(job)).id);
  }

  const owners = async (user: TestUser | null, ids: string[]) => {
    const res = await route.GET(
      buildRequest(
        `/api/console/batch-owners?ids=${encodeURIComponent(ids.join(","))}`,
        user ? session(user) : null,
      ),
    );
    return { status: res.status, body: await bodyOf(res) };
  };

  it("names who started each batch job, for anyone who may read batch jobs", async () => {
    const mine = await startBatch(member);
    const theirs = await startBatch(other);
    for (const reader of [member, other, viewer, admin]) {
      const { status, body } = await owners(reader, [mine, theirs, "not-made-here"]);
      expect(status).toBe(200);
      expect(body).toEqual({
        owners: {
          [mine]: { userId: member.user.id, email: member.email },
          [theirs]: { userId: other.user.id, email: other.email },
        },
      });
    }
    expect((await owners(member, [])).body).toEqual({ owners: {} });
  });

  it("agrees with the server's own check: a member cannot cancel another's batch job", async () => {
    const theirs = await startBatch(other);
    const { body } = await owners(member, [theirs]);
    expect((body.owners as Record<string, { userId: string }>)[theirs].userId).not.toBe(
      member.user.id,
    );
    const refused = await g.gateway(
      buildRequest(`/v1/batch/jobs/${theirs}/cancel`, session(member), { method: "POST" }),
    );
    expect(refused.status).toBe(403);
    const own = await g.gateway(
      buildRequest(`/v1/batch/jobs/${theirs}/cancel`, session(other), { method: "POST" }),
    );
    expect(own.status).toBe(200);
  });

  it("answers 401 to a caller who is not signed in", async () => {
    expect((await owners(null, ["x"])).status).toBe(401);
  });
});
