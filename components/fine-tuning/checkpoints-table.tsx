import { formatDateTime, formatNumber } from "@/lib/format";
import type { CheckpointOut } from "@/lib/mistral/types";

export function CheckpointsTable({ checkpoints }: { checkpoints: CheckpointOut[] }) {
  if (checkpoints.length === 0) {
    return (
      <p className="text-sm text-muted">No checkpoint yet: one is saved every tenth of training.</p>
    );
  }
  const rows = [...checkpoints].sort((a, b) => a.step_number - b.step_number);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">Checkpoints</caption>
        <thead className="bg-surface-2 text-left text-xs text-muted">
          <tr>
            {["Step", "Train loss", "Validation loss", "Mean token accuracy", "Saved"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((c) => (
            <tr key={c.step_number} className="border-t border-border">
              <td className="px-3 py-1.5">{formatNumber(c.step_number)}</td>
              <td className="px-3 py-1.5">{formatNumber(c.metrics?.train_loss, 6)}</td>
              <td className="px-3 py-1.5">{formatNumber(c.metrics?.valid_loss, 6)}</td>
              <td className="px-3 py-1.5">
                {formatNumber(c.metrics?.valid_mean_token_accuracy, 6)}
              </td>
              <td className="px-3 py-1.5 text-muted">{formatDateTime(c.created_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
