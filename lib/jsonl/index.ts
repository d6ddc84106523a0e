// The training-data linter. Runs in the browser (including a Web Worker) and in Node:
// keep Node-only imports out of this module and everything it imports.
export {
  JsonlLinter,
  lintStream,
  lintText,
  DEFAULT_MAX_ISSUES,
  DEFAULT_MAX_LINE_BYTES,
  type LintIssue,
  type LintOptions,
  type LintReport,
  type LintStats,
  type Severity,
} from "./linter";
export { reportToText } from "./report-text";
