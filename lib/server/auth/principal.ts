import "server-only";
import { hostPermitted } from "@/lib/auth/host";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { AuthContext } from "./auth";
import type { AuthConfig } from "./config";
import { getMetrics } from "../metrics";
import { sessionId, sessionKey, tokenKey } from "./credentials";
import { verifyToken } from "./tokens";

/** Who is calling: a signed-in user, a console token's owner, or the local user (auth off). */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token" | "local";
  tokenId: string | null;
  /** Requests per minute on spending operations; null = the console's default. */
  rateLimitPerMinute: number | null;
}

export const LOCAL_PRINCIPAL: Principal = {
  userId: "local",
  email: "local@localhost",
  name: "Local user",
  role: "admin",
  via: "local",
  tokenId: null,
  rateLimitPerMinute: null,
};

export type Authentication =
  { ok: true; principal: Principal } | { ok: false; reason: "anonymous" | "bad_token" };

export const TOKEN_PREFIX = "mc_";

/** The session cookie under either of its names (`__Secure-` when CONSOLE_URL is https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?console\.session_token=([^;]*)/g;

/** What sign-in reads of a request: a route handler's Request or the gateway's fast-path one. */
/**
 * What the console reads of a request's headers: a web Headers, or the fast path's view of
 * Node's (no Headers built per request). Values as Headers gives them, repeats joined.
 */
export interface HeaderReader {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/** A web Headers with `headers`' values (the same object when it is one). */
function webHeaders(headers: HeaderReader): Headers {
  if (headers instanceof Headers) return headers;
  const copy = new Headers();
  headers.forEach((value, name) => copy.append(name, value));
  return copy;
}

export type Incoming = Pick<Request, "method" | "url"> & { headers: HeaderReader };

/**
 * Resolves the caller from a console token (Authorization: Bearer mc_…) or the session cookie.
 * A disabled account or an unknown role authenticates as nobody. Who a credential belongs to is
 * remembered for a few seconds (ctx.credentials); every change to it invalidates that at once.
 * A remembered credential (and a plainly bad one) is answered at once, not in a promise: the
 * gateway's path awaits only what it must (see guard.ts).
 */
export function authenticate(
  ctx: AuthContext,
  request: Incoming,
): Authentication | Promise<Authentication> {
  if (ctx.config.mode === "off") return { ok: true, principal: LOCAL_PRINCIPAL };
  const authorization = request.headers.get("authorization");
  // Only Bearer credentials are ours: a Basic one comes from a proxy in front of the console
  // (browsers send it on every request) and must not hide the session cookie.
  if (authorization && !/^Basic\s/i.test(authorization)) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const secret = match?.[1];
    if (!secret?.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "bad_token" };
    const key = tokenKey(secret);
    const known = ctx.credentials.get(key);
    getMetrics().credentials.inc({ result: known ? "hit" : "miss" });
    if (known) return { ok: true, principal: known };
    return tokenCaller(ctx, secret, key);
  }
  const cookie = request.headers.get("cookie");
  if (!cookie) return { ok: false, reason: "anonymous" };
  // Keyed by the signed cookie value(s), so only a cookie better-auth has verified is a hit.
  const values = [...cookie.matchAll(SESSION_COOKIE)].map((m) => m[1]);
  const key = values.length ? sessionKey(values.join(";")) : null;
  const known = key ? ctx.credentials.get(key) : undefined;
  getMetrics().credentials.inc({ result: known ? "hit" : "miss" });
  if (known) return { ok: true, principal: known };
  return sessionCaller(ctx, request, key);
}

/** A console token's owner, read from the database (and remembered under `key`). */
async function tokenCaller(ctx: AuthContext, secret: string, key: string): Promise<Authentication> {
  const generation = ctx.credentials.generation();
  const found = await verifyToken(ctx, secret);
  if (!found || found.disabled || !isRole(found.role)) return { ok: false, reason: "bad_token" };
  const principal: Principal = {
    userId: found.userId,
    email: found.email,
    name: found.name,
    role: found.role,
    via: "token",
    tokenId: found.tokenId,
    rateLimitPerMinute: found.rateLimitPerMinute,
  };
  ctx.credentials.set(key, principal, { generation });
  return { ok: true, principal };
}

/** A session's user, from better-auth (and remembered under `key`, when the cookie has one). */
async function sessionCaller(
  ctx: AuthContext,
  request: Incoming,
  key: string | null,
): Promise<Authentication> {
  const generation = ctx.credentials.generation();
  const session = await ctx.auth.api.getSession({ headers: webHeaders(request.headers) });
  const user = session?.user as
    (Record<string, unknown> & { id: string; email: string; name: string }) | undefined;
  if (!session || !user || user.disabled || !isRole(user.role)) {
    return { ok: false, reason: "anonymous" };
  }
  const principal: Principal = {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    via: "session",
    tokenId: null,
    rateLimitPerMinute:
      typeof user.rateLimitPerMinute === "number" ? user.rateLimitPerMinute : null,
  };
  if (key) {
    ctx.credentials.set(key, principal, {
      generation,
      expiresAt: new Date(session.session.expiresAt).getTime(),
      session: sessionId(session.session.token),
    });
  }
  return { ok: true, principal };
}

/**
 * Writes on an ambient credential must come from a page of this console: a session cookie, or with
 * sign-in off no credential at all (any page the operator visits could otherwise post to
 * localhost). Browsers always send Origin on cross-site POST/PUT/PATCH/DELETE; a missing one (old
 * clients, curl with a stolen cookie) is refused too. Token calls carry no ambient credential, so
 * they need no such check; with sign-in off, neither does a call with any Bearer header (an SDK):
 * a foreign page cannot add one without a CORS preflight, which the console never grants.
 */
export function crossSiteWrite(ctx: AuthContext, request: Incoming, principal: Principal): boolean {
  if (principal.via === "token") return false;
  if (
    principal.via === "local" &&
    /^Bearer\s+\S/i.test(request.headers.get("authorization") ?? "")
  ) {
    return false;
  }
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  return !fromOwnPage(ctx, request);
}

/** Whether the request's Host is one this console answers to (lib/auth/host.ts says which). */
export function hostAllowed(config: AuthConfig, request: Incoming): boolean {
  return hostPermitted(
    {
      authOff: config.mode === "off",
      publicUrl: config.publicUrl,
      allowedHosts: config.allowedHosts,
    },
    requestHost(request),
  );
}

/** The Host the client sent (a Request built in a test has only its URL). */
export function requestHost(request: Incoming): string {
  return request.headers.get("host") ?? new URL(request.url).host;
}

/** Whether the request's Origin is this console (a missing Origin is not). */
export function fromOwnPage(ctx: AuthContext, request: Incoming): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  if (ctx.config.publicUrl) return origin === ctx.config.publicUrl;
  // Without CONSOLE_URL the page's own host is the Host header the browser sent. The scheme is
  // not compared: behind a TLS-terminating proxy the server sees http while the page is https.
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === requestHost(request);
}
