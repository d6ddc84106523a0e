// Sorting and filtering of the files table, and its state in the URL
// (?q=&purpose=&page=&sort=&dir=&file=). The server filters (search, purpose) and pages; the
// table sorts the page it shows.
import type { FileSchema } from "@/lib/mistral/types";

export type SortKey = "name" | "size" | "lines" | "created";
export type SortDir = "asc" | "desc";

export interface TableState {
  q: string;
  /** Only files of this purpose (the server's `purpose` filter); "" for all. */
  purpose: string;
  /** The page shown, from 0. */
  page: number;
  sort: SortKey;
  dir: SortDir;
  /** The file whose detail view is open. */
  file: string | null;
}

const SORT_KEYS: SortKey[] = ["name", "size", "lines", "created"];
/** The query parameters the table owns. */
export const TABLE_PARAMS = ["q", "purpose", "page", "sort", "dir", "file"] as const;
export const DEFAULT_STATE: TableState = {
  q: "",
  purpose: "",
  page: 0,
  sort: "created",
  dir: "desc",
  file: null,
};

/** The natural first direction of a column: names A→Z, numbers and dates largest first. */
export const firstDir = (key: SortKey): SortDir => (key === "name" ? "asc" : "desc");

export function readState(params: URLSearchParams): TableState {
  const sort = params.get("sort") as SortKey | null;
  const key = sort && SORT_KEYS.includes(sort) ? sort : DEFAULT_STATE.sort;
  const dir = params.get("dir");
  // The address shows pages from 1; the API counts from 0.
  const page = Number(params.get("page"));
  return {
    q: params.get("q") ?? "",
    purpose: params.get("purpose") ?? "",
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    sort: key,
    dir:
      dir === "asc" || dir === "desc"
        ? dir
        : key === DEFAULT_STATE.sort
          ? DEFAULT_STATE.dir
          : firstDir(key),
    file: params.get("file") || null,
  };
}

/** The query string for a state, leaving defaults out so plain links stay plain. */
export function writeState(state: TableState): string {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  if (state.purpose) p.set("purpose", state.purpose);
  if (state.page > 0) p.set("page", String(state.page + 1));
  if (state.sort !== DEFAULT_STATE.sort || state.dir !== DEFAULT_STATE.dir) {
    p.set("sort", state.sort);
    p.set("dir", state.dir);
  }
  if (state.file) p.set("file", state.file);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Clicking a column header: the same column flips, another starts in its natural direction. */
export function toggleSort(state: TableState, key: SortKey): TableState {
  return state.sort === key
    ? { ...state, dir: state.dir === "asc" ? "desc" : "asc" }
    : { ...state, sort: key, dir: firstDir(key) };
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function compare(a: FileSchema, b: FileSchema, key: SortKey): number {
  switch (key) {
    case "name":
      return collator.compare(a.filename, b.filename);
    case "size":
      return a.bytes - b.bytes;
    case "lines":
      return (a.num_lines ?? 0) - (b.num_lines ?? 0);
    case "created":
      return a.created_at - b.created_at;
  }
}

/** A stable sort; ties fall back to newest first, then id, so the order never jumps. */
export function sortFiles(files: FileSchema[], key: SortKey, dir: SortDir): FileSchema[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...files].sort((a, b) => {
    // A file without a line count stays last whichever way lines are sorted.
    if (key === "lines" && (a.num_lines == null) !== (b.num_lines == null)) {
      return a.num_lines == null ? 1 : -1;
    }
    const c = compare(a, b, key);
    if (c !== 0) return sign * c;
    return b.created_at - a.created_at || a.id.localeCompare(b.id);
  });
}
