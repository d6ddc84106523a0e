// @ts-check

/**
 * Security headers for every response (lib/security-headers.json, which the /v1 fast path in front
 * of Next sends too: lib/server/fast-path.ts). Its Content-Security-Policy is the fallback for what
 * proxy.ts does not see (the APIs, Next's static files): no inline script at all. Every page gets
 * its policy from proxy.ts instead (lib/csp.ts: the same directives plus a per-request script
 * nonce; the proxy's header replaces this one), and HSTS, which depends on CONSOLE_URL at run time:
 * these headers are fixed when the app is built.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Next loads this file as CommonJS
const securityHeaders = require("./lib/security-headers.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A git worktree whose node_modules links to another checkout builds with TURBOPACK_ROOT set to
  // a folder holding both (Turbopack resolves nothing outside its root).
  ...(process.env.TURBOPACK_ROOT ? { turbopack: { root: process.env.TURBOPACK_ROOT } } : {}),
  // npm test checks the types of this same program in its types step (scripts/test.sh, beside
  // ESLint), route types included: its build need not check them a second time.
  ...(process.env.CONSOLE_TYPES_CHECKED === "1" ? { typescript: { ignoreBuildErrors: true } } : {}),
  poweredByHeader: false,
  reactStrictMode: true,
  // unpdf (pdf.js) and music-metadata load parts of themselves at run time (the sandbox's OCR and
  // transcriptions): kept out of the server bundle, like the native better-sqlite3.
  serverExternalPackages: ["better-sqlite3", "busboy", "unpdf", "music-metadata"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: securityHeaders,
      },
    ];
  },
};

module.exports = nextConfig;
