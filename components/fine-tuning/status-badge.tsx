import { Badge } from "@/components/ui/badge";

type Tone = React.ComponentProps<typeof Badge>["tone"];

const TONES: Record<string, Tone> = {
  QUEUED: "neutral",
  STARTED: "info",
  VALIDATING: "info",
  VALIDATED: "accent",
  RUNNING: "info",
  SUCCESS: "success",
  FAILED: "danger",
  FAILED_VALIDATION: "danger",
  CANCELLATION_REQUESTED: "warning",
  CANCELLED: "neutral",
};

const LABELS: Record<string, string> = {
  FAILED_VALIDATION: "FAILED VALIDATION",
  CANCELLATION_REQUESTED: "CANCELLING",
};

/** A job's status as a badge; an unknown status (the live API adds some) is shown as it came. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? "neutral"} title={status}>
      {LABELS[status] ?? status}
    </Badge>
  );
}
