import { formatNumber } from "@/lib/format";
import type { Progress } from "@/lib/fine-tuning/progress";

/** Steps done of total as a bar (or just the count when the total is unknown). */
export function ProgressBar({
  progress,
  label,
  compact = false,
}: {
  progress: Progress;
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
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total != null ? done : undefined}
        aria-valuetext={text}
        className={`relative flex-1 overflow-hidden rounded-full bg-surface-2 ${compact ? "h-1.5" : "h-2.5"}`}
      >
        <div
          className="absolute inset-y-0 left-0 rounded-full bg-accent transition-[width] duration-500"
          style={{ width: `${Math.round((fraction ?? 0) * 100)}%` }}
        />
      </div>
      <span className="text-xs whitespace-nowrap text-muted tabular-nums">
        {compact && fraction != null ? `${Math.round(fraction * 100)}%` : text}
      </span>
    </div>
  );
}
