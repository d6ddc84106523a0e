// Filter, facets and sort of the models table: pure functions over rows prepared once per list,
// so a keystroke or a sort over thousands of models costs a few milliseconds.
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import { capabilityFlags, capabilityLabel } from "@/lib/mistral/capabilities";
import type { KindFilter, SortColumn, SortDir, TableState } from "./table-state";

/** Capabilities the filter always offers, even when no listed model has them. */
const FACET_CAPABILITIES = ["completion_chat", "completion_fim", "function_calling", "fine_tuning"];

export interface ModelRow {
  model: ConsoleModel;
  id: string;
  kind: "base" | "fine-tuned";
  /** Capability keys that are true, known ones first in the console's order (capabilityFlags). */
  caps: string[];
  /** Lower-cased id, name, description and aliases, for the text filter. */
  haystack: string;
  jobId: string | null;
  createdMs: number | null;
  deprecationMs: number | null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function modelKind(m: ConsoleModel): "base" | "fine-tuned" {
  // The live API says so in `type`; the spec's cards do not, so fall back to what marks a fine-tune.
  const type = (m as { type?: unknown }).type;
  if (type === "base" || type === "fine-tuned") return type;
  return m.job || m.id.startsWith("ft:") ? "fine-tuned" : "base";
}

export function modelCapabilities(m: ConsoleModel): string[] {
  return capabilityFlags(m);
}

export function prepareRow(model: ConsoleModel): ModelRow {
  const created = num(model.created);
  const deprecation = str(model.deprecation);
  const deprecationMs = deprecation ? Date.parse(deprecation) : NaN;
  return {
    model,
    id: model.id,
    kind: modelKind(model),
    caps: modelCapabilities(model),
    haystack: [
      model.id,
      str(model.name) ?? "",
      str(model.description) ?? "",
      ...(Array.isArray(model.aliases) ? model.aliases : []),
    ]
      .join("\n")
      .toLowerCase(),
    jobId: str(model.job),
    createdMs: created == null ? null : created * 1000,
    deprecationMs: Number.isNaN(deprecationMs) ? null : deprecationMs,
  };
}

/** Rows for a list; a repeated id (which would confuse row keys and selection) is kept once. */
export function prepareRows(models: readonly ConsoleModel[]): ModelRow[] {
  const seen = new Set<string>();
  const rows: ModelRow[] = [];
  for (const m of models) {
    if (typeof m?.id !== "string" || seen.has(m.id)) continue;
    seen.add(m.id);
    rows.push(prepareRow(m));
  }
  return rows;
}

/** Words of the query, lower-cased; a row must contain every one of them. */
export function queryTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

function matchesText(row: ModelRow, terms: string[]): boolean {
  for (const t of terms) if (!row.haystack.includes(t)) return false;
  return true;
}

const matchesKind = (row: ModelRow, kind: KindFilter) => kind === "all" || row.kind === kind;

function hasAll(row: ModelRow, caps: string[]): boolean {
  for (const c of caps) if (!row.caps.includes(c)) return false;
  return true;
}

const isArchived = (row: ModelRow) => row.model.archived === true;

export function filterRows(rows: readonly ModelRow[], state: TableState): ModelRow[] {
  const terms = queryTerms(state.q);
  return rows.filter(
    (r) =>
      (state.showArchived || !isArchived(r)) &&
      matchesKind(r, state.kind) &&
      hasAll(r, state.caps) &&
      matchesText(r, terms),
  );
}

export interface Facets {
  /** Rows per kind, given the text, capability and archived filters. */
  kind: Record<KindFilter, number>;
  /** Every capability seen in the list, with how many rows would match if it were (also) required. */
  caps: { key: string; label: string; count: number }[];
  /** Archived rows that match the other filters (what "show archived" would add or shows). */
  archived: number;
}

/** Counts for each facet value, each counted against the other active filters. */
export function computeFacets(rows: readonly ModelRow[], state: TableState): Facets {
  const terms = queryTerms(state.q);
  const kind: Record<KindFilter, number> = { all: 0, base: 0, "fine-tuned": 0 };
  const caps = new Map<string, number>();
  for (const key of FACET_CAPABILITIES) caps.set(key, 0);
  let archived = 0;
  for (const r of rows) {
    if (!matchesText(r, terms)) continue;
    const archivedOk = state.showArchived || !isArchived(r);
    const kindOk = matchesKind(r, state.kind);
    const capsOk = hasAll(r, state.caps);
    if (archivedOk && capsOk) {
      kind.all++;
      kind[r.kind]++;
    }
    if (archivedOk && kindOk && capsOk) {
      for (const c of r.caps) caps.set(c, (caps.get(c) ?? 0) + 1);
    } else if (archivedOk && kindOk) {
      // The row misses a required capability: it is not counted, but its capabilities still exist.
      for (const c of r.caps) if (!caps.has(c)) caps.set(c, 0);
    }
    if (isArchived(r) && kindOk && capsOk) archived++;
  }
  for (const c of state.caps) if (!caps.has(c)) caps.set(c, 0);
  return {
    kind,
    caps: [...caps].map(([key, count]) => ({ key, label: capabilityLabel(key), count })),
    archived,
  };
}

type Key = string | number | null;

function sortKey(row: ModelRow, column: SortColumn): Key {
  const m = row.model;
  switch (column) {
    case "id":
      return row.id.toLowerCase();
    case "name":
      return str(m.name)?.toLowerCase() ?? null;
    case "description":
      return str(m.description)?.toLowerCase() ?? null;
    case "root":
      return str(m.root)?.toLowerCase() ?? null;
    case "owned_by":
      return str(m.owned_by)?.toLowerCase() ?? null;
    case "capabilities":
      return row.caps.length;
    case "max_context_length":
      return num(m.max_context_length);
    case "created":
      return row.createdMs;
    case "aliases":
      return Array.isArray(m.aliases) && m.aliases.length
        ? m.aliases.join(", ").toLowerCase()
        : null;
    case "deprecation":
      return row.deprecationMs;
    case "archived":
      return m.archived === true ? 1 : 0;
    case "job":
      return row.jobId;
  }
}

/**
 * Sorted copy of `rows`. Missing values go last in both directions; ties keep id order so the
 * result is the same whatever order the API listed the models in.
 */
export function sortRows(rows: readonly ModelRow[], column: SortColumn, dir: SortDir): ModelRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: sortKey(row, column), id: row.id }));
  keyed.sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key == null) return 1;
      if (b.key == null) return -1;
      return (a.key < b.key ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

const sortCache = new WeakMap<readonly ModelRow[], Map<string, ModelRow[]>>();

/** sortRows, remembered per list: going back to a column already sorted costs nothing. */
export function sortRowsCached(
  rows: readonly ModelRow[],
  column: SortColumn,
  dir: SortDir,
): ModelRow[] {
  let byColumn = sortCache.get(rows);
  if (!byColumn) sortCache.set(rows, (byColumn = new Map()));
  const key = `${column}:${dir}`;
  let sorted = byColumn.get(key);
  if (!sorted) byColumn.set(key, (sorted = sortRows(rows, column, dir)));
  return sorted;
}

/** What the table shows for a state. Filtering keeps order, so the page sorts once per sort change
 * and only filters on a keystroke. */
export function viewRows(rows: readonly ModelRow[], state: TableState): ModelRow[] {
  return filterRows(sortRows(rows, state.sort, state.dir), state);
}
