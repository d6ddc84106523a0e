// First run: the one-time token from the server log turns its holder into the first admin.
import { setupBody } from "@/lib/console/setup";
import type { Principal } from "@/lib/server/auth/principal";
import { consoleRoute } from "@/lib/server/auth/route";
import { completeSetup, type UserInfo } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const POST = consoleRoute({
  permission: "public",
  body: setupBody,
  status: 201,
  handler: async ({ ctx, request, body, headers }) => {
    const { token, ...input } = body;
    const user = await completeSetup(ctx, token, input);
    // Signed in at once: better-auth makes the session and its cookie.
    const signIn = await ctx.auth.api.signInEmail({
      body: { email: user.email, password: input.password },
      headers: request.headers,
      asResponse: true,
    });
    for (const cookie of signIn.headers.getSetCookie()) headers.append("set-cookie", cookie);
    return { user };
  },
  // The entry is the new admin's own.
  audit: { operation: "setup", target: ({ result }) => result.user.id, actor: asAdmin },
});

function asAdmin({ user }: { user: UserInfo }): Principal {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: "admin",
    via: "session",
    tokenId: null,
    rateLimitPerMinute: null,
  };
}
