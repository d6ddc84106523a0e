import { NextResponse, type NextRequest } from "next/server";

// A page request without a session cookie goes straight to sign-in, remembering where it was
// going. This is only the fast path for the browser: the console layout checks the session for
// real, and every API route checks it again.
const SESSION_COOKIES = ["console.session_token", "__Secure-console.session_token"];

export function proxy(request: NextRequest) {
  if (process.env.CONSOLE_AUTH === "off") return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  if (pathname !== "/") url.searchParams.set("next", pathname + search);
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: not the APIs (they answer 401 JSON), the signed-out pages or Next's own files.
  matcher: ["/((?!api/|v1/|v2/|_next/|sign-in|setup|favicon\\.ico|.*\\.[a-z0-9]+$).*)"],
};
