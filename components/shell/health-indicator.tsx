"use client";

import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { describeError } from "@/lib/api/errors";

/** Whether the upstream answers, checked with GET /v1/models every 30 s. */
export function HealthIndicator() {
  const q = useQuery({
    queryKey: ["health", "models"],
    queryFn: ({ signal }) => unwrap(api.GET("/v1/models", { signal })),
    refetchInterval: 30_000,
    retry: false,
  });
  const state = q.isPending ? "checking" : q.isError ? "down" : "up";
  const label =
    state === "checking"
      ? "Checking…"
      : state === "up"
        ? "Connected"
        : `Unreachable: ${describeError(q.error).title}`;
  const dot =
    state === "up" ? "bg-success" : state === "down" ? "bg-danger" : "bg-muted animate-pulse";
  return (
    <span
      role="status"
      aria-label={`Backend status: ${label}`}
      title={q.isError ? describeError(q.error).hint : undefined}
      className="inline-flex items-center gap-1.5 text-xs text-muted"
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${dot}`} />
      {label}
    </span>
  );
}
