"use client";

import { useState } from "react";

/** A compact copy button for table cells (the id beside it stays selectable if copying fails). */
export function CopyId({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={copied ? `Copied ${text}` : `Copy ${text}`}
      title={copied ? "Copied" : "Copy id"}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          // Clipboard refused (insecure origin): the id can still be selected by hand.
        }
      }}
      className="shrink-0 rounded px-1.5 py-0.5 text-xs text-muted hover:bg-surface hover:text-text"
    >
      <span aria-hidden>{copied ? "✓" : "⧉"}</span>
    </button>
  );
}
