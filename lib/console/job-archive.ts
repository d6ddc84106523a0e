// /api/console/job-archive: the console's own copy of every fine-tuning job it has passed on
// (jobs.read), readable after the API stopped serving them. A job is as the API last showed it,
// with `archived_at` (milliseconds since the epoch) added.
import { z } from "zod";
import { queryInt } from "./fields";

export const jobArchivePath = "/api/console/job-archive";
export const archivedJobPath = (id: string) => `${jobArchivePath}/${encodeURIComponent(id)}`;

export const JOB_ARCHIVE_PAGE_MAX = 1000;

/** GET /api/console/job-archive: newest first, `page_size` jobs from page `page` (0 first). */
export const jobArchiveQuery = z.object({
  page: queryInt(0).default(0),
  page_size: queryInt(1, JOB_ARCHIVE_PAGE_MAX).default(100),
});
export type JobArchiveQuery = z.input<typeof jobArchiveQuery>;

/**
 * A job as the API last showed it (the API's own job shape, kept whole: only the id is relied on
 * here), with `archived_at`, when the console last saw it (ms since the epoch). A job from the list
 * has no checkpoints or events; one from GET /api/console/job-archive/<id> has both (empty when no
 * job page was opened while the API served it).
 */
export const archivedJob = z.looseObject({ id: z.string(), archived_at: z.number() });

/** GET /api/console/job-archive. */
export const jobArchiveResponse = z.object({
  object: z.literal("list"),
  total: z.number().int().nonnegative(),
  data: z.array(archivedJob),
});
