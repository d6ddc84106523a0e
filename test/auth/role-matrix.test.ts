// Every operation of the table for every kind of caller (anonymous, viewer, member, admin, and a
// member's console token): anonymous gets 401, a role without the permission a 403 naming it (and
// nothing reaches the upstream), an allowed role is forwarded with the server's key and none of
// the caller's credentials. Then what members make (jobs, batch jobs, agents, conversations,
// libraries) is theirs to manage and not another member's.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  can,
  isSpending,
  operationPermission,
  OWNED_PERMISSIONS,
  type Permission,
  type Role,
} from "@/lib/auth/permissions";
import { operations, refusedOperations, type Operation } from "@/lib/mistral/operations";
import { recordOwner } from "@/lib/server/auth/users";
import { CANARY, type Script } from "../gateway/helpers";
import { sampleJson, sampleMultipart, sampleParam, samplePath } from "../gateway/samples";
import {
  bearer,
  bodyOf,
  buildRequest,
  createTestAuth,
  DATABASES,
  guardedFake,
  session,
  signedIn,
  tokenFor,
  type Caller,
  type CallOptions,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

/** Creations answer with a new id, in the field each kind uses; anything else echoes. */
const script: Script = (req, res, got) => {
  const created = (body: Record<string, unknown>) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const path = req.url?.split("?")[0];
  if (req.method === "POST") {
    if (path === "/v1/fine_tuning/jobs" || path === "/v1/batch/jobs" || path === "/v1/libraries") {
      return created({ id: randomUUID(), object: "job", status: "QUEUED" });
    }
    if (path === "/v1/agents") return created({ id: `ag_${randomUUID()}`, object: "agent" });
    if (path === "/v1/conversations") {
      const conversation = `conv_${randomUUID()}`;
      if (!got.body.toString().includes('"stream":true')) {
        return created({ object: "conversation.response", conversation_id: conversation });
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(
        `event: conversation.response.started\ndata: ${JSON.stringify({ type: "conversation.response.started", conversation_id: conversation })}\n\n`,
      );
      res.end(
        `event: conversation.response.done\ndata: ${JSON.stringify({ type: "conversation.response.done", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } })}\n\n`,
      );
      return;
    }
  }
  created({ method: got.method, url: got.url, id: "x", model: "m" });
};

/** A request for an operation that passes the gateway's own checks. */
async function requestFor(op: Operation): Promise<{ path: string } & CallOptions> {
  const options: CallOptions = { method: op.method };
  if (op.body === "json") {
    options.body = sampleJson(op, op.variantOf !== null) as BodyInit;
    options.headers = { "content-type": "application/json" };
  } else if (op.body === "multipart") {
    const form = await sampleMultipart();
    options.body = form.bytes as BodyInit;
    options.headers = { "content-type": form.type };
  }
  return { path: samplePath(op), ...options };
}

const CALLERS = ["anonymous", "viewer", "member", "admin", "token"] as const;
type CallerName = (typeof CALLERS)[number];
/** The role a caller acts with: the token is the member's. */
const roleOf = (caller: Exclude<CallerName, "anonymous">): Role =>
  caller === "token" ? "member" : caller;

// Tags only admins reach, reads included; and the tags of inference.
const ADMIN_TAGS =
  /^(beta\.connectors|beta\.observability|workflows|events$|beta\.rag|beta\.prompts|beta\.skills|audio\.voices)/;
const INFERENCE_TAGS = [
  "chat",
  "fim",
  "agents",
  "embeddings",
  "classifiers",
  "ocr",
  "audio.transcriptions",
  "audio.speech",
];

describe("the permission table", () => {
  /** Whether a role may call an operation on a resource of its own (ownership aside). */
  const allowed = (role: Role, op: Operation) => {
    const permission = operationPermission(op);
    return can(role, permission);
  };

  it("lets viewers read everything but the admin-only tags, and nothing else", () => {
    for (const op of operations) {
      expect(allowed("viewer", op), op.id).toBe(op.method === "GET" && !ADMIN_TAGS.test(op.tag));
    }
  });

  it("lets members use inference, upload, run batch jobs and make and manage their own things", () => {
    const adminOnly = new Set([
      "files_api_routes_delete_file",
      "delete_model_v1_models__model_id__delete",
      "jobs_api_routes_fine_tuning_update_fine_tuned_model",
      "jobs_api_routes_fine_tuning_archive_fine_tuned_model",
      "jobs_api_routes_fine_tuning_unarchive_fine_tuned_model",
    ]);
    for (const op of operations) {
      expect(allowed("member", op), op.id).toBe(!ADMIN_TAGS.test(op.tag) && !adminOnly.has(op.id));
    }
    for (const op of operations.filter((o) => INFERENCE_TAGS.includes(o.tag))) {
      expect(operationPermission(op), op.id).toBe("playground.use");
    }
  });

  it("lets admins do everything", () => {
    for (const op of operations) expect(allowed("admin", op), op.id).toBe(true);
    // Managing someone else's resource is an admin's permission.
    for (const rule of Object.values(OWNED_PERMISSIONS)) {
      expect(can("member", rule!.any)).toBe(false);
      expect(can("admin", rule!.any)).toBe(true);
    }
  });

  it("counts every inference operation as spending", () => {
    for (const op of operations) {
      const inference =
        INFERENCE_TAGS.includes(op.tag) ||
        (op.tag === "beta.conversations" && op.method === "POST");
      if (inference) expect(isSpending(op), op.id).toBe(true);
    }
    const reads = operations.filter((o) => o.method === "GET");
    expect(reads.filter((o) => isSpending(o))).toEqual([]);
  });

  it("gives a stream variant its sibling's permission", () => {
    for (const op of operations.filter((o) => o.variantOf)) {
      const base = operations.find((o) => o.id === op.variantOf)!;
      expect(operationPermission(op)).toBe(operationPermission(base));
      expect(isSpending(op)).toBe(isSpending(base));
    }
  });
});

describe.each(DATABASES)("the role matrix on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  const callers = {} as Record<CallerName, Caller>;
  const users = {} as Record<Role, TestUser>;
  let otherMember: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx, script);
    users.viewer = await signedIn(t.ctx, "viewer");
    users.member = await signedIn(t.ctx, "member");
    users.admin = await signedIn(t.ctx, "admin");
    otherMember = await signedIn(t.ctx, "member", "other");
    callers.anonymous = null;
    callers.viewer = session(users.viewer);
    callers.member = session(users.member);
    callers.admin = session(users.admin);
    callers.token = bearer((await tokenFor(t.ctx, users.member)).secret);
    // The sample resources of the matrix are the member's (so a member manages them).
    for (const op of operations) {
      const owned = OWNED_PERMISSIONS[operationPermission(op)];
      if (!owned) continue;
      const param = op.pathParams.find((p) => p.name === owned.param)!;
      await recordOwner(t.ctx, owned.kind, sampleParam(param), users.member.principal);
    }
  });

  afterAll(async () => {
    await g?.close();
    await t?.close();
  });

  /** The permission a caller needs: a resource of someone else needs `*.manage_any`. */
  function needed(op: Operation, caller: Exclude<CallerName, "anonymous">): Permission {
    const permission = operationPermission(op);
    const owned = OWNED_PERMISSIONS[permission];
    return owned && roleOf(caller) !== "member" ? owned.any : permission;
  }

  it.each(operations.map((op) => ({ id: op.id, op: op as Operation })))(
    "$id for every caller",
    async ({ op }) => {
      const { path, ...options } = await requestFor(op);
      for (const caller of CALLERS) {
        const before = g.fake!.received.length;
        const response = await g.gateway(buildRequest(path, callers[caller], options));
        const body = await bodyOf(response);
        const what = `${op.id} as ${caller}: ${response.status} ${JSON.stringify(body)}`;

        if (caller === "anonymous") {
          expect(response.status, what).toBe(401);
          expect(body, what).toMatchObject({ object: "error", code: "unauthenticated" });
          expect(g.fake!.received.length, what).toBe(before);
          continue;
        }
        const permission = needed(op, caller);
        if (!can(roleOf(caller), permission)) {
          expect(response.status, what).toBe(403);
          expect(body, what).toMatchObject({
            object: "error",
            code: "forbidden",
            param: permission,
          });
          expect(String(body.message), what).toContain(permission);
          expect(g.fake!.received.length, what).toBe(before);
          continue;
        }
        expect(response.status, what).toBe(200);
        expect(g.fake!.received.length, what).toBe(before + 1);
        const got = g.fake!.received.at(-1)!;
        expect(got.method, what).toBe(op.method);
        expect(got.url.split("?")[0], what).toBe(path);
        expect(got.headers.authorization, what).toBe(`Bearer ${CANARY}`);
        expect(got.headers.cookie, what).toBeUndefined();
        const sent = JSON.stringify(got.headers);
        expect(sent, what).not.toContain("session_token");
        expect(sent, what).not.toContain("mc_");
      }
    },
  );

  it("refuses the admin-key and dashboard operations to everyone, recording write attempts", async () => {
    const audited = async () =>
      (await t.ctx.database.db.selectFrom("audit_log").select("id").execute()).length;
    // A minute per operation: refused writes are audited up to a cap per user per minute (a
    // flood guard, tested in limits.test.ts), and this walks every refused operation at once.
    vi.useFakeTimers({ toFake: ["Date"] });
    onTestFinished(() => void vi.useRealTimers());
    for (const op of refusedOperations) {
      vi.setSystemTime(Date.now() + 61_000);
      const write = op.method !== "GET";
      const before = await audited();
      const received = g.fake!.received.length;
      for (const caller of ["anonymous", "admin", "token"] as const) {
        const response = await g.gateway(
          buildRequest(samplePath(op), callers[caller], {
            method: op.method,
            ...(write && op.method !== "DELETE" ? { json: {} } : {}),
          }),
        );
        const body = await bodyOf(response);
        if (caller === "anonymous") {
          expect(response.status, op.id).toBe(401);
          continue;
        }
        expect(response.status, op.id).toBe(403);
        expect(body.code, op.id).toBe(
          op.by === "admin-key" ? "admin_key_required" : "dashboard_only",
        );
      }
      expect(g.fake!.received.length, op.id).toBe(received);
      expect(await audited(), op.id).toBe(before + (write ? 2 : 0));
    }
  });

  describe("what a member makes is theirs to manage", () => {
    const as = (user: TestUser, path: string, options: CallOptions = {}) =>
      g.gateway(buildRequest(path, session(user), options));
    const created = async (response: Response, field = "id") => {
      expect(response.status).toBe(200);
      return String((await bodyOf(response))[field]);
    };

    it.each(["start", "cancel"] as const)(
      "a member may %s their own fine-tuning job but not another member's",
      async (what) => {
        const job = await created(
          await as(users.member, "/v1/fine_tuning/jobs", {
            json: { model: "mistral-small-latest", training_files: [], hyperparameters: {} },
          }),
        );
        const path = `/v1/fine_tuning/jobs/${job}/${what}`;
        expect((await as(users.member, path, { method: "POST" })).status).toBe(200);
        const before = g.fake!.received.length;
        const other = await as(otherMember, path, { method: "POST" });
        expect(other.status).toBe(403);
        expect(await bodyOf(other)).toMatchObject({ code: "forbidden", param: "jobs.manage_any" });
        expect(g.fake!.received.length).toBe(before);
        expect((await as(users.admin, path, { method: "POST" })).status).toBe(200);
      },
    );

    it("a job created elsewhere (no owner) is only an admin's to start or cancel", async () => {
      const path = `/v1/fine_tuning/jobs/${randomUUID()}/cancel`;
      const member = await as(users.member, path, { method: "POST" });
      expect(member.status).toBe(403);
      expect(await bodyOf(member)).toMatchObject({ param: "jobs.manage_any" });
      expect((await as(users.admin, path, { method: "POST" })).status).toBe(200);
    });

    it("batch jobs: the maker cancels and deletes, another member may not", async () => {
      const job = await created(
        await as(users.member, "/v1/batch/jobs", { json: { model: "m", input_files: [] } }),
      );
      const cancel = `/v1/batch/jobs/${job}/cancel`;
      const other = await as(otherMember, cancel, { method: "POST" });
      expect(await bodyOf(other)).toMatchObject({ param: "batch.manage_any" });
      expect((await as(users.member, cancel, { method: "POST" })).status).toBe(200);
      expect((await as(users.member, `/v1/batch/jobs/${job}`, { method: "DELETE" })).status).toBe(
        200,
      );
    });

    it("agents: the maker updates and deletes, another member may not", async () => {
      const agent = await created(
        await as(users.member, "/v1/agents", { json: { model: "m", name: "a" } }),
      );
      const path = `/v1/agents/${agent}`;
      const other = await as(otherMember, path, { method: "PATCH", json: { name: "b" } });
      expect(other.status).toBe(403);
      expect(await bodyOf(other)).toMatchObject({ param: "agents.manage_any" });
      expect((await as(users.member, path, { method: "PATCH", json: { name: "b" } })).status).toBe(
        200,
      );
      expect((await as(users.admin, path, { method: "DELETE" })).status).toBe(200);
    });

    it("libraries: the maker adds documents and shares, another member may not", async () => {
      const library = await created(
        await as(users.member, "/v1/libraries", { json: { name: "docs" } }),
      );
      const form = await sampleMultipart();
      const upload = (user: TestUser) =>
        as(user, `/v1/libraries/${library}/documents`, {
          body: form.bytes as BodyInit,
          headers: { "content-type": form.type },
        });
      const other = await upload(otherMember);
      expect(await bodyOf(other)).toMatchObject({ param: "libraries.manage_any" });
      expect((await upload(users.member)).status).toBe(200);
    });

    it.each([false, true])(
      "conversations (streamed: %s): anyone may continue one, only its maker deletes it",
      async (stream) => {
        const response = await as(users.member, "/v1/conversations", {
          json: { inputs: "hi", model: "m", ...(stream ? { stream } : {}) },
        });
        expect(response.status).toBe(200);
        const text = await response.text();
        const conversation = /"conversation_id":"([^"]+)"/.exec(text)![1];
        const path = `/v1/conversations/${conversation}`;
        expect((await as(otherMember, path, { json: { inputs: "more" } })).status).toBe(200);
        const other = await as(otherMember, path, { method: "DELETE" });
        expect(await bodyOf(other)).toMatchObject({ param: "conversations.manage_any" });
        expect((await as(users.member, path, { method: "DELETE" })).status).toBe(200);
      },
    );
  });
});
