import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { archivedJobPath, jobArchivePath } from "@/lib/console/job-archive";
import type { DetailedJobOut, JobOut } from "@/lib/mistral/types";
import { consoleFetch } from "../client";

/** A job from the console's archive: as the API last showed it, and when (ms since the epoch). */
export type ArchivedJob = DetailedJobOut & { archived_at: number };
/** A job of the archive's list (no checkpoints or events). */
export type ArchivedJobSummary = JobOut & { archived_at: number };
export interface JobArchivePage {
  object: "list";
  total: number;
  data: ArchivedJobSummary[];
}

/** A page of the archive: `page` (0 first) of `page_size` jobs. */
export interface JobArchivePageQuery {
  page: number;
  page_size: number;
}

export const jobArchiveKeys = {
  all: ["job-archive"] as const,
  list: (query: JobArchivePageQuery) => ["job-archive", "list", query] as const,
  detail: (id: string) => ["job-archive", "detail", id] as const,
};

/** One archived job with its checkpoints and events; a 404 ApiError if the console never saw it. */
export const fetchArchivedJob = (id: string, signal?: AbortSignal) =>
  consoleFetch<ArchivedJob>(archivedJobPath(id), { signal });

/** A page of the console's archive of jobs, newest first (GET /api/console/job-archive). */
export function useJobArchive(query: JobArchivePageQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: jobArchiveKeys.list(query),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) =>
      consoleFetch<JobArchivePage>(
        `${jobArchivePath}?page=${query.page}&page_size=${query.page_size}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** One archived job (GET /api/console/job-archive/<id>). */
export function useArchivedJob(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: jobArchiveKeys.detail(id),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) => fetchArchivedJob(id, signal),
  });
}
