import { consoleRoute, json } from "@/lib/server/auth/route";
import { UserError } from "@/lib/server/auth/users";
import { archivedJobs } from "@/lib/server/job-archive";

export const dynamic = "force-dynamic";

/** The fine-tuning jobs the console has seen, newest first (lib/server/job-archive.ts). */
export const GET = consoleRoute("jobs.read", async ({ ctx, request }) => {
  const params = new URL(request.url).searchParams;
  const page = Number(params.get("page") ?? 0);
  const pageSize = Number(params.get("page_size") ?? 100);
  if (!Number.isInteger(page) || page < 0) {
    throw new UserError(422, "invalid_field", "page must be a whole number from 0.", "page");
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new UserError(
      422,
      "invalid_field",
      "page_size must be a whole number from 1 to 1000.",
      "page_size",
    );
  }
  const { jobs, total } = await archivedJobs(ctx, { limit: pageSize, offset: page * pageSize });
  return json({
    object: "list",
    total,
    data: jobs.map(({ job, seenAt }) => ({ ...job, archived_at: seenAt })),
  });
});
