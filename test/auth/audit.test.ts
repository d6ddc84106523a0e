// The audit log: one entry per /v1 write and playground call (who, operation, target, status,
// token usage, streamed calls included), none for reads; a client that goes away mid-stream is
// 499; per-user limits on spending calls; the CSV export, the filters and the usage sums; and
// the /api/console/audit and /usage routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/console/audit/route";
import * as usageRoute from "@/app/api/console/usage/route";
import { auditCsv, queryAudit, queryUsage, type AuditEntry } from "@/lib/server/auth/audit";
import { isDryRun } from "@/lib/server/auth/guard";
import { jobOwners, updateUser } from "@/lib/server/auth/users";
import { AUDITED_OPERATIONS } from "@/lib/auth/permissions";
import { sleep } from "../gateway/helpers";
import {
  bearer,
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  guardedFake,
  guardedSandbox,
  session,
  signedIn,
  tokenFor,
  trainingFile,
  useAuthContext,
  type CallOptions,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: "mistral-small-latest",
  messages: [{ role: "user", content: "Tell me about the sea" }],
  max_tokens: 30,
  ...extra,
});
const AGENT = "ag:sandbox:20240801:general-assistant:5c2a9e10";

describe.each(DATABASES)("the audit log on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let viewer: TestUser;
  let member: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = guardedSandbox(t.ctx, t.dataDir);
    viewer = await signedIn(t.ctx, "viewer");
    member = await signedIn(t.ctx, "member");
    admin = await signedIn(t.ctx, "admin");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  const count = async () => (await queryAudit(t.ctx, { limit: 100_000 })).length;

  /** Makes the call, reads the whole answer, and returns it with the one entry it added. */
  async function recorded(user: TestUser, path: string, options: CallOptions = {}) {
    const before = await count();
    const response = await g.gateway(buildRequest(path, session(user), options));
    const text = await response.text();
    const entries = await queryAudit(t.ctx, { limit: 5 });
    expect(await count()).toBe(before + 1);
    return { status: response.status, text, entry: entries[0] };
  }

  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  describe("every write, once, with who, what and the outcome", () => {
    let fileId: string;
    let jobId: string;
    let model: string;

    it("upload: filed under the new file's id", async () => {
      const { status, text, entry } = await recorded(member, "/v1/files", {
        form: trainingFile(),
      });
      expect(status).toBe(200);
      fileId = String(json(text).id);
      expect(entry).toMatchObject({
        userId: member.user.id,
        userEmail: member.email,
        via: "session",
        tokenId: null,
        operation: "files.upload",
        method: "POST",
        path: "/v1/files",
        target: fileId,
        status: 200,
        promptTokens: null,
      });
      expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    });

    it("job create: filed under the new job, whose owner is recorded", async () => {
      const { status, text, entry } = await recorded(member, "/v1/fine_tuning/jobs", {
        json: {
          model: "mistral-small-latest",
          training_files: [{ file_id: fileId }],
          hyperparameters: { training_steps: 10 },
          auto_start: false,
        },
      });
      expect(status).toBe(200);
      jobId = String(json(text).id);
      expect(entry).toMatchObject({
        operation: "jobs.create",
        target: jobId,
        status: 200,
        userId: member.user.id,
      });
      expect(await jobOwners(t.ctx, [jobId])).toEqual({
        [jobId]: { userId: member.user.id, email: member.email },
      });
    });

    it("job dry run: filed as jobs.dry_run, no target, no owner, not a spending call", async () => {
      const { status, text, entry } = await recorded(member, "/v1/fine_tuning/jobs?dry_run=true", {
        json: {
          model: "mistral-small-latest",
          training_files: [{ file_id: fileId }],
          hyperparameters: { training_steps: 10 },
        },
      });
      expect(status).toBe(200);
      expect(json(text).id).toBeUndefined();
      expect(entry).toMatchObject({
        operation: "jobs.dry_run",
        method: "POST",
        path: "/v1/fine_tuning/jobs",
        target: null,
        status: 200,
        userId: member.user.id,
      });
      const [row] = await t.ctx.database.db
        .selectFrom("audit_log")
        .select(["operation", "spend"])
        .where("id", "=", entry.id)
        .execute();
      expect(row).toEqual({ operation: "jobs.dry_run", spend: 0 });
      // The operation filter finds it, and only it.
      const filtered = await queryAudit(t.ctx, { operation: "jobs.dry_run", limit: 10 });
      expect(filtered.map((e) => e.id)).toEqual([entry.id]);
    });

    it("job start", async () => {
      g.clock!.advance(5_000); // validated by now
      const { status, entry } = await recorded(member, `/v1/fine_tuning/jobs/${jobId}/start`, {
        method: "POST",
      });
      expect(status).toBe(200);
      expect(entry).toMatchObject({
        operation: "jobs.start",
        method: "POST",
        path: `/v1/fine_tuning/jobs/${jobId}/start`,
        target: jobId,
        status: 200,
      });
    });

    it("job cancel", async () => {
      const { status, entry } = await recorded(member, `/v1/fine_tuning/jobs/${jobId}/cancel`, {
        method: "POST",
      });
      expect(status).toBe(200);
      expect(entry).toMatchObject({ operation: "jobs.cancel", target: jobId, status: 200 });
    });

    it("file delete (admin)", async () => {
      const { status, entry } = await recorded(admin, `/v1/files/${fileId}`, {
        method: "DELETE",
      });
      expect(status).toBe(200);
      expect(entry).toMatchObject({
        operation: "files.delete",
        method: "DELETE",
        target: fileId,
        status: 200,
        userId: admin.user.id,
      });
    });

    it("model rename, archive, unarchive and delete (admin)", async () => {
      const models = await g.gateway(buildRequest("/v1/models", session(admin)));
      const list = (await models.json()) as { data: { id: string }[] };
      model = list.data.map((m) => m.id).find((id) => id.startsWith("ft:"))!;
      expect(model).toBeTruthy();

      const steps: [string, CallOptions, string][] = [
        [
          `/v1/fine_tuning/models/${model}`,
          { method: "PATCH", json: { name: "renamed" } },
          "models.update",
        ],
        [`/v1/fine_tuning/models/${model}/archive`, { method: "POST" }, "models.archive"],
        [`/v1/fine_tuning/models/${model}/archive`, { method: "DELETE" }, "models.unarchive"],
        [`/v1/models/${model}`, { method: "DELETE" }, "models.delete"],
      ];
      for (const [path, options, operation] of steps) {
        const { status, entry } = await recorded(admin, path, options);
        expect(status).toBe(200);
        expect(entry).toMatchObject({ operation, target: model, status: 200, path });
      }
    });

    it("chat: filed under its model with its token usage", async () => {
      const { status, text, entry } = await recorded(member, "/v1/chat/completions", {
        json: chatBody(),
      });
      expect(status).toBe(200);
      const usage = json(text).usage as Record<string, number>;
      expect(usage.total_tokens).toBeGreaterThan(0);
      expect(entry).toMatchObject({
        operation: "chat.completions",
        target: json(text).model,
        model: json(text).model,
        status: 200,
        promptTokens: usage.prompt_tokens,
        completionTokens: usage.completion_tokens,
        totalTokens: usage.total_tokens,
      });
    });

    it("streamed chat: the usage comes from the final chunk", async () => {
      const { status, text, entry } = await recorded(member, "/v1/chat/completions", {
        json: chatBody({ stream: true }),
      });
      expect(status).toBe(200);
      const events = text
        .split("\n")
        .filter((l) => l.startsWith("data: {"))
        .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
      expect(events.length).toBeGreaterThan(3);
      const usage = events.at(-1)!.usage as Record<string, number>;
      expect(events.slice(0, -1).some((e) => e.usage)).toBe(false);
      expect(entry).toMatchObject({
        operation: "chat.completions",
        status: 200,
        model: events.at(-1)!.model,
        promptTokens: usage.prompt_tokens,
        completionTokens: usage.completion_tokens,
        totalTokens: usage.total_tokens,
      });
      expect(entry.totalTokens).toBeGreaterThan(0);
    });

    it.each([
      ["fim.completions", "/v1/fim/completions", { model: "codestral-latest", prompt: "def f(" }],
      [
        "agents.completions",
        "/v1/agents/completions",
        { agent_id: AGENT, messages: [{ role: "user", content: "Hello" }] },
      ],
      ["embeddings", "/v1/embeddings", { model: "mistral-embed", input: ["one", "two"] }],
    ])("%s: with its usage", async (operation, path, body) => {
      const { status, text, entry } = await recorded(member, path, { json: body });
      expect(status).toBe(200);
      const usage = json(text).usage as Record<string, number>;
      expect(usage.prompt_tokens).toBeGreaterThan(0);
      expect(entry).toMatchObject({
        operation,
        status: 200,
        model: json(text).model,
        promptTokens: usage.prompt_tokens,
        totalTokens: usage.total_tokens,
      });
    });

    it("a call through a console token names the token", async () => {
      const { secret, token } = await tokenFor(t.ctx, member);
      const response = await g.gateway(
        buildRequest("/v1/embeddings", bearer(secret), {
          json: { model: "mistral-embed", input: ["x"] },
        }),
      );
      await response.text();
      const [entry] = await queryAudit(t.ctx, { limit: 1 });
      expect(entry).toMatchObject({ via: "token", tokenId: token.id, userId: member.user.id });
    });

    it("a refused write is recorded with its status; a failed one too", async () => {
      const refused = await recorded(viewer, "/v1/chat/completions", { json: chatBody() });
      expect(refused.status).toBe(403);
      expect(refused.entry).toMatchObject({
        operation: "chat.completions",
        userId: viewer.user.id,
        status: 403,
      });
      // Today's spec says a file id is a uuid (anything else is the gateway's own 404, unaudited).
      const nowhere = "00000000-0000-4000-8000-000000000000";
      const missing = await recorded(admin, `/v1/files/${nowhere}`, { method: "DELETE" });
      expect(missing.status).toBe(404);
      expect(missing.entry).toMatchObject({
        operation: "files.delete",
        target: nowhere,
        status: 404,
      });
    });
  });

  it("reads are not recorded", async () => {
    const before = await count();
    for (const path of ["/v1/models", "/v1/files", "/v1/fine_tuning/jobs"]) {
      const response = await g.gateway(buildRequest(path, session(viewer)));
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(await count()).toBe(before);
  });

  it("a client that goes away mid-stream is recorded as 499", async () => {
    const controller = new AbortController();
    const response = await g.gateway(
      buildRequest("/v1/chat/completions", session(member), {
        json: chatBody({ stream: true, max_tokens: 2000 }),
        signal: controller.signal,
      }),
    );
    expect(response.status).toBe(200);
    const [inFlight] = await queryAudit(t.ctx, { limit: 1 });
    expect(inFlight).toMatchObject({ operation: "chat.completions", status: null });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    let entry = inFlight;
    for (let i = 0; i < 50 && entry.status === null; i++) {
      await sleep(10);
      [entry] = await queryAudit(t.ctx, { limit: 1 });
    }
    expect(entry).toMatchObject({ id: inFlight.id, status: 499 });
  });

  describe("every call the API receives has its entry before its answer", () => {
    it("a call with nothing to admit it by is recorded as it is sent, before the API answers", async () => {
      const seen: (AuditEntry | undefined)[] = [];
      const fake = await guardedFake(t.ctx, (_req, res) => {
        void queryAudit(t.ctx, { limit: 1 }).then(([entry]) => {
          seen.push(entry);
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ id: "c1", model: "mistral-small-latest", choices: [] }));
        });
      });
      try {
        for (const as of [session(member), bearer((await tokenFor(t.ctx, member)).secret)]) {
          const response = await fake.gateway(
            buildRequest("/v1/chat/completions", as, { json: chatBody() }),
          );
          expect(response.status).toBe(200);
          await response.text();
          const [entry] = await queryAudit(t.ctx, { limit: 1 });
          expect(seen.at(-1)).toMatchObject({
            id: entry.id,
            operation: "chat.completions",
            userId: member.user.id,
            status: null,
          });
          expect(entry.status).toBe(200);
        }
        expect(seen).toHaveLength(2);
      } finally {
        await fake.close();
      }
    });

    it("a call whose entry cannot be written fails, its generation cut off upstream", async () => {
      const fake = await guardedFake(t.ctx, (_req, res) => {
        // A generation that would go on for a while.
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write('data: {"id":"c1","choices":[]}\n\n');
      });
      const database = t.ctx.database;
      const insertAudit = database.insertAudit;
      database.insertAudit = async () => {
        throw new Error("disk I/O error");
      };
      try {
        // The failure reaches whoever serves the gateway (the fast path or Next: a 500 logged).
        await expect(
          fake.gateway(
            buildRequest("/v1/chat/completions", session(member), {
              json: chatBody({ stream: true }),
            }),
          ),
        ).rejects.toThrow("disk I/O error");
        expect(fake.fake!.received).toHaveLength(1);
        for (let i = 0; i < 100 && !fake.fake!.received[0]?.closedAt; i++) await sleep(5);
        expect(fake.fake!.received[0].closedAt).toBeDefined();
      } finally {
        database.insertAudit = insertAudit;
        await fake.close();
      }
    });

    it("a client that leaves before the first byte still leaves its entry, as 499", async () => {
      const fake = await guardedFake(t.ctx, () => {
        // Never answers: the client gives up first.
      });
      try {
        const controller = new AbortController();
        const answer = fake.gateway(
          buildRequest("/v1/chat/completions", session(member), {
            json: chatBody({ stream: true }),
            signal: controller.signal,
          }),
        );
        for (let i = 0; i < 200 && fake.fake!.received.length === 0; i++) await sleep(5);
        expect(fake.fake!.received).toHaveLength(1);
        controller.abort();
        expect((await answer).status).toBe(499);
        let [entry] = await queryAudit(t.ctx, { limit: 1 });
        for (let i = 0; i < 50 && entry.status === null; i++) {
          await sleep(10);
          [entry] = await queryAudit(t.ctx, { limit: 1 });
        }
        expect(entry).toMatchObject({
          operation: "chat.completions",
          userId: member.user.id,
          status: 499,
        });
      } finally {
        await fake.close();
      }
    });
  });

  describe("per-user limits on spending calls", () => {
    it("a user's own limit: the third spending call in a minute is 429 with Retry-After; reads pass", async () => {
      const user = await signedIn(t.ctx, "member", "limited");
      await updateUser(t.ctx, admin.user.id, user.user.id, { rateLimitPerMinute: 2 });
      const spend = () =>
        g.gateway(
          buildRequest("/v1/embeddings", session(user), {
            json: { model: "mistral-embed", input: ["x"] },
          }),
        );
      for (let i = 0; i < 2; i++) {
        const ok = await spend();
        expect(ok.status).toBe(200);
        await ok.text();
      }
      const limited = await spend();
      expect(limited.status).toBe(429);
      const wait = Number(limited.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      expect(await bodyOf(limited)).toMatchObject({ object: "error", code: "rate_limited" });
      const [entry] = await queryAudit(t.ctx, { limit: 1 });
      expect(entry).toMatchObject({ userId: user.user.id, status: 429 });

      const read = await g.gateway(buildRequest("/v1/models", session(user)));
      expect(read.status).toBe(200);
      // Others are not limited by this user's spending.
      const other = await g.gateway(
        buildRequest("/v1/embeddings", session(member), {
          json: { model: "mistral-embed", input: ["x"] },
        }),
      );
      expect(other.status).toBe(200);
    });

    it("dry runs are not spending calls: a user limited to 2 a minute sizes 4 jobs, then still creates 2", async () => {
      const user = await signedIn(t.ctx, "member", "sizer");
      await updateUser(t.ctx, admin.user.id, user.user.id, { rateLimitPerMinute: 2 });
      const upload = await g.gateway(
        buildRequest("/v1/files", session(admin), { form: trainingFile() }),
      );
      const fileId = String(((await bodyOf(upload)) as { id: string }).id);
      const job = (query: string) =>
        g.gateway(
          buildRequest(`/v1/fine_tuning/jobs${query}`, session(user), {
            json: {
              model: "mistral-small-latest",
              training_files: [{ file_id: fileId }],
              hyperparameters: { training_steps: 10 },
              auto_start: false,
            },
          }),
        );
      for (let i = 0; i < 4; i++) {
        const dry = await job(i % 2 ? "?dry_run=1" : "?dry_run=true");
        expect(dry.status).toBe(200);
        await dry.text();
      }
      for (let i = 0; i < 2; i++) {
        const created = await job("");
        expect(created.status).toBe(200);
        await created.text();
      }
      // A value the API would not read as true is a creation, held to the limit.
      const sneaky = await job("?dry_run=true&dry_run=false");
      expect(sneaky.status).toBe(429);
      const mine = await queryAudit(t.ctx, { userId: user.user.id, limit: 20 });
      expect(mine.map((e) => e.operation).sort()).toEqual([
        "jobs.create",
        "jobs.create",
        "jobs.create",
        "jobs.dry_run",
        "jobs.dry_run",
        "jobs.dry_run",
        "jobs.dry_run",
      ]);
    });

    it("CONSOLE_RATE_LIMIT_PER_MINUTE is the default for everyone", async () => {
      const limited = await createTestAuth(kind, { CONSOLE_RATE_LIMIT_PER_MINUTE: "2" });
      const fake = await guardedFake(limited.ctx);
      try {
        const user = await signedIn(limited.ctx, "member");
        const chat = () =>
          fake.gateway(buildRequest("/v1/chat/completions", session(user), { json: chatBody() }));
        expect((await chat()).status).toBe(200);
        expect((await chat()).status).toBe(200);
        const before = fake.fake!.received.length;
        const third = await chat();
        expect(third.status).toBe(429);
        expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(fake.fake!.received.length).toBe(before);
        const read = await fake.gateway(buildRequest("/v1/models", session(user)));
        expect(read.status).toBe(200);
      } finally {
        await fake.close();
        await limited.close();
      }
    });
  });

  describe("queries", () => {
    const DAY = 24 * 60 * 60 * 1000;
    const day0 = Date.UTC(2024, 6, 30);
    const row = (over: Partial<Record<string, unknown>>) => ({
      at: day0,
      user_id: "u-q1",
      user_email: "q1@example.com",
      via: "token",
      token_id: null,
      operation: "chat.completions",
      method: "POST",
      path: "/v1/chat/completions",
      target: null,
      status: 200,
      model: null,
      prompt_tokens: null,
      completion_tokens: null,
      total_tokens: null,
      duration_ms: 5,
      spend: 0,
      ...over,
    });

    beforeAll(async () => {
      await t.ctx.database.db
        .insertInto("audit_log")
        .values([
          row({ at: day0 + 1000, target: "File_100%_A", operation: "files.delete" }),
          row({ at: day0 + 2000, target: "file_100x_b", operation: "files.delete" }),
          row({ at: day0 + DAY + 5, user_id: "u-q2", user_email: "q2@example.com" }),
          // Usage: two users, two models, two days.
          ...[
            [day0 + 10, "u-q1", "model-a", 10, 5],
            [day0 + 20, "u-q1", "model-a", 1, 2],
            [day0 + 30, "u-q1", "model-b", 100, 0],
            [day0 + 40, "u-q2", "model-a", 7, 7],
            [day0 + DAY + 10, "u-q1", "model-a", 3, 3],
          ].map(([at, user, model, p, c]) =>
            row({
              at,
              user_id: user,
              user_email: `${String(user).slice(2)}@example.com`,
              model,
              spend: 1,
              prompt_tokens: p,
              completion_tokens: c,
              total_tokens: Number(p) + Number(c),
            }),
          ),
          // Not spending, or no model, or a call that names a model but uses no tokens: not usage.
          row({ at: day0 + 50, model: "model-a", spend: 0, total_tokens: 999 }),
          row({ at: day0 + 55, model: "model-a", spend: 1, operation: "jobs.create" }),
          row({ at: day0 + 60, spend: 1, total_tokens: 999 }),
        ])
        .execute();
    });

    const window = { from: day0, to: day0 + 2 * DAY };

    it("filters by user, operation, target substring (literally) and time", async () => {
      const q2 = await queryAudit(t.ctx, { userId: "u-q2", ...window, limit: 100 });
      expect(q2.every((e) => e.userId === "u-q2")).toBe(true);
      expect(q2).toHaveLength(2);

      const deletes = await queryAudit(t.ctx, { operation: "files.delete", ...window, limit: 100 });
      expect(deletes.map((e) => e.target)).toEqual(["file_100x_b", "File_100%_A"]);

      const like = await queryAudit(t.ctx, { target: "100%", limit: 100 });
      expect(like.map((e) => e.target)).toEqual(["File_100%_A"]);
      const underscore = await queryAudit(t.ctx, { target: "E_100", limit: 100 });
      expect(underscore.map((e) => e.target).sort()).toEqual(["File_100%_A", "file_100x_b"]);

      const firstDay = await queryAudit(t.ctx, { from: day0, to: day0 + DAY, limit: 100 });
      expect(firstDay).toHaveLength(9);
      expect(firstDay.every((e) => Date.parse(e.at) < day0 + DAY)).toBe(true);
      const secondDay = await queryAudit(t.ctx, {
        from: day0 + DAY,
        to: day0 + 2 * DAY,
        limit: 100,
      });
      expect(secondDay).toHaveLength(2);
    });

    it("pages newest first with before", async () => {
      const all = await queryAudit(t.ctx, { ...window, limit: 100 });
      const first = await queryAudit(t.ctx, { ...window, limit: 4 });
      const second = await queryAudit(t.ctx, { ...window, limit: 4, before: first.at(-1)!.id });
      expect([...first, ...second].map((e) => e.id)).toEqual(all.slice(0, 8).map((e) => e.id));
      const ids = all.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
    });

    it("sums usage per day, model and user (spending calls with a model only)", async () => {
      const rows = await queryUsage(t.ctx, window);
      expect(rows).toEqual([
        {
          day: "2024-07-30",
          model: "model-a",
          userId: "u-q1",
          userEmail: "q1@example.com",
          // In no team, with no console token, and no price known: tokens only, never an
          // invented cost.
          teamId: null,
          tokenId: null,
          requests: 2,
          promptTokens: 11,
          completionTokens: 7,
          totalTokens: 18,
          costNanos: null,
        },
        expect.objectContaining({
          day: "2024-07-30",
          model: "model-a",
          userId: "u-q2",
          requests: 1,
          totalTokens: 14,
        }),
        expect.objectContaining({
          day: "2024-07-30",
          model: "model-b",
          userId: "u-q1",
          promptTokens: 100,
          totalTokens: 100,
        }),
        expect.objectContaining({
          day: "2024-07-31",
          model: "model-a",
          userId: "u-q1",
          requests: 1,
          totalTokens: 6,
        }),
      ]);
      const one = await queryUsage(t.ctx, { ...window, userId: "u-q2" });
      expect(one.map((r) => r.userId)).toEqual(["u-q2"]);
    });
  });

  describe("the routes", () => {
    it("/api/console/audit: 403 audit.read for a member; JSON and CSV for an admin", async () => {
      const refused = await auditRoute.GET(buildRequest("/api/console/audit", session(member)));
      expect(refused.status).toBe(403);
      expect(await bodyOf(refused)).toMatchObject({ code: "forbidden", param: "audit.read" });

      const page = await auditRoute.GET(
        buildRequest(`/api/console/audit?user=${member.user.id}&limit=2`, session(admin)),
      );
      expect(page.status).toBe(200);
      const { entries, nextBefore } = (await page.json()) as {
        entries: AuditEntry[];
        nextBefore: number | null;
      };
      expect(entries).toHaveLength(2);
      expect(entries.every((e) => e.userId === member.user.id)).toBe(true);
      expect(nextBefore).toBe(entries[1].id);

      const csv = await auditRoute.GET(
        buildRequest("/api/console/audit?format=csv&operation=files.upload", session(admin)),
      );
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("content-disposition")).toMatch(
        /^attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"$/,
      );
      const lines = (await csv.text()).split("\r\n");
      expect(lines[0]).toBe(
        "id,at,userEmail,userId,via,tokenId,operation,method,path,target,status,model,promptTokens,completionTokens,totalTokens,usageSource,usageUnit,usageQuantity,durationMs",
      );
      expect(
        lines
          .slice(1)
          .filter(Boolean)
          .every((l) => l.includes(",files.upload,")),
      ).toBe(true);
      expect(lines.length).toBeGreaterThan(2);

      const bad = await auditRoute.GET(
        buildRequest("/api/console/audit?from=yesterday", session(admin)),
      );
      expect(bad.status).toBe(422);
      expect(await bodyOf(bad)).toMatchObject({ param: "from" });
    });

    it("/api/console/usage: a member sees only their own rows, an admin everyone's", async () => {
      const mine = await usageRoute.GET(
        buildRequest("/api/console/usage?days=2&user=u-q2", session(member)),
      );
      const own = (await mine.json()) as { rows: { userId: string }[]; users: { id: string }[] };
      expect(own.rows.length).toBeGreaterThan(0);
      expect(own.rows.every((r) => r.userId === member.user.id)).toBe(true);
      expect(own.users).toEqual([{ id: member.user.id, email: member.email }]);

      const all = await usageRoute.GET(buildRequest("/api/console/usage?days=2", session(admin)));
      const every = (await all.json()) as { rows: { userId: string }[] };
      expect(new Set(every.rows.map((r) => r.userId)).size).toBeGreaterThan(1);
    });
  });
});

