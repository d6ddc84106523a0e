// Runs before every test file of the projects that share their workers between files
// (isolate: false, vitest.config.mts): a fresh process per file cost about half their time,
// mostly loading jsdom, React, better-auth and the other packages again. Packages stay loaded;
// everything else starts as it would in a process of its own: the project's modules are
// evaluated afresh (so a file's vi.mock applies to what it imports and no module state leaks into
// the next file), and so is the state the console keeps once per process (on globalThis under
// Symbol.for("mistral-console.…"): lib/server/per-process.ts, the metrics, the auth context).
import { vi } from "vitest";

vi.resetModules();
const processWide = globalThis as unknown as Record<symbol, unknown>;
for (const key of Object.getOwnPropertySymbols(processWide)) {
  if (Symbol.keyFor(key)?.startsWith("mistral-console.")) delete processWide[key];
}
