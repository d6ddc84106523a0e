// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { lintText } from "@/lib/jsonl/linter";
import { SamplePreview } from "./sample-preview";

afterEach(cleanup);

const sample = (q: string) =>
  JSON.stringify({
    messages: [
      { role: "user", content: q },
      { role: "assistant", content: "ok" },
    ],
  });

describe("the preview of a file with invalid lines", () => {
  it("labels each sample by its line in the file, the number the issues use", () => {
    // Lines 1 and 3 are invalid: the previewed samples are lines 2, 4 and 5.
    const text = ["{oops", sample("two"), "[]", sample("four"), sample("five")].join("\n");
    const report = lintText(text);
    render(<SamplePreview samples={report.preview} lines={report.previewLines} />);
    const items = within(screen.getByRole("list", { name: "Sample preview" }))
      .getAllByRole("listitem")
      .filter((li) => li.parentElement?.getAttribute("aria-label") === "Sample preview");
    expect(items.map((li) => li.querySelector("p")?.textContent)).toEqual([
      "Line 2",
      "Line 4",
      "Line 5",
    ]);
    expect(items[1].textContent).toContain("four");
  });
});
