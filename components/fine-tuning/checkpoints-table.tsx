import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { CheckpointOut } from "@/lib/mistral/types";

const metric = (
  key: keyof NonNullable<CheckpointOut["metrics"]>,
  header: string,
): ColumnDef<CheckpointOut> => ({
  id: key,
  header,
  accessorFn: (c) => c.metrics?.[key] ?? null,
  sortUndefined: "last",
  cell: ({ row }) => formatNumber(row.original.metrics?.[key], 6),
});

const COLUMNS: ColumnDef<CheckpointOut>[] = [
  {
    id: "step",
    header: "Step",
    accessorKey: "step_number",
    cell: ({ row }) => formatNumber(row.original.step_number),
  },
  metric("train_loss", "Train loss"),
  metric("valid_loss", "Validation loss"),
  metric("valid_mean_token_accuracy", "Mean token accuracy"),
  {
    id: "saved",
    header: "Saved",
    accessorKey: "created_at",
    meta: { cellClassName: "text-muted" },
    cell: ({ row }) => formatDateTime(row.original.created_at),
  },
];

/** A job's checkpoints, first step first; any column sorts with a click on its header. */
export function CheckpointsTable({ checkpoints }: { checkpoints: CheckpointOut[] }) {
  return (
    <DataTable<CheckpointOut>
      label="Checkpoints"
      data={checkpoints}
      columns={COLUMNS}
      getRowId={(c) => String(c.step_number)}
      defaultSorting={[{ id: "step", desc: false }]}
      density="compact"
      className="tabular-nums"
      empty={
        <p className="text-sm text-muted">
          No checkpoint yet: one is saved every tenth of training.
        </p>
      }
    />
  );
}
