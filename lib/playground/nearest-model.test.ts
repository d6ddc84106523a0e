import { describe, expect, it } from "vitest";
import { modelFamily, nearestModel } from "./nearest-model";

const models = [
  { id: "open-mistral-7b", aliases: ["mistral-tiny", "mistral-tiny-2312"] },
  { id: "mistral-small-latest", aliases: ["mistral-small-2402"] },
  { id: "mistral-large-2407", aliases: [] },
  { id: "mistral-large-latest", aliases: [] },
  { id: "codestral-2405", aliases: [] },
];

describe("the model offered instead of one that is gone", () => {
  it("is the model that lists the name as an alias", () => {
    expect(nearestModel("mistral-tiny", models)?.id).toBe("open-mistral-7b");
  });

  it("is the same family's -latest alias, else its newest version", () => {
    expect(nearestModel("mistral-large-2402", models)?.id).toBe("mistral-large-latest");
    expect(nearestModel("codestral-2501", models)?.id).toBe("codestral-2405");
    expect(nearestModel("mistral-small-2409", models)?.id).toBe("mistral-small-latest");
  });

  it("is a deleted fine-tuned model's base model", () => {
    expect(nearestModel("ft:open-mistral-7b:abc123:my-suffix:def456", models)?.id).toBe(
      "open-mistral-7b",
    );
  });

  it("is the first available model when nothing is related, and none when none is", () => {
    expect(nearestModel("pixtral-12b-2409", models)?.id).toBe("open-mistral-7b");
    expect(nearestModel("anything", [])).toBeNull();
  });

  it("families drop dates and versions", () => {
    expect(modelFamily("mistral-large-2407")).toBe("mistral-large");
    expect(modelFamily("mistral-small-latest")).toBe("mistral-small");
    expect(modelFamily("magistral-medium-25.06")).toBe("magistral-medium");
  });
});
