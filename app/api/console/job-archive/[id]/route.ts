import { consoleRoute } from "@/lib/server/auth/route";
import { UserError } from "@/lib/server/auth/users";
import { archivedJob } from "@/lib/server/job-archive";

export const dynamic = "force-dynamic";

/** One fine-tuning job as the console last saw it, with its checkpoints and events. */
export const GET = consoleRoute({
  permission: "jobs.read",
  handler: async ({ ctx, params }) => {
    const found = await archivedJob(ctx, params.id ?? "");
    if (!found) {
      throw new UserError(
        404,
        "not_found",
        "The console has no copy of this job: it never showed it while the API still served it.",
      );
    }
    return { ...found.job, archived_at: found.seenAt };
  },
});
