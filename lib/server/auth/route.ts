import "server-only";
import type { z } from "zod";
import { can, PERMISSION_PHRASES, type Permission } from "@/lib/auth/permissions";
import { firstIssue } from "@/lib/console/fields";
import { readCapped } from "@/lib/read-capped";
import { refusal } from "../errors";
import { audit } from "./audit";
import type { AuthContext } from "./auth";
import { crossSite, forbidden, foreignHost, unauthenticated } from "./guard";
import { getAuthContext } from "./index";
import { authenticate, crossSiteWrite, fromOwnPage, type Principal } from "./principal";
import { UserError } from "./users";

/** Who may call a route: a permission, any signed-in caller (null), or anyone ("public"). */
export type Access = Permission | null | "public";

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteArgs<Body = undefined, Query = undefined, Caller = Principal> {
  ctx: AuthContext;
  /** The caller; null on a public route. */
  principal: Caller;
  request: Request;
  params: Record<string, string>;
  /** The JSON body, checked against the route's `body` schema. */
  body: Body;
  /** The query string, checked against the route's `query` schema. */
  query: Query;
  /** Added to the answer (e.g. a Set-Cookie). */
  headers: Headers;
}

export interface RouteOptions<A extends Access, B, Q, R> {
  permission: A;
  /** The JSON body's schema; a body that fails it is a 422 naming the field. */
  body?: B;
  /** The largest body read (else 413). */
  bodyLimit?: number;
  /** The query parameters' schema (empty values count as absent). */
  query?: Q;
  /** The answer's status: 200, 201 for a creation, 204 (no body) for a deletion. */
  status?: 200 | 201 | 204;
  /** The route's work: its result is the JSON answer (or a Response, sent as it is). */
  handler: (args: RouteArgs<Parsed<B>, Parsed<Q>, Caller<A>>) => Promise<R>;
  /**
   * The console's own writes are audited once they succeed: operation label and target (and
   * on a public route, whom the entry is for).
   */
  audit?: {
    operation: string;
    target: (args: RouteArgs<Parsed<B>, Parsed<Q>, Caller<A>> & { result: R }) => string | null;
    actor?: (result: R) => Principal;
  };
}

type Caller<A extends Access> = A extends "public" ? null : Principal;

type NextContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store", ...headers } });
}

/**
 * A /api/console route handler: the request must be for one of the console's host names, the
 * caller signed in (or holding a console token) with the permission, and a cookie write (any
 * write with sign-in off; every write on a public route) must come from this console's pages.
 * The body and query are parsed with the route's schemas (a 422 names the first bad field), the
 * handler's result is the JSON answer, and a write that succeeds is audited. Thrown UserErrors
 * become their 4xx answer. (`handler` comes before `audit` in the options: the audit target's
 * `result` is typed from what the handler returns.)
 */
export function consoleRoute<
  const A extends Access,
  R,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(options: RouteOptions<A, B, Q, R>) {
  return async (request: Request, context?: NextContext): Promise<Response> => {
    try {
      const ctx = await getAuthContext();
      const foreign = foreignHost(ctx.config, request);
      if (foreign) return foreign;
      let principal: Principal | null = null;
      if (options.permission === "public") {
        // A public write (first-run setup) signs its caller in: a foreign page must not.
        if (isWrite(request) && !fromOwnPage(ctx, request)) return crossSite();
      } else {
        const authn = await authenticate(ctx, request);
        if (!authn.ok) return unauthenticated(authn.reason);
        principal = authn.principal;
        const permission = options.permission as Permission | null;
        if (permission && !can(principal.role, permission)) {
          return forbidden(principal, permission, PERMISSION_PHRASES[permission]);
        }
        if (crossSiteWrite(ctx, request, principal)) return crossSite();
      }
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      const url = new URL(request.url);
      const args = {
        ctx,
        principal: principal as Caller<A>,
        request,
        params,
        body: (options.body
          ? parse(options.body, await readObject(request, options.bodyLimit))
          : undefined) as Parsed<B>,
        query: (options.query
          ? parse(options.query, queryObject(url.searchParams))
          : undefined) as Parsed<Q>,
        headers: new Headers({ "cache-control": "no-store" }),
      };
      const result = await options.handler(args);
      if (result instanceof Response) return result;
      const status = options.status ?? 200;
      if (options.audit) {
        const { operation, target, actor } = options.audit;
        const who = actor ? actor(result) : principal;
        if (!who) throw new Error(`${operation}: an audited public route needs an actor`);
        await audit(ctx, who, {
          operation,
          method: request.method,
          path: url.pathname,
          target: target({ ...args, result }),
          status,
        });
      }
      return status === 204
        ? new Response(null, { status, headers: args.headers })
        : Response.json(result, { status, headers: args.headers });
    } catch (error) {
      return failure(error);
    }
  };
}

const isWrite = (request: Request) => !["GET", "HEAD"].includes(request.method.toUpperCase());

/** A URL's query as an object: empty parameters count as absent, a repeated one as its first. */
function queryObject(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) if (value !== "" && !(key in out)) out[key] = value;
  return out;
}

/** The value the schema makes of `input`, or a 422 naming the first field it refuses. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error);
  throw new UserError(422, "invalid_field", message, field);
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
