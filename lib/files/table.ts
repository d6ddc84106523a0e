// Sorting and filtering of the files table, and its state in the URL
// (?q=&purpose=&type=&source=&media=&page=&sort=&dir=&file=). The server filters (search,
// purpose, sample type, source, media type) and pages; the table sorts the page it shows.
import type { FileSchema } from "@/lib/mistral/types";
import { AUDIO_MIMETYPES, purposeFilter } from "./purposes";

export type SortKey = "name" | "size" | "lines" | "created";
export type SortDir = "asc" | "desc";

export interface TableState {
  q: string;
  /** Only files of this purpose (the server's `purpose` filter); "" for all. */
  purpose: string;
  /** Only files of this sample type (`sample_type`, one of SAMPLE_TYPES); "" for all. */
  type: string;
  /** Only files from this source (`source`, one of SOURCES); "" for all. */
  source: string;
  /** Only files of this kind of media (`mimetypes`, a key of MEDIA_TYPES); "" for all. */
  media: string;
  /** The page shown, from 0. */
  page: number;
  sort: SortKey;
  dir: SortDir;
  /** The file whose detail view is open. */
  file: string | null;
}

const SORT_KEYS: SortKey[] = ["name", "size", "lines", "created"];
/** The query parameters the table owns. */
export const TABLE_PARAMS = [
  "q",
  "purpose",
  "type",
  "source",
  "media",
  "page",
  "sort",
  "dir",
  "file",
] as const;
export const DEFAULT_STATE: TableState = {
  q: "",
  purpose: "",
  type: "",
  source: "",
  media: "",
  page: 0,
  sort: "created",
  dir: "desc",
  file: null,
};

/** The natural first direction of a column: names A→Z, numbers and dates largest first. */
export const firstDir = (key: SortKey): SortDir => (key === "name" ? "asc" : "desc");

/**
 * The sample types the filter offers: today's SampleType enum, then the two the live API answers
 * for OCR and audio uploads (which the enum lacks, so the list's query refuses them).
 */
export const SAMPLE_TYPES = [
  "instruct",
  "pretrain",
  "batch_request",
  "batch_result",
  "batch_error",
] as const;
/** Today's Source enum. */
export const SOURCES = ["upload", "repository", "mistral"] as const;
/** The media types the filter offers, each the `mimetypes` it sends. */
export const MEDIA_TYPES: Record<string, { label: string; mimetypes: readonly string[] }> = {
  jsonl: { label: "JSON Lines", mimetypes: ["application/jsonl"] },
  pdf: { label: "PDF", mimetypes: ["application/pdf"] },
  image: { label: "Images", mimetypes: ["image/png", "image/jpeg", "image/gif", "image/webp"] },
  audio: { label: "Audio", mimetypes: AUDIO_MIMETYPES },
};

/** A value from the address, kept only when it is one of `allowed` (else the server would 422). */
const oneOf = (value: string | null, allowed: readonly string[]) =>
  value && allowed.includes(value) ? value : "";

export function readState(params: URLSearchParams): TableState {
  const sort = params.get("sort") as SortKey | null;
  const key = sort && SORT_KEYS.includes(sort) ? sort : DEFAULT_STATE.sort;
  const dir = params.get("dir");
  // The address shows pages from 1; the API counts from 0.
  const page = Number(params.get("page"));
  return {
    q: params.get("q") ?? "",
    purpose: params.get("purpose") ?? "",
    type: oneOf(params.get("type"), SAMPLE_TYPES),
    source: oneOf(params.get("source"), SOURCES),
    media: oneOf(params.get("media"), Object.keys(MEDIA_TYPES)),
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
  if (state.type) p.set("type", state.type);
  if (state.source) p.set("source", state.source);
  if (state.media) p.set("media", state.media);
  if (state.page > 0) p.set("page", String(state.page + 1));
  if (state.sort !== DEFAULT_STATE.sort || state.dir !== DEFAULT_STATE.dir) {
    p.set("sort", state.sort);
    p.set("dir", state.dir);
  }
  if (state.file) p.set("file", state.file);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Whether any filter narrows the list (the search included). */
export const isFiltered = (s: Pick<TableState, "q" | "purpose" | "type" | "source" | "media">) =>
  !!(s.q.trim() || s.purpose || s.type || s.source || s.media);

/** The filters of a Files page request (the table's state, the search as typed a moment ago). */
export type FilesFilters = Pick<TableState, "purpose" | "type" | "source" | "media"> & {
  search: string;
};

/**
 * GET /v1/files's filters for the table's: purpose, sample_type, source, search, and mimetypes
 * (those of the media type; audio files, which the purpose filter cannot name, by theirs; both:
 * the types in both). Null when the filters cannot match any file (audio that is a PDF).
 */
export function listFilters(f: FilesFilters): {
  purpose?: string;
  sample_type?: string[];
  source?: string[];
  mimetypes?: string[];
  search?: string;
} | null {
  const { purpose, mimetypes: byPurpose } = purposeFilter(f.purpose);
  const byMedia = f.media ? MEDIA_TYPES[f.media]?.mimetypes : undefined;
  const mimetypes =
    byPurpose && byMedia ? byPurpose.filter((m) => byMedia.includes(m)) : (byPurpose ?? byMedia);
  if (mimetypes?.length === 0) return null;
  return {
    ...(purpose && { purpose }),
    ...(f.type && { sample_type: [f.type] }),
    ...(f.source && { source: [f.source] }),
    ...(mimetypes && { mimetypes: [...mimetypes] }),
    ...(f.search && { search: f.search }),
  };
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
