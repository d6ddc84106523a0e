"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/lib/format";
import type { LintReport } from "@/lib/jsonl";
import { download } from "@/lib/ui/download";

/** Issues shown on the page; the downloadable report has every one the linter kept. */
export const SHOWN_ISSUES = 100;

type Issue = LintReport["issues"][number];

const COLUMNS: ColumnDef<Issue>[] = [
  {
    id: "line",
    header: "Line",
    meta: { cellClassName: "align-top font-mono text-xs tabular-nums" },
    cell: ({ row }) => (row.original.line > 0 ? row.original.line : "file"),
  },
  {
    id: "severity",
    header: "Severity",
    meta: { cellClassName: "align-top" },
    cell: ({ row }) => (
      <Badge tone={row.original.severity === "error" ? "danger" : "warning"}>
        {row.original.severity}
      </Badge>
    ),
  },
  {
    id: "problem",
    header: "Problem",
    meta: { cellClassName: "align-top break-words" },
    cell: ({ row }) => row.original.message,
  },
];

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
      <DataTable<Issue>
        label={`Problems found in ${fileName}`}
        data={shown}
        columns={COLUMNS}
        getRowId={(_, index) => String(index)}
        density="compact"
        stickyHeader
        className="max-h-72 overflow-auto rounded-md"
      />
    </section>
  );
}
