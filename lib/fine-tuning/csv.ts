import type { CheckpointOut } from "@/lib/mistral/types";

const COLUMNS = ["step", "created_at", "train_loss", "valid_loss", "valid_mean_token_accuracy"];

const cell = (v: string | number | null | undefined) => {
  if (v == null) return "";
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The checkpoints' metrics as CSV (RFC 4180), one row per checkpoint in step order. */
export function metricsCsv(checkpoints: readonly CheckpointOut[]): string {
  const rows = [...checkpoints]
    .sort((a, b) => a.step_number - b.step_number)
    .map((c) =>
      [
        c.step_number,
        new Date(c.created_at * 1000).toISOString(),
        c.metrics?.train_loss,
        c.metrics?.valid_loss,
        c.metrics?.valid_mean_token_accuracy,
      ]
        .map(cell)
        .join(","),
    );
  return [COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
