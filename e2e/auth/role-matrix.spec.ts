// Every /v1 operation and every page for each role: anonymous, viewer, member, admin.
import {
  expect,
  test,
  type APIRequestContext,
  type APIResponse,
  type Page,
} from "@playwright/test";
import { operationPermission } from "@/lib/auth/permissions";
import { operationById, type OperationId } from "@/lib/mistral/operations";
import { seedOperations } from "@/lib/mistral/seed-operations";
import { ADMIN } from "./admin";
import {
  adminContext,
  createUser,
  jsonl,
  newContext,
  screenshot,
  signInPage,
  uploadFile,
  type Role,
} from "./fixtures";

type Call = {
  op: OperationId;
  method: string;
  path: string;
  send?: "json" | "upload";
  body?: unknown;
};

const CHAT = {
  model: "mistral-small-latest",
  messages: [{ role: "user", content: "hi" }],
  max_tokens: 5,
};

/**
 * The 19 operations the sandbox serves (the seed's); `file`/`job` are created by the admin (so the
 * job is someone else's). test/auth/role-matrix.test.ts covers every operation of the table.
 */
function calls(file: string, job: string): Call[] {
  const model = "ft:open-mistral-7b:e2e:20240101:nope";
  return [
    { op: "list_models_v1_models_get", method: "GET", path: "/v1/models" },
    {
      op: "retrieve_model_v1_models__model_id__get",
      method: "GET",
      path: "/v1/models/mistral-small-latest",
    },
    {
      op: "delete_model_v1_models__model_id__delete",
      method: "DELETE",
      path: `/v1/models/${model}`,
    },
    { op: "files_api_routes_upload_file", method: "POST", path: "/v1/files", send: "upload" },
    { op: "files_api_routes_list_files", method: "GET", path: "/v1/files" },
    { op: "files_api_routes_retrieve_file", method: "GET", path: `/v1/files/${file}` },
    // An id that does not exist: the admin's delete is allowed (404), nothing is lost.
    {
      op: "files_api_routes_delete_file",
      method: "DELETE",
      path: "/v1/files/00000000-0000-4000-8000-000000000000",
    },
    {
      op: "jobs_api_routes_fine_tuning_get_fine_tuning_jobs",
      method: "GET",
      path: "/v1/fine_tuning/jobs",
    },
    {
      op: "jobs_api_routes_fine_tuning_create_fine_tuning_job",
      method: "POST",
      path: "/v1/fine_tuning/jobs",
      send: "json",
      body: {
        model: "mistral-small-latest",
        training_files: [{ file_id: file, weight: 1 }],
        hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
        auto_start: false,
      },
    },
    {
      op: "jobs_api_routes_fine_tuning_get_fine_tuning_job",
      method: "GET",
      path: `/v1/fine_tuning/jobs/${job}`,
    },
    {
      op: "jobs_api_routes_fine_tuning_start_fine_tuning_job",
      method: "POST",
      path: `/v1/fine_tuning/jobs/${job}/start`,
    },
    {
      op: "jobs_api_routes_fine_tuning_cancel_fine_tuning_job",
      method: "POST",
      path: `/v1/fine_tuning/jobs/${job}/cancel`,
    },
    {
      op: "jobs_api_routes_fine_tuning_update_fine_tuned_model",
      method: "PATCH",
      path: `/v1/fine_tuning/models/${model}`,
      send: "json",
      body: { name: "renamed" },
    },
    {
      op: "jobs_api_routes_fine_tuning_archive_fine_tuned_model",
      method: "POST",
      path: `/v1/fine_tuning/models/${model}/archive`,
    },
    {
      op: "jobs_api_routes_fine_tuning_unarchive_fine_tuned_model",
      method: "DELETE",
      path: `/v1/fine_tuning/models/${model}/archive`,
    },
    {
      op: "chat_completion_v1_chat_completions_post",
      method: "POST",
      path: "/v1/chat/completions",
      send: "json",
      body: CHAT,
    },
    {
      op: "fim_completion_v1_fim_completions_post",
      method: "POST",
      path: "/v1/fim/completions",
      send: "json",
      body: { model: "codestral-latest", prompt: "def", suffix: "", max_tokens: 5 },
    },
    {
      op: "agents_completion_v1_agents_completions_post",
      method: "POST",
      path: "/v1/agents/completions",
      send: "json",
      body: {
        agent_id: "ag:sandbox:20240801:general-assistant:5c2a9e10",
        messages: [{ role: "user", content: "hi" }],
        max_tokens: 5,
      },
    },
    {
      op: "embeddings_v1_embeddings_post",
      method: "POST",
      path: "/v1/embeddings",
      send: "json",
      body: { model: "mistral-embed", input: ["a"] },
    },
  ];
}

