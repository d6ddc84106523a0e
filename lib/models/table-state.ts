// The models table's view state (filter, facets, sort) and its round trip through the URL, so a
// view can be bookmarked, shared and restored with the back button. Defaults stay out of the URL.

export const SORT_COLUMNS = [
  "id",
  "name",
  "description",
  "root",
  "owned_by",
  "capabilities",
  "max_context_length",
  "created",
  "aliases",
  "deprecation",
  "archived",
  "job",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDir = "asc" | "desc";
export type KindFilter = "all" | "base" | "fine-tuned";

export interface TableState {
  /** Free text matched against id, name and description (every word must match). */
  q: string;
  kind: KindFilter;
  /** Capability keys as the API names them (completion_chat, vision, ...); a model needs all. */
  caps: string[];
  showArchived: boolean;
  sort: SortColumn;
  dir: SortDir;
}

export const DEFAULT_STATE: TableState = {
  q: "",
  kind: "all",
  caps: [],
  showArchived: false,
  sort: "created",
  dir: "desc",
};

/** The direction a column sorts in when first chosen: newest, largest and "yes" first. */
export function defaultDir(column: SortColumn): SortDir {
  return column === "created" ||
    column === "max_context_length" ||
    column === "capabilities" ||
    column === "archived"
    ? "desc"
    : "asc";
}

const isSortColumn = (v: string | null): v is SortColumn =>
  v != null && (SORT_COLUMNS as readonly string[]).includes(v);

export function parseTableState(params: URLSearchParams): TableState {
  const kind = params.get("kind");
  const sort = params.get("sort");
  const dir = params.get("dir");
  const column = isSortColumn(sort) ? sort : DEFAULT_STATE.sort;
  const caps = (params.get("cap") ?? "")
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    q: params.get("q") ?? "",
    kind: kind === "base" || kind === "fine-tuned" ? kind : "all",
    caps: [...new Set(caps)],
    showArchived: params.get("archived") === "1",
    sort: column,
    dir: dir === "asc" || dir === "desc" ? dir : isSortColumn(sort) ? defaultDir(column) : "desc",
  };
}

/** The query parameters the table owns. */
export const TABLE_PARAMS = ["q", "kind", "cap", "archived", "sort", "dir"] as const;

/** The query string for a state; parameters not owned by the table (`keep`) are preserved. */
export function serializeTableState(state: TableState, keep?: URLSearchParams): string {
  const p = new URLSearchParams();
  keep?.forEach((value, key) => {
    if (!(TABLE_PARAMS as readonly string[]).includes(key)) p.append(key, value);
  });
  if (state.q) p.set("q", state.q);
  if (state.kind !== "all") p.set("kind", state.kind);
  if (state.caps.length) p.set("cap", state.caps.join(","));
  if (state.showArchived) p.set("archived", "1");
  if (state.sort !== DEFAULT_STATE.sort || state.dir !== DEFAULT_STATE.dir) {
    p.set("sort", state.sort);
    p.set("dir", state.dir);
  }
  return p.toString();
}

export function isFiltered(state: TableState): boolean {
  return !!state.q.trim() || state.kind !== "all" || state.caps.length > 0;
}
