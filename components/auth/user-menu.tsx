"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { clearDraft } from "@/lib/fine-tuning/draft-storage";
import { STORAGE_KEY } from "@/lib/playground/storage";
import { useSession } from "./session";
import { routes } from "@/lib/routes";

/** Who is signed in, with their role, and Sign out. */
export function UserMenu() {
  const { user, authMode } = useSession();
  const router = useRouter();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    // Nothing of this user stays readable in the browser for the next person: not the
    // conversations an older console kept in localStorage, not a job draft, not any cached answer.
    window.localStorage.removeItem(STORAGE_KEY);
    clearDraft(window.localStorage);
    try {
      await fetch("/api/auth/sign-out", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
    } finally {
      void qc.cancelQueries(); // nothing to wait for: clear() drops them next
      qc.clear();
      router.replace(routes.signIn());
      router.refresh();
    }
  }

  if (authMode === "off") {
    return (
      <span
        className="text-xs text-muted"
        title="CONSOLE_AUTH=off: one local user, every permission"
      >
        Local mode (no sign-in)
      </span>
    );
  }
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="hidden text-right leading-tight sm:block">
        <span className="block font-medium">{user.name}</span>
        <span className="block text-xs text-muted">{user.email}</span>
      </span>
      <Badge tone={user.role === "admin" ? "accent" : user.role === "member" ? "info" : "neutral"}>
        {user.role}
      </Badge>
      <Link
        href={routes.myUsage()}
        className="rounded-md px-2 py-1 text-xs font-medium text-muted hover:bg-surface-2 hover:text-text"
      >
        My usage
      </Link>
      <Button size="sm" variant="ghost" onClick={signOut} disabled={busy}>
        Sign out
      </Button>
    </div>
  );
}
