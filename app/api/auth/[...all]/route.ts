// better-auth's endpoints (sign-in, sign-out, session, OpenID Connect callback), with failed
// email sign-ins throttled per account on top of its per-address limit.
import { refusal } from "@/lib/server/errors";
import { getAuthContext } from "@/lib/server/auth";
import { failure } from "@/lib/server/auth/route";
import { crossSite } from "@/lib/server/auth/guard";
import { fromOwnPage } from "@/lib/server/auth/principal";
import { isDisabled, recordSignIn, signInRetryAfter } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handle(request: Request): Promise<Response> {
  try {
    const ctx = await getAuthContext();
    if (ctx.config.mode === "off") {
      return refusal(404, "auth_off", "Sign-in is off on this console (CONSOLE_AUTH=off).");
    }
    // Sign-in, sign-out and every other write come only from this console's pages: a foreign
    // page must not sign a visitor into the attacker's account (login CSRF).
    if (request.method !== "GET" && !fromOwnPage(ctx, request)) return crossSite();
    const url = new URL(request.url);
    if (request.method !== "POST" || !url.pathname.endsWith("/sign-in/email")) {
      return ctx.auth.handler(request);
    }
    const body: unknown = await request
      .clone()
      .json()
      .catch(() => null);
    const email =
      body && typeof body === "object" && typeof (body as { email?: unknown }).email === "string"
        ? (body as { email: string }).email
        : "";
    const wait = email ? await signInRetryAfter(ctx, email) : null;
    if (wait !== null) {
      return Response.json(
        {
          message: `Too many failed sign-ins for this account. Try again in ${wait} s.`,
          code: "TOO_MANY_ATTEMPTS",
        },
        { status: 429, headers: { "retry-after": String(wait), "x-retry-after": String(wait) } },
      );
    }
    const response = await ctx.auth.handler(request);
    // The password was right but the account is disabled (its session hook said no): say so,
    // and do not count it as a guess.
    if (email && response.status === 401 && (await isDisabled(ctx, email))) {
      const { code } = (await response
        .clone()
        .json()
        .catch(() => ({}))) as { code?: string };
      if (code === "FAILED_TO_CREATE_SESSION") {
        return Response.json(
          {
            message: "This account is disabled. Ask an admin to enable it.",
            code: "ACCOUNT_DISABLED",
          },
          { status: 403 },
        );
      }
    }
    if (email && (response.status === 200 || response.status === 401)) {
      await recordSignIn(ctx, email, response.status === 200);
    }
    return response;
  } catch (error) {
    return failure(error);
  }
}

export const GET = handle;
export const POST = handle;
