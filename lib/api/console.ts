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

/**
 * Where to go after signing in: a path of this console only, never another site. The value is
 * resolved the way the browser will resolve it (which drops tabs and newlines, so "/\t/evil.example"
 * is "//evil.example") and kept only if it stays on this origin.
 */
export function safeNext(
  value: string | null | undefined,
  fallback = "/",
  origin: string = typeof window === "undefined"
    ? "http://console.invalid"
    : window.location.origin,
): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/setup")) return fallback;
  // The resolved path, not the raw value: what was checked is what the browser gets.
  return url.pathname + url.search + url.hash;
}
