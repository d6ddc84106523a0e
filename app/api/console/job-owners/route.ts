import { consoleRoute, json } from "@/lib/server/auth/route";
import { jobOwners } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

const MAX_IDS = 200;

export const GET = consoleRoute("jobs.read", async ({ ctx, request }) => {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, MAX_IDS);
  return json({ owners: await jobOwners(ctx, ids) });
});
