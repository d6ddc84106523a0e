// Every one of the spec's 19 operations for every kind of caller: anonymous gets 401, a role
// without the permission a 403 naming it (and nothing reaches the upstream), an allowed role is
// forwarded with the server's key and none of the caller's credentials.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, OPERATION_PERMISSIONS, type Permission, type Role } from "@/lib/auth/permissions";
import { operations, type OperationId } from "@/lib/mistral/operations";
import { CANARY, type Script } from "../gateway/helpers";
import {
  bodyOf,
  buildRequest,
  createTestAuth,
  DATABASES,
  guardedFake,
  session,
  signedIn,
  type CallOptions,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const script: Script = (req, res, got) => {
  res.writeHead(200, { "content-type": "application/json" });
  if (req.method === "POST" && req.url === "/v1/fine_tuning/jobs") {
    res.end(JSON.stringify({ id: randomUUID(), object: "job", status: "QUEUED" }));
    return;
  }
  res.end(JSON.stringify({ method: got.method, url: got.url, id: "x", model: "m" }));
};

function upload(): FormData {
  const fd = new FormData();
  fd.append("purpose", "fine-tune");
  fd.append("file", new Blob(['{"messages":[]}\n']), "train.jsonl");
  return fd;
}

const MODEL = "ft:open-mistral-7b:abcdef12:20240730:0a1b2c3d";

/** A request for each operation that passes the gateway's own checks. */
function requestFor(id: OperationId, jobId: string): { path: string } & CallOptions {
  const json = (value: unknown) => ({ json: value });
  switch (id) {
    case "list_models_v1_models_get":
      return { path: "/v1/models" };
    case "retrieve_model_v1_models__model_id__get":
      return { path: `/v1/models/${MODEL}` };
    case "delete_model_v1_models__model_id__delete":
      return { path: `/v1/models/${MODEL}`, method: "DELETE" };
    case "files_api_routes_upload_file":
      return { path: "/v1/files", form: upload() };
    case "files_api_routes_list_files":
      return { path: "/v1/files" };
    case "files_api_routes_retrieve_file":
      return { path: "/v1/files/file-1" };
    case "files_api_routes_delete_file":
      return { path: "/v1/files/file-1", method: "DELETE" };
    case "jobs_api_routes_fine_tuning_get_fine_tuning_jobs":
      return { path: "/v1/fine_tuning/jobs" };
    case "jobs_api_routes_fine_tuning_create_fine_tuning_job":
      return {
        path: "/v1/fine_tuning/jobs",
        ...json({ model: "open-mistral-7b", training_files: [], hyperparameters: {} }),
      };
    case "jobs_api_routes_fine_tuning_get_fine_tuning_job":
      return { path: `/v1/fine_tuning/jobs/${jobId}` };
    case "jobs_api_routes_fine_tuning_cancel_fine_tuning_job":
      return { path: `/v1/fine_tuning/jobs/${jobId}/cancel`, method: "POST" };
    case "jobs_api_routes_fine_tuning_start_fine_tuning_job":
      return { path: `/v1/fine_tuning/jobs/${jobId}/start`, method: "POST" };
    case "jobs_api_routes_fine_tuning_update_fine_tuned_model":
      return { path: `/v1/fine_tuning/models/${MODEL}`, method: "PATCH", ...json({ name: "n" }) };
    case "jobs_api_routes_fine_tuning_archive_fine_tuned_model":
      return { path: `/v1/fine_tuning/models/${MODEL}/archive`, method: "POST" };
    case "jobs_api_routes_fine_tuning_unarchive_fine_tuned_model":
      return { path: `/v1/fine_tuning/models/${MODEL}/archive`, method: "DELETE" };
    case "chat_completion_v1_chat_completions_post":
      return {
        path: "/v1/chat/completions",
        ...json({ model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] }),
      };
    case "fim_completion_v1_fim_completions_post":
      return { path: "/v1/fim/completions", ...json({ model: "codestral-latest", prompt: "x" }) };
    case "agents_completion_v1_agents_completions_post":
      return {
        path: "/v1/agents/completions",
        ...json({ agent_id: "ag:1", messages: [{ role: "user", content: "hi" }] }),
      };
    case "embeddings_v1_embeddings_post":
      return { path: "/v1/embeddings", ...json({ model: "mistral-embed", input: ["x"] }) };
  }
}

const CALLERS = ["anonymous", "viewer", "member", "admin"] as const;
type CallerName = (typeof CALLERS)[number];
const MANAGE_OWN: readonly OperationId[] = [
  "jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
  "jobs_api_routes_fine_tuning_start_fine_tuning_job",
];

const cases = operations.flatMap((op) => CALLERS.map((caller) => ({ id: op.id, caller })));

