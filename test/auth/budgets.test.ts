// Budgets that hold exactly: a spending call reserves its worst case against every budget that
// applies (the user's, their team's, their console token's) in the one statement that admits it,
// and settles to what it really used. So N concurrent calls, on one instance or two sharing a
// PostgreSQL, admit exactly what the budget holds; a refused call reserves nothing; a stream cut
// mid-way settles to the tokens streamed; periods reset at the UTC month; a price change leaves
// past costs alone.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTokens } from "@/lib/mistral/tokens";
import { admitSpending, queryAudit } from "@/lib/server/auth/audit";
import { createBudget, listBudgets, periodBounds } from "@/lib/server/budgets";
import { setPrice } from "@/lib/server/prices";
import { getMetrics } from "@/lib/server/metrics";
import { createTeam, setMembership } from "@/lib/server/teams";
import { sleep, type Received } from "../gateway/helpers";
import {
  anotherInstance,
  bearer,
  bodyOf,
  buildRequest,
  createTestAuth,
  DATABASES,
  guardedFake,
  session,
  signedIn,
  tokenFor,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const MODEL = "mistral-small-latest";
const EMBED = { model: "mistral-embed", input: ["a sentence to embed"] };
/** What an embeddings call reserves: a quarter of its JSON body's characters (it generates none). */
const R = Math.ceil(JSON.stringify(EMBED).length / 4);

/** The usage the fake API reports for the next non-streamed chat call. */
let chatUsage = { prompt_tokens: 1000, completion_tokens: 500 };

/**
 * The API as far as budgets care: embeddings report exactly what they reserved (so a call's
 * settled usage equals its reservation, and the admitted count is exact by design), chat reports
 * `chatUsage`, and a streamed chat sends three chunks and then holds until the caller goes away.
 */
function script(_req: unknown, res: ServerResponse, got: Received) {
  const body = JSON.parse(got.body.toString() || "{}") as { stream?: boolean; model?: string };
  if (got.url.startsWith("/v1/embeddings")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        model: body.model,
        data: [{ embedding: [0.1], index: 0 }],
        usage: { prompt_tokens: R, completion_tokens: 0, total_tokens: R },
      }),
    );
    return;
  }
  if (body.stream) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    for (const [i, content] of ["Once upon", " a time", " there was a wind"].entries()) {
      const delta = i === 0 ? { role: "assistant", content } : { content };
      res.write(
        `data: ${JSON.stringify({ id: "s", object: "chat.completion.chunk", model: body.model, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`,
      );
    }
    return; // held open: the caller stops it
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "c",
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }],
      usage: { ...chatUsage, total_tokens: chatUsage.prompt_tokens + chatUsage.completion_tokens },
    }),
  );
}

const embed = (as: Parameters<typeof buildRequest>[1]) =>
  buildRequest("/v1/embeddings", as, { json: EMBED });

/** A call read to its end (so it settles), with its status, headers and JSON body. */
async function call(g: Guarded, request: Request) {
  const response = await g.gateway(request);
  return { status: response.status, headers: response.headers, body: await bodyOf(response) };
}

async function statuses(responses: Response[]): Promise<number[]> {
  return Promise.all(
    responses.map(async (r) => {
      await r.text();
      return r.status;
    }),
  );
}

/** Every spending call of `userId` has settled (none still reserved). */
async function allSettled(t: TestAuth, userId: string) {
  for (let i = 0; i < 300; i++) {
    const open = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("id")
      .where("user_id", "=", userId)
      .where("spend", "=", 1)
      .where("status", "is", null)
      .execute();
    if (!open.length) return;
    await sleep(10);
  }
  throw new Error("calls never settled");
}

/** Where the budget `id` stands now. */
async function budgetOf(t: TestAuth, id: string) {
  const [found] = await listBudgets(t.ctx, { ids: [id] });
  return found.status;
}

