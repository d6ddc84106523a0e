import { jobArchiveQuery } from "@/lib/console/job-archive";
import { consoleRoute } from "@/lib/server/auth/route";
import { archivedJobs } from "@/lib/server/job-archive";

export const dynamic = "force-dynamic";

/** The fine-tuning jobs the console has seen, newest first (lib/server/job-archive.ts). */
export const GET = consoleRoute({
  permission: "jobs.read",
  query: jobArchiveQuery,
  handler: async ({ ctx, query: { page, page_size } }) => {
    const { jobs, total } = await archivedJobs(ctx, {
      limit: page_size,
      offset: page * page_size,
    });
    return {
      object: "list",
      total,
      data: jobs.map(({ job, seenAt }) => ({ ...job, archived_at: seenAt })),
    };
  },
});
