import { useQuery } from "@tanstack/react-query";
import { usagePath, type UsageResponse } from "@/lib/console/usage";
import { consoleFetch } from "../client";

// What was spent through the console (/api/console/usage).
export const consoleUsageKeys = {
  all: ["console", "usage"] as const,
  range: (days: number, user: string, team = "") =>
    [...consoleUsageKeys.all, { days, user, team }] as const,
};

/** The query of /api/console/usage: empty `user`/`team` are left out (everyone, every team). */
export function usageQuery(days: number, user: string, team = "", format?: "csv") {
  const query = new URLSearchParams({ days: String(days) });
  if (user) query.set("user", user);
  if (team) query.set("team", team);
  if (format) query.set("format", format);
  return `${usagePath}?${query}`;
}

/**
 * The last `days` whole UTC days; `user` (an id, "" for everyone) needs usage.read_all, `team`
 * (an id, "" for every team) usage.read_all or being that team's admin.
 */
export function useConsoleUsage(days: number, user: string, team = "") {
  return useQuery({
    queryKey: consoleUsageKeys.range(days, user, team),
    queryFn: ({ signal }) => consoleFetch<UsageResponse>(usageQuery(days, user, team), { signal }),
  });
}
