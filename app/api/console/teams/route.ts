import { createTeamBody } from "@/lib/console/teams";
import { consoleRoute } from "@/lib/server/auth/route";
import { createTeam, listTeams } from "@/lib/server/teams";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "teams.manage",
  handler: async ({ ctx }) => ({ teams: await listTeams(ctx) }),
});

export const POST = consoleRoute({
  permission: "teams.manage",
  body: createTeamBody,
  status: 201,
  handler: async ({ ctx, body }) => ({ team: await createTeam(ctx, body.name) }),
  audit: { operation: "teams.create", target: ({ result }) => result.team.name },
});
