import { epochsWarning } from "@/lib/fine-tuning/epochs";

/** A warning, not an error: the job can still be created. */
export function EpochsWarning({ epochs }: { epochs: number | null | undefined }) {
  const text = epochsWarning(epochs);
  if (!text) return null;
  return (
    <div
      role="note"
      aria-label="Too many epochs"
      className="rounded-lg border border-warning/40 bg-warning-soft px-4 py-3 text-sm"
    >
      <p className="font-medium text-warning">Far more epochs than advised</p>
      <p className="mt-1">{text}</p>
    </div>
  );
}
