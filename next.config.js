// @ts-check

/**
 * Security headers for every response. The Content-Security-Policy here is the fallback for what
 * proxy.ts does not see (the APIs, Next's static files): no inline script at all. Every page gets
 * its policy from proxy.ts instead (lib/csp.ts: the same directives plus a per-request script
 * nonce; the proxy's header replaces this one), and HSTS, which depends on CONSOLE_URL at run time:
 * these headers are fixed when the app is built.
 */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
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

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets several builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A git worktree whose node_modules links to another checkout builds with TURBOPACK_ROOT set to
  // a folder holding both (Turbopack resolves nothing outside its root).
  ...(process.env.TURBOPACK_ROOT ? { turbopack: { root: process.env.TURBOPACK_ROOT } } : {}),
  poweredByHeader: false,
  reactStrictMode: true,
  // unpdf (pdf.js) and music-metadata load parts of themselves at run time (the sandbox's OCR and
  // transcriptions): kept out of the server bundle, like the native better-sqlite3.
  serverExternalPackages: ["better-sqlite3", "busboy", "unpdf", "music-metadata"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