describe.each(DATABASES)("budgets on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx, script);
  });

  afterAll(async () => {
    await g?.close();
    await t?.close();
  });

  it("200 concurrent spending calls against a budget that admits exactly 50: 50 admitted", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    const budget = await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: 50 * R,
      maxCostNanos: null,
      softPercent: 80,
    });
    const codes = await statuses(
      await Promise.all(Array.from({ length: 200 }, () => g.gateway(embed(bearer(secret))))),
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(50);
    expect(codes.filter((c) => c === 429)).toHaveLength(150);
    await allSettled(t, member.user.id);
    const status = await budgetOf(t, budget.id);
    expect(status).toMatchObject({ usedTokens: 50 * R, reservedTokens: 0, leftTokens: 0 });
    expect(status.exceeded).toBe(true);
    // Refused calls reserved nothing: only the 50 admitted are in the ledger.
    const spent = await t.ctx.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", member.user.id)
      .where("spend", "=", 1)
      .executeTakeFirstOrThrow();
    expect(Number(spent.n)).toBe(50);
    // A shared 2-core machine under load can take more than the default 20 s for 200 calls.
  }, 90_000);

  it("a team budget holds for all its members together; the 429 names it and its reset", async () => {
    const team = await createTeam(t.ctx, `Research ${kind}`);
    const [a, b, outsider] = await Promise.all([
      signedIn(t.ctx, "member", "a"),
      signedIn(t.ctx, "member", "b"),
      signedIn(t.ctx, "member", "c"),
    ]);
    await setMembership(t.ctx, a.user.id, team.id, "member");
    await setMembership(t.ctx, b.user.id, team.id, "admin");
    await createBudget(t.ctx, {
      scope: "team",
      subjectId: team.id,
      period: "month",
      maxTokens: 3 * R,
      maxCostNanos: null,
      softPercent: 80,
    });
    expect((await call(g, embed(session(a)))).status).toBe(200);
    expect((await call(g, embed(session(b)))).status).toBe(200);
    expect((await call(g, embed(session(a)))).status).toBe(200);
    await allSettled(t, a.user.id);
    const refused = await call(g, embed(session(b)));
    expect(refused.status).toBe(429);
    const now = Date.now();
    const { end } = periodBounds("month", now);
    const wait = Number(refused.headers.get("retry-after"));
    expect(Math.abs(wait - (end - now) / 1000)).toBeLessThan(5);
    const body = refused.body;
    expect(body.code).toBe("budget_exceeded");
    const resets = new Date(end).toISOString().slice(0, 10);
    expect(body.message).toBe(
      `Team “Research ${kind}” monthly budget: ${3 * R} of ${3 * R} tokens used (0 reserved; this call needs up to ${R}); resets ${resets} 00:00 UTC.`,
    );
    // Someone outside the team is not held by it.
    expect((await call(g, embed(session(outsider)))).status).toBe(200);
    // The refusal is audited, as refusals are.
    const [entry] = await queryAudit(t.ctx, { userId: b.user.id, limit: 1 });
    expect(entry).toMatchObject({ status: 429, operation: "embeddings" });
  });

  it("a token's budget holds only that token's calls", async () => {
    const member = await signedIn(t.ctx, "member");
    const limited = await tokenFor(t.ctx, member, "limited");
    const other = await tokenFor(t.ctx, member, "other");
    await createBudget(t.ctx, {
      scope: "token",
      subjectId: limited.token.id,
      period: "day",
      maxTokens: R,
      maxCostNanos: null,
      softPercent: 80,
    });
    expect((await call(g, embed(bearer(limited.secret)))).status).toBe(200);
    await allSettled(t, member.user.id);
    const refused = await call(g, embed(bearer(limited.secret)));
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/^Console token “limited \(.+\)” daily budget/);
    expect((await call(g, embed(bearer(other.secret)))).status).toBe(200);
    expect((await call(g, embed(session(member)))).status).toBe(200);
  });

  it("a budget set, or a team joined, after calls were made holds from the very next call", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    // Admitted with no budget: which budgets apply to this caller is now remembered.
    expect((await call(g, embed(bearer(secret)))).status).toBe(200);
    await allSettled(t, member.user.id);
    await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: R,
      maxCostNanos: null,
      softPercent: 80,
    });
    expect((await call(g, embed(bearer(secret)))).status).toBe(429);

    const other = await signedIn(t.ctx, "member");
    const team = await createTeam(t.ctx, `Spent ${kind}`);
    await createBudget(t.ctx, {
      scope: "team",
      subjectId: team.id,
      period: "day",
      maxTokens: 1,
      maxCostNanos: null,
      softPercent: 80,
    });
    expect((await call(g, embed(session(other)))).status).toBe(200);
    await setMembership(t.ctx, other.user.id, team.id, "member");
    expect((await call(g, embed(session(other)))).status).toBe(429);
    await setMembership(t.ctx, other.user.id, null);
    expect((await call(g, embed(session(other)))).status).toBe(200);
  });

  it("a stream the caller cuts mid-way reserves its worst case, then settles to what streamed", async () => {
    const member = await signedIn(t.ctx, "member");
    const budget = await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: 1_000_000,
      maxCostNanos: null,
      softPercent: 80,
    });
    const json = {
      model: MODEL,
      messages: [{ role: "user", content: "Tell me about the wind" }],
      stream: true,
      max_tokens: 3000,
    };
    const controller = new AbortController();
    const response = await g.gateway(
      buildRequest("/v1/chat/completions", session(member), { json, signal: controller.signal }),
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let sse = "";
    while (!sse.includes("there was a wind")) {
      const { value } = await reader.read();
      sse += new TextDecoder().decode(value);
    }
    // In flight: the worst case is reserved (prompt estimate + max_tokens).
    const reserved = Math.ceil(JSON.stringify(json).length / 4) + 3000;
    expect(await budgetOf(t, budget.id)).toMatchObject({ reservedTokens: reserved, usedTokens: 0 });
    controller.abort();
    await reader.cancel().catch(() => {});
    await allSettled(t, member.user.id);
    const [entry] = await queryAudit(t.ctx, { userId: member.user.id, limit: 1 });
    expect(entry).toMatchObject({ status: 499, usageSource: "console" });
    expect(entry.completionTokens).toBe(countTokens("Once upon a time there was a wind"));
    expect(await budgetOf(t, budget.id)).toMatchObject({
      reservedTokens: 0,
      usedTokens: entry.totalTokens,
    });
  });

  it("a refused call reserves nothing, and the month's budget is whole again on the 1st (UTC)", async () => {
    const member = await signedIn(t.ctx, "member");
    await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "month",
      maxTokens: 100,
      maxCostNanos: null,
      softPercent: 80,
    });
    const start = { operation: "embeddings", method: "POST", path: "/v1/embeddings", target: null };
    const bound = async () => ({ model: "mistral-embed", promptTokens: 60, completionTokens: 0 });
    const admit = (at: number) =>
      admitSpending(t.ctx, member.principal, { ...start, spend: true }, null, bound, { at });
    const jan31 = Date.UTC(2027, 0, 31, 23, 59, 0);
    const first = await admit(jan31);
    expect(first.ok).toBe(true);
    if (first.ok) {
      await first.finish({
        status: 200,
        model: "mistral-embed",
        usage: {
          promptTokens: 60,
          completionTokens: 0,
          totalTokens: 60,
          pages: null,
          audioSeconds: null,
        },
      });
    }
    const rows = async () =>
      (
        await t.ctx.database.db
          .selectFrom("audit_log")
          .select("id")
          .where("user_id", "=", member.user.id)
          .execute()
      ).length;
    const before = await rows();
    const second = await admit(jan31 + 30_000);
    expect(second).toMatchObject({ ok: false, reason: "budget_exceeded", retryAfter: 30 });
    if (!second.ok && second.reason === "budget_exceeded") {
      expect(second.message).toBe(
        "Your monthly budget: 60 of 100 tokens used (0 reserved; this call needs up to 60); resets 2027-02-01 00:00 UTC.",
      );
    }
    expect(await rows()).toBe(before);
    const feb1 = await admit(Date.UTC(2027, 1, 1, 0, 0, 0));
    expect(feb1.ok).toBe(true);
  });

  it("a call's cost is priced when it settles: a later price change leaves it alone", async () => {
    const member = await signedIn(t.ctx, "member");
    const chat = () =>
      call(
        g,
        buildRequest("/v1/chat/completions", session(member), {
          json: { model: `${MODEL}-${kind}`, messages: [{ role: "user", content: "hi" }] },
        }),
      );
    chatUsage = { prompt_tokens: 1000, completion_tokens: 500 };
    expect((await chat()).status).toBe(200); // unpriced: tokens only
    await setPrice(t.ctx, "admin@example.com", {
      model: `${MODEL}-${kind}`,
      inputPerM: "1",
      outputPerM: "2",
      perOcrPage: null,
      perAudioMinute: null,
    });
    expect((await chat()).status).toBe(200);
    await allSettled(t, member.user.id);
    await setPrice(t.ctx, "admin@example.com", {
      model: `${MODEL}-${kind}`,
      inputPerM: "10",
      outputPerM: "20",
      perOcrPage: null,
      perAudioMinute: null,
    });
    expect((await chat()).status).toBe(200);
    await allSettled(t, member.user.id);
    const costs = await t.ctx.database.db
      .selectFrom("audit_log")
      .select("cost_nanos")
      .where("user_id", "=", member.user.id)
      .orderBy("id")
      .execute();
    // 1000 × $1/M + 500 × $2/M = $0.002; then ten times that at the new price.
    expect(costs.map((c) => (c.cost_nanos === null ? null : Number(c.cost_nanos)))).toEqual([
      null,
      2_000_000,
      20_000_000,
    ]);
  });

  it("the metrics count budget refusals, and the cost of priced calls by model", async () => {
    const metrics = getMetrics();
    const refusals = async () =>
      (await metrics.refusals.get()).values.find((v) => v.labels.reason === "budget_exceeded")
        ?.value ?? 0;
    const cost = async () =>
      (await metrics.cost.get()).values.find((v) => v.labels.model === `${MODEL}-${kind}`)?.value ??
      0;
    const member = await signedIn(t.ctx, "member");
    await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: R,
      maxCostNanos: null,
      softPercent: 80,
    });
    const [refusedBefore, costBefore] = [await refusals(), await cost()];
    expect((await call(g, embed(session(member)))).status).toBe(200);
    await allSettled(t, member.user.id);
    expect((await call(g, embed(session(member)))).status).toBe(429);
    expect(await refusals()).toBe(refusedBefore + 1);
    // At $10/M in and $20/M out, 1000 + 500 tokens cost $0.02.
    await setPrice(t.ctx, "admin@example.com", {
      model: `${MODEL}-${kind}`,
      inputPerM: "10",
      outputPerM: "20",
      perOcrPage: null,
      perAudioMinute: null,
    });
    chatUsage = { prompt_tokens: 1000, completion_tokens: 500 };
    const other = await signedIn(t.ctx, "member");
    const chat = await call(
      g,
      buildRequest("/v1/chat/completions", session(other), {
        json: { model: `${MODEL}-${kind}`, messages: [{ role: "user", content: "hi" }] },
      }),
    );
    expect(chat.status).toBe(200);
    await allSettled(t, other.user.id);
    expect(await cost()).toBeCloseTo(costBefore + 0.02, 9);
  });

  it("crossing the soft threshold writes one budget.threshold entry for the period", async () => {
    const member = await signedIn(t.ctx, "member");
    await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: 10 * R,
      maxCostNanos: null,
      softPercent: 80,
    });
    const notices = async () =>
      (
        await queryAudit(t.ctx, {
          userId: member.user.id,
          operation: "budget.threshold",
          limit: 10,
        })
      ).length;
    for (let i = 0; i < 7; i++) expect((await call(g, embed(session(member)))).status).toBe(200);
    await allSettled(t, member.user.id);
    expect(await notices()).toBe(0);
    for (let i = 0; i < 2; i++) expect((await call(g, embed(session(member)))).status).toBe(200);
    await allSettled(t, member.user.id);
    await sleep(50);
    expect(await notices()).toBe(1);
  });
});

