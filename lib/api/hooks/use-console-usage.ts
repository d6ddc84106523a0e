import { useQuery } from "@tanstack/react-query";
import { usagePath, type UsageResponse } from "@/lib/console/usage";
import { consoleFetch } from "../client";

// What was spent through the console (/api/console/usage).
export const consoleUsageKeys = {
  all: ["console", "usage"] as const,
  range: (days: number, user: string) => [...consoleUsageKeys.all, { days, user }] as const,
};

/** The last `days` whole UTC days; `user` (an id, "" for everyone) needs usage.read_all. */
export function useConsoleUsage(days: number, user: string) {
  return useQuery({
    queryKey: consoleUsageKeys.range(days, user),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ days: String(days) });
      if (user) query.set("user", user);
      return consoleFetch<UsageResponse>(`${usagePath}?${query}`, { signal });
    },
  });
}
