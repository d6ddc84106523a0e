// better-auth's endpoints (sign-in, sign-out, session, OpenID Connect callback) behind the
// console's own rules: writes only from its pages, small JSON bodies only (read here, capped, and
// handed on as a new request), the console's field limits, the client's address resolved for the
// per-address limit, and failed email sign-ins throttled per account.
import type { BlockList } from "node:net";
import { refusal } from "@/lib/server/errors";
import { getAuthContext } from "@/lib/server/auth";
import type { AuthContext } from "@/lib/server/auth/auth";
import { clientAddress, trustedProxyList } from "@/lib/server/auth/client-ip";
import type { AuthConfig } from "@/lib/server/auth/config";
import { failure, parseObject, readBody } from "@/lib/server/auth/route";
import { crossSite, foreignHost } from "@/lib/server/auth/guard";
import { fromOwnPage } from "@/lib/server/auth/principal";
import { FIELD_LIMITS } from "@/lib/console/fields";
import { isDisabled, reserveSignIn, settleSignIn, UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Body fields of better-auth's endpoints that a user sets, and the console limit of each. */
const LIMITED_FIELDS: Record<string, keyof typeof FIELD_LIMITS> = {
  name: "name",
  image: "image",
  email: "email",
  newEmail: "email",
  password: "password",
  newPassword: "password",
  currentPassword: "password",
};

async function handle(request: Request): Promise<Response> {
  try {
    const ctx = await getAuthContext();
    const foreign = foreignHost(ctx.config, request);
    if (foreign) return foreign;
    if (ctx.config.mode === "off") {
      return refusal(404, "auth_off", "Sign-in is off on this console (CONSOLE_AUTH=off).");
    }
    const method = request.method.toUpperCase();
    const read = method === "GET" || method === "HEAD";
    // Sign-in, sign-out and every other write come only from this console's pages: a foreign
    // page must not sign a visitor into the attacker's account (login CSRF).
    if (!read && !fromOwnPage(ctx, request)) return crossSite();
    let body: Record<string, unknown> | null = null;
    let bytes: Uint8Array | null = null;
    if (!read) {
      bytes = await readBody(request);
      if (bytes.byteLength === 0) bytes = null;
    }
    if (bytes) {
      // better-auth also parses form and multipart bodies; a body this route did not read the
      // way better-auth will (sign-in throttle, field limits) must not reach it.
      if (mediaType(request) !== "application/json") {
        return refusal(
          415,
          "unsupported_media_type",
          "Send the request body as JSON (Content-Type: application/json).",
        );
      }
      body = parseObject(bytes);
      checkFields(body);
    }
    const forwarded = new Request(request.url, {
      // better-auth has no HEAD routes: a HEAD is its GET without the body.
      method: method === "HEAD" ? "GET" : method,
      headers: forwardedHeaders(ctx, request, bytes !== null),
      body: bytes ? new Uint8Array(bytes) : undefined, // typed as a BodyInit (a copy of ≤16 KB)
      signal: request.signal,
    });
    if (method === "HEAD") {
      const response = await ctx.auth.handler(forwarded);
      return new Response(null, { status: response.status, headers: response.headers });
    }
    if (method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email")) {
      return await signInEmail(ctx, forwarded, body);
    }
    return await ctx.auth.handler(forwarded);
  } catch (error) {
    return failure(error);
  }
}

/** A failed guess counts before its password is checked (see reserveSignIn). */
async function signInEmail(
  ctx: AuthContext,
  request: Request,
  body: Record<string, unknown> | null,
): Promise<Response> {
  const email = body?.email;
  // Without both fields better-auth refuses the request before any password is checked.
  if (typeof email !== "string" || typeof body?.password !== "string") {
    return ctx.auth.handler(request);
  }
  const slot = await reserveSignIn(ctx, email);
  if ("retryAfter" in slot) {
    const wait = String(slot.retryAfter);
    return Response.json(
      {
        message: `Too many failed sign-ins for this account. Try again in ${wait} s.`,
        code: "TOO_MANY_ATTEMPTS",
      },
      { status: 429, headers: { "retry-after": wait, "x-retry-after": wait } },
    );
  }
  let outcome: "failed" | "succeeded" | "void" = "void";
  try {
    const response = await ctx.auth.handler(request);
    if (response.status === 200) outcome = "succeeded";
    if (response.status !== 401) return response;
    // The password was right but the account is disabled (its session hook said no): say so,
    // and do not count it as a guess.
    if (await isDisabled(ctx, email)) {
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
    outcome = "failed";
    return response;
  } finally {
    await settleSignIn(ctx, email, slot.id, outcome);
  }
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

function checkFields(body: Record<string, unknown>): void {
  for (const [field, limit] of Object.entries(LIMITED_FIELDS)) {
    const value = body[field];
    if (typeof value === "string" && value.length > FIELD_LIMITS[limit]) {
      throw new UserError(
        422,
        "invalid_field",
        `${field} must be at most ${FIELD_LIMITS[limit]} characters.`,
        field,
      );
    }
  }
}

const proxyLists = new WeakMap<AuthConfig, BlockList>();

/**
 * The request's headers for better-auth: X-Forwarded-For becomes the single client address the
 * console resolved (better-auth reads it for its per-address limit), and the body is the JSON
 * read here.
 */
function forwardedHeaders(ctx: AuthContext, request: Request, json: boolean): Headers {
  const headers = new Headers(request.headers);
  let proxies = proxyLists.get(ctx.config);
  if (!proxies) {
    proxies = trustedProxyList(ctx.config.trustedProxies);
    proxyLists.set(ctx.config, proxies);
  }
  const client = clientAddress(request.headers.get("x-forwarded-for"), proxies);
  if (client) headers.set("x-forwarded-for", client);
  else headers.delete("x-forwarded-for");
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  if (json) headers.set("content-type", "application/json");
  else headers.delete("content-type");
  return headers;
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
