import { useQuery } from "@tanstack/react-query";
import { meUsagePath, type MeUsageResponse } from "@/lib/console/me-usage";
import { consoleFetch } from "../client";

// What the signed-in user has used and what is left (/api/console/me/usage, usage.read_own).
export const consoleMeUsageKeys = {
  all: ["console", "me-usage"] as const,
  range: (days: number) => [...consoleMeUsageKeys.all, { days }] as const,
};

/** The last `days` whole UTC days, and every budget that applies to the caller. */
export function useMeUsage(days = 30, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consoleMeUsageKeys.range(days),
    queryFn: ({ signal }) =>
      consoleFetch<MeUsageResponse>(`${meUsagePath}?days=${days}`, { signal }),
    enabled,
    // The banner and the bars follow spending made elsewhere (another tab, a token).
    refetchInterval: 60_000,
  });
}
