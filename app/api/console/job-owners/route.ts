import { jobOwnersQuery } from "@/lib/console/job-owners";
import { consoleRoute } from "@/lib/server/auth/route";
import { jobOwners } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "jobs.read",
  query: jobOwnersQuery,
  handler: async ({ ctx, query }) => ({ owners: await jobOwners(ctx, query.ids) }),
});
