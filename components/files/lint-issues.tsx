"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import type { LintReport } from "@/lib/jsonl";
import { download } from "@/lib/ui/download";

/** Issues shown on the page; the downloadable report has every one the linter kept. */
export const SHOWN_ISSUES = 100;

const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? "" : "s"}`;

export function LintIssues({ report, fileName }: { report: LintReport; fileName: string }) {
  const total = report.errorCount + report.warningCount;
  if (total === 0) return null;
  const shown = report.issues.slice(0, SHOWN_ISSUES);
  const summary = [
    report.errorCount ? plural(report.errorCount, "error") : null,
    report.warningCount ? plural(report.warningCount, "warning") : null,
  ]
    .filter(Boolean)
    .join(" and ");
  return (
    <section aria-label={`Problems in ${fileName}`} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="font-medium">{summary}</span>
          {shown.length < total && (
            <span className="text-muted">
              {" "}
              · showing the first {formatNumber(shown.length)} of {formatNumber(total)}
            </span>
          )}
        </p>
        <Button
          size="sm"
          onClick={async () => {
            // Loaded on demand: the report writer pulls in the whole linter, which the page
            // itself never runs (the worker does).
            const { reportToText } = await import("@/lib/jsonl/report-text");
            download({ fileName: `${fileName}.report.txt`, text: reportToText(report, fileName) });
          }}
        >
          Download report
        </Button>
      </div>
      <div className="max-h-72 overflow-auto rounded-md border border-border">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Problems found in {fileName}</caption>
          <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Line
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Severity
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Problem
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue, i) => (
              <tr key={i} className="border-t border-border align-top">
                <td className="px-3 py-1.5 font-mono text-xs tabular-nums">
                  {issue.line > 0 ? issue.line : "file"}
                </td>
                <td className="px-3 py-1.5">
                  <Badge tone={issue.severity === "error" ? "danger" : "warning"}>
                    {issue.severity}
                  </Badge>
                </td>
                <td className="px-3 py-1.5 break-words">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
