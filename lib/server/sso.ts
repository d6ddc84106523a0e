import "server-only";
import { decodeJwt } from "jose";
import { ROLES, type Role } from "@/lib/auth/permissions";
import type { SsoMappingsResponse, SsoRule } from "@/lib/console/sso";
import type { TeamRole } from "@/lib/console/teams";
import { audit } from "./auth/audit";
import type { AuthContext } from "./auth/auth";
import type { Principal } from "./auth/principal";
import { UserError } from "./auth/users";
import { setMembership, teamOf } from "./teams";

/** better-auth's provider id for the console's single sign-on (its callback is /callback/oidc). */
export const SSO_PROVIDER_ID = "oidc";
export const SSO_CALLBACK_PATH = `/api/auth/callback/${SSO_PROVIDER_ID}`;

// --- The mapping rules -----------------------------------------------------------------------

export async function listRules(ctx: AuthContext): Promise<SsoRule[]> {
  const rows = await ctx.database.db
    .selectFrom("sso_group_mapping")
    .selectAll()
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    group: r.group,
    teamId: r.team_id,
    teamRole: r.team_id ? (r.team_role === "admin" ? "admin" : "member") : null,
    // A hand-edited row with an unknown role grants nothing.
    role: (ROLES as readonly string[]).includes(r.role ?? "") ? (r.role as Role) : null,
  }));
}

/** Replaces the whole ordered list (one transaction: a sign-on sees the old list or the new). */
export async function replaceRules(ctx: AuthContext, rules: SsoRule[]): Promise<void> {
  const teamIds = [...new Set(rules.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  await ctx.database.db.transaction().execute(async (trx) => {
    const known = teamIds.length
      ? new Set(
          (await trx.selectFrom("team").select("id").where("id", "in", teamIds).execute()).map(
            (t) => t.id,
          ),
        )
      : new Set<string>();
    const missing = rules.findIndex((r) => r.teamId !== null && !known.has(r.teamId));
    if (missing >= 0) {
      throw new UserError(
        422,
        "invalid_field",
        "That team no longer exists; pick another.",
        `rules.${missing}.teamId`,
      );
    }
    await trx.deleteFrom("sso_group_mapping").execute();
    if (rules.length) {
      await trx
        .insertInto("sso_group_mapping")
        .values(
          rules.map((r, position) => ({
            position,
            group: r.group,
            team_id: r.teamId,
            team_role: r.teamId ? (r.teamRole ?? "member") : null,
            role: r.role,
          })),
        )
        .execute();
    }
  });
}

export async function mappingsResponse(ctx: AuthContext): Promise<SsoMappingsResponse> {
  const [rules, teams] = await Promise.all([
    listRules(ctx),
    ctx.database.db.selectFrom("team").select(["id", "name"]).orderBy("name").execute(),
  ]);
  const oidc = ctx.config.oidc;
  return {
    rules,
    teams,
    sso: oidc ? { name: oidc.name, groupsClaim: oidc.groupsClaim } : null,
  };
}

// --- Applying them ---------------------------------------------------------------------------

export interface Placement {
  role: Role;
  team: { id: string; role: TeamRole } | null;
}

/**
 * Where `groups` put a user: the first matching rule with a team decides the team, the highest
 * role among matching rules the console role; no match leaves them a viewer in no team.
 */
export function placementFor(rules: SsoRule[], groups: readonly string[]): Placement {
  const member = new Set(groups);
  const matching = rules.filter((r) => member.has(r.group));
  const rank = (role: Role | null) => (role ? ROLES.indexOf(role) : -1);
  const best = matching.reduce<Role | null>(
    (top, r) => (rank(r.role) > rank(top) ? r.role : top),
    null,
  );
  const withTeam = matching.find((r) => r.teamId !== null);
  return {
    role: best ?? "viewer",
    team: withTeam ? { id: withTeam.teamId!, role: withTeam.teamRole ?? "member" } : null,
  };
}

/** The groups a claim value lists: an array of strings, or one string (some providers). */
export function groupsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
}

/** Per issuer: its userinfo endpoint, from discovery (fetched once per process). */
const userinfoEndpoints = new Map<string, Promise<string | null>>();

function userinfoEndpoint(issuer: string): Promise<string | null> {
  let found = userinfoEndpoints.get(issuer);
  if (!found) {
    found = fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(10_000),
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { userinfo_endpoint?: unknown } | null) =>
        typeof d?.userinfo_endpoint === "string" ? d.userinfo_endpoint : null,
      );
    // A failed discovery is asked again at the next sign-on.
    found.catch(() => userinfoEndpoints.delete(issuer));
    userinfoEndpoints.set(issuer, found);
  }
  return found;
}

