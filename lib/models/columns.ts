// Which columns the models table shows. The defaults fit a 1440 px laptop without sideways
// scrolling; the rest are a click away in the column chooser, which remembers each user's choice.
import { SORT_COLUMNS, type SortColumn } from "./table-state";

export interface ColumnSpec {
  key: SortColumn;
  label: string;
  /** Pixels: the table lays out fixed widths so a virtualised row never shifts. */
  width: number;
  align?: "right";
}

export const COLUMNS: readonly ColumnSpec[] = [
  { key: "id", label: "ID", width: 246 },
  { key: "name", label: "Name", width: 130 },
  { key: "description", label: "Description", width: 260 },
  { key: "root", label: "Base model", width: 170 },
  { key: "owned_by", label: "Owner", width: 120 },
  { key: "capabilities", label: "Capabilities", width: 250 },
  { key: "max_context_length", label: "Context", width: 72, align: "right" },
  { key: "created", label: "Created", width: 104 },
  { key: "aliases", label: "Aliases", width: 190 },
  { key: "deprecation", label: "Deprecation", width: 120 },
  { key: "archived", label: "Status", width: 80 },
  { key: "job", label: "Job", width: 110 },
];

/** The id names the row: it cannot be hidden. */
export const FIXED_COLUMNS: readonly SortColumn[] = ["id"];

/**
 * 1,126 px with the selection and actions columns: the main area of a 1440 px screen beside the
 * sidebar. Aliases show as chips under the id; the others are in the chooser.
 */
export const DEFAULT_COLUMNS: readonly SortColumn[] = [
  "id",
  "name",
  "capabilities",
  "max_context_length",
  "created",
  "archived",
];

export const columnsStorageKey = (userId: string) => `mistral-console:models-columns:${userId}`;

/** The saved choice, kept to known columns in the table's order; null when there is none. */
export function parseColumns(raw: string | null): SortColumn[] | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  const chosen = new Set(value.filter((v): v is string => typeof v === "string"));
  return SORT_COLUMNS.filter((k) => chosen.has(k) || FIXED_COLUMNS.includes(k));
}

/** Width of the table for these columns, plus the selection and actions columns. */
export function tableWidth(visible: readonly SortColumn[], extra: number): number {
  return extra + COLUMNS.filter((c) => visible.includes(c.key)).reduce((s, c) => s + c.width, 0);
}
