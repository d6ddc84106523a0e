"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import type { Role } from "@/lib/playground/types";

export interface Draft {
  text: string;
  role: Role;
}

export const EMPTY_DRAFT: Draft = { text: "", role: "user" };

/** The new message being written, and the buttons that send, stop, regenerate or just add it. */
export function Composer({
  draft,
  onDraft,
  busy,
  onSend,
  onStop,
  onRegenerate,
  onAdd,
}: {
  draft: Draft;
  onDraft: (draft: Draft) => void;
  busy: boolean;
  onSend: () => void;
  onStop: () => void;
  /** Offered when the conversation ends with an answer that can be asked for again. */
  onRegenerate?: () => void;
  /** Adds the draft to the conversation without sending it. */
  onAdd: () => void;
}) {
  return (
    <form
      aria-label="New message"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <Field label="Message" description="Ctrl+Enter (⌘+Enter on a Mac) sends.">
        {(ids) => (
          <textarea
            {...ids}
            className={`${textareaClass} min-h-20`}
            value={draft.text}
            placeholder="Ask something…"
            onChange={(e) => onDraft({ ...draft, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                onSend();
              }
            }}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        {/* Two elements with their own keys: were Stop the Send node with another type, the
            click that stops would land on a submit button and send the draft. */}
        {busy ? (
          <Button key="stop" type="button" variant="danger" onClick={onStop}>
            Stop
          </Button>
        ) : (
          <Button key="send" type="submit" variant="primary">
            Send
          </Button>
        )}
        {onRegenerate && !busy && <Button onClick={onRegenerate}>Regenerate</Button>}
        <span className="ml-auto flex items-center gap-2">
          <label className="text-sm text-muted" htmlFor="draft-role">
            As
          </label>
          <select
            id="draft-role"
            className={`${inputClass} h-8 w-auto`}
            value={draft.role}
            onChange={(e) => onDraft({ ...draft, role: e.target.value as Role })}
          >
            <option value="user">User</option>
            <option value="assistant">Assistant</option>
            <option value="tool">Tool</option>
          </select>
          <Button size="sm" disabled={!draft.text.trim() || busy} onClick={onAdd}>
            Add message
          </Button>
        </span>
      </div>
    </form>
  );
}
