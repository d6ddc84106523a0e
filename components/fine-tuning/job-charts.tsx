"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { metricsCsv } from "@/lib/fine-tuning/csv";
import { hasMetric, METRIC_LABELS, metricPoints } from "@/lib/fine-tuning/metrics";
import type { CheckpointOut } from "@/lib/mistral/types";
import { inputClassFor } from "@/components/ui/field";
import { parseNumber } from "@/lib/fine-tuning/form";
import { download } from "@/lib/ui/download";
import { ChartControls, MetricsChart, type Series, type StepRange } from "./metrics-chart";

/**
 * The job's loss and accuracy curves. Smoothing and scale are this component's state, so they
 * stay as they are while polling adds checkpoints.
 */
export default function JobCharts({
  checkpoints,
  fileStem,
}: {
  checkpoints: CheckpointOut[];
  fileStem: string;
}) {
  const [smoothing, setSmoothing] = useState(0.6);
  const [logScale, setLogScale] = useState(false);
  // Zoom as typed step bounds: new checkpoints beyond "to" stay out of view, an empty "to"
  // follows the run as it grows.
  const [zoom, setZoom] = useState({ from: "", to: "" });
  const range = useMemo<StepRange>(
    () => ({ from: parseNumber(zoom.from) ?? null, to: parseNumber(zoom.to) ?? null }),
    [zoom],
  );
  const points = useMemo(() => metricPoints(checkpoints), [checkpoints]);
  const loss = useMemo<Series[]>(() => {
    const s: Series[] = [
      {
        key: "train_loss",
        label: METRIC_LABELS.train_loss,
        color: "var(--accent)",
        points: points.map((p) => ({ step: p.step, value: p.train_loss })),
      },
    ];
    if (hasMetric(points, "valid_loss")) {
      s.push({
        key: "valid_loss",
        label: METRIC_LABELS.valid_loss,
        color: "var(--info)",
        dashed: true,
        points: points.map((p) => ({ step: p.step, value: p.valid_loss })),
      });
    }
    return s;
  }, [points]);
  const accuracy = useMemo<Series[]>(
    () => [
      {
        key: "valid_mean_token_accuracy",
        label: METRIC_LABELS.valid_mean_token_accuracy,
        color: "var(--success)",
        points: points.map((p) => ({ step: p.step, value: p.valid_mean_token_accuracy })),
      },
    ],
    [points],
  );
  return (
    <div className="flex flex-col gap-3">
      <ChartControls
        smoothing={smoothing}
        onSmoothing={setSmoothing}
        logScale={logScale}
        onLogScale={setLogScale}
      >
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Zoom to steps</legend>
          <span className="font-medium">Steps</span>
          <input
            aria-label="Zoom from step"
            inputMode="numeric"
            placeholder="first"
            className={inputClassFor({ width: "w-20", height: "h-8" })}
            value={zoom.from}
            onChange={(e) => setZoom((z) => ({ ...z, from: e.target.value }))}
          />
          <span aria-hidden>–</span>
          <input
            aria-label="Zoom to step"
            inputMode="numeric"
            placeholder="last"
            className={inputClassFor({ width: "w-20", height: "h-8" })}
            value={zoom.to}
            onChange={(e) => setZoom((z) => ({ ...z, to: e.target.value }))}
          />
          {(zoom.from || zoom.to) && (
            <Button size="sm" variant="ghost" onClick={() => setZoom({ from: "", to: "" })}>
              Reset zoom
            </Button>
          )}
        </fieldset>
        <Button
          size="sm"
          disabled={points.length === 0}
          onClick={() =>
            download({
              fileName: `${fileStem}-metrics.csv`,
              text: metricsCsv(checkpoints),
              type: "text/csv",
            })
          }
        >
          Download CSV
        </Button>
      </ChartControls>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <MetricsChart
          title="Loss"
          series={loss}
          smoothing={smoothing}
          logScale={logScale}
          range={range}
        />
        <MetricsChart
          title="Mean token accuracy"
          series={accuracy}
          smoothing={smoothing}
          logScale={logScale}
          range={range}
        />
      </div>
    </div>
  );
}
