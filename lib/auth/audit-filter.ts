/** The audit page's filters, kept in the URL so a filtered view can be shared and reloaded. */
export interface AuditFilter {
  user: string;
  operation: string;
  target: string;
  /** YYYY-MM-DD (UTC), inclusive. */
  from: string;
  /** YYYY-MM-DD (UTC), inclusive. */
  to: string;
}

const KEYS = ["user", "operation", "target", "from", "to"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readAuditFilter(params: URLSearchParams): AuditFilter {
  const get = (k: string) => params.get(k) ?? "";
  return {
    user: get("user"),
    operation: get("operation"),
    target: get("target"),
    from: DAY.test(get("from")) ? get("from") : "",
    to: DAY.test(get("to")) ? get("to") : "",
  };
}

export function writeAuditFilter(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const k of KEYS) if (filter[k]) params.set(k, filter[k]);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The API query for a filter: whole UTC days, `to` included. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.user) params.set("user", filter.user);
  if (filter.operation) params.set("operation", filter.operation);
  if (filter.target) params.set("target", filter.target);
  if (filter.from) params.set("from", `${filter.from}T00:00:00.000Z`);
  if (filter.to) {
    const end = new Date(`${filter.to}T00:00:00.000Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    params.set("to", end.toISOString());
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}
