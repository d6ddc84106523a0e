"use client";

import { useSession } from "@/components/auth/session";
import { type ChooserColumn, useStoredColumns } from "@/components/ui/column-chooser";
import {
  COLUMNS,
  columnsStorageKey,
  DEFAULT_COLUMNS,
  FIXED_COLUMNS,
  parseColumns,
} from "@/lib/models/columns";
import type { SortColumn } from "@/lib/models/table-state";

export const CHOOSER_COLUMNS: readonly ChooserColumn[] = COLUMNS.map((c) => ({
  id: c.key,
  label: c.label,
  fixed: FIXED_COLUMNS.includes(c.key),
}));

/** The models table's columns, as the signed-in user last chose them in this browser. */
export function useVisibleColumns() {
  const { user } = useSession();
  const stored = useStoredColumns({
    storageKey: columnsStorageKey(user.id),
    columns: CHOOSER_COLUMNS,
    defaults: DEFAULT_COLUMNS,
    parse: parseColumns,
  });
  return { ...stored, visible: stored.visible as readonly SortColumn[] };
}
