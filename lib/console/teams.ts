// /api/console/teams: teams and who is in them (teams.manage). A user is in at most one team;
// usage, audit and budgets roll up per team, and a team's admins see its usage.
import { z } from "zod";

export const teamsPath = "/api/console/teams";
export const teamPath = (id: string) => `${teamsPath}/${encodeURIComponent(id)}`;
export const teamMemberPath = (teamId: string, userId: string) =>
  `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`;

export const TEAM_ROLES = ["admin", "member"] as const;
export const teamRole = z.enum(TEAM_ROLES, { error: `Choose one of ${TEAM_ROLES.join(", ")}.` });
export type TeamRole = z.infer<typeof teamRole>;

export const TEAM_NAME_MAX = 64;
export const teamName = z
  .string({ error: "Name the team." })
  .trim()
  .min(1, { error: "Name the team." })
  .max(TEAM_NAME_MAX, { error: `Use at most ${TEAM_NAME_MAX} characters.` });

export const teamMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  teamRole,
  addedAt: z.iso.datetime(),
});
export type TeamMember = z.infer<typeof teamMember>;

export const team = z.object({
  /** Stable: renaming a team keeps it (identity-provider group mappings point at it). */
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  members: z.array(teamMember),
});
export type TeamInfo = z.infer<typeof team>;

/** A user's team as other answers show it (users list, my usage). */
export const teamRef = z.object({ id: z.string(), name: z.string(), role: teamRole });
export type TeamRef = z.infer<typeof teamRef>;

/** POST /api/console/teams → 201 `{ team }`. A name already taken is a 409. */
export const createTeamBody = z.object({ name: teamName });
export type CreateTeamBody = z.infer<typeof createTeamBody>;

/** PATCH /api/console/teams/{id} → `{ team }`. DELETE → 204 (its members are then in no team). */
export const updateTeamBody = z.object({ name: teamName });
export type UpdateTeamBody = z.infer<typeof updateTeamBody>;

/**
 * PUT /api/console/teams/{id}/members/{userId} → `{ team }`: adds the user (moving them out of
 * any other team) or changes their role. DELETE → `{ team }` without them.
 */
export const putMemberBody = z.object({ teamRole });
export type PutMemberBody = z.infer<typeof putMemberBody>;

export const teamsResponse = z.object({ teams: z.array(team) });
export const teamResponse = z.object({ team });
export type TeamsResponse = z.infer<typeof teamsResponse>;
export type TeamResponse = z.infer<typeof teamResponse>;
