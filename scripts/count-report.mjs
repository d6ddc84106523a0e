// Prints "passed failed" from a Vitest or Playwright JSON report; a missing report is an error.
import { readFileSync } from "node:fs";

const [file, kind] = process.argv.slice(2);
const r = JSON.parse(readFileSync(file, "utf8"));
if (kind === "vitest") {
  const failedSuites = r.testResults.filter(
    (t) => t.status === "failed" && !t.assertionResults.length,
  ).length;
  console.log(r.numPassedTests, r.numFailedTests + failedSuites + r.numPendingTests);
} else {
  const s = r.stats;
  console.log(s.expected + s.flaky, s.unexpected + s.skipped + (r.errors?.length ?? 0));
}
