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
