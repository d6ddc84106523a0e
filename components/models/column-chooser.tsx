"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { COLUMNS, DEFAULT_COLUMNS, FIXED_COLUMNS, toggleColumn } from "@/lib/models/columns";
import type { SortColumn } from "@/lib/models/table-state";

/**
 * A "Columns" button that opens a list of checkboxes, one per column. Tab and Space work the
 * checkboxes; Escape closes the list and returns to the button, as does a click outside it.
 */
export function ColumnChooser({
  visible,
  onChange,
  onReset,
}: {
  visible: readonly SortColumn[];
  onChange: (next: SortColumn[]) => void;
  onReset: () => void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLInputElement>("input:not(:disabled)")?.focus();
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const shown = COLUMNS.filter((c) => visible.includes(c.key)).length;
  return (
    <div className="relative">
      <Button
        ref={button}
        size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Columns ({shown} of {COLUMNS.length}) ▾
      </Button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label="Columns to show"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              setOpen(false);
              button.current?.focus();
            }
          }}
          className="absolute right-0 z-40 mt-1 w-56 rounded-lg border border-border bg-surface p-2 shadow-lg"
        >
          <ul className="flex flex-col">
            {COLUMNS.map((c) => {
              const fixed = FIXED_COLUMNS.includes(c.key);
              return (
                <li key={c.key}>
                  <label className="flex items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-surface-2">
                    <input
                      type="checkbox"
                      checked={visible.includes(c.key)}
                      disabled={fixed}
                      onChange={(e) => onChange(toggleColumn(visible, c.key, e.target.checked))}
                    />
                    {c.label}
                    {fixed && <span className="text-xs text-muted">(always)</span>}
                  </label>
                </li>
              );
            })}
          </ul>
          <div className="mt-1 border-t border-border pt-2">
            <Button
              size="sm"
              variant="ghost"
              disabled={
                visible.length === DEFAULT_COLUMNS.length &&
                DEFAULT_COLUMNS.every((k) => visible.includes(k))
              }
              onClick={onReset}
            >
              Back to the defaults
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
