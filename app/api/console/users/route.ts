import { createUserBody } from "@/lib/console/users";
import { consoleRoute } from "@/lib/server/auth/route";
import { createUser, listUsers } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "users.manage",
  handler: async ({ ctx }) => ({ users: await listUsers(ctx) }),
});

export const POST = consoleRoute({
  permission: "users.manage",
  body: createUserBody,
  status: 201,
  handler: async ({ ctx, body }) => ({ user: await createUser(ctx, body) }),
  audit: { operation: "users.create", target: ({ result }) => result.user.email },
});