/**
 * The user's groups from the sign-on that just completed: the claim in the ID token better-auth
 * has verified (signature, issuer, audience, nonce) and stored on the account, else in userinfo
 * (providers that keep an ID token minimal, oidc-provider among them), asked with the access token
 * of the same sign-on and believed only for the ID token's subject.
 */
async function signInGroups(ctx: AuthContext, userId: string): Promise<string[]> {
  const oidc = ctx.config.oidc!;
  const account = await ctx.database.db
    .selectFrom("account")
    .select(["accountId", "idToken", "accessToken"])
    .where("userId", "=", userId)
    .where("providerId", "=", SSO_PROVIDER_ID)
    .executeTakeFirst();
  if (!account) throw new Error("single sign-on: the signed-in user has no account");
  const claims = account.idToken ? decodeJwt(account.idToken) : null;
  if (claims && oidc.groupsClaim in claims) return groupsIn(claims[oidc.groupsClaim]);
  const endpoint = account.accessToken ? await userinfoEndpoint(oidc.issuer) : null;
  if (!endpoint) return [];
  const response = await fetch(endpoint, {
    headers: { authorization: `Bearer ${account.accessToken}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`single sign-on: userinfo answered ${response.status}`);
  const info = (await response.json()) as Record<string, unknown>;
  if (info.sub !== (claims?.sub ?? account.accountId)) {
    throw new Error("single sign-on: userinfo is about another subject");
  }
  return groupsIn(info[oidc.groupsClaim]);
}

const describeTeam = (team: { name: string; role: string } | null) =>
  team ? `${team.name} (${team.role})` : "no team";

/**
 * Applies the group mapping to a user who has just signed on: their console role and team
 * follow their groups, every change is audited (`user.sso_sync`) and holds from their next
 * request on every instance. Nothing happens while no rule exists (roles set by hand stay), nor
 * to a user who also has a password: password accounts are the console's own.
 */
export async function syncSsoUser(ctx: AuthContext, userId: string): Promise<void> {
  if (!ctx.config.oidc) return;
  const db = ctx.database.db;
  const rules = await listRules(ctx);
  if (rules.length === 0) return;
  const password = await db
    .selectFrom("account")
    .select("id")
    .where("userId", "=", userId)
    .where("providerId", "=", "credential")
    .executeTakeFirst();
  if (password) return;
  const groups = await signInGroups(ctx, userId);
  const target = placementFor(rules, groups);

  const user = await db
    .selectFrom("user")
    .select(["email", "name", "role", "rateLimitPerMinute"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const before = await teamOf(ctx, userId);
  const roleChanged = (user.role ?? "viewer") !== target.role;
  const teamChanged =
    (before?.id ?? null) !== (target.team?.id ?? null) ||
    (before && target.team && before.role !== target.team.role);
  if (!roleChanged && !teamChanged) return;

  if (roleChanged) {
    const now = new Date();
    await db
      .updateTable("user")
      .set({
        role: target.role,
        updatedAt: ctx.database.kind === "postgres" ? now : now.toISOString(),
      })
      .where("id", "=", userId)
      .execute();
  }
  if (teamChanged) await setMembership(ctx, userId, target.team?.id ?? null, target.team?.role);
  await ctx.credentials.invalidate({ kind: "user", id: userId });

  const changes: string[] = [];
  if (roleChanged) changes.push(`role ${user.role ?? "viewer"} → ${target.role}`);
  if (teamChanged)
    changes.push(`team ${describeTeam(before)} → ${describeTeam(await teamOf(ctx, userId))}`);
  const principal: Principal = {
    userId,
    email: user.email,
    name: user.name,
    role: target.role,
    via: "session",
    tokenId: null,
    rateLimitPerMinute: user.rateLimitPerMinute,
  };
  await audit(ctx, principal, {
    operation: "user.sso_sync",
    method: "GET",
    path: SSO_CALLBACK_PATH,
    target: `${user.email}: ${changes.join("; ")}`,
    status: 200,
  });
}
