import { can } from "@/lib/auth/permissions";
import { consoleRoute } from "@/lib/server/auth/route";
import { revokeToken } from "@/lib/server/auth/tokens";
import { UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

// Revocation is a delete: the next request with the token finds nothing and gets a 401.
export const DELETE = consoleRoute({
  permission: "tokens.manage_own",
  status: 204,
  handler: async ({ ctx, principal, params }) => {
    const any = can(principal.role, "tokens.manage_any");
    const removed = await revokeToken(ctx, params.id, any ? null : principal.userId);
    if (!removed) {
      throw new UserError(404, "not_found", "No such token (it may already be revoked).");
    }
  },
  audit: { operation: "tokens.revoke", target: ({ params }) => params.id },
});
