"use client";

import { useCopy } from "@/components/ui/copy-button";
import { Tooltip } from "@/components/ui/tooltip";

/** A compact copy button for table cells (the id beside it stays selectable if copying fails). */
export function CopyId({ text }: { text: string }) {
  const { copied, copy } = useCopy(text);
  return (
    <Tooltip content={copied ? "Copied" : "Copy id"}>
      <button
        type="button"
        aria-label={copied ? `Copied ${text}` : `Copy ${text}`}
        onClick={copy}
        className="shrink-0 rounded px-1.5 py-0.5 text-xs text-muted hover:bg-surface hover:text-text"
      >
        {copied ? (
          <span aria-hidden>✓</span>
        ) : (
          <svg
            aria-hidden
            viewBox="0 0 16 16"
            className="h-3.5 w-3.5"
            fill="none"
            stroke="currentColor"
          >
            <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
            <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
          </svg>
        )}
      </button>
    </Tooltip>
  );
}
