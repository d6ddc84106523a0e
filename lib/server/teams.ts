import "server-only";
import { randomUUID } from "node:crypto";
import type { TeamInfo, TeamRef, TeamRole } from "@/lib/console/teams";
import type { AuthContext } from "./auth/auth";
import { UserError } from "./auth/users";
import { budgetsChanged } from "./budgets";

/**
 * Teams (README "Teams, prices and budgets"): a user is in at most one, as its admin or a member.
 * Usage and budgets roll up by the team a call was made in (audit_log.team_id, recorded as the
 * call is admitted), so moving someone later leaves their past calls with the team they were in.
 * A team's id is stable across renames: identity-provider group mappings can point at it.
 */

const iso = (ms: number) => new Date(Number(ms)).toISOString();

const notFound = (id: string) => new UserError(404, "not_found", `No team has the id ${id}.`);

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === "23505" || /UNIQUE constraint failed/i.test(e.message ?? "");
}

const nameTaken = (name: string) =>
  new UserError(409, "name_taken", `A team named “${name}” exists.`, "name");

export async function listTeams(ctx: AuthContext, only?: string[]): Promise<TeamInfo[]> {
  let teams = ctx.database.db.selectFrom("team").selectAll().orderBy("name");
  if (only) {
    if (!only.length) return [];
    teams = teams.where("id", "in", only);
  }
  const rows = await teams.execute();
  if (!rows.length) return [];
  const members = await ctx.database.db
    .selectFrom("team_member")
    .innerJoin("user", "user.id", "team_member.user_id")
    .select([
      "team_member.team_id",
      "team_member.user_id",
      "team_member.team_role",
      "team_member.added_at",
      "user.email",
      "user.name",
    ])
    .where(
      "team_member.team_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("user.email")
    .execute();
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: iso(t.created_at),
    members: members
      .filter((m) => m.team_id === t.id)
      .map((m) => ({
        userId: m.user_id,
        email: m.email,
        name: m.name,
        teamRole: m.team_role === "admin" ? ("admin" as const) : ("member" as const),
        addedAt: iso(m.added_at),
      })),
  }));
}

export async function getTeam(ctx: AuthContext, id: string): Promise<TeamInfo> {
  const [team] = await listTeams(ctx, [id]);
  if (!team) throw notFound(id);
  return team;
}

export async function createTeam(ctx: AuthContext, name: string): Promise<TeamInfo> {
  const id = randomUUID();
  try {
    await ctx.database.db.insertInto("team").values({ id, name, created_at: Date.now() }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
  return getTeam(ctx, id);
}

export async function renameTeam(ctx: AuthContext, id: string, name: string): Promise<TeamInfo> {
  try {
    const result = await ctx.database.db
      .updateTable("team")
      .set({ name })
      .where("id", "=", id)
      .executeTakeFirst();
    if (!result.numUpdatedRows) throw notFound(id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
  return getTeam(ctx, id);
}

/** Deletes a team: its members are then in no team, its budgets go with it. */
export async function deleteTeam(ctx: AuthContext, id: string): Promise<void> {
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("budget")
      .where("scope", "=", "team")
      .where("subject_id", "=", id)
      .execute();
    const result = await trx.deleteFrom("team").where("id", "=", id).executeTakeFirst();
    if (!result.numDeletedRows) throw notFound(id);
  });
  await budgetsChanged(ctx);
}

/**
 * Puts a user in a team with a role (moving them out of any other), or out of every team
 * (`teamId` null). The one entry point for membership: the admin routes call it, and so can a
 * sign-on that maps identity-provider groups to teams.
 */
export async function setMembership(
  ctx: AuthContext,
  userId: string,
  teamId: string | null,
  teamRole: TeamRole = "member",
): Promise<void> {
  const db = ctx.database.db;
  if (teamId === null) {
    await db.deleteFrom("team_member").where("user_id", "=", userId).execute();
    return budgetsChanged(ctx);
  }
  const [team, user] = await Promise.all([
    db.selectFrom("team").select("id").where("id", "=", teamId).executeTakeFirst(),
    db.selectFrom("user").select("id").where("id", "=", userId).executeTakeFirst(),
  ]);
  if (!team) throw notFound(teamId);
  if (!user) throw new UserError(404, "not_found", `No user has the id ${userId}.`);
  await db
    .insertInto("team_member")
    .values({ user_id: userId, team_id: teamId, team_role: teamRole, added_at: Date.now() })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet((eb) => ({
        team_id: eb.ref("excluded.team_id"),
        team_role: eb.ref("excluded.team_role"),
        // Joining another team is a new membership; a role change keeps the date.
        added_at: eb
          .case()
          .when("team_member.team_id", "=", eb.ref("excluded.team_id"))
          .then(eb.ref("team_member.added_at"))
          .else(eb.ref("excluded.added_at"))
          .end(),
      })),
    )
    .execute();
  await budgetsChanged(ctx);
}

/** Takes a user out of `teamId` (404 when they are not in it). */
export async function removeMember(ctx: AuthContext, teamId: string, userId: string) {
  const result = await ctx.database.db
    .deleteFrom("team_member")
    .where("team_id", "=", teamId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!result.numDeletedRows) {
    throw new UserError(404, "not_found", `That user is not in this team.`);
  }
  await budgetsChanged(ctx);
}

/** The team a user is in, with their role there, or null. */
export async function teamOf(ctx: AuthContext, userId: string): Promise<TeamRef | null> {
  const row = await ctx.database.db
    .selectFrom("team_member")
    .innerJoin("team", "team.id", "team_member.team_id")
    .select(["team.id", "team.name", "team_member.team_role"])
    .where("team_member.user_id", "=", userId)
    .executeTakeFirst();
  return row
    ? { id: row.id, name: row.name, role: row.team_role === "admin" ? "admin" : "member" }
    : null;
}

/** Every user's team, by user id (for the users list). */
export async function teamsByUser(ctx: AuthContext): Promise<Map<string, TeamRef>> {
  const rows = await ctx.database.db
    .selectFrom("team_member")
    .innerJoin("team", "team.id", "team_member.team_id")
    .select(["team_member.user_id", "team.id", "team.name", "team_member.team_role"])
    .execute();
  return new Map(
    rows.map((r) => [
      r.user_id,
      { id: r.id, name: r.name, role: r.team_role === "admin" ? "admin" : "member" },
    ]),
  );
}
