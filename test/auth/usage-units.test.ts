// Usage in its own unit for every spending call, on SQLite and PostgreSQL: OCR in pages, audio
// transcription in seconds, conversations (streamed or not), moderations and the rest in tokens;
// in the audit row, its CSV and the usage API (tokens in `rows`, other units in `units`).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as usageRoute from "@/app/api/console/usage/route";
import { auditCsv, queryAudit, queryUnitUsage, queryUsage } from "@/lib/server/auth/audit";
import { openDatabase } from "@/lib/server/db";
import { migrate } from "@/lib/server/db/migrations";
import {
  AUDIO_SECONDS,
  conversationUsage,
  OCR_PAGES,
  todayScript,
  transcription,
} from "../clients/today-upstream";
import {
  addUser,
  bearer,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  freshPostgres,
  guardedFake,
  session,
  signIn,
  tokenFor,
  useAuthContext,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

describe.each(DATABASES)("usage units on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let member: TestUser;
  let token: string;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx, todayScript);
    member = await signIn(t.ctx, await addUser(t.ctx, "member"));
    token = (await tokenFor(t.ctx, member)).secret;
    useAuthContext(t.ctx);
  });
  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  /** Calls the gateway with the member's token, reads the whole answer, returns its audit row. */
  async function call(path: string, options: Parameters<typeof buildRequest>[2]) {
    const response = await g.gateway(buildRequest(path, bearer(token), options));
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const [entry] = await queryAudit(t.ctx, { limit: 1 });
    return { text, entry };
  }

  it("an OCR call records its pages", async () => {
    const { entry } = await call("/v1/ocr", {
      json: {
        model: "mistral-ocr-latest",
        document: { type: "document_url", document_url: "https://example.com/a.pdf" },
      },
    });
    expect(entry).toMatchObject({
      operation: "ocr",
      model: "mistral-ocr-2512",
      usageUnit: "pages",
      usageQuantity: OCR_PAGES,
      totalTokens: null,
    });
  });

  it("a transcription records its audio seconds (and keeps its tokens)", async () => {
    const form = new FormData();
    form.append("model", "voxtral-mini-latest");
    form.append("file", new Blob([new Uint8Array(2048)], { type: "audio/mpeg" }), "talk.mp3");
    const { entry } = await call("/v1/audio/transcriptions", { form });
    expect(entry).toMatchObject({
      operation: "audio.transcriptions",
      model: "voxtral-mini-2507",
      usageUnit: "audio_seconds",
      usageQuantity: AUDIO_SECONDS,
      totalTokens: transcription.usage.total_tokens,
    });
  });

  it("a streamed transcription records the audio seconds of its done event", async () => {
    const form = new FormData();
    form.append("model", "voxtral-mini-latest");
    form.append("stream", "true");
    form.append("file", new Blob([new Uint8Array(2048)], { type: "audio/mpeg" }), "talk.mp3");
    const { text, entry } = await call("/v1/audio/transcriptions", { form });
    expect(text).toContain("event: transcription.done");
    expect(entry).toMatchObject({
      operation: "audio.transcriptions",
      usageUnit: "audio_seconds",
      usageQuantity: AUDIO_SECONDS,
    });
  });

  it("a streamed conversation records the tokens of its done event", async () => {
    const { text, entry } = await call("/v1/conversations", {
      json: { model: "mistral-small-latest", inputs: "Capital of France?", stream: true },
    });
    expect(text).toContain("event: conversation.response.done");
    expect(entry).toMatchObject({
      operation: "conversations.start",
      model: "mistral-small-latest",
      usageUnit: "tokens",
      usageQuantity: conversationUsage.total_tokens,
      promptTokens: conversationUsage.prompt_tokens,
      completionTokens: conversationUsage.completion_tokens,
      totalTokens: conversationUsage.total_tokens,
    });
  });

  it("a plain conversation takes its model from its outputs; a moderation its tokens", async () => {
    const convo = await call("/v1/conversations", {
      json: { model: "mistral-small-latest", inputs: "Capital of France?" },
    });
    expect(convo.entry).toMatchObject({
      operation: "conversations.start",
      model: "mistral-small-latest",
      usageUnit: "tokens",
      usageQuantity: 24,
    });
    const mod = await call("/v1/moderations", {
      json: { model: "mistral-moderation-latest", input: ["hello"] },
    });
    expect(mod.entry).toMatchObject({
      operation: "moderations",
      usageUnit: "tokens",
      usageQuantity: 9,
    });
  });

  it("a batch job's creation records no usage (it spends later, upstream)", async () => {
    const { entry } = await call("/v1/batch/jobs", {
      json: { input_files: [], model: "mistral-small-latest", endpoint: "/v1/chat/completions" },
    });
    expect(entry).toMatchObject({
      operation: "batch.create",
      usageUnit: null,
      usageQuantity: null,
    });
  });

  it("the usage API and the CSV carry the units", async () => {
    const window = { from: Date.now() - 60_000, to: Date.now() + 60_000 };
    const units = await queryUnitUsage(t.ctx, window);
    expect(units).toEqual([
      expect.objectContaining({
        operation: "audio.transcriptions",
        unit: "audio_seconds",
        requests: 2,
        quantity: 2 * AUDIO_SECONDS,
      }),
      expect.objectContaining({
        operation: "ocr",
        unit: "pages",
        requests: 1,
        quantity: OCR_PAGES,
      }),
    ]);
    const tokens = await queryUsage(t.ctx, window);
    // Two conversations and the moderation; not the transcription, billed in seconds.
    expect(tokens.reduce((sum, r) => sum + r.totalTokens, 0)).toBe(24 + 24 + 9);

    const response = await usageRoute.GET(
      buildRequest("/api/console/usage?days=1", session(member)),
    );
    const body = (await response.json()) as { rows: unknown[]; units: unknown[] };
    expect(body.units).toEqual(JSON.parse(JSON.stringify(units)));
    expect(body.rows).toHaveLength(tokens.length);

    const csv = auditCsv(await queryAudit(t.ctx, { limit: 100 })).split("\r\n");
    expect(csv[0]).toContain(",totalTokens,usageSource,usageUnit,usageQuantity,durationMs");
    expect(
      csv.some((l) => l.includes(`,ocr,POST,/v1/ocr,`) && l.includes(`,pages,${OCR_PAGES},`)),
    ).toBe(true);
  });
});

describe.each(DATABASES)("migration 004 on %s", (kind) => {
  it("files the tokens of calls recorded before it under the tokens unit", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "console-004-"));
    const pgDb = kind === "postgres" ? await freshPostgres() : null;
    const database = openDatabase({ url: pgDb?.url, dataDir });
    try {
      await migrate(database, "003_resource_owner");
      const insert = (operation: string, spend: number, total: number | null) =>
        sql`insert into audit_log (at, user_id, user_email, via, operation, method, path, spend, total_tokens)
            values (1, 'u', 'u@example.com', 'token', ${operation}, 'POST', '/v1/x', ${spend}, ${total})`.execute(
          database.db,
        );
      await insert("chat.completions", 1, 30);
      await insert("files.upload", 1, null);
      await migrate(database);
      const rows = await database.db
        .selectFrom("audit_log")
        .select(["operation", "usage_unit", "usage_quantity"])
        .orderBy("id")
        .execute();
      expect(rows.map((r) => [r.operation, r.usage_unit, r.usage_quantity])).toEqual([
        ["chat.completions", "tokens", 30],
        ["files.upload", null, null],
      ]);
    } finally {
      await database.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
