import { updateTeamBody } from "@/lib/console/teams";
import { consoleRoute } from "@/lib/server/auth/route";
import { deleteTeam, renameTeam } from "@/lib/server/teams";

export const dynamic = "force-dynamic";

export const PATCH = consoleRoute({
  permission: "teams.manage",
  body: updateTeamBody,
  handler: async ({ ctx, params, body }) => ({ team: await renameTeam(ctx, params.id, body.name) }),
  audit: { operation: "teams.update", target: ({ result }) => result.team.name },
});

/** Its members are then in no team; its budget goes with it; past usage keeps its team id. */
export const DELETE = consoleRoute({
  permission: "teams.manage",
  status: 204,
  handler: ({ ctx, params }) => deleteTeam(ctx, params.id),
  audit: { operation: "teams.delete", target: ({ params }) => params.id },
});
