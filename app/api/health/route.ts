// Readiness for load balancers and tests: up or not for anyone; the backend in use and, for the
// sandbox, its live counters for signed-in users only.
import { anonymousHealth, healthDetailAllowed, healthReport } from "@/lib/server/health";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  const [{ status, body }, detail] = await Promise.all([
    healthReport(),
    healthDetailAllowed(request),
  ]);
  return Response.json(detail ? body : anonymousHealth(body), {
    status,
    headers: { "cache-control": "no-store" },
  });
}
