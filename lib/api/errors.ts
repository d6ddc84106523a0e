// One error type for everything the browser gets back from /v1, and the words a page shows for it.
import { PERMISSION_PHRASES, type Permission } from "@/lib/auth/permissions";

import { parseRetryAfter } from "@/lib/http/retry-after";
import { routes } from "@/lib/routes";

export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type?: string;
}

export type ApiErrorKind = "http" | "network" | "interrupted" | "aborted";

export class ApiError extends Error {
  readonly status: number; // 0 when no HTTP answer arrived
  readonly kind: ApiErrorKind;
  readonly type: string | null;
  /** The body's machine-readable `code`, e.g. "forbidden" or "unauthenticated" from the console. */
  readonly code: string | null;
  /** What the error is about: a field, or for a 403 "forbidden" the missing permission. */
  readonly param: string | null;
  readonly fields: FieldError[];
  /** Seconds to wait before retrying, from Retry-After. */
  readonly retryAfter: number | null;

  constructor(
    message: string,
    init: {
      status?: number;
      kind?: ApiErrorKind;
      type?: string | null;
      code?: string | null;
      param?: string | null;
      fields?: FieldError[];
      retryAfter?: number | null;
    } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = init.status ?? 0;
    this.kind = init.kind ?? "http";
    this.type = init.type ?? null;
    this.code = init.code ?? null;
    this.param = init.param ?? null;
    this.fields = init.fields ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** The message of the first validation error whose location ends with `field`. */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.loc[f.loc.length - 1] === field || f.loc.includes(field))?.msg;
  }
}

function fieldPath(loc: (string | number)[]): string {
  return loc.filter((p) => p !== "body" && p !== "query" && p !== "path").join(".");
}

/** Builds an ApiError from a non-2xx response and its (already read) body. */
export function errorFromResponse(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  const status = response.status;
  let message = `${status} ${response.statusText || "error"}`.trim();
  let type: string | null = null;
  let code: string | null = null;
  let param: string | null = null;
  let fields: FieldError[] = [];
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    // FastAPI-style 422: { detail: [{ loc, msg, type }] } (also nested in message by the real API).
    const detail = Array.isArray(b.detail)
      ? b.detail
      : b.message && typeof b.message === "object" && Array.isArray((b.message as never)["detail"])
        ? ((b.message as Record<string, unknown>).detail as unknown[])
        : null;
    if (detail) {
      fields = detail.filter((d): d is FieldError => !!d && typeof d === "object" && "msg" in d);
    }
    // A server's own sentence wins; without one, the field errors are spelled out.
    if (typeof b.message === "string" && b.message.trim()) {
      message = b.message;
    } else if (fields.length) {
      message = fields.map((f) => `${fieldPath(f.loc) || "request"}: ${f.msg}`).join("; ");
    } else if (typeof b.message === "string") {
      message = b.message;
    } else if (typeof b.detail === "string") {
      message = b.detail;
    }
    if (typeof b.type === "string") type = b.type;
    if (typeof b.code === "string") code = b.code;
    if (typeof b.param === "string") param = b.param;
  } else if (typeof body === "string" && body.trim() && !body.trimStart().startsWith("<")) {
    message = body.slice(0, 300);
  }
  return new ApiError(message, { status, type, code, param, fields, retryAfter });
}

export async function readError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (e.g. an HTML error page from a proxy): keep the text
  }
  return errorFromResponse(response, body);
}

/** Wraps anything thrown by fetch or our own code into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DOMException && error.name === "AbortError") {
    return new ApiError("The request was stopped.", { kind: "aborted" });
  }
  return new ApiError("Could not reach the console server. Check your connection and try again.", {
    kind: "network",
  });
}

/** The sign-in page, coming back to `path` (the current page when omitted, in a browser). */
export function signInHref(path?: string): string {
  const here =
    path ??
    (typeof window === "undefined" ? "" : window.location.pathname + window.location.search);
  return routes.signIn({ next: here });
}

/**
 * Whether sending the same request again can succeed: after a lost connection, a rate limit, a
 * timeout or a server failure, yes; after a refusal of the request itself (400, 404, 422, …) the
 * same request gets the same answer, so a Retry button would only mislead.
 */
export function canRetry(error: unknown): boolean {
  const e = toApiError(error);
  if (e.kind === "network" || e.kind === "interrupted") return true;
  if (e.kind === "aborted") return false;
  return e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500;
}

/**
 * A title and what to do next, for a page to show. `signIn` is set when the console's own session
 * has ended: the page should offer a link to it (the hint says so in words as well).
 */
export function describeError(error: unknown): { title: string; hint: string; signIn?: string } {
  const e = toApiError(error);
  if (e.kind === "network") return { title: "Network error", hint: e.message };
  if (e.kind === "interrupted") {
    return {
      title: "The answer was cut off",
      hint: "The connection closed before the end. What arrived is kept; retry to get the rest.",
    };
  }
  if (e.kind === "aborted") return { title: "Stopped", hint: e.message };
  switch (e.status) {
    case 400:
      return { title: "Bad request", hint: e.message };
    case 401:
      // The console's own refusal (no or expired session) is told apart from the upstream
      // rejecting the server's key by its code.
      if (e.code === "unauthenticated") {
        return {
          title: "Your session has ended — sign in again",
          hint: "You were signed out (the session expired or was ended). Sign in again; you will come back to this page.",
          signIn: signInHref(),
        };
      }
      return {
        title: "The Mistral API key was rejected",
        hint: "The key configured on the server (MISTRAL_API_KEY) is missing, wrong or revoked. Ask the console's admin to fix it.",
      };
    case 403:
      if (e.code === "forbidden" && e.param) {
        const action = Object.hasOwn(PERMISSION_PHRASES, e.param)
          ? PERMISSION_PHRASES[e.param as Permission]
          : "do this";
        return {
          title: "Not allowed",
          hint: `You don't have permission to ${action} (needs ${e.param}). Ask an admin.`,
        };
      }
      return { title: "Not allowed", hint: e.message };
    case 404:
      return { title: "Not found", hint: e.message };
    case 413:
      return { title: "Too large", hint: e.message };
    case 422:
      return { title: "Invalid request", hint: e.message };
    case 429:
      return {
        title: "Rate limited",
        hint:
          e.retryAfter != null
            ? `Too many requests. Retry in ${Math.ceil(e.retryAfter)} s.`
            : "Too many requests. Wait a moment and retry.",
      };
    case 502:
      return { title: "Upstream unreachable", hint: e.message };
    case 504:
      return { title: "Upstream timed out", hint: e.message };
    default:
      return {
        title: e.status >= 500 ? "The server failed" : `Error ${e.status}`,
        hint: e.message,
      };
  }
}
