import type { JobStatus } from "./types";

/** The fine-tuning job statuses after which a job never changes again. */
export const FINISHED_JOB_STATUSES = [
  "SUCCESS",
  "FAILED",
  "FAILED_VALIDATION",
  "CANCELLED",
] as const satisfies readonly JobStatus[];

export type FinishedJobStatus = (typeof FINISHED_JOB_STATUSES)[number];

/** Whether a job in `status` is done for good (an unknown status, which the API may add, is not). */
export function isFinished(status: string): status is FinishedJobStatus {
  return (FINISHED_JOB_STATUSES as readonly string[]).includes(status);
}
