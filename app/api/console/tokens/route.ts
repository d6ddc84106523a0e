import { can } from "@/lib/auth/permissions";
import { createTokenBody, tokensQuery } from "@/lib/console/tokens";
import { consoleRoute } from "@/lib/server/auth/route";
import { createToken, listTokens } from "@/lib/server/auth/tokens";
import { UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "tokens.manage_own",
  query: tokensQuery,
  handler: async ({ ctx, principal, query }) => {
    const all = query.all === "1";
    if (all && !can(principal.role, "tokens.manage_any")) {
      throw new UserError(
        403,
        "forbidden",
        "Listing every user's tokens needs the tokens.manage_any permission.",
        "tokens.manage_any",
      );
    }
    return { tokens: await listTokens(ctx, all ? null : principal.userId) };
  },
});

export const POST = consoleRoute({
  permission: "tokens.manage_own",
  body: createTokenBody,
  status: 201,
  handler: async ({ ctx, principal, body }) => {
    if (principal.via === "local") {
      throw new UserError(409, "auth_off", "Console tokens need sign-in; CONSOLE_AUTH is off.");
    }
    if (principal.via === "token") {
      throw new UserError(
        403,
        "session_required",
        "Tokens are created from a signed-in session, not with another token.",
      );
    }
    return createToken(ctx, principal, body.name);
  },
  audit: { operation: "tokens.create", target: ({ result }) => result.token.id },
});
