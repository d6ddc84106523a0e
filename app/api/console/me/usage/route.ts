import { meUsageQuery } from "@/lib/console/me-usage";
import { consoleRoute } from "@/lib/server/auth/route";
import { myUsage } from "@/lib/server/me-usage";

export const dynamic = "force-dynamic";

/** What the caller has used and what is left (a session, or a console token: its budget too). */
export const GET = consoleRoute({
  permission: "usage.read_own",
  query: meUsageQuery,
  handler: ({ ctx, principal, query }) => myUsage(ctx, principal, query.days),
});