describe.each(DATABASES)("the role matrix on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  const users = {} as Record<Role, TestUser>;
  let otherMember: TestUser;
  /** A job created through the gateway by `users.member`. */
  let memberJob: string;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx, script);
    users.viewer = await signedIn(t.ctx, "viewer");
    users.member = await signedIn(t.ctx, "member");
    users.admin = await signedIn(t.ctx, "admin");
    otherMember = await signedIn(t.ctx, "member", "other");
    const created = await g.gateway(
      buildRequest("/v1/fine_tuning/jobs", session(users.member), {
        json: { model: "open-mistral-7b", training_files: [], hyperparameters: {} },
      }),
    );
    expect(created.status).toBe(200);
    memberJob = String((await bodyOf(created)).id);
  });

  afterAll(async () => {
    await g?.close();
    await t?.close();
  });

  /** The permission the caller needs: start/cancel of someone else's job needs manage_any. */
  function needed(id: OperationId, caller: CallerName): Permission {
    const permission: Permission = OPERATION_PERMISSIONS[id];
    if (MANAGE_OWN.includes(id) && caller !== "member") return "jobs.manage_any";
    return permission;
  }

  it.each(cases)("$id as $caller", async ({ id, caller }) => {
    const { path, ...options } = requestFor(id, memberJob);
    const as = caller === "anonymous" ? null : session(users[caller]);
    const before = g.fake!.received.length;
    const response = await g.gateway(buildRequest(path, as, options));
    const body = await bodyOf(response);

    if (caller === "anonymous") {
      expect(response.status).toBe(401);
      expect(body).toMatchObject({ object: "error", code: "unauthenticated" });
      expect(g.fake!.received.length).toBe(before);
      return;
    }
    const permission = needed(id, caller);
    if (!can(caller, permission)) {
      expect(response.status).toBe(403);
      expect(body).toMatchObject({ object: "error", code: "forbidden", param: permission });
      expect(String(body.message)).toContain(permission);
      expect(g.fake!.received.length).toBe(before);
      return;
    }
    expect(response.status).toBe(200);
    expect(g.fake!.received.length).toBe(before + 1);
    const got = g.fake!.received.at(-1)!;
    const op = operations.find((o) => o.id === id)!;
    expect(got.method).toBe(op.method);
    expect(got.headers.authorization).toBe(`Bearer ${CANARY}`);
    expect(got.headers.cookie).toBeUndefined();
    const sent = JSON.stringify(got.headers);
    expect(sent).not.toContain("session_token");
    expect(sent).not.toContain(users[caller].cookie.split("=")[1]);
  });

  it("the permission table says what the issue says each role may do", () => {
    const allowed = (role: Role) =>
      operations.filter((op) => can(role, OPERATION_PERMISSIONS[op.id])).map((op) => op.id);
    const viewer = [
      "list_models_v1_models_get",
      "retrieve_model_v1_models__model_id__get",
      "files_api_routes_list_files",
      "files_api_routes_retrieve_file",
      "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
      "jobs_api_routes_fine_tuning_get_fine_tuning_job",
    ];
    const member = [
      ...viewer,
      "files_api_routes_upload_file",
      "jobs_api_routes_fine_tuning_create_fine_tuning_job",
      ...MANAGE_OWN,
      "chat_completion_v1_chat_completions_post",
      "fim_completion_v1_fim_completions_post",
      "agents_completion_v1_agents_completions_post",
      "embeddings_v1_embeddings_post",
    ];
    expect(allowed("viewer").sort()).toEqual(viewer.sort());
    expect(allowed("member").sort()).toEqual(member.sort());
    expect(allowed("admin")).toHaveLength(19);
  });

  describe("starting and cancelling jobs", () => {
    const act = (jobId: string, user: TestUser, what: "start" | "cancel") =>
      g.gateway(
        buildRequest(`/v1/fine_tuning/jobs/${jobId}/${what}`, session(user), { method: "POST" }),
      );

    it.each(["start", "cancel"] as const)(
      "a member may %s their own job but not another member's",
      async (what) => {
        const own = await act(memberJob, users.member, what);
        expect(own.status).toBe(200);
        const before = g.fake!.received.length;
        const other = await act(memberJob, otherMember, what);
        expect(other.status).toBe(403);
        expect(await bodyOf(other)).toMatchObject({
          code: "forbidden",
          param: "jobs.manage_any",
        });
        expect(g.fake!.received.length).toBe(before);
      },
    );

    it("a job created elsewhere (no owner) is only an admin's to start or cancel", async () => {
      const stranger = randomUUID();
      const member = await act(stranger, users.member, "cancel");
      expect(member.status).toBe(403);
      expect(await bodyOf(member)).toMatchObject({ param: "jobs.manage_any" });
      const admin = await act(stranger, users.admin, "cancel");
      expect(admin.status).toBe(200);
      expect((await act(memberJob, users.admin, "start")).status).toBe(200);
    });

    it("the other member's own job is theirs to start", async () => {
      const created = await g.gateway(
        buildRequest("/v1/fine_tuning/jobs", session(otherMember), {
          json: { model: "open-mistral-7b", training_files: [], hyperparameters: {} },
        }),
      );
      const job = String((await bodyOf(created)).id);
      expect((await act(job, otherMember, "start")).status).toBe(200);
      expect((await act(job, users.member, "start")).status).toBe(403);
    });
  });
});
