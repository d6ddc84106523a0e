"use client";

import { type SetStateAction, useCallback, useMemo } from "react";
import {
  parseTableState,
  serializeTableState,
  TABLE_PARAMS,
  type TableState,
} from "@/lib/models/table-state";
import { useUrlQuery } from "@/lib/ui/use-url-query";

/**
 * The table's state, kept in the URL (nuqs): a keystroke re-renders at once and the address
 * follows a moment after the last change, replacing the history entry. A change of the URL from
 * outside (a link to /models?q=..., back/forward) is adopted.
 */
export function useTableState() {
  const [query, setQuery] = useUrlQuery(TABLE_PARAMS, { debounceMs: 150 });
  const state = useMemo(() => parseTableState(new URLSearchParams(query)), [query]);
  const setState = useCallback(
    (next: SetStateAction<TableState>) =>
      setQuery(
        (current) =>
          new URLSearchParams(
            serializeTableState(typeof next === "function" ? next(parseTableState(current)) : next),
          ),
      ),
    [setQuery],
  );
  return [state, setState] as const;
}
