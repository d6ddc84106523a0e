import { readError, toApiError } from "./errors";

/**
 * The console's own JSON routes (/api/console/*, /api/auth/*): same-origin fetch with the
 * session cookie; a non-2xx answer becomes the one ApiError type.
 */
export async function consoleFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: "same-origin",
      ...init,
      headers: init.body ? { "content-type": "application/json", ...init.headers } : init.headers,
    });
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await readError(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const postJson = <T>(path: string, body: unknown, method = "POST") =>
  consoleFetch<T>(path, { method, body: JSON.stringify(body) });

/** Where to go after signing in: a path of this console only, never another site. */
export function safeNext(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  if (value.startsWith("/sign-in") || value.startsWith("/setup")) return fallback;
  return value;
}
