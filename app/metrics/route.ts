// Prometheus metrics (lib/server/metrics.ts) for a scraper holding METRICS_TOKEN; 404 without it.
import { getConfig } from "@/lib/server/config";
import { metricsResponse } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = (request: Request) => metricsResponse(request, getConfig().metricsToken);
