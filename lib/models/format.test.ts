import { describe, expect, it } from "vitest";
import { modelLabel } from "./format";

describe("modelLabel: how toasts and titles name a model", () => {
  it("uses the display name a fine-tuned model was given", () => {
    expect(modelLabel({ id: "ft:open-mistral-7b:support:0f9a3c1e", name: "Support bot" })).toBe(
      "Support bot",
    );
  });

  it("falls back to the id when there is no name, a blank one, or one that repeats the id", () => {
    expect(modelLabel({ id: "ft:a:b:c", name: null })).toBe("ft:a:b:c");
    expect(modelLabel({ id: "ft:a:b:c", name: "  " })).toBe("ft:a:b:c");
    expect(modelLabel({ id: "mistral-small-latest", name: "mistral-small-latest" })).toBe(
      "mistral-small-latest",
    );
  });
});
