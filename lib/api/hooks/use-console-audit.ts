import { useInfiniteQuery } from "@tanstack/react-query";
import { auditPath, type AuditPage } from "@/lib/console/audit";
import { auditSearch, type AuditFilter } from "@/lib/auth/audit-filter";
import { consoleFetch } from "../client";

// The audit log (/api/console/audit, audit.read), newest first, a page at a time.
export const consoleAuditKeys = {
  all: ["console", "audit"] as const,
  list: (filter: AuditFilter) => [...consoleAuditKeys.all, "list", filter] as const,
};

export function useConsoleAudit(filter: AuditFilter, { enabled = true } = {}) {
  return useInfiniteQuery({
    queryKey: consoleAuditKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      consoleFetch<AuditPage>(
        `${auditPath}?${auditSearch(filter, pageParam ? { before: String(pageParam) } : {})}`,
        { signal },
      ),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled,
  });
}

/** The CSV export of every entry matching the filter (a link: the browser downloads it). */
export const auditCsvHref = (filter: AuditFilter) =>
  `${auditPath}?${auditSearch(filter, { format: "csv" })}`;