describe("auditCsv", () => {
  const entry = (over: Partial<AuditEntry>): AuditEntry => ({
    id: 1,
    at: "2024-07-30T10:00:00.000Z",
    userId: "u1",
    userEmail: "a@example.com",
    via: "session",
    tokenId: null,
    operation: "models.update",
    method: "PATCH",
    path: "/v1/fine_tuning/models/x",
    target: "x",
    status: 200,
    model: null,
    promptTokens: null,
    completionTokens: null,
    totalTokens: null,
    usageSource: null,
    usageUnit: null,
    usageQuantity: null,
    durationMs: 3,
    ...over,
  });

  it("quotes commas, quotes and newlines", () => {
    const csv = auditCsv([entry({ target: 'a,"b"\nc' })]);
    expect(csv.split("\r\n")[1]).toContain(',"a,""b""\nc",');
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it.each(["=HYPERLINK(1)", "+1", "-1+2", "@SUM(A1)", "\tx"])(
    "neutralises a formula prefix: %j",
    (target) => {
      const line = auditCsv([entry({ target })]).split("\r\n")[1];
      const cells = line.split(",");
      expect(cells[9].replace(/^"|"$/g, "")).toBe(`'${target}`);
    },
  );

  it("leaves plain values, numbers and nulls alone", () => {
    const line = auditCsv([
      entry({
        target: "ft:open-mistral-7b:x",
        totalTokens: 12,
        usageUnit: "tokens",
        usageQuantity: 12,
      }),
    ]).split("\r\n")[1];
    expect(line).toBe(
      "1,2024-07-30T10:00:00.000Z,a@example.com,u1,session,,models.update,PATCH,/v1/fine_tuning/models/x,ft:open-mistral-7b:x,200,,,,12,,tokens,12,3",
    );
  });
});

describe("the audit page's operation filter", () => {
  it("offers jobs.dry_run beside jobs.create, and no reads", () => {
    expect(AUDITED_OPERATIONS).toContain("jobs.dry_run");
    expect(AUDITED_OPERATIONS).toContain("jobs.create");
    expect(AUDITED_OPERATIONS.filter((o) => /\.(list|get)$/.test(o))).toEqual([]);
  });

  it("reads dry_run as the API does, and never takes a creation for a dry run", () => {
    const dry = (q: string) => isDryRun(new URLSearchParams(q));
    expect(dry("dry_run=true")).toBe(true);
    expect(dry("dry_run=True")).toBe(true);
    expect(dry("dry_run=1")).toBe(true);
    expect(dry("")).toBe(false);
    expect(dry("dry_run=false")).toBe(false);
    expect(dry("dry_run=perhaps")).toBe(false);
    expect(dry("dry_run=true&dry_run=false")).toBe(false);
  });
});
