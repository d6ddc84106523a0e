"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatNumber } from "@/lib/format";
import type { Facets } from "@/lib/models/filter";
import { isFiltered, type KindFilter, type TableState } from "@/lib/models/table-state";

const KINDS: { value: KindFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "base", label: "Base" },
  { value: "fine-tuned", label: "Fine-tuned" },
];

const Count = ({ n }: { n: number }) => (
  <span className="ml-1 text-xs text-muted tabular-nums">{formatNumber(n)}</span>
);

export function ModelsToolbar({
  state,
  facets,
  onChange,
}: {
  state: TableState;
  facets: Facets;
  onChange: (patch: Partial<TableState>) => void;
}) {
  return (
    <div className="mb-3 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <input
          type="search"
          aria-label="Filter models"
          placeholder="Filter by id, name or description"
          value={state.q}
          onChange={(e) => onChange({ q: e.target.value })}
          className={`${inputClass} max-w-md`}
          spellCheck={false}
          autoComplete="off"
        />
        <fieldset className="flex items-center rounded-md border border-border bg-surface p-0.5">
          <legend className="sr-only">Type</legend>
          {KINDS.map((k) => (
            <label
              key={k.value}
              className={`relative cursor-pointer rounded px-2.5 py-1 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-(--ring) ${
                state.kind === k.value
                  ? "bg-accent-soft font-medium text-accent"
                  : "text-text hover:bg-surface-2"
              }`}
            >
              <input
                type="radio"
                name="model-kind"
                value={k.value}
                checked={state.kind === k.value}
                onChange={() => onChange({ kind: k.value })}
                className="absolute inset-0 cursor-pointer opacity-0"
              />
              {k.label}
              <Count n={facets.kind[k.value]} />
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-1.5 text-sm">
          <input
            type="checkbox"
            checked={state.showArchived}
            onChange={(e) => onChange({ showArchived: e.target.checked })}
          />
          Show archived
          <Count n={facets.archived} />
        </label>
        {(isFiltered(state) || state.showArchived) && (
          <Button
            size="sm"
            variant="ghost"
            onClick={() => onChange({ q: "", kind: "all", caps: [], showArchived: false })}
          >
            Clear filters
          </Button>
        )}
      </div>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <legend className="float-left mr-2 text-muted">Capabilities (all of)</legend>
        {facets.caps.map((c) => {
          const checked = state.caps.includes(c.key);
          return (
            <label key={c.key} className="flex items-center gap-1.5" title={c.key}>
              <input
                type="checkbox"
                checked={checked}
                onChange={(e) =>
                  onChange({
                    caps: e.target.checked
                      ? [...state.caps, c.key]
                      : state.caps.filter((k) => k !== c.key),
                  })
                }
              />
              {c.label}
              <Count n={c.count} />
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
