"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import { useSession } from "@/components/auth/session";
import { columnsStorageKey, DEFAULT_COLUMNS, parseColumns } from "@/lib/models/columns";
import type { SortColumn } from "@/lib/models/table-state";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changing its choice changes this one too.
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage refused (privacy settings): the defaults, every time
  }
}

/** The models table's columns, as the signed-in user last chose them in this browser. */
export function useVisibleColumns() {
  const { user } = useSession();
  const key = columnsStorageKey(user.id);
  const raw = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const visible = useMemo<readonly SortColumn[]>(() => parseColumns(raw) ?? DEFAULT_COLUMNS, [raw]);
  const setVisible = useCallback(
    (next: readonly SortColumn[]) => {
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Not remembered; nothing else to do.
      }
      for (const l of listeners) l();
    },
    [key],
  );
  const reset = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {}
    for (const l of listeners) l();
  }, [key]);
  return { visible, setVisible, reset };
}