describe("budgets across two console instances sharing one PostgreSQL", () => {
  let t: TestAuth;
  let other: TestAuth;
  let g1: Guarded;
  let g2: Guarded;

  beforeAll(async () => {
    t = await createTestAuth("postgres");
    other = await anotherInstance(t);
    g1 = await guardedFake(t.ctx, script);
    g2 = await guardedFake(other.ctx, script);
  });

  afterAll(async () => {
    await g1?.close();
    await g2?.close();
    await other?.close();
    await t?.close();
  });

  it("200 concurrent calls, 100 through each instance, against a budget of 50: 50 admitted", async () => {
    const member: TestUser = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: 50 * R,
      maxCostNanos: null,
      softPercent: 80,
    });
    const codes = await statuses(
      await Promise.all(
        Array.from({ length: 200 }, (_, i) => (i % 2 ? g1 : g2).gateway(embed(bearer(secret)))),
      ),
    );
    expect(codes.filter((c) => c === 200)).toHaveLength(50);
    expect(codes.filter((c) => c === 429)).toHaveLength(150);
    // A shared 2-core machine under load can take more than the default 20 s for 200 calls.
  }, 90_000);

  it("a budget set on one instance holds on the other within a second", async () => {
    const member: TestUser = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    // The other instance admits a call with no budget, and remembers that none applies.
    expect((await call(g2, embed(bearer(secret)))).status).toBe(200);
    await allSettled(t, member.user.id);
    await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: R,
      maxCostNanos: null,
      softPercent: 80,
    });
    const set = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - set < 1_000) {
      status = (await call(g2, embed(bearer(secret)))).status;
      if (status === 200) await allSettled(t, member.user.id);
    }
    expect(status).toBe(429);
  });
});
