"use client";

// Recharts is heavy: this module is only loaded (next/dynamic) by the pages that draw charts.
import { useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { valueDomain } from "@/lib/fine-tuning/chart-domain";
import { smooth } from "@/lib/fine-tuning/smoothing";

export interface Series {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  points: { step: number; value: number | null }[];
}

type Row = { step: number } & Record<string, number | null>;

const RAW = "__raw";

export interface StepRange {
  from: number | null;
  to: number | null;
}

/**
 * Rows by step, each series smoothed on its own points (over the whole run, so zooming does not
 * change the curve), with the raw value kept beside it; then cut to the zoomed steps.
 */
function buildRows(series: Series[], weight: number, log: boolean, range: StepRange): Row[] {
  const rows = new Map<number, Row>();
  for (const s of series) {
    const pts = [...s.points].sort((a, b) => a.step - b.step);
    const raw = pts.map((p) => (log && p.value != null && p.value <= 0 ? null : p.value));
    const smoothed = smooth(raw, weight);
    pts.forEach((p, i) => {
      const row = rows.get(p.step) ?? ({ step: p.step } as Row);
      row[s.key] = smoothed[i];
      row[s.key + RAW] = raw[i];
      rows.set(p.step, row);
    });
  }
  return [...rows.values()]
    .filter(
      (r) =>
        (range.from == null || r.step >= range.from) && (range.to == null || r.step <= range.to),
    )
    .sort((a, b) => a.step - b.step);
}

const NO_RANGE: StepRange = { from: null, to: null };

const fmt = (v: number | null | undefined) =>
  v == null ? "—" : Math.abs(v) >= 0.001 || v === 0 ? v.toFixed(4) : v.toExponential(3);

export function MetricsChart({
  title,
  series,
  smoothing,
  logScale,
  range = NO_RANGE,
  height = 260,
}: {
  title: string;
  series: Series[];
  smoothing: number;
  logScale: boolean;
  range?: StepRange;
  height?: number;
}) {
  const rows = useMemo(
    () => buildRows(series, smoothing, logScale, range),
    [series, smoothing, logScale, range],
  );
  const showRaw = smoothing > 0;
  const count = rows.length;
  // Over every line drawn (smoothed and raw), never below 0: these metrics cannot be negative.
  const domain = useMemo(
    () =>
      valueDomain(
        rows.flatMap((r) => series.flatMap((s) => [r[s.key], showRaw ? r[s.key + RAW] : null])),
      ),
    [rows, series, showRaw],
  );

  const tooltip = ({ active, label }: { active?: boolean; label?: unknown }) => {
    if (!active) return null;
    const row = rows.find((r) => r.step === label);
    if (!row) return null;
    return (
      <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg">
        <p className="mb-1 font-medium">Step {String(label)}</p>
        {series.map((s) =>
          row[s.key + RAW] == null ? null : (
            <p key={s.key} className="flex items-center gap-2 tabular-nums">
              <span
                aria-hidden
                className="inline-block h-2 w-2 rounded-full"
                style={{ background: s.color }}
              />
              <span>{s.label}:</span>
              <span className="font-medium">{fmt(row[s.key + RAW])}</span>
              {showRaw && <span className="text-muted">(smoothed {fmt(row[s.key])})</span>}
            </p>
          ),
        )}
      </div>
    );
  };

  return (
    <figure className="rounded-lg border border-border bg-surface p-3">
      <figcaption className="mb-2 flex items-center justify-between text-sm font-medium">
        <span>{title}</span>
        <span className="text-xs font-normal text-muted" data-testid="chart-points">
          {count} {count === 1 ? "point" : "points"}
        </span>
      </figcaption>
      {count === 0 ? (
        <div className="grid place-items-center text-sm text-muted" style={{ height }}>
          {range.from != null || range.to != null
            ? "No checkpoint in the chosen steps."
            : "No checkpoint yet: points appear as training reaches them."}
        </div>
      ) : (
        <div role="img" aria-label={`${title}: ${count} checkpoints`} style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={rows} margin={{ top: 5, right: 16, bottom: 5, left: 0 }}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
              <XAxis
                dataKey="step"
                type="number"
                domain={["dataMin", "dataMax"]}
                allowDecimals={false}
                tick={{ fill: "var(--muted)", fontSize: 12 }}
                stroke="var(--border)"
                label={{
                  value: "step",
                  position: "insideBottomRight",
                  offset: -2,
                  fill: "var(--muted)",
                  fontSize: 11,
                }}
              />
              <YAxis
                scale={logScale ? "log" : "auto"}
                domain={logScale || !domain ? ["auto", "auto"] : domain}
                allowDataOverflow={logScale}
                tick={{ fill: "var(--muted)", fontSize: 12 }}
                stroke="var(--border)"
                tickFormatter={(v: number) =>
                  Math.abs(v) < 0.01 && v !== 0 ? v.toExponential(0) : v.toFixed(2)
                }
                width={48}
              />
              <Tooltip content={tooltip} cursor={{ stroke: "var(--muted)" }} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {showRaw &&
                series.map((s) => (
                  <Line
                    key={s.key + RAW}
                    dataKey={s.key + RAW}
                    stroke={s.color}
                    strokeOpacity={0.25}
                    strokeDasharray={s.dashed ? "4 3" : undefined}
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                    connectNulls
                    legendType="none"
                  />
                ))}
              {series.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dashed ? "4 3" : undefined}
                  dot={count <= 30 ? { r: 2.5 } : false}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

/** The smoothing slider and log-scale toggle shared by a page's charts. */
export function ChartControls({
  smoothing,
  onSmoothing,
  logScale,
  onLogScale,
  children,
}: {
  smoothing: number;
  onSmoothing: (v: number) => void;
  logScale: boolean;
  onLogScale: (v: boolean) => void;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="font-medium">Smoothing</span>
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={smoothing}
          onChange={(e) => onSmoothing(Number(e.target.value))}
          className="w-40 accent-[var(--accent)]"
          aria-valuetext={smoothing.toFixed(2)}
        />
        <output className="w-10 text-muted tabular-nums">{smoothing.toFixed(2)}</output>
      </label>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={logScale}
          onChange={(e) => onLogScale(e.target.checked)}
          className="h-4 w-4 accent-[var(--accent)]"
        />
        Log scale
      </label>
      {children}
    </div>
  );
}
