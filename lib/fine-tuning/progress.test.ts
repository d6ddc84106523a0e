import { describe, expect, it } from "vitest";
import type { DetailedJobOut } from "@/lib/mistral/types";
import { jobProgress, totalSteps } from "./progress";

const checkpoint = (step: number) => ({ step_number: step, created_at: 0, metrics: {} });
const job = (over: Partial<DetailedJobOut>) =>
  ({
    status: "RUNNING",
    hyperparameters: { training_steps: 100, learning_rate: 0.0001 },
    metadata: null,
    checkpoints: [],
    ...over,
  }) as DetailedJobOut;

describe("jobProgress", () => {
  it("counts steps done from the last checkpoint, whatever their order", () => {
    const p = jobProgress(job({ checkpoints: [checkpoint(30), checkpoint(10), checkpoint(20)] }));
    expect(p).toEqual({ done: 30, total: 100, fraction: 0.3 });
  });

  it("is zero before the first checkpoint and complete on success", () => {
    expect(jobProgress(job({ status: "QUEUED" }))).toEqual({ done: 0, total: 100, fraction: 0 });
    expect(jobProgress(job({ status: "SUCCESS", checkpoints: [checkpoint(90)] })).fraction).toBe(1);
  });

  it("takes the total from the metadata when the steps are not set", () => {
    const j = job({
      hyperparameters: { training_steps: null, epochs: 2, learning_rate: 0.0001 },
      metadata: { train_tokens: 1310720, train_tokens_per_step: 131072 },
      checkpoints: [checkpoint(5)],
    });
    expect(totalSteps(j)).toBe(10);
    expect(jobProgress(j).fraction).toBe(0.5);
  });

  it("knows the steps done but no fraction when the total is unknown", () => {
    const j = job({ hyperparameters: { learning_rate: 0.0001 }, checkpoints: [checkpoint(7)] });
    expect(jobProgress(j)).toEqual({ done: 7, total: null, fraction: null });
  });

  it("never reports more than the total", () => {
    expect(jobProgress(job({ checkpoints: [checkpoint(130)] })).done).toBe(100);
  });
});
