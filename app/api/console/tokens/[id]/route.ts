import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/server/auth/audit";
import { consoleRoute } from "@/lib/server/auth/route";
import { revokeToken } from "@/lib/server/auth/tokens";
import { UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

// Revocation is a delete: the next request with the token finds nothing and gets a 401.
export const DELETE = consoleRoute("tokens.manage_own", async ({ ctx, principal, params }) => {
  const any = can(principal.role, "tokens.manage_any");
  const removed = await revokeToken(ctx, params.id, any ? null : principal.userId);
  if (!removed) throw new UserError(404, "not_found", "No such token (it may already be revoked).");
  await audit(ctx, principal, {
    operation: "tokens.revoke",
    method: "DELETE",
    path: `/api/console/tokens/${params.id}`,
    target: params.id,
    status: 204,
  });
  return new Response(null, { status: 204 });
});
