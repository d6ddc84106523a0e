import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitBlocks } from "./blocks";

describe("splitBlocks", () => {
  it("splits at blank lines but never inside a fenced code block", () => {
    const md =
      "# Title\n\nA paragraph\nover two lines.\n\n```py\ndef f():\n\n    return 1\n```\n\n- a\n- b";
    expect(splitBlocks(md)).toEqual([
      "# Title",
      "A paragraph\nover two lines.",
      "```py\ndef f():\n\n    return 1\n```",
      "- a\n- b",
    ]);
  });

  it("keeps an unclosed fence (still streaming) as one growing block", () => {
    expect(splitBlocks("Intro\n\n```ts\nconst a = 1;\n\nconst b")).toEqual([
      "Intro",
      "```ts\nconst a = 1;\n\nconst b",
    ]);
  });

  it("a block followed by another never changes as more text streams in", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("word ", "\n", "\n\n", "```", "~~~", "x"), { maxLength: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (parts, cut) => {
          const full = parts.join("");
          const prefix = full.slice(0, Math.min(cut * 3, full.length));
          const early = splitBlocks(prefix);
          const late = splitBlocks(full);
          // Every settled block of the prefix (all but its last) is a block of the full text.
          for (let i = 0; i < early.length - 1; i++) expect(late[i]).toBe(early[i]);
        },
      ),
    );
  });
});
