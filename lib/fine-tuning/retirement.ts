// Mistral retired fine-tuning training in August 2026: every /v1/fine_tuning/jobs* route answers
// 410 Gone (code `fine_tuning_retired`). This is the one place that decides whether an error means
// that, so every page reacts the same way (a notice and the console's archive, never "Error 410").
import { ApiError } from "@/lib/api/errors";

/** When the training API was retired, as pages say it. */
export const FINE_TUNING_RETIRED_ON = "August 2026";

/**
 * Whether `error` is the jobs API's retirement: the API's `fine_tuning_retired` code, or any 410
 * (Gone is final whatever the body says, and callers only ask this of the jobs routes).
 */
export function isFineTuningRetired(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 410 || error.code === "fine_tuning_retired")
  );
}
