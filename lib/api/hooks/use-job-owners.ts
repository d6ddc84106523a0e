import { useQuery } from "@tanstack/react-query";
import { jobOwnersPath, type JobOwners } from "@/lib/console/job-owners";
import { consoleFetch } from "../client";

export type { JobOwner, JobOwners } from "@/lib/console/job-owners";

export const jobOwnerKeys = {
  all: ["job-owners"] as const,
  ids: (ids: readonly string[]) => ["job-owners", ids] as const,
};

/**
 * The owners of these jobs (GET /api/console/job-owners). An owner never changes once a job
 * exists, so a set of ids is fetched once; a new job on the page makes a new set.
 */
export function useJobOwners(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: jobOwnerKeys.ids(sorted),
    enabled: sorted.length > 0,
    queryFn: async ({ signal }) => {
      const query = encodeURIComponent(sorted.join(","));
      const out = await consoleFetch<{ owners?: JobOwners }>(`${jobOwnersPath}?ids=${query}`, {
        signal,
      });
      return out.owners ?? {};
    },
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
