"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import {
  consoleTarget,
  snippets,
  UPSTREAM_TARGET,
  type SnippetRequest,
} from "@/lib/playground/snippets";
import { routes } from "@/lib/routes";

const TABS = [
  ["curl", "curl"],
  ["typescript", "TypeScript"],
  ["python", "Python"],
] as const;
type Language = (typeof TABS)[number][0];

/**
 * "View code": the current request in three languages. By default it calls this console with a
 * console token (what a member has); the Mistral API variant is one switch away.
 */
export function ViewCodeButton({
  request,
  disabled,
  size = "sm",
}: {
  size?: "sm" | "md";
  /** Built when the dialog opens, so it always shows the current request. */
  request: () => SnippetRequest | null;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState<SnippetRequest | null>(null);
  const [tab, setTab] = useState<Language>("curl");
  const [upstream, setUpstream] = useState(false);
  // Only once open, in the browser: the page may be rendered on the server first.
  const code = open
    ? snippets(open, upstream ? UPSTREAM_TARGET : consoleTarget(window.location.origin))[tab]
    : "";
  return (
    <>
      <Button size={size} disabled={disabled} onClick={() => setOpen(request())}>
        View code
      </Button>
      <Dialog open={!!open} onClose={() => setOpen(null)} title="View code" wide>
        {upstream ? (
          <p className="mb-3 text-muted">
            This code sends the request straight to the Mistral API. It needs a Mistral API key in{" "}
            <code className="font-mono">MISTRAL_API_KEY</code>; the console never shows its own.
          </p>
        ) : (
          <p className="mb-3 text-muted">
            This code sends the request to this console, as the playground does. Create a console
            token on the{" "}
            <Link href={routes.tokens()} className="text-accent underline underline-offset-2">
              Tokens page
            </Link>{" "}
            and set it as <code className="font-mono">MISTRAL_CONSOLE_TOKEN</code> first.
          </p>
        )}
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="accent-[var(--accent)]"
            checked={upstream}
            onChange={(e) => setUpstream(e.target.checked)}
          />
          Call the Mistral API directly (api.mistral.ai, needs a Mistral API key)
        </label>
        <Tabs value={tab} onValueChange={(v) => setTab(v as Language)}>
          <div className="mb-2 flex items-center justify-between gap-2">
            <TabsList aria-label="Language" className="border-b-0">
              {TABS.map(([id, label]) => (
                <TabsTrigger key={id} value={id}>
                  {label}
                </TabsTrigger>
              ))}
            </TabsList>
            <CopyButton text={code} label="Copy code" />
          </div>
          {TABS.map(([id]) => (
            <TabsContent key={id} value={id} className="pt-0">
              <pre className="max-h-[55vh] overflow-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs leading-relaxed">
                {id === tab ? code : null}
              </pre>
            </TabsContent>
          ))}
        </Tabs>
      </Dialog>
    </>
  );
}
