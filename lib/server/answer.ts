import "server-only";
import { Body } from "./body";
import { errorHeaders, errorJson, type ErrorBody } from "./errors";

/**
 * An answer on its way from the upstream through the gateway to the caller: its status, headers
 * and body, without the web Response, Headers and stream a route handler returns. Building those
 * for every call cost ~0.2 ms of the time to the first token (bench/README.md), and only a route
 * handler needs them: the fast path writes an answer to Node's response as it is, and a route
 * handler (or a test) turns it into a Response (`toResponse`).
 */
export interface Answer {
  status: number;
  /** Lower-case names; a repeated header's values joined with ", ", as Headers.get gives them. */
  headers: Record<string, string>;
  body: Body | null;
}

/** The Response a route handler returns for `answer`. */
export function toResponse(answer: Answer): Response {
  return new Response(answer.body?.stream() ?? null, {
    status: answer.status,
    headers: answer.headers,
  });
}

/** `response` as an answer (the embedded sandbox's, the console's own refusals). */
export function fromResponse(response: Response): Answer {
  const headers: Record<string, string> = Object.create(null);
  response.headers.forEach((value, name) => (headers[name] = value));
  return {
    status: response.status,
    headers,
    body: response.body ? Body.fromWeb(response.body) : null,
  };
}

/** An error answer, as errorResponse writes it (the error JSON every client reads). */
export function errorAnswer({
  status,
  headers,
  ...body
}: ErrorBody & { status: number; headers?: Record<string, string> }): Answer {
  return { status, headers: errorHeaders(headers), body: Body.of(errorJson(body)) };
}
