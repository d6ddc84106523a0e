import { describe, expect, it } from "vitest";
import { inlineValidator, loadSpec, schemaValidator } from "./spec";

describe("spec validators", () => {
  it("accepts a valid chat request and names the bad field of an invalid one", () => {
    const v = schemaValidator("ChatCompletionRequest");
    expect(v({ model: "m", messages: [{ role: "user", content: "hi" }] })).toBe(true);
    expect(v({ model: "m", messages: [], temperature: 9 })).toBe(false);
    expect(v.errors?.some((e) => e.instancePath === "/temperature")).toBe(true);
  });
  it("validates schemas that used a discriminator", () => {
    const v = schemaValidator("JobIn");
    expect(
      v({
        model: "open-mistral-7b",
        hyperparameters: { training_steps: 10 },
        integrations: [{ type: "wandb", project: "p", api_key: "x".repeat(40) }],
      }),
    ).toBe(true);
  });
  it("compiles inline schemas that refer to components", () => {
    type Op = {
      responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }>;
    };
    const spec = loadSpec() as { paths: Record<string, Record<string, Op>> };
    const schema =
      spec.paths["/v1/fine_tuning/jobs"].post.responses["200"].content["application/json"].schema;
    expect(inlineValidator(schema)({ nope: 1 })).toBe(false);
  });
});
