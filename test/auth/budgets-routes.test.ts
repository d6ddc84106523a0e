// The teams, prices, budgets and my-usage routes: admins manage teams, prices and budgets (every
// change audited); everyone reads the prices and their own usage with what is left; a team's admins
// read their team's usage; the usage CSV carries cost where a price exists.
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as budgetRoute from "@/app/api/console/budgets/[id]/route";
import * as budgetsRoute from "@/app/api/console/budgets/route";
import * as meUsageRoute from "@/app/api/console/me/usage/route";
import * as priceRoute from "@/app/api/console/prices/[model]/route";
import * as pricesRoute from "@/app/api/console/prices/route";
import * as memberRoute from "@/app/api/console/teams/[id]/members/[userId]/route";
import * as teamRoute from "@/app/api/console/teams/[id]/route";
import * as teamsRoute from "@/app/api/console/teams/route";
import * as usageRoute from "@/app/api/console/usage/route";
import * as usersRoute from "@/app/api/console/users/route";
import type { BudgetInfo, BudgetStatus } from "@/lib/console/budgets";
import type { MeUsageResponse } from "@/lib/console/me-usage";
import type { TeamInfo } from "@/lib/console/teams";
import type { UsageResponse } from "@/lib/console/usage";
import { queryAudit } from "@/lib/server/auth/audit";
import { sleep, type Received } from "../gateway/helpers";
import {
  bearer,
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  guardedFake,
  session,
  signedIn,
  tokenFor,
  useAuthContext,
  type Caller,
  type Guarded,
  type TestAuth,
  type TestUser,
} from "./harness";

const MODEL = "mistral-small-latest";

/** Every chat call uses 1000 prompt and 500 completion tokens. */
function script(_req: unknown, res: ServerResponse, got: Received) {
  const body = JSON.parse(got.body.toString() || "{}") as { model?: string };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "c",
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500 },
    }),
  );
}

const ctxOf = (params: Record<string, string>) => ({ params: Promise.resolve(params) });
const json = (response: Response) => bodyOf(response) as Promise<never>;

