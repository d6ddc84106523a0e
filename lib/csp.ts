// The security headers computed per request in proxy.ts: the pages' Content-Security-Policy with a
// fresh nonce, and HSTS when the console is served over https. (next.config.js adds the static
// headers, and a nonce-less policy for what the proxy does not see: the APIs and static files.)
// No Node-only imports: the proxy may run on either runtime.

/**
 * The policy of a page. Scripts: our own files and inline scripts carrying this request's nonce
 * (Next puts it on its own inline and bootstrap scripts when it reads it from the request's
 * Content-Security-Policy header); never any other inline script, never eval in production.
 * `npm run dev` needs 'unsafe-eval' (React rebuilds server error stacks with eval in development).
 *
 * Styles keep 'unsafe-inline': React `style` attributes (charts, virtual lists, progress bars) and
 * CodeMirror's injected <style> elements need it, and an injected style cannot run code.
 */
export function contentSecurityPolicy({ nonce, dev = false }: { nonce: string; dev?: boolean }) {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be base64");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Strict-Transport-Security when the console's public URL (CONSOLE_URL) is https: browsers then
 * refuse plain http to it for two years. None otherwise: on http the header means nothing, and a
 * console reached by IP or on localhost must not pin https on that host.
 */
export function strictTransportSecurity(consoleUrl: string | undefined): string | null {
  return consoleUrl && /^https:\/\//i.test(consoleUrl.trim())
    ? "max-age=63072000; includeSubDomains"
    : null;
}
