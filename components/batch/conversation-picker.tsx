"use client";

import { useState } from "react";
import { useSession } from "@/components/auth/session";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { conversationApi, useConversationList } from "@/lib/api/hooks/use-conversations";
import { formatNumber, formatRelative } from "@/lib/format";
import type { Conversation } from "@/lib/playground/types";

/**
 * The user's saved playground conversations, to take a batch's prompts from: choosing one loads
 * it whole and hands it to `onPick` (the form adds its user messages to the editor).
 */
export function ConversationPicker({
  open,
  onClose,
  onPick,
}: {
  open: boolean;
  onClose: () => void;
  onPick: (conversation: Conversation) => void;
}) {
  const { user } = useSession();
  const list = useConversationList(user.id);
  const [loading, setLoading] = useState<{ id: string; error?: unknown } | null>(null);
  const pick = async (id: string) => {
    setLoading({ id });
    try {
      onPick(await conversationApi.get(id));
      setLoading(null);
    } catch (error) {
      setLoading({ id, error });
    }
  };
  const conversations = list.data ?? [];
  return (
    <Dialog
      open={open}
      onClose={() => {
        setLoading(null);
        onClose();
      }}
      title="Take prompts from a conversation"
      description="Each of its user messages becomes a request, with its system prompt; the answers are left out."
    >
      {list.isPending ? (
        <LoadingState label="Loading your conversations…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : conversations.length === 0 ? (
        <EmptyState title="No saved conversations">
          Conversations you have in the playground are saved to your account and appear here.
        </EmptyState>
      ) : (
        <>
          {loading?.error != null && (
            <div className="mb-3">
              <ErrorState compact error={loading.error} onRetry={() => void pick(loading.id)} />
            </div>
          )}
          <ul aria-label="Your saved conversations" className="flex flex-col gap-1">
            {conversations.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => void pick(c.id)}
                  disabled={!!loading && !loading.error}
                  className="flex w-full flex-wrap items-baseline justify-between gap-x-3 rounded-md px-3 py-2 text-left hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-accent/40 focus-visible:outline-none disabled:opacity-60"
                >
                  <span className="min-w-0 font-medium break-words">{c.title || "Untitled"}</span>
                  <span className="text-xs text-muted">
                    {loading?.id === c.id && !loading.error
                      ? "Loading…"
                      : `${formatNumber(c.messageCount)} message${c.messageCount === 1 ? "" : "s"} · ${formatRelative(new Date(c.updatedAt).toISOString())}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
