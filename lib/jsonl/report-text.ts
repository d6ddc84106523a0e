import { formatBytes } from "../format";
import type { LintReport } from "./linter";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A plain-text report a user can download and read next to the file in their editor. */
export function reportToText(report: LintReport, fileName: string): string {
  const { stats } = report;
  const verdict =
    report.errorCount > 0
      ? "fix the errors before uploading"
      : report.warningCount > 0
        ? "can be uploaded; review the warnings"
        : "no problems found";
  const lines = [
    `Training-data check: ${fileName}`,
    `Result: ${plural(report.errorCount, "error")}, ${plural(report.warningCount, "warning")}: ${verdict}`,
    "",
    `Size: ${formatBytes(stats.bytes)} (${stats.bytes} bytes)`,
    `Lines: ${stats.lines}`,
    `Samples: ${stats.samples}`,
    `Sample type: ${stats.sampleType ?? "-"}`,
  ];
  const mps = stats.messagesPerSample;
  if (mps)
    lines.push(`Messages per sample: min ${mps.min}, max ${mps.max}, mean ${mps.mean.toFixed(1)}`);
  const roles = Object.entries(stats.roles);
  if (roles.length > 0) lines.push(`Roles: ${roles.map(([role, n]) => `${role} ${n}`).join(", ")}`);
  lines.push(`Estimated tokens: ${stats.estimatedTokens}`, "");

  const total = report.errorCount + report.warningCount;
  if (total > 0) {
    lines.push(
      report.truncated
        ? `Issues (the first ${report.issues.length} of ${total}):`
        : `Issues (${total}):`,
    );
    for (const issue of report.issues)
      lines.push(`${issue.severity.padEnd(7)} ${issue.code.padEnd(32)} ${issue.message}`);
  }
  return lines.join("\n") + "\n";
}
