import { formatBytes, formatNumber } from "@/lib/format";
import type { LintStats as Stats } from "@/lib/jsonl";

const ROLE_ORDER = ["system", "user", "assistant", "tool"];

export function LintStats({ stats }: { stats: Stats }) {
  const mps = stats.messagesPerSample;
  const roles = Object.entries(stats.roles).sort(
    ([a], [b]) =>
      (ROLE_ORDER.indexOf(a) + 1 || 99) - (ROLE_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const rows: [string, React.ReactNode][] = [
    ["Lines", formatNumber(stats.lines)],
    ["Samples", formatNumber(stats.samples)],
    ["Sample type", stats.sampleType ?? "—"],
    [
      "Messages per sample",
      mps
        ? mps.min === mps.max
          ? formatNumber(mps.min)
          : `${formatNumber(mps.min)}–${formatNumber(mps.max)} (mean ${formatNumber(mps.mean, 1)})`
        : "—",
    ],
    [
      "Roles",
      roles.length ? roles.map(([role, n]) => `${role} ${formatNumber(n)}`).join(", ") : "—",
    ],
    ["Estimated tokens", formatNumber(stats.estimatedTokens)],
    ["Size", formatBytes(stats.bytes)],
  ];
  return (
    <dl
      aria-label="Statistics"
      className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]"
    >
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
