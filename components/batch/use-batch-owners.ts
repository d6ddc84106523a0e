"use client";

import { useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/api/client";
import { batchOwnersPath, type BatchOwners } from "@/lib/console/batch-owners";

/**
 * Who started these batch jobs (GET /api/console/batch-owners). An owner never changes once a job
 * exists, so a set of ids is fetched once; a new job on the page makes a new set.
 */
export function useBatchOwners(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: ["batch-owners", sorted] as const,
    enabled: sorted.length > 0,
    queryFn: async ({ signal }) => {
      const query = encodeURIComponent(sorted.join(","));
      const out = await consoleFetch<{ owners?: BatchOwners }>(`${batchOwnersPath}?ids=${query}`, {
        signal,
      });
      return out.owners ?? {};
    },
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** "Started by" in words: the owner's email, someone outside the console, or not known yet. */
export function startedBy(owners: ReturnType<typeof useBatchOwners>, id: string): string {
  const owner = owners.data?.[id];
  if (owner) return owner.email;
  return owners.isSuccess ? "Outside this console" : owners.isError ? "Unknown" : "…";
}
