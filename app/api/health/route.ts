// Readiness for load balancers and tests: the backend in use and, for the sandbox, its live counters.
import { healthReport } from "@/lib/server/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  const { status, body } = await healthReport();
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
