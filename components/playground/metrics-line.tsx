import { formatNumber } from "@/lib/format";
import type { AnswerMetrics } from "@/lib/playground/types";

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1">
      <dt className="text-muted">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

/** Time to first token, speed, token counts and why the answer ended. */
export function MetricsLine({ metrics }: { metrics: AnswerMetrics }) {
  const u = metrics.usage;
  return (
    <dl aria-label="Answer metrics" className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
      <Item label="Model" value={metrics.model || "—"} />
      <Item
        label="First token"
        value={metrics.ttftMs == null ? "—" : `${formatNumber(metrics.ttftMs)} ms`}
      />
      {metrics.thinkingMs != null && (
        <Item label="Thinking" value={`${formatNumber(metrics.thinkingMs / 1000, 1)} s`} />
      )}
      <Item
        label="Speed"
        value={
          metrics.tokensPerSecond == null
            ? "—"
            : `${formatNumber(metrics.tokensPerSecond, 1)} tok/s`
        }
      />
      <Item label="Prompt" value={formatNumber(u?.prompt_tokens)} />
      <Item label="Completion" value={formatNumber(u?.completion_tokens)} />
      <Item label="Total" value={formatNumber(u?.total_tokens)} />
      <Item
        label="Finish"
        value={metrics.finishReason ?? (metrics.partial ? "stopped early" : "—")}
      />
    </dl>
  );
}
