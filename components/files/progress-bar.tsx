/** A determinate bar with its percentage for screen readers; the text beside it is the caller's. */
export function ProgressBar({
  label,
  fraction,
  tone = "accent",
}: {
  label: string;
  fraction: number;
  tone?: "accent" | "muted";
}) {
  const percent = Math.max(0, Math.min(100, Math.floor(fraction * 100)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="relative h-2 w-full overflow-hidden rounded-full bg-surface-2"
    >
      <div
        className={`absolute inset-y-0 left-0 rounded-full ${tone === "accent" ? "bg-accent" : "bg-muted"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
