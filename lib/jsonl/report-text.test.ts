import { describe, expect, it } from "vitest";
import { lintText, reportToText } from "./index";

describe("reportToText", () => {
  it("lists the verdict, statistics and every kept issue with its line", () => {
    const text = [
      JSON.stringify({
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello" },
        ],
      }),
      "",
      "{bad",
    ].join("\n");
    const out = reportToText(lintText(text), "train.jsonl");
    expect(out).toContain("Training-data check: train.jsonl");
    expect(out).toContain("Result: 1 error, 1 warning: fix the errors before uploading");
    expect(out).toContain("Lines: 3");
    expect(out).toContain("Sample type: instruct");
    expect(out).toContain("Roles: user 1, assistant 1");
    expect(out).toMatch(/^warning blank_line +line 2 is blank; remove it$/m);
    expect(out).toMatch(/^error +invalid_json +line 3 is not valid JSON/m);
  });

  it("says when the list is cut short and gives the true total", () => {
    const out = reportToText(
      lintText(Array(30).fill("{bad").join("\n"), { maxIssues: 10 }),
      "bad.jsonl",
    );
    expect(out).toContain("Result: 30 errors, 0 warnings");
    expect(out).toContain("Issues (the first 10 of 30):");
    expect(out.match(/invalid_json/g)).toHaveLength(10);
  });

  it("says a clean file has no problems", () => {
    const out = reportToText(lintText('{"text": "a"}\n'), "pre.jsonl");
    expect(out).toContain("Result: 0 errors, 0 warnings: no problems found");
    expect(out).not.toContain("Issues");
  });
});
