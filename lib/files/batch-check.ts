// The check of a batch input file before it is uploaded: each line one request, a JSON object with
// a `custom_id` (to find its result) and a `body` object (the request). Cheap on purpose: no
// per-endpoint body schema, which the batch job checks when it runs.
import type { LintIssue, LintReport } from "@/lib/jsonl";

const MAX_ISSUES = 1000;

export function checkBatchText(text: string): LintReport {
  const issues: LintIssue[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const add = (line: number, severity: LintIssue["severity"], code: string, message: string) => {
    if (severity === "error") errorCount++;
    else warningCount++;
    if (issues.length < MAX_ISSUES) issues.push({ line, severity, code, message });
  };
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  let requests = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return add(line, "warning", "blank_line", `line ${line} is blank`);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return add(line, "error", "invalid_json", `line ${line} is not valid JSON`);
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      return add(line, "error", "not_object", `line ${line} is not a JSON object`);
    }
    const { custom_id: id, body } = value as { custom_id?: unknown; body?: unknown };
    if (typeof id !== "string" || id === "") {
      add(line, "error", "custom_id", `line ${line} has no custom_id (a non-empty string)`);
    } else if (seen.has(id)) {
      add(line, "warning", "duplicate_custom_id", `line ${line} repeats custom_id "${id}"`);
    } else seen.add(id);
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      add(line, "error", "body", `line ${line} has no body (the request, a JSON object)`);
    }
    requests++;
  });
  if (requests === 0) add(0, "error", "empty_file", "the file holds no request");
  return {
    issues,
    errorCount,
    warningCount,
    truncated: errorCount + warningCount > issues.length,
    stats: {
      lines: lines.length,
      samples: requests,
      bytes: new TextEncoder().encode(text).length,
      sampleType: null,
      messagesPerSample: null,
      roles: {},
      estimatedTokens: 0,
    },
    preview: [],
    previewLines: [],
  };
}
