import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import { refusal } from "../errors";
import type { AuthContext } from "./auth";
import { crossSite, forbidden, unauthenticated } from "./guard";
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
 * A /api/console route handler: the caller must be signed in (or hold a console token), have the
 * permission, and a cookie write must come from this console's pages. Thrown UserErrors become
 * their 4xx answer.
 */
export function consoleRoute(
  permission: Permission | null,
  handler: (args: RouteArgs) => Promise<Response>,
) {
  return async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const ctx = await getAuthContext();
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

/** The JSON object body, or a 400 UserError. */
export async function readObject(request: Request): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = await request.json();
  } catch {
    throw new UserError(400, "invalid_json", "The request body must be a JSON object.");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new UserError(400, "invalid_json", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
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
