"use client";

import { useCallback } from "react";
import { useCan } from "@/components/auth/session";
import { useModelsFor } from "@/lib/api/hooks/use-models-for";
import { fileActions } from "@/lib/files/purposes";

/**
 * What a file can be used for here: fine-tuning data only while a served model can be fine-tuned
 * and the user may start a job; batch, OCR and audio files link to their pages.
 */
export function useFileActions() {
  const canCreateJob = useCan("jobs.create");
  const { models } = useModelsFor("fine_tuning");
  const fineTuning = canCreateJob && models.length > 0;
  return useCallback(
    (file: { id: string; purpose?: string | null }) => fileActions(file, { fineTuning }),
    [fineTuning],
  );
}
