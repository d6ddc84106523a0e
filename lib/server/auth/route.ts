import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import { readCapped } from "@/lib/read-capped";
import { refusal } from "../errors";
import type { AuthContext } from "./auth";
import { crossSite, forbidden, foreignHost, unauthenticated } from "./guard";
import { getAuthContext } from "./index";
import { authenticate, crossSiteWrite, type Principal } from "./principal";
import { UserError } from "./users";

export interface RouteArgs {
  ctx: AuthContext;
  principal: Principal;
  request: Request;
  params: Record<string, string>;
}

type NextContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store", ...headers } });
}

/**
 * A /api/console route handler: the request must be for one of the console's host names, the
 * caller signed in (or holding a console token) with the permission, and a cookie write (any
 * write with sign-in off) must come from this console's pages. Thrown UserErrors become
 * their 4xx answer.
 */
export function consoleRoute(
  permission: Permission | null,
  handler: (args: RouteArgs) => Promise<Response>,
) {
  return async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const ctx = await getAuthContext();
      const foreign = foreignHost(ctx.config, request);
      if (foreign) return foreign;
      const authn = await authenticate(ctx, request);
      if (!authn.ok) return unauthenticated(authn.reason);
      const principal = authn.principal;
      if (permission && !can(principal.role, permission)) {
        return forbidden(principal, permission, "do this");
      }
      if (crossSiteWrite(ctx, request, principal)) return crossSite();
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      return await handler({ ctx, principal, request, params });
    } catch (error) {
      return failure(error);
    }
  };
}

export function failure(error: unknown): Response {
  if (error instanceof UserError) {
    return refusal(error.status, error.code, error.message, { param: error.param });
  }
  console.error(
    `[console] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  return refusal(
    500,
    "internal_error",
    "The console failed to handle this request; the error was logged.",
  );
}

/**
 * The most the console reads of a body it parses itself (its /api/console routes, and better-auth's
 * endpoints through app/api/auth): a few small fields each, so a few KB is plenty.
 */
export const BODY_LIMIT_BYTES = 16 * 1024;

const tooLarge = (limit: number) =>
  new UserError(
    413,
    "body_too_large",
    `The request body must be at most ${limit} bytes (${Math.round(limit / 1024)} KB).`,
  );

/**
 * The body's bytes, never more than `limit`: refused with 413 at once when Content-Length says
 * it is larger, else as soon as the stream passes the limit (the rest is cancelled, not read).
 */
export async function readBody(request: Request, limit = BODY_LIMIT_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!request.body) return new Uint8Array(0);
  const { bytes, complete } = await readCapped(request.body, limit);
  if (!complete) throw tooLarge(limit);
  return bytes;
}

/** The JSON object in these bytes, or a 400 UserError. */
export function parseObject(bytes: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new UserError(400, "invalid_json", "The request body must be a JSON object.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new UserError(400, "invalid_json", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** The JSON object body (at most `limit` bytes, else 413), or a 400 UserError. */
export async function readObject(
  request: Request,
  limit = BODY_LIMIT_BYTES,
): Promise<Record<string, unknown>> {
  return parseObject(await readBody(request, limit));
}

export function text(
  body: Record<string, unknown>,
  field: string,
  rule: { min: number; max: number; label?: string },
): string {
  const value = body[field];
  const label = rule.label ?? field;
  if (typeof value !== "string" || value.trim().length < rule.min) {
    throw new UserError(
      422,
      "invalid_field",
      `${label} is required${rule.min > 1 ? ` (at least ${rule.min} characters)` : ""}.`,
      field,
    );
  }
  if (value.length > rule.max) {
    throw new UserError(
      422,
      "invalid_field",
      `${label} must be at most ${rule.max} characters.`,
      field,
    );
  }
  return value;
}

export function email(body: Record<string, unknown>): string {
  const value = text(body, "email", { min: 3, max: 254 }).trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new UserError(422, "invalid_field", "email must be an email address.", "email");
  }
  return value;
}

export function password(body: Record<string, unknown>): string {
  return text(body, "password", { min: 12, max: 128 });
}
