"use client";

import { useEffect, useRef } from "react";
import { Tooltip } from "@/components/ui/tooltip";

export interface EditState {
  id: string;
  field: "name" | "description";
  draft: string;
}

/**
 * Text edited in place: Enter saves, Escape cancels, leaving the field saves (typed text is never
 * dropped silently). The draft lives with the caller so it survives the row scrolling away.
 */
export function EditableText({
  value,
  editing,
  draft,
  label,
  editLabel,
  placeholder,
  onStart,
  onDraft,
  onCommit,
  onCancel,
  className = "",
}: {
  value: string | null | undefined;
  editing: boolean;
  draft: string;
  /** The input's label, e.g. "Name of ft:...". */
  label: string;
  /** The edit button's label, e.g. "Rename ft:...". */
  editLabel: string;
  placeholder: string;
  onStart: () => void;
  onDraft: (draft: string) => void;
  onCommit: () => void;
  onCancel: () => void;
  className?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    if (editing) {
      done.current = false;
      input.current?.focus();
      input.current?.select();
    }
  }, [editing]);

  if (editing) {
    return (
      <input
        ref={input}
        aria-label={label}
        value={draft}
        placeholder={placeholder}
        onChange={(e) => onDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            done.current = true;
            onCommit();
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            done.current = true;
            onCancel();
          }
        }}
        onBlur={() => {
          if (!done.current) onCommit();
        }}
        className={`h-8 w-full rounded-md border border-accent bg-surface px-2 text-sm text-text ${className}`}
      />
    );
  }
  return (
    <div className={`group flex min-w-0 items-center gap-1 ${className}`}>
      <span className={`truncate ${value ? "" : "text-muted"}`} title={value ?? undefined}>
        {value || "—"}
      </span>
      <Tooltip content={editLabel}>
        <button
          type="button"
          aria-label={editLabel}
          onClick={onStart}
          className="shrink-0 rounded px-1 text-muted opacity-60 group-hover:opacity-100 hover:bg-surface-2 hover:text-text focus-visible:opacity-100"
        >
          <span aria-hidden>✎</span>
        </button>
      </Tooltip>
    </div>
  );
}

/** A fine-tuned model's name or description, edited in place (the table and the detail page). */
export function ModelFieldEditor({
  id,
  field,
  value,
  edit,
  onEdit,
  onCommit,
  readOnly = false,
}: {
  id: string;
  field: EditState["field"];
  value: string | null | undefined;
  edit: EditState | null;
  onEdit: (edit: EditState | null) => void;
  onCommit: (edit: EditState) => void;
  /** Shown as text only (the user may not change models). */
  readOnly?: boolean;
}) {
  if (readOnly) {
    return (
      <span className={`block truncate ${value ? "" : "text-muted"}`} title={value ?? undefined}>
        {value || "—"}
      </span>
    );
  }
  const editing = edit?.id === id && edit.field === field;
  return (
    <EditableText
      value={value}
      editing={editing}
      draft={editing ? edit.draft : ""}
      label={field === "name" ? `Name of ${id}` : `Description of ${id}`}
      editLabel={field === "name" ? `Rename ${id}` : `Edit description of ${id}`}
      placeholder={field === "name" ? "Name" : "Description"}
      onStart={() => onEdit({ id, field, draft: value ?? "" })}
      onDraft={(draft) => onEdit({ id, field, draft })}
      onCommit={() => edit && onCommit(edit)}
      onCancel={() => onEdit(null)}
    />
  );
}

/** What a finished edit changes: null when the trimmed text is the same; "" clears the field. */
export function editedFields(
  edit: EditState,
  model: { name?: string | null; description?: string | null },
): { name?: string | null; description?: string | null } | null {
  const before = (edit.field === "name" ? model.name : model.description) ?? "";
  const value = edit.draft.trim();
  return value === before.trim() ? null : { [edit.field]: value === "" ? null : value };
}
