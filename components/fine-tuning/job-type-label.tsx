import { Dash } from "@/components/ui/cells";
import { JOB_TYPES } from "@/lib/fine-tuning/form";
import { humanize } from "@/lib/mistral/capabilities";

/** A job's type as pages show it; a job from before types existed has none. */
export function JobTypeLabel({ type }: { type?: string | null }) {
  if (!type) return <Dash />;
  return <>{JOB_TYPES.find((t) => t.id === type)?.label ?? humanize(type)}</>;
}
