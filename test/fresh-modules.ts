// Runs before every test file of the unit project. That project shares its workers between files
// (isolate: false, vitest.config.mts): a fresh process per file cost more than half its time,
// mostly loading jsdom, React and the other packages again. Packages stay loaded; the project's
// own modules are evaluated afresh for each file, so a file's vi.mock applies to what it imports
// and no module state leaks from one file into the next.
import { vi } from "vitest";

vi.resetModules();
