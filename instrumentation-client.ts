// Runs in the browser before any page code. zod 4 compiles object parsers with `new Function` and,
// to know whether it may, tries `new Function("")` when the first object schema is built: under
// the pages' CSP (no 'unsafe-eval') that probe is blocked, and reported as a CSP violation even
// though zod catches the error (the playground's saved-conversations schema triggered it). Without
// JIT zod parses the same way, without eval and without the probe.
import { config } from "zod/v4/core";

config({ jitless: true });
