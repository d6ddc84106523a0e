"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { exportFileName, exportJson, exportMarkdown } from "@/lib/playground/storage";
import type { SnippetRequest } from "@/lib/playground/snippets";
import type { Conversation } from "@/lib/playground/types";
import { download } from "@/lib/ui/download";
import { ViewCodeButton } from "../code-dialog";

/** The open conversation's title and what can be done with it as a whole. */
export function ConversationHeader({
  conversation: c,
  busy,
  request,
  comparing,
  onCompare,
  onRename,
  onDelete,
}: {
  conversation: Conversation;
  busy: boolean;
  /** The request Send would make, for View code. */
  request: () => SnippetRequest;
  comparing: boolean;
  onCompare: (on: boolean) => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const rename = () => {
    if (!renaming?.trim()) return;
    onRename(renaming);
    setRenaming(null);
  };
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <h2 className="min-w-0 basis-full truncate text-base font-semibold">{c.title}</h2>
      <div className="flex flex-wrap gap-1 [&_button]:px-2">
        <Button size="sm" variant="ghost" onClick={() => setRenaming(c.title)} disabled={busy}>
          Rename
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            download({
              fileName: exportFileName(c, "json"),
              text: exportJson(c),
              type: "application/json",
            })
          }
        >
          Export JSON
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() =>
            download({
              fileName: exportFileName(c, "md"),
              text: exportMarkdown(c),
              type: "text/markdown",
            })
          }
        >
          Export Markdown
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setDeleting(true)} disabled={busy}>
          Delete
        </Button>
        <ViewCodeButton request={request} />
        <Button
          size="sm"
          aria-pressed={comparing}
          disabled={busy}
          onClick={() => onCompare(!comparing)}
        >
          {comparing ? "Leave compare" : "Compare"}
        </Button>
      </div>

      <Dialog
        open={renaming != null}
        onClose={() => setRenaming(null)}
        title="Rename conversation"
        footer={
          <>
            <Button onClick={() => setRenaming(null)}>Cancel</Button>
            <Button variant="primary" disabled={!renaming?.trim()} onClick={rename}>
              Rename
            </Button>
          </>
        }
      >
        <Field label="Name">
          {(ids) => (
            <input
              {...ids}
              className={inputClass}
              value={renaming ?? ""}
              autoFocus
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") rename();
              }}
            />
          )}
        </Field>
      </Dialog>
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          onDelete();
          setDeleting(false);
        }}
        title="Delete this conversation?"
      >
        “{c.title}” and its {c.messages.length} messages are deleted from your account, on every
        device. Export it first to keep a copy.
      </ConfirmDialog>
    </div>
  );
}
