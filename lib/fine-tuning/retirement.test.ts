import { describe, expect, it } from "vitest";
import { ApiError, readError } from "@/lib/api/errors";
import { fineTuningRetired } from "@/lib/sandbox";
import { isFineTuningRetired } from "./retirement";

describe("isFineTuningRetired", () => {
  it("recognises the jobs API's 410 as the sandbox (and the live API) sends it", async () => {
    const error = await readError(fineTuningRetired());
    expect(error.status).toBe(410);
    expect(isFineTuningRetired(error)).toBe(true);
  });

  it("takes any 410 on the jobs routes as the retirement, whatever its body", () => {
    expect(isFineTuningRetired(new ApiError("410 Gone", { status: 410 }))).toBe(true);
  });

  it("takes the fine_tuning_retired code as the retirement, whatever the status", () => {
    const error = new ApiError("retired", { status: 400, code: "fine_tuning_retired" });
    expect(isFineTuningRetired(error)).toBe(true);
  });

  it("leaves every other failure to the usual error message", () => {
    for (const error of [
      new ApiError("Job not found", { status: 404 }),
      new ApiError("Server error", { status: 500 }),
      new ApiError("offline", { kind: "network" }),
      new Error("410"),
      null,
    ]) {
      expect(isFineTuningRetired(error)).toBe(false);
    }
  });
});
