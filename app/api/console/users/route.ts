import { createUserBody } from "@/lib/console/users";
import { consoleRoute } from "@/lib/server/auth/route";
import { createUser, listUsers } from "@/lib/server/auth/users";
import { teamsByUser } from "@/lib/server/teams";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "users.manage",
  handler: async ({ ctx }) => {
    const [users, teams] = await Promise.all([listUsers(ctx), teamsByUser(ctx)]);
    return { users: users.map((u) => ({ ...u, team: teams.get(u.id) ?? null })) };
  },
});

export const POST = consoleRoute({
  permission: "users.manage",
  body: createUserBody,
  status: 201,
  handler: async ({ ctx, body }) => ({ user: await createUser(ctx, body) }),
  audit: { operation: "users.create", target: ({ result }) => result.user.email },
});
