"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies text to the clipboard; `copied` is true for a moment after it worked. */
export function useCopy(text: string) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard refused (insecure origin): the text stays selectable by hand.
    }
  };
  return { copied, copy };
}

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const { copied, copy } = useCopy(text);
  return (
    <Button size="sm" variant="ghost" aria-label={label} title={label} onClick={copy}>
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
