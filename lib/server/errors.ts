import "server-only";

/** What the console itself refuses or reports; `type` tells the client whose fault it is. */
export type GatewayErrorType = "invalid_request_error" | "upstream_error" | "internal_error";

/** A network error's code (ECONNRESET…) only: a message could in theory quote a header back. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "connection error";
}

/** Why a request's work stops when its client goes away (a signal's reason, a stream's error). */
export function clientGone(): DOMException {
  return new DOMException("The client went away", "AbortError");
}

/**
 * The gateway's one error type. It becomes the same JSON shape the Mistral API uses:
 * `{ object: "error", message, type, param: null, code }`.
 */
export class GatewayError extends Error {
  readonly status: number;
  readonly type: GatewayErrorType;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { type?: GatewayErrorType; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "GatewayError";
    this.status = status;
    this.code = code;
    this.type = options.type ?? (status >= 500 ? "upstream_error" : "invalid_request_error");
    this.headers = options.headers ?? {};
  }
}

/** What an error body says: whose fault (`type`), a machine-readable `code`, and for whom `message`. */
export interface ErrorBody {
  type: string;
  code: string;
  message: string;
  /** The field or permission the error is about. */
  param?: string | null;
}

/** The error JSON every client reads, as text (for answers written outside the Fetch API). */
export function errorJson({ type, code, message, param = null }: ErrorBody): string {
  return JSON.stringify({ object: "error", message, type, param, code });
}

/** The headers of every error the console writes (JSON, never cached), with `extra`. */
export function errorHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { "content-type": "application/json", "cache-control": "no-store", ...extra };
}

export function errorResponse({
  status,
  headers,
  ...body
}: ErrorBody & { status: number; headers?: Record<string, string> }): Response {
  return new Response(errorJson(body), { status, headers: errorHeaders(headers) });
}

/** A refusal by the console itself (4xx), with the field or permission it is about in `param`. */
export function refusal(
  status: number,
  code: string,
  message: string,
  options: { param?: string; headers?: Record<string, string> } = {},
): Response {
  return errorResponse({
    status,
    type: status >= 500 ? "internal_error" : "invalid_request_error",
    code,
    message,
    headers: options.headers,
    param: options.param,
  });
}
