"use client";

import { useMemo, useState } from "react";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import { metricPoints } from "@/lib/fine-tuning/metrics";
import type { DetailedJobOut } from "@/lib/mistral/types";
import { ChartControls, MetricsChart, type Series } from "./metrics-chart";

// Distinct theme colours; beyond them the lines repeat with dashes.
const COLORS = [
  "var(--accent)",
  "var(--info)",
  "var(--success)",
  "var(--warning)",
  "var(--danger)",
  "var(--muted)",
];

/** Train (and validation) loss of several jobs overlaid, each labelled by suffix or id. */
export default function CompareCharts({ jobs }: { jobs: DetailedJobOut[] }) {
  const [smoothing, setSmoothing] = useState(0.6);
  const [logScale, setLogScale] = useState(false);
  const { train, valid } = useMemo(() => {
    const train: Series[] = [];
    const valid: Series[] = [];
    jobs.forEach((job, i) => {
      const pts = metricPoints(job.checkpoints);
      const color = COLORS[i % COLORS.length];
      const dashed = i >= COLORS.length;
      const label = jobDisplayName(job);
      train.push({
        key: `t${i}`,
        label,
        color,
        dashed,
        points: pts.map((p) => ({ step: p.step, value: p.train_loss })),
      });
      if (pts.some((p) => p.valid_loss != null)) {
        valid.push({
          key: `v${i}`,
          label,
          color,
          dashed,
          points: pts.map((p) => ({ step: p.step, value: p.valid_loss })),
        });
      }
    });
    return { train, valid };
  }, [jobs]);
  return (
    <div className="flex flex-col gap-3">
      <ChartControls
        smoothing={smoothing}
        onSmoothing={setSmoothing}
        logScale={logScale}
        onLogScale={setLogScale}
      />
      <MetricsChart
        title="Train loss"
        series={train}
        smoothing={smoothing}
        logScale={logScale}
        height={320}
      />
      {valid.length > 0 && (
        <MetricsChart
          title="Validation loss"
          series={valid}
          smoothing={smoothing}
          logScale={logScale}
          height={320}
        />
      )}
    </div>
  );
}
