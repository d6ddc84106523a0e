import { cn } from "@/lib/ui/cn";

/**
 * A determinate bar (role=progressbar) of `value` out of `max`. With `max` null the total is
 * unknown: the bar stays empty and only `valueText` tells how far it got. Any text shown beside
 * the bar is the caller's.
 */
export function Progress({
  label,
  value,
  max = 100,
  valueText,
  size = "md",
  className,
}: {
  /** The accessible name ("Upload progress"). */
  label: string;
  value: number;
  max?: number | null;
  /** What a screen reader says instead of the bare number ("120 / 400 steps"). */
  valueText?: string;
  size?: "sm" | "md" | "lg";
  className?: string;
}) {
  const known = max != null && max > 0;
  const clamped = known ? Math.max(0, Math.min(max, value)) : value;
  const percent = known ? (clamped / max) * 100 : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? clamped : undefined}
      aria-valuetext={valueText}
      className={cn(
        "relative w-full overflow-hidden rounded-full bg-surface-2",
        { sm: "h-1.5", md: "h-2", lg: "h-2.5" }[size],
        className,
      )}
    >
      <div
        className="absolute inset-y-0 left-0 rounded-full bg-accent transition-[width] duration-500"
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
