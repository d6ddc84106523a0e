import { describe, expect, it } from "vitest";
import { checkBatchText } from "./batch-check";

const line = (id: string, body: unknown = { messages: [{ role: "user", content: "hi" }] }) =>
  JSON.stringify({ custom_id: id, body });

describe("checkBatchText", () => {
  it("passes requests that each have a custom_id and a body", () => {
    const report = checkBatchText([line("a"), line("b")].join("\n") + "\n");
    expect(report.errorCount).toBe(0);
    expect(report.warningCount).toBe(0);
    expect(report.stats).toMatchObject({ lines: 2, samples: 2 });
  });

  it("names the lines without a custom_id, without a body, or not JSON", () => {
    const text = [
      line("a"),
      JSON.stringify({ body: {} }),
      JSON.stringify({ custom_id: "c", body: "hi" }),
      "{not json",
      "",
      line("a"),
    ].join("\n");
    const report = checkBatchText(text);
    expect(report.issues.map((i) => [i.line, i.severity, i.code])).toEqual([
      [2, "error", "custom_id"],
      [3, "error", "body"],
      [4, "error", "invalid_json"],
      [5, "warning", "blank_line"],
      [6, "warning", "duplicate_custom_id"],
    ]);
    expect(report.errorCount).toBe(3);
  });

  it("refuses a file without any request", () => {
    expect(checkBatchText("\n").issues.at(-1)).toMatchObject({ code: "empty_file", line: 0 });
  });
});
