// /api/console/sso-mappings: admins (users.manage) read and replace the ordered list of rules
// mapping directory groups to teams and roles; the page reads the teams and the claim from it. And
// where the rules put a user given the groups claim.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/console/sso-mappings/route";
import type { SsoMappingsResponse, SsoRule } from "@/lib/console/sso";
import { queryAudit } from "@/lib/server/auth/audit";
import { groupsIn, placementFor } from "@/lib/server/sso";
import { createTeam, deleteTeam } from "@/lib/server/teams";
import {
  bodyOf,
  buildRequest,
  clearAuthContext,
  createTestAuth,
  DATABASES,
  session,
  signedIn,
  useAuthContext,
  type TestAuth,
  type TestUser,
} from "../auth/harness";

const PATH = "/api/console/sso-mappings";

describe.each(DATABASES)("the single sign-on group mappings on %s", (kind) => {
  let t: TestAuth;
  let admin: TestUser;
  let member: TestUser;
  let research: string;
  let platform: string;

  beforeAll(async () => {
    t = await createTestAuth(kind, {
      OIDC_ISSUER: "https://idp.example",
      OIDC_CLIENT_ID: "console",
      OIDC_CLIENT_SECRET: "secret",
      OIDC_NAME: "Acme SSO",
      OIDC_GROUPS_CLAIM: "roles",
    });
    research = (await createTeam(t.ctx, "Research")).id;
    platform = (await createTeam(t.ctx, "Platform")).id;
    admin = await signedIn(t.ctx, "admin");
    member = await signedIn(t.ctx, "member");
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await t?.close();
  });

  const put = (as: TestUser, body: unknown) =>
    route.PUT(buildRequest(PATH, session(as), { method: "PUT", json: body }));
  const get = async (as: TestUser) => route.GET(buildRequest(PATH, session(as)));

  it("needs users.manage", async () => {
    const read = await get(member);
    expect(read.status).toBe(403);
    expect(await bodyOf(read)).toMatchObject({ code: "forbidden", param: "users.manage" });
    expect((await put(member, { rules: [] })).status).toBe(403);
  });

  it("starts empty, with the teams to pick from and the claim single sign-on reads", async () => {
    const response = await get(admin);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      rules: [],
      teams: [
        { id: platform, name: "Platform" },
        { id: research, name: "Research" },
      ],
      sso: { name: "Acme SSO", groupsClaim: "roles" },
    } satisfies SsoMappingsResponse);
  });

  it("replaces the whole ordered list, keeps its order, and audits the change", async () => {
    const rules = [
      { group: "infra", teamId: platform, teamRole: "admin", role: null },
      { group: " console-admins ", teamId: null, teamRole: "member", role: "admin" },
      { group: "ml", teamId: research, teamRole: null, role: "member" },
    ];
    const saved = await put(admin, { rules });
    expect(saved.status).toBe(200);
    const expected = [
      { group: "infra", teamId: platform, teamRole: "admin", role: null },
      // Trimmed; no team, so no team role.
      { group: "console-admins", teamId: null, teamRole: null, role: "admin" },
      // A team without a role in it: member.
      { group: "ml", teamId: research, teamRole: "member", role: "member" },
    ];
    expect(((await saved.json()) as SsoMappingsResponse).rules).toEqual(expected);
    expect(((await (await get(admin)).json()) as SsoMappingsResponse).rules).toEqual(expected);

    const reordered = await put(admin, { rules: [expected[2], expected[0]] });
    expect(((await reordered.json()) as SsoMappingsResponse).rules).toEqual([
      expected[2],
      expected[0],
    ]);
    const entries = await queryAudit(t.ctx, { operation: "sso_mappings.update", limit: 5 });
    expect(entries.map((e) => [e.userEmail, e.target, e.status])).toEqual([
      [admin.email, "2 rules", 200],
      [admin.email, "3 rules", 200],
    ]);
  });

  it.each([
    [
      "a team that does not exist",
      { group: "x", teamId: "t-gone", teamRole: "member", role: null },
      "rules.1.teamId",
    ],
    [
      "a rule that grants nothing",
      { group: "x", teamId: null, teamRole: null, role: null },
      "rules.1.teamId",
    ],
    [
      "an empty group",
      { group: "  ", teamId: null, teamRole: null, role: "member" },
      "rules.1.group",
    ],
    [
      "an unknown role",
      { group: "x", teamId: null, teamRole: null, role: "owner" },
      "rules.1.role",
    ],
  ])("refuses %s, naming the field, and keeps the saved list", async (_what, bad, field) => {
    const before = ((await (await get(admin)).json()) as SsoMappingsResponse).rules;
    const ok = { group: "fine", teamId: null, teamRole: null, role: "viewer" };
    const response = await put(admin, { rules: [ok, bad] });
    expect(response.status).toBe(422);
    expect(await bodyOf(response)).toMatchObject({ code: "invalid_field", param: field });
    expect(((await (await get(admin)).json()) as SsoMappingsResponse).rules).toEqual(before);
  });

  it("a deleted team leaves its rules without a team", async () => {
    await put(admin, {
      rules: [{ group: "ml", teamId: research, teamRole: "admin", role: "member" }],
    });
    await deleteTeam(t.ctx, research);
    const { rules } = (await (await get(admin)).json()) as SsoMappingsResponse;
    expect(rules).toEqual([{ group: "ml", teamId: null, teamRole: null, role: "member" }]);
  });
});

describe("where a user's groups put them", () => {
  const rules: SsoRule[] = [
    { group: "Leads", teamId: "a", teamRole: "admin", role: null },
    { group: "eng", teamId: "b", teamRole: "member", role: "member" },
    { group: "ops", teamId: null, teamRole: null, role: "admin" },
  ];

  it("reads the claim as a list of strings, or as one string; anything else lists none", () => {
    expect(groupsIn(["eng", 7, null, "ops"])).toEqual(["eng", "ops"]);
    expect(groupsIn("eng")).toEqual(["eng"]);
    expect(groupsIn({ eng: true })).toEqual([]);
    expect(groupsIn(undefined)).toEqual([]);
  });

  it("matches groups exactly, case included", () => {
    expect(placementFor(rules, ["leads"])).toEqual({ role: "viewer", team: null });
    expect(placementFor(rules, ["Leads"])).toEqual({
      role: "viewer",
      team: { id: "a", role: "admin" },
    });
  });

  it("takes the first team and the highest role, wherever they come from", () => {
    expect(placementFor(rules, ["ops", "eng", "Leads"])).toEqual({
      role: "admin",
      team: { id: "a", role: "admin" },
    });
    expect(placementFor([], ["eng"])).toEqual({ role: "viewer", team: null });
  });
});
