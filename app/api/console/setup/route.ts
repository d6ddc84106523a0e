// First run: the one-time token from the server log turns its holder into the first admin.
import { getAuthContext } from "@/lib/server/auth";
import { audit } from "@/lib/server/auth/audit";
import { crossSite, foreignHost } from "@/lib/server/auth/guard";
import { fromOwnPage } from "@/lib/server/auth/principal";
import { email, failure, password, readObject, text } from "@/lib/server/auth/route";
import { completeSetup } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    const ctx = await getAuthContext();
    const foreign = foreignHost(ctx.config, request);
    if (foreign) return foreign;
    // It signs its caller in: a foreign page must not make a visitor the admin of its choosing.
    if (!fromOwnPage(ctx, request)) return crossSite();
    const body = await readObject(request);
    const token = text(body, "token", { min: 1, max: 200, label: "The setup token" }).trim();
    const input = {
      email: email(body),
      name: text(body, "name", { min: 1, max: 100 }).trim(),
      password: password(body),
    };
    const user = await completeSetup(ctx, token, input);
    // Signed in at once: better-auth makes the session and its cookie.
    const signIn = await ctx.auth.api.signInEmail({
      body: { email: user.email, password: input.password },
      headers: request.headers,
      asResponse: true,
    });
    await audit(
      ctx,
      { ...principalOf(user), via: "session", tokenId: null, rateLimitPerMinute: null },
      {
        operation: "setup",
        method: "POST",
        path: "/api/console/setup",
        target: user.id,
        status: 201,
      },
    );
    const headers = new Headers({ "cache-control": "no-store" });
    for (const cookie of signIn.headers.getSetCookie()) headers.append("set-cookie", cookie);
    return Response.json({ user }, { status: 201, headers });
  } catch (error) {
    return failure(error);
  }
}

function principalOf(user: { id: string; email: string; name: string }) {
  return { userId: user.id, email: user.email, name: user.name, role: "admin" as const };
}
