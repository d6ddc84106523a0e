import { batchOwnersQuery } from "@/lib/console/batch-owners";
import { consoleRoute } from "@/lib/server/auth/route";
import { resourceOwners } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "batch.read",
  query: batchOwnersQuery,
  handler: async ({ ctx, query }) => ({
    owners: await resourceOwners(ctx, "batch_job", query.ids),
  }),
});
