"use client";

import type { VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo, useSyncExternalStore } from "react";
import { Button } from "./button";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";

export interface ChooserColumn {
  id: string;
  label: string;
  /** Always shown (the column that names the row). */
  fixed?: boolean;
}

/**
 * A "Columns" button that opens a list of checkboxes, one per column, for a DataTable's
 * `columnVisibility`. Focus moves to the first box that can change; Tab and Space work the
 * checkboxes; Escape or a click outside closes the list and focus returns to the button.
 */
export function ColumnChooser({
  columns,
  visibility,
  onChange,
  onReset,
  isDefault,
}: {
  columns: readonly ChooserColumn[];
  visibility: VisibilityState;
  onChange: (next: VisibilityState) => void;
  onReset: () => void;
  /** The choice is the defaults already: "Back to the defaults" has nothing to do. */
  isDefault: boolean;
}) {
  const shown = columns.filter((c) => visibility[c.id] !== false).length;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button size="sm">
          Columns ({shown} of {columns.length}) ▾
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" role="group" aria-label="Columns to show" className="w-56 p-2">
        <ul className="flex flex-col">
          {columns.map((c) => (
            <li key={c.id}>
              <label className="flex items-center gap-2 rounded px-2 py-1.5 hover:bg-surface-2">
                <input
                  type="checkbox"
                  checked={visibility[c.id] !== false}
                  disabled={c.fixed}
                  onChange={(e) => onChange({ ...visibility, [c.id]: e.target.checked })}
                />
                {c.label}
                {c.fixed && <span className="text-xs text-muted">(always)</span>}
              </label>
            </li>
          ))}
        </ul>
        <div className="mt-1 border-t border-border pt-2">
          <Button size="sm" variant="ghost" disabled={isDefault} onClick={onReset}>
            Back to the defaults
          </Button>
        </div>
      </PopoverContent>
    </Popover>
  );
}

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

function write(key: string, value: string | null) {
  try {
    if (value == null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not remembered; nothing else to do.
  }
  for (const l of listeners) l();
}

/**
 * A DataTable's column visibility remembered in this browser under `storageKey` (make it per
 * user), as the JSON list of the visible columns' ids. `parse` turns what is stored into that
 * list (dropping unknown ids) or null for none; the defaults stand until the user chooses.
 */
export function useStoredColumns({
  storageKey,
  columns,
  defaults,
  parse,
}: {
  storageKey: string;
  columns: readonly ChooserColumn[];
  defaults: readonly string[];
  parse: (raw: string | null) => readonly string[] | null;
}) {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(storageKey),
    () => null,
  );
  const visible = useMemo(() => parse(raw) ?? defaults, [raw, parse, defaults]);
  const visibility = useMemo<VisibilityState>(
    () => Object.fromEntries(columns.map((c) => [c.id, c.fixed || visible.includes(c.id)])),
    [columns, visible],
  );
  const setVisibility = useCallback(
    (next: VisibilityState) => {
      const ids = columns.filter((c) => c.fixed || next[c.id] !== false).map((c) => c.id);
      write(storageKey, JSON.stringify(ids));
    },
    [columns, storageKey],
  );
  const reset = useCallback(() => write(storageKey, null), [storageKey]);
  const isDefault =
    visible.length === defaults.length && defaults.every((k) => visible.includes(k));
  return { visible, visibility, setVisibility, reset, isDefault };
}
