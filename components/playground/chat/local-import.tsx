"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "@/components/auth/session";
import { Button } from "@/components/ui/button";
import { conversationApi, conversationKeys } from "@/lib/api/hooks/use-conversations";
import { ApiError } from "@/lib/api/errors";
import { loadConversations, STORAGE_KEY } from "@/lib/playground/storage";
import type { Conversation } from "@/lib/playground/types";

const plural = (n: number) => `${n} conversation${n === 1 ? "" : "s"}`;

/**
 * Conversations an older console left in this browser's localStorage, offered once to whoever
 * signs in here: imported into their account or discarded, and either way removed from the
 * browser, where the next person to sign in could read them.
 */
export function LocalImport() {
  const { user } = useSession();
  const qc = useQueryClient();
  const [local, setLocal] = useState<Conversation[]>(() => loadConversations(window.localStorage));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);

  const forget = () => {
    window.localStorage.removeItem(STORAGE_KEY);
    setLocal([]);
  };

  async function importAll() {
    setBusy(true);
    let imported = 0;
    const failed: string[] = [];
    for (const c of local) {
      try {
        await conversationApi.create(c);
        imported++;
      } catch (error) {
        // Imported before (from another tab, say): already in the account.
        if (error instanceof ApiError && error.code === "conversation_exists") continue;
        failed.push(`“${c.title}”: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await qc.invalidateQueries({ queryKey: conversationKeys.list(user.id) });
    forget();
    setBusy(false);
    setResult(
      `${plural(imported)} imported into your account.` +
        (failed.length ? ` Not imported: ${failed.join("; ")}` : ""),
    );
  }

  if (result) {
    return (
      <p role="status" className="rounded-md border border-border bg-surface px-3 py-2 text-sm">
        {result}{" "}
        <Button size="sm" variant="ghost" onClick={() => setResult(null)}>
          Dismiss
        </Button>
      </p>
    );
  }
  if (local.length === 0) return null;
  return (
    <section
      aria-label="Conversations in this browser"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-info/40 bg-info-soft px-3 py-2 text-sm"
    >
      <p className="min-w-0 flex-1 basis-64">
        {plural(local.length)} saved in this browser before conversations were kept with each
        account. Import them into your account ({user.email}) or discard them; either way this
        browser&apos;s copy is deleted.
      </p>
      <span className="flex gap-2">
        <Button size="sm" variant="primary" disabled={busy} onClick={() => void importAll()}>
          {busy ? "Importing…" : "Import"}
        </Button>
        <Button size="sm" disabled={busy} onClick={forget}>
          Discard
        </Button>
      </span>
    </section>
  );
}
