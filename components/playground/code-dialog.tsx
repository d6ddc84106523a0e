"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { snippets, type SnippetKind } from "@/lib/playground/snippets";

const TABS = [
  ["curl", "curl"],
  ["typescript", "TypeScript"],
  ["python", "Python"],
] as const;

/** "View code": the current request in three languages, with the key as a placeholder. */
export function ViewCodeButton({
  kind,
  body,
  disabled,
  size = "sm",
}: {
  size?: "sm" | "md";
  kind: SnippetKind;
  /** Built when the dialog opens, so it always shows the current request. */
  body: () => object | null;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState<object | null>(null);
  const [tab, setTab] = useState<(typeof TABS)[number][0]>("curl");
  const code = open ? snippets(kind, open)[tab] : "";
  return (
    <>
      <Button size={size} disabled={disabled} onClick={() => setOpen(body())}>
        View code
      </Button>
      <Dialog open={!!open} onClose={() => setOpen(null)} title="View code" wide>
        <p className="mb-3 text-muted">
          This request against the Mistral API. Set{" "}
          <code className="font-mono">MISTRAL_API_KEY</code> in your environment first; the console
          never shows its key.
        </p>
        <div role="tablist" aria-label="Language" className="mb-2 flex gap-1">
          {TABS.map(([id, label]) => (
            <button
              key={id}
              role="tab"
              type="button"
              aria-selected={tab === id}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${tab === id ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-2"}`}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={TABS.find((t) => t[0] === tab)?.[1]} className="relative">
          <div className="absolute top-1 right-1">
            <CopyButton text={code} label="Copy code" />
          </div>
          <pre className="max-h-[55vh] overflow-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs leading-relaxed">
            {code}
          </pre>
        </div>
      </Dialog>
    </>
  );
}