function send(request: APIRequestContext, call: Call): Promise<APIResponse> {
  if (call.send === "upload") {
    return request.fetch(call.path, {
      method: call.method,
      multipart: {
        purpose: "fine-tune",
        file: {
          name: "matrix.jsonl",
          mimeType: "application/jsonl",
          buffer: Buffer.from(jsonl(3)),
        },
      },
    });
  }
  return request.fetch(call.path, {
    method: call.method,
    ...(call.send === "json" ? { data: call.body } : {}),
  });
}

/** The admin's file and (not started) job, created for each test. */
async function adminFixtures(baseURL: string) {
  const admin = await adminContext(baseURL);
  const file = await uploadFile(admin, undefined, 10);
  const res = await admin.post("/v1/fine_tuning/jobs", {
    data: {
      model: "mistral-small-latest",
      training_files: [{ file_id: file.id, weight: 1 }],
      hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
      auto_start: false,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  const job = (await res.json()) as { id: string };
  return { admin, file: file.id, job: job.id };
}

function expected(role: Role, call: Call): string | null {
  let permission: string = operationPermission(operationById(call.op));
  // The job is the admin's: anyone else needs jobs.manage_any to start or cancel it.
  if (permission === "jobs.manage_own" && role !== "admin") permission = "jobs.manage_any";
  const roles: Record<Role, string[]> = {
    viewer: ["models.read", "files.read", "jobs.read", "usage.read_own", "tokens.manage_own"],
    member: [
      "models.read",
      "files.read",
      "jobs.read",
      "usage.read_own",
      "tokens.manage_own",
      "playground.use",
      "files.upload",
      "jobs.create",
      "jobs.manage_own",
    ],
    admin: [],
  };
  if (role === "admin" || roles[role].includes(permission)) return null;
  return permission;
}

test.describe("/v1 operations by role @postgres", () => {
  test("the matrix covers the 19 operations", () => {
    const ops = calls("f", "j").map((c) => c.op);
    expect(new Set(ops).size).toBe(19);
    expect(ops.sort()).toEqual(seedOperations.map((o) => o.id).sort());
  });

  test("anonymous: every operation answers 401 unauthenticated", async ({ baseURL }) => {
    const anonymous = await newContext(baseURL!);
    const failures: string[] = [];
    for (const call of calls("file-abc", "job-abc")) {
      const res = await send(anonymous, call);
      const body = (await res.json().catch(() => null)) as { code?: string } | null;
      if (res.status() !== 401 || body?.code !== "unauthenticated")
        failures.push(`${call.method} ${call.path}: ${res.status()} ${JSON.stringify(body)}`);
    }
    expect(failures).toEqual([]);
    await anonymous.dispose();
  });

  for (const role of ["viewer", "member", "admin"] as const) {
    test(`${role}: allowed operations pass, the others are 403 naming the permission`, async ({
      baseURL,
    }) => {
      test.setTimeout(90_000);
      const { admin, file, job } = await adminFixtures(baseURL!);
      const user = await createUser(admin, role);
      const ctx = await newContext(baseURL!);
      const signIn = await ctx.post("/api/auth/sign-in/email", {
        data: { email: user.email, password: user.password },
      });
      expect(signIn.status()).toBe(200);

      const failures: string[] = [];
      for (const call of calls(file, job)) {
        const res = await send(ctx, call);
        const text = await res.text();
        const want = expected(role, call);
        const label = `${call.method} ${call.path} → ${res.status()} ${text.slice(0, 200)}`;
        if (want === null) {
          if (res.status() === 401 || res.status() === 403) failures.push(`allowed, got ${label}`);
        } else {
          let body: { code?: string; param?: string } = {};
          try {
            body = JSON.parse(text) as typeof body;
          } catch {
            /* reported below */
          }
          if (res.status() !== 403 || body.code !== "forbidden" || body.param !== want)
            failures.push(`want 403 forbidden ${want}, got ${label}`);
        }
      }
      expect(failures).toEqual([]);
      await ctx.dispose();
      await admin.dispose();
    });
  }
});

/**
 * The admin's world for the page checks: a file, a job that waits to be started (someone else's
 * job for the viewer and the member) and a finished one whose fine-tuned model can be deleted.
 */
async function pageFixtures(baseURL: string) {
  const admin = await adminContext(baseURL);
  const file = await uploadFile(admin, undefined, 10);
  const job = async (autoStart: boolean) => {
    const res = await admin.post("/v1/fine_tuning/jobs", {
      data: {
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id, weight: 1 }],
        hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
        auto_start: autoStart,
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  };
  const [pending, trained] = await Promise.all([job(false), job(true)]);
  const settled = async (id: string, status: string) => {
    let body: { status?: string; fine_tuned_model?: string | null } = {};
    await expect
      .poll(
        async () => {
          body = (await (await admin.get(`/v1/fine_tuning/jobs/${id}`)).json()) as typeof body;
          return body.status;
        },
        { timeout: 30_000 },
      )
      .toBe(status);
    return body;
  };
  const [, done] = await Promise.all([settled(pending, "VALIDATED"), settled(trained, "SUCCESS")]);
  return { admin, file, pending, model: done.fine_tuned_model! };
}

type World = Awaited<ReturnType<typeof pageFixtures>>;

/** Every console page, with the admin's job and fine-tuned model for the detail pages. */
function pages(w: Pick<World, "pending" | "model">): string[] {
  return [
    "/playground",
    "/playground/fim",
    "/playground/embeddings",
    "/files",
    "/fine-tuning",
    "/fine-tuning/new",
    `/fine-tuning/${w.pending}`,
    `/fine-tuning/compare?jobs=${w.pending}`,
    `/models?q=${encodeURIComponent(w.model)}`,
    `/models/${w.model}`,
    "/usage",
    "/settings/tokens",
    "/admin/users",
    "/admin/audit",
  ];
}

type Check = (page: Page, w: World) => Promise<void>;

const none = (page: Page, name: string | RegExp, exact = true) =>
  expect(page.getByRole("button", { name, exact })).toHaveCount(0);
const shown = (page: Page, name: string | RegExp, exact = true) =>
  expect(page.getByRole("button", { name, exact }).first()).toBeVisible();
const forbidden = (permission: string) => async (page: Page) => {
  await expect(page.getByRole("alert").filter({ hasText: permission })).toBeVisible();
};
const noPlayground = (run: string) => async (page: Page) => {
  await expect(
    page.getByRole("region", { name: "The playground is not available to you" }),
  ).toBeVisible();
  await none(page, run);
};
const playground = (run: string) => (page: Page) => shown(page, run);

/**
 * What each role sees on each page (in the order of `pages`). Every page is opened once per
 * role: it must answer 200 and render its heading, then the role's own checks run.
 */
const CHECKS: Record<Role, Check[]> = {
  viewer: [
    noPlayground("Send"),
    noPlayground("Complete"),
    noPlayground("Embed"),
    async (page, w) => {
      await expect(page.getByText("can see the files but not upload them")).toBeVisible();
      await expect(page.getByText(w.file.filename).first()).toBeVisible();
      await expect(page.getByLabel("Choose or drop .jsonl training files")).toHaveCount(0);
      await none(page, /^Delete /, false);
    },
    async (page) => {
      await expect(page.getByRole("table").first()).toBeVisible();
      await expect(page.getByRole("link", { name: "New job" })).toHaveCount(0);
    },
    async (page) => {
      await expect(page.getByText("You can't create fine-tuning jobs")).toBeVisible();
    },
    async (page, w) => {
      await expect(page.getByText(w.pending).first()).toBeVisible();
      await none(page, "Start training");
      await none(page, "Cancel job");
    },
    async () => {},
    async (page, w) => {
      await expect(page.getByRole("table", { name: "Models" })).toContainText(w.model);
      await none(page, `Delete ${w.model}`);
    },
    async (page, w) => {
      await expect(page.getByText(w.model).first()).toBeVisible();
      await none(page, "Delete");
      await none(page, "Archive");
      await expect(page.getByRole("link", { name: "Try in playground" })).toHaveCount(0);
    },
    async () => {},
    (page) => shown(page, "Create token"),
    forbidden("users.manage"),
    async (page) => {
      await forbidden("audit.read")(page);
      await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
      await screenshot(page, "viewer-audit-forbidden", false);
    },
  ],
  member: [
    playground("Send"),
    playground("Complete"),
    playground("Embed"),
    async (page, w) => {
      await expect(page.getByText(w.file.filename).first()).toBeVisible();
      await expect(page.getByLabel("Choose or drop .jsonl training files")).toBeVisible();
      await none(page, /^Delete /, false);
    },
    async (page) => {
      await expect(page.getByRole("link", { name: "New job" }).first()).toBeVisible();
    },
    async (page) => {
      await expect(page.getByText("You can't create fine-tuning jobs")).toHaveCount(0);
    },
    // The admin's job: a member starts and cancels only their own.
    async (page, w) => {
      await expect(page.getByText(w.pending).first()).toBeVisible();
      await none(page, "Start training");
      await none(page, "Cancel job");
    },
    async () => {},
    async (page, w) => {
      await expect(page.getByRole("table", { name: "Models" })).toContainText(w.model);
      await none(page, `Delete ${w.model}`);
    },
    async (page) => {
      await expect(page.getByRole("link", { name: "Try in playground" })).toBeVisible();
      await none(page, "Delete");
      await none(page, "Archive");
    },
    async () => {},
    (page) => shown(page, "Create token"),
    forbidden("users.manage"),
    forbidden("audit.read"),
  ],
  admin: [
    playground("Send"),
    playground("Complete"),
    playground("Embed"),
    async (page, w) => {
      await expect(page.getByLabel("Choose or drop .jsonl training files")).toBeVisible();
      await shown(page, `Delete ${w.file.filename}`);
    },
    async (page) => {
      await expect(page.getByRole("link", { name: "New job" }).first()).toBeVisible();
    },
    async (page) => {
      await expect(page.getByText("You can't create fine-tuning jobs")).toHaveCount(0);
    },
    (page) => shown(page, "Start training"),
    async () => {},
    (page, w) => shown(page, `Delete ${w.model}`),
    async (page) => {
      await shown(page, "Delete");
      await shown(page, "Archive");
    },
    async () => {},
    (page) => shown(page, "Create token"),
    async (page) => {
      await expect(page.getByText(ADMIN.email).first()).toBeVisible();
      await shown(page, "Add user");
      await screenshot(page, "admin-users", false);
    },
    async (page) => {
      await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
    },
  ],
};

test.describe("pages by role", () => {
  test("anonymous: every page sends to /sign-in with next", async ({ page }) => {
    test.setTimeout(90_000);
    for (const path of pages({ pending: "job-abc", model: "ft:open-mistral-7b:x:20240101:abc" })) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?/);
      expect(new URL(page.url()).searchParams.get("next"), path).toBe(path);
    }
  });

  for (const role of ["viewer", "member", "admin"] as const) {
    test(`${role}: what the role may do on every page`, async ({ page, baseURL }) => {
      test.setTimeout(150_000);
      const w = await pageFixtures(baseURL!);
      const user = role === "admin" ? ADMIN : await createUser(w.admin, role);
      await signInPage(page, baseURL!, user);
      const paths = pages(w);
      expect(CHECKS[role]).toHaveLength(paths.length);
      for (const [i, path] of paths.entries()) {
        await test.step(path, async () => {
          const res = await page.goto(path);
          expect(res?.status()).toBe(200);
          await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
          await CHECKS[role][i](page, w);
        });
      }
      await w.admin.dispose();
    });
  }
});
