import { can } from "@/lib/auth/permissions";
import { audit } from "@/lib/server/auth/audit";
import { consoleRoute, json, readObject, text } from "@/lib/server/auth/route";
import { createToken, listTokens } from "@/lib/server/auth/tokens";
import { UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const GET = consoleRoute("tokens.manage_own", async ({ ctx, principal, request }) => {
  const all = new URL(request.url).searchParams.get("all") === "1";
  if (all && !can(principal.role, "tokens.manage_any")) {
    throw new UserError(
      403,
      "forbidden",
      "Listing every user's tokens needs the tokens.manage_any permission.",
      "tokens.manage_any",
    );
  }
  return json({ tokens: await listTokens(ctx, all ? null : principal.userId) });
});

export const POST = consoleRoute("tokens.manage_own", async ({ ctx, principal, request }) => {
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
  const body = await readObject(request);
  const name = text(body, "name", { min: 1, max: 64 }).trim();
  const created = await createToken(ctx, principal, name);
  await audit(ctx, principal, {
    operation: "tokens.create",
    method: "POST",
    path: "/api/console/tokens",
    target: created.token.id,
    status: 201,
  });
  return json(created, 201);
});
