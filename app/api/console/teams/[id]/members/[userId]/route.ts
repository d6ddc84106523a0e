import { putMemberBody } from "@/lib/console/teams";
import { consoleRoute } from "@/lib/server/auth/route";
import { getTeam, removeMember, setMembership } from "@/lib/server/teams";

export const dynamic = "force-dynamic";

/** Adds the user to the team (out of any other) or changes their role there. */
export const PUT = consoleRoute({
  permission: "teams.manage",
  body: putMemberBody,
  handler: async ({ ctx, params, body }) => {
    await setMembership(ctx, params.userId, params.id, body.teamRole);
    return { team: await getTeam(ctx, params.id) };
  },
  audit: {
    operation: "teams.members.set",
    target: ({ params, body, result }) =>
      `${result.team.members.find((m) => m.userId === params.userId)?.email ?? params.userId} → ${result.team.name} (${body.teamRole})`,
  },
});

export const DELETE = consoleRoute({
  permission: "teams.manage",
  handler: async ({ ctx, params }) => {
    await removeMember(ctx, params.id, params.userId);
    return { team: await getTeam(ctx, params.id) };
  },
  audit: {
    operation: "teams.members.remove",
    target: ({ params, result }) => `${params.userId} ✕ ${result.team.name}`,
  },
});
