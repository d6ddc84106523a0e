import { updateUserBody } from "@/lib/console/users";
import { consoleRoute } from "@/lib/server/auth/route";
import { deleteUser, updateUser } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const PATCH = consoleRoute({
  permission: "users.manage",
  body: updateUserBody,
  handler: async ({ ctx, principal, params, body }) => ({
    user: await updateUser(ctx, principal.userId, params.id, body),
  }),
  audit: { operation: "users.update", target: ({ result }) => result.user.email },
});

export const DELETE = consoleRoute({
  permission: "users.manage",
  status: 204,
  handler: ({ ctx, principal, params }) => deleteUser(ctx, principal.userId, params.id),
  audit: { operation: "users.delete", target: ({ params }) => params.id },
});
