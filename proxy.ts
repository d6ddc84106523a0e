import { NextResponse, type NextRequest } from "next/server";
import { hostPermitted, hostPolicyFromEnv, unknownHostResponse } from "@/lib/auth/host";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "@/lib/csp";
import { routes } from "@/lib/routes";

// A page request without a session cookie goes straight to sign-in, remembering where it was
// going. This is only the fast path for the browser: the console layout checks the session for
// real, and every API route checks it again.
const SESSION_COOKIES = ["console.session_token", "__Secure-console.session_token"];

// Every page also gets its security headers here, per request: the CSP with a fresh nonce (the
// request carries it too, which is how Next knows to put it on its own scripts) and HSTS, read
// from the environment at run time (next.config.js headers are fixed when the app is built).
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = route(request, () =>
    NextResponse.next({ request: { headers: requestHeaders } }),
  );
  response.headers.set("content-security-policy", csp);
  const hsts = strictTransportSecurity(process.env.CONSOLE_URL);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

function route(request: NextRequest, next: () => NextResponse): Response {
  // Pages refuse a foreign Host as the API routes do (DNS rebinding); the routes check it
  // themselves since this proxy stays off them. The environment is read as the server read it
  // at start, where it was validated.
  const host = request.headers.get("host") ?? request.nextUrl.host;
  if (!hostPermitted(hostPolicyFromEnv(process.env), host)) return unknownHostResponse(host);
  if (process.env.CONSOLE_AUTH === "off") return next();
  const { pathname, search } = request.nextUrl;
  if (/^\/(sign-in|setup)/.test(pathname)) return next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return next();
  const url = request.nextUrl.clone();
  url.pathname = routes.signIn();
  url.search = "";
  if (pathname !== "/") url.searchParams.set("next", pathname + search);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only, the signed-out ones included: not the APIs (they check for themselves, and a proxy
  // would buffer and truncate large uploads), /metrics (its own token), Next's own files or static
  // assets. Only asset extensions are skipped: a page such as /models/<id> may end in ".1" and
  // needs its nonce.
  matcher: [
    "/((?!api/|v1/|v2/|_next/|metrics$|.*\\.(?:ico|png|svg|jpe?g|gif|webp|txt|xml|webmanifest|js|css|map|woff2?)$).*)",
  ],
};
