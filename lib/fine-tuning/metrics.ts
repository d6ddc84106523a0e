import type { CheckpointOut } from "@/lib/mistral/types";

export type MetricKey = "train_loss" | "valid_loss" | "valid_mean_token_accuracy";

export const METRIC_LABELS: Record<MetricKey, string> = {
  train_loss: "Train loss",
  valid_loss: "Validation loss",
  valid_mean_token_accuracy: "Mean token accuracy",
};

export interface MetricPoint {
  step: number;
  train_loss: number | null;
  valid_loss: number | null;
  valid_mean_token_accuracy: number | null;
}

const finite = (v: number | null | undefined) => (v != null && Number.isFinite(v) ? v : null);

/** One point per checkpoint, in step order (the API does not promise an order). */
export function metricPoints(checkpoints: readonly CheckpointOut[] | undefined): MetricPoint[] {
  return [...(checkpoints ?? [])]
    .sort((a, b) => a.step_number - b.step_number)
    .map((c) => ({
      step: c.step_number,
      train_loss: finite(c.metrics?.train_loss),
      valid_loss: finite(c.metrics?.valid_loss),
      valid_mean_token_accuracy: finite(c.metrics?.valid_mean_token_accuracy),
    }));
}

/** Whether any checkpoint carries this metric (validation metrics need validation files). */
export const hasMetric = (points: readonly MetricPoint[], key: MetricKey) =>
  points.some((p) => p[key] != null);
