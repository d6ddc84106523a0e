"use client";

import { Button } from "@/components/ui/button";
import { formatRelative } from "@/lib/format";
import type { Conversation } from "@/lib/playground/types";

/** The conversations saved in this browser, newest first. */
export function ConversationList({
  list,
  currentId,
  onOpen,
  onNew,
  disabled,
}: {
  list: Conversation[];
  currentId: string;
  onOpen: (c: Conversation) => void;
  onNew: () => void;
  disabled?: boolean;
}) {
  return (
    <nav aria-label="Saved conversations" className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Conversations</h2>
        <Button size="sm" onClick={onNew} disabled={disabled}>
          New
        </Button>
      </div>
      {list.length === 0 ? (
        <p className="text-xs text-muted">
          Conversations are saved in this browser as you chat and stay after a reload.
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
                  {c.messages.length} message{c.messages.length === 1 ? "" : "s"} ·{" "}
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
