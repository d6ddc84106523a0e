"use client";

import { useFineTuningRetired } from "@/lib/api/hooks/use-jobs";

/**
 * The jobs page's header line. Once training is retired the list is the console's archive, which
 * has no filters: the line then only says what happened.
 */
export function JobsPageDescription() {
  const retired = useFineTuningRetired();
  if (retired) {
    return "Fine-tuning training has been retired: the jobs listed are the console's archive.";
  }
  // Until the answer is known, nothing that might not hold.
  return retired === false
    ? "Jobs and their progress. Filters are kept in the address, so a view can be shared."
    : "Jobs and their progress.";
}
