"use client";

import { Button } from "@/components/ui/button";
import { formatRelative } from "@/lib/format";
import type { ConversationSummary } from "@/lib/playground/types";

/** The user's saved conversations (kept by the console with their account), newest first. */
export function ConversationList({
  list,
  currentId,
  onOpen,
  onNew,
  disabled,
  loading,
  error,
}: {
  list: ConversationSummary[];
  currentId: string;
  onOpen: (c: ConversationSummary) => void;
  onNew: () => void;
  disabled?: boolean;
  loading?: boolean;
  error?: string | null;
}) {
  return (
    <nav aria-label="Saved conversations" className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Conversations</h2>
        <Button size="sm" onClick={onNew} disabled={disabled}>
          New
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          Your saved conversations could not be loaded: {error} Reload the page to try again.
        </p>
      ) : loading ? (
        <p className="text-xs text-muted">Loading your conversations…</p>
      ) : list.length === 0 ? (
        <p className="text-xs text-muted">
          Conversations are saved to your account as you chat, on any browser you sign in from.
        </p>
      ) : (
        <ul className="flex max-h-72 flex-col gap-0.5 overflow-y-auto xl:max-h-[70vh]">
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                disabled={disabled}
                aria-current={c.id === currentId ? "true" : undefined}
                onClick={() => onOpen(c)}
                className={`w-full rounded-md px-2.5 py-1.5 text-left text-sm disabled:cursor-not-allowed ${
                  c.id === currentId ? "bg-accent-soft text-accent" : "hover:bg-surface-2"
                }`}
              >
                <span className="block truncate font-medium">{c.title}</span>
                <span className="block text-xs text-muted">
                  {c.messageCount} message{c.messageCount === 1 ? "" : "s"} ·{" "}
                  {formatRelative(new Date(c.updatedAt).toISOString())}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
