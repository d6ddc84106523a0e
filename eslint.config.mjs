import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

// Which part of the tree a file belongs to, for the import boundaries below. Imports are resolved
// (the `@/` alias and relative paths alike) with eslint-config-next's TypeScript resolver.
const elements = [
  { type: "app", pattern: "app" },
  { type: "components", pattern: "components" },
  { type: "api", pattern: "lib/api" },
  { type: "mistral", pattern: "lib/mistral" },
  { type: "jsonl", pattern: "lib/jsonl" },
  { type: "server", pattern: "lib/server" },
  { type: "sandbox", pattern: "lib/sandbox" },
].map((element) => ({ ...element, partialMatch: false }));

const browserCode = { element: { types: ["components", "api"] } };

// Each policy names what may not be imported and, in its message, why.
const policies = [
  {
    from: browserCode,
    disallow: { to: { element: { type: "server" } } },
    message:
      "components/** and lib/api/** run in the browser; lib/server holds the API key, the database and Node-only code. Reach the server through its routes (/v1, /api/console) with lib/api.",
  },
  {
    from: browserCode,
    disallow: { to: { element: { type: "sandbox" } } },
    message:
      "components/** and lib/api/** run in the browser; the sandbox is the server's stand-in for the Mistral API. The browser reaches it only through the gateway (/v1), as it reaches the live API.",
  },
  {
    from: { element: { type: "app" } },
    disallow: { to: { element: { type: "sandbox" } } },
    message:
      "Pages and routes reach the sandbox only as the gateway's upstream (lib/server/upstream), so the same page works on the live API.",
  },
  {
    from: { element: { type: "mistral" } },
    disallow: { to: { element: { type: "server" } } },
    message:
      "lib/mistral (specs, generated types, the matcher) is shared by the browser, the server and the sandbox; lib/server depends on it, never the reverse.",
  },
  {
    from: { element: { type: "jsonl" } },
    disallow: { to: { module: { origin: "core" } } },
    message:
      "lib/jsonl runs in the browser (the Files page lints uploads in a Web Worker) as well as in the sandbox: no Node built-ins.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // The folders the policies start from.
    files: ["{app,components,lib/api,lib/mistral,lib/jsonl}/**"],
    // Tests run in Node under Vitest and ship in no bundle.
    ignores: ["**/*.test.{ts,tsx}"],
    plugins: { boundaries },
    settings: { "boundaries/elements": elements },
    rules: {
      // checkAllOrigins: also look at imports of packages and Node built-ins (lib/jsonl's rule).
      "boundaries/dependencies": ["error", { default: "allow", checkAllOrigins: true, policies }],
    },
  },
  {
    // Type-aware, so it sees which calls return a promise; the only rule here that needs types.
    // Its cost is building the TypeScript program once per run (about 30 s of CPU), whichever
    // folders it covers (leaving out bench/ or the tests saved nothing measurable), so it covers
    // every TypeScript file.
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering (a test
      // that ends before its assertion ran). Mark deliberate fire-and-forget with `void` and say why.
      "@typescript-eslint/no-floating-promises": "error",
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next*/**",
      "lib/mistral/*.gen.ts",
      "test-results/**",
      "playwright-report/**",
      ".data/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