describe.each(DATABASES)("teams, prices and budgets routes on %s", (kind) => {
  let t: TestAuth;
  let g: Guarded;
  let admin: TestUser;
  let lead: TestUser;
  let member: TestUser;
  let loner: TestUser;
  let team: TeamInfo;

  beforeAll(async () => {
    t = await createTestAuth(kind);
    g = await guardedFake(t.ctx, script);
    [admin, lead, member, loner] = await Promise.all([
      signedIn(t.ctx, "admin"),
      signedIn(t.ctx, "member", "lead"),
      signedIn(t.ctx, "member"),
      signedIn(t.ctx, "member", "loner"),
    ]);
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  const send = (path: string, as: Caller, method: string, body?: unknown) =>
    buildRequest(path, as, { method, ...(body === undefined ? {} : { json: body }) });

  async function chat(as: TestUser | string) {
    const caller = typeof as === "string" ? bearer(as) : session(as);
    const response = await g.gateway(
      buildRequest("/v1/chat/completions", caller, {
        json: { model: MODEL, messages: [{ role: "user", content: "hi" }], max_tokens: 1000 },
      }),
    );
    await response.text();
    // Settled once its audit row has a status.
    for (let i = 0; i < 200; i++) {
      const open = await t.ctx.database.db
        .selectFrom("audit_log")
        .select("id")
        .where("spend", "=", 1)
        .where("status", "is", null)
        .execute();
      if (!open.length) break;
      await sleep(10);
    }
    return response.status;
  }

  it("admins make teams and put users in them (one team each); members cannot", async () => {
    const refused = await teamsRoute.POST(
      send("/api/console/teams", session(member), "POST", { name: "X" }),
    );
    expect(refused.status).toBe(403);
    expect(await bodyOf(refused)).toMatchObject({ param: "teams.manage" });

    const made = await teamsRoute.POST(
      send("/api/console/teams", session(admin), "POST", { name: " Research " }),
    );
    expect(made.status).toBe(201);
    team = ((await json(made)) as { team: TeamInfo }).team;
    expect(team).toMatchObject({ name: "Research", members: [] });
    const again = await teamsRoute.POST(
      send("/api/console/teams", session(admin), "POST", { name: "Research" }),
    );
    expect(again.status).toBe(409);
    const other = (
      (await json(
        await teamsRoute.POST(send("/api/console/teams", session(admin), "POST", { name: "Ops" })),
      )) as { team: TeamInfo }
    ).team;

    const put = (teamId: string, user: TestUser, teamRole: string) =>
      memberRoute.PUT(
        send(`/api/console/teams/${teamId}/members/${user.user.id}`, session(admin), "PUT", {
          teamRole,
        }),
        ctxOf({ id: teamId, userId: user.user.id }),
      );
    expect((await put(team.id, lead, "admin")).status).toBe(200);
    expect((await put(other.id, member, "member")).status).toBe(200);
    // Put in another team, a user moves: they are in one team at most.
    const moved = (await json(await put(team.id, member, "member"))) as { team: TeamInfo };
    expect(moved.team.members.map((m) => [m.email, m.teamRole])).toEqual(
      [
        [lead.email, "admin"],
        [member.email, "member"],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    const renamed = await teamRoute.PATCH(
      send(`/api/console/teams/${other.id}`, session(admin), "PATCH", { name: "Operations" }),
      ctxOf({ id: other.id }),
    );
    expect(((await json(renamed)) as { team: TeamInfo }).team).toMatchObject({
      id: other.id,
      name: "Operations",
      members: [],
    });
    const gone = await teamRoute.DELETE(
      send(`/api/console/teams/${other.id}`, session(admin), "DELETE"),
      ctxOf({ id: other.id }),
    );
    expect(gone.status).toBe(204);

    const list = (await json(
      await teamsRoute.GET(send("/api/console/teams", session(admin), "GET")),
    )) as {
      teams: TeamInfo[];
    };
    expect(list.teams.map((x) => x.name)).toEqual(["Research"]);
    // The users list shows each user's team.
    const users = (await json(
      await usersRoute.GET(send("/api/console/users", session(admin), "GET")),
    )) as {
      users: { email: string; team: unknown }[];
    };
    expect(users.users.find((u) => u.email === lead.email)?.team).toEqual({
      id: team.id,
      name: "Research",
      role: "admin",
    });
    expect(users.users.find((u) => u.email === loner.email)?.team).toBeNull();
    const ops = (await queryAudit(t.ctx, { userId: admin.user.id, limit: 20 })).map(
      (e) => e.operation,
    );
    expect(ops).toEqual(
      expect.arrayContaining(["teams.create", "teams.members.set", "teams.update", "teams.delete"]),
    );
  });

  it("prices start empty (nothing invented); admins set and remove them; everyone reads them", async () => {
    const empty = (await json(
      await pricesRoute.GET(send("/api/console/prices", session(member), "GET")),
    )) as {
      prices: unknown[];
    };
    expect(empty).toEqual({ currency: "USD", prices: [] });
    const price = { model: MODEL, inputPerM: "1", outputPerM: "2" };
    const refused = await pricesRoute.PUT(
      send("/api/console/prices", session(member), "PUT", price),
    );
    expect(refused.status).toBe(403);
    const bad = await pricesRoute.PUT(
      send("/api/console/prices", session(admin), "PUT", { ...price, inputPerM: "-1" }),
    );
    expect(await bodyOf(bad)).toMatchObject({ code: "invalid_field", param: "inputPerM" });
    const set = await pricesRoute.PUT(send("/api/console/prices", session(admin), "PUT", price));
    expect(((await json(set)) as { price: unknown }).price).toMatchObject({
      ...price,
      perOcrPage: null,
      source: "admin",
      updatedBy: admin.email,
    });
    await pricesRoute.PUT(
      send("/api/console/prices", session(admin), "PUT", { model: "gone", inputPerM: "3" }),
    );
    const removed = await priceRoute.DELETE(
      send("/api/console/prices/gone", session(admin), "DELETE"),
      ctxOf({ model: "gone" }),
    );
    expect(removed.status).toBe(204);
    const listed = (await json(
      await pricesRoute.GET(send("/api/console/prices", session(member), "GET")),
    )) as {
      prices: { model: string }[];
    };
    expect(listed.prices.map((p) => p.model)).toEqual([MODEL]);
  });

  it("budgets: admins set one per subject and period; my usage shows used, reserved and left", async () => {
    const post = (as: TestUser, body: unknown) =>
      budgetsRoute.POST(send("/api/console/budgets", session(as), "POST", body));
    const body = { scope: "team", subjectId: team.id, period: "month", maxTokens: 4000 };
    expect((await post(member, body)).status).toBe(403);
    const made = await post(admin, body);
    expect(made.status).toBe(201);
    const budget = ((await json(made)) as { budget: BudgetInfo }).budget;
    expect(budget).toMatchObject({ subjectName: "Research", softPercent: 80, maxCostNanos: null });
    expect((await post(admin, body)).status).toBe(409);
    const missing = await post(admin, { ...body, subjectId: "nope" });
    expect(await bodyOf(missing)).toMatchObject({ code: "not_found", param: "subjectId" });

    // 1500 tokens a call: two fit in 4000; the third reserves its prompt and max_tokens (1000),
    // more than the 1000 left, and is refused.
    expect(await chat(member)).toBe(200);
    expect(await chat(lead)).toBe(200);
    expect(await chat(member)).toBe(429);

    const mine = (await json(
      await meUsageRoute.GET(send("/api/console/me/usage", session(member), "GET")),
    )) as MeUsageResponse;
    expect(mine.team).toEqual({ id: team.id, name: "Research", role: "member" });
    expect(mine.budgets).toHaveLength(1);
    expect(mine.budgets[0]).toMatchObject({
      scope: "team",
      subjectName: "Research",
      usedTokens: 3000,
      reservedTokens: 0,
      leftTokens: 1000,
      maxTokens: 4000,
      warning: false,
      exceeded: false,
    } satisfies Partial<BudgetStatus>);
    // Priced: $1/M in, $2/M out → 1000 × 1e3 + 500 × 2e3 nano-dollars a call.
    expect(mine.byModel).toEqual([
      {
        model: MODEL,
        requests: 1,
        promptTokens: 1000,
        completionTokens: 500,
        totalTokens: 1500,
        costNanos: 2_000_000,
      },
    ]);
    expect(mine.byDay).toHaveLength(1);

    // Raised, then at 80 % the banner shows.
    const patched = await budgetRoute.PATCH(
      send(`/api/console/budgets/${budget.id}`, session(admin), "PATCH", { maxTokens: 3500 }),
      ctxOf({ id: budget.id }),
    );
    expect(((await json(patched)) as { budget: BudgetInfo }).budget.status).toMatchObject({
      leftTokens: 500,
      warning: true,
    });
    const warned = (await json(
      await meUsageRoute.GET(send("/api/console/me/usage", session(lead), "GET")),
    )) as MeUsageResponse;
    expect(warned.warning).toBe(true);

    // A console token's own budget shows when my usage is asked with it.
    const { secret, token } = await tokenFor(t.ctx, loner, "nightly");
    await post(admin, {
      scope: "token",
      subjectId: token.id,
      period: "day",
      maxCostNanos: 5_000_000,
    });
    expect(await chat(secret)).toBe(200);
    const viaToken = (await json(
      await meUsageRoute.GET(send("/api/console/me/usage", bearer(secret), "GET")),
    )) as MeUsageResponse;
    expect(viaToken.tokenId).toBe(token.id);
    expect(viaToken.budgets[0]).toMatchObject({
      scope: "token",
      usedCostNanos: 2_000_000,
      leftCostNanos: 3_000_000,
    });

    const listed = (await json(
      await budgetsRoute.GET(send("/api/console/budgets?scope=team", session(admin), "GET")),
    )) as { budgets: BudgetInfo[] };
    expect(listed.budgets.map((b) => b.id)).toEqual([budget.id]);
    const deleted = await budgetRoute.DELETE(
      send(`/api/console/budgets/${budget.id}`, session(admin), "DELETE"),
      ctxOf({ id: budget.id }),
    );
    expect(deleted.status).toBe(204);
    expect(await chat(member)).toBe(200);
  });

  it("a team's admins read its usage; others cannot; the CSV carries cost", async () => {
    const usage = (as: TestUser, query: string) =>
      usageRoute.GET(send(`/api/console/usage?${query}`, session(as), "GET"));
    const teamView = (await json(await usage(lead, `team=${team.id}`))) as {
      rows: { userEmail: string; costNanos: number | null; teamId: string }[];
      teams: { id: string }[];
    };
    expect(new Set(teamView.rows.map((r) => r.userEmail))).toEqual(
      new Set([lead.email, member.email]),
    );
    expect(teamView.rows.every((r) => r.teamId === team.id && r.costNanos !== null)).toBe(true);
    expect(teamView.teams).toEqual([{ id: team.id, name: "Research" }]);
    expect((await usage(member, `team=${team.id}`)).status).toBe(403);
    expect((await usage(loner, `team=${team.id}`)).status).toBe(403);

    const csv = await usage(admin, `team=${team.id}&format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "day,model,userEmail,userId,teamId,tokenId,requests,promptTokens,completionTokens,totalTokens,team,token,costUsd",
    );
    expect(
      lines.slice(1).some((l) => l.includes(member.email) && l.endsWith(",Research,,0.004")),
    ).toBe(true);
  });

  it("usage per console token: rows name the token, a filter keeps one, the CSV names it", async () => {
    const usage = async (as: TestUser, query: string) =>
      usageRoute.GET(send(`/api/console/usage?${query}`, session(as), "GET"));
    const everyone = (await json(await usage(admin, ""))) as UsageResponse;
    const nightly = everyone.tokens?.find((x) => x.name === "nightly");
    expect(nightly?.userEmail).toBe(loner.email);
    const viaNightly = everyone.rows.filter((r) => r.tokenId === nightly!.id);
    expect(viaNightly.map((r) => r.userEmail)).toEqual([loner.email]);
    // Calls from a signed-in browser carry no token.
    expect(everyone.rows.some((r) => r.userEmail === member.email && r.tokenId === null)).toBe(
      true,
    );

    const one = (await json(await usage(admin, `token=${nightly!.id}`))) as UsageResponse;
    expect(one.rows.length).toBeGreaterThan(0);
    expect(one.rows.every((r) => r.tokenId === nightly!.id)).toBe(true);
    // A member names only their own tokens.
    const own = (await json(await usage(loner, ""))) as UsageResponse;
    expect(own.tokens?.map((x) => x.name)).toEqual(["nightly"]);
    const memberView = (await json(await usage(member, ""))) as UsageResponse;
    expect(memberView.tokens).toEqual([]);

    const csv = (await (await usage(admin, "format=csv")).text()).trim().split("\r\n");
    expect(csv.some((l) => l.includes(loner.email) && l.includes(",nightly,"))).toBe(true);
  });
});
