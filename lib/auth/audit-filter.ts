import { createLoader, createParser, createSerializer, parseAsString } from "nuqs";

/**
 * The audit page's filters, kept in the URL (?user=&operation=&target=&from=&to=) so a filtered
 * view can be shared and reloaded: nuqs reads and writes them with these parsers.
 */
export interface AuditFilter {
  user: string;
  operation: string;
  target: string;
  /** YYYY-MM-DD (UTC), inclusive. */
  from: string;
  /** YYYY-MM-DD (UTC), inclusive. */
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day as the date inputs give it; anything else in the URL is dropped. */
const parseAsDay = createParser({
  parse: (value) => (DAY.test(value) ? value : null),
  serialize: (value: string) => value,
});

export const auditFilterParsers = {
  user: parseAsString.withDefault(""),
  operation: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  from: parseAsDay.withDefault(""),
  to: parseAsDay.withDefault(""),
};

/** The filter in a URL's query (empty values left out). */
export const loadAuditFilter: (search: URLSearchParams) => AuditFilter =
  createLoader(auditFilterParsers);
/** The query string of a filter ("" when nothing is filtered). */
export const auditFilterSearch: (filter: AuditFilter) => string =
  createSerializer(auditFilterParsers);

export const isFiltered = (filter: AuditFilter) => Object.values(filter).some(Boolean);

/** The API query for a filter (lib/console/audit.ts `auditQuery`): whole UTC days, `to` included. */
export function auditSearch(filter: AuditFilter, extra: Record<string, string> = {}): string {
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
