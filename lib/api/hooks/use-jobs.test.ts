// fetchJob, which every job page, the comparison and the list's progress read through: once the
// API has retired its jobs routes (410), the console's archived copy stands in for the job.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import { fineTuningRetired } from "@/lib/sandbox";
import { fetchJob } from "./use-jobs";

const JOB_ID = "0f9a3c1e-0000-4000-8000-000000000001";
const live = { id: JOB_ID, status: "RUNNING", checkpoints: [], events: [] };
const archived = { ...live, status: "SUCCESS", archived_at: 1_780_000_000_000 };

/** The typed client's answer, as it arrives from the gateway. */
async function gatewayAnswers(response: Response) {
  const body: unknown = await response.clone().json();
  vi.spyOn(api, "GET").mockResolvedValue(
    (response.ok ? { data: body, response } : { error: body, response }) as never,
  );
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const archive = vi.fn<(url: string) => Response>();

beforeEach(() => {
  archive.mockReset();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => archive(String(input))),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("fetchJob", () => {
  it("returns the API's job while the API serves it, without asking the archive", async () => {
    await gatewayAnswers(json(live));
    expect(await fetchJob(JOB_ID)).toEqual(live);
    expect(archive).not.toHaveBeenCalled();
  });

  it("after the retirement (410), returns the console's archived copy, marked archived", async () => {
    await gatewayAnswers(fineTuningRetired());
    archive.mockReturnValue(json(archived));
    const job = await fetchJob(JOB_ID);
    expect(job).toEqual(archived);
    expect(job.archived_at).toBe(archived.archived_at);
    expect(archive).toHaveBeenCalledWith(`/api/console/job-archive/${JOB_ID}`);
  });

  it("after the retirement, a job the console never saw is the archive's 404", async () => {
    await gatewayAnswers(fineTuningRetired());
    archive.mockReturnValue(json({ code: "not_found", message: "The console has no copy" }, 404));
    const error = await fetchJob(JOB_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it("any other failure of the API is thrown as is: the archive does not hide it", async () => {
    await gatewayAnswers(json({ message: "Job not found" }, 404));
    const error = await fetchJob(JOB_ID).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).message).toBe("Job not found");
    expect(archive).not.toHaveBeenCalled();
  });
});
