import { Progress } from "@/components/ui/progress";
import { formatNumber } from "@/lib/format";
import type { Progress as StepProgress } from "@/lib/fine-tuning/progress";

/** A job's training steps done of total as a bar, with the count (or, compact, the percentage). */
export function JobProgress({
  progress,
  label,
  compact = false,
}: {
  progress: StepProgress;
  label: string;
  compact?: boolean;
}) {
  const { done, total, fraction } = progress;
  const text =
    total != null
      ? `${formatNumber(done)} / ${formatNumber(total)} steps`
      : `${formatNumber(done)} steps`;
  return (
    <div className={`flex items-center gap-2 ${compact ? "min-w-32" : "w-full"}`}>
      <Progress
        label={label}
        value={done}
        max={total}
        valueText={text}
        size={compact ? "sm" : "lg"}
        className="flex-1"
      />
      <span className="text-xs whitespace-nowrap text-muted tabular-nums">
        {compact && fraction != null ? `${Math.round(fraction * 100)}%` : text}
      </span>
    </div>
  );
}
