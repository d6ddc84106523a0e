"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import type { Role } from "@/lib/playground/types";

export interface Draft {
  text: string;
  role: Role;
  /** Data URLs of the images to send with a user message (vision models). */
  images: string[];
}

export const EMPTY_DRAFT: Draft = { text: "", role: "user", images: [] };

/** Images are kept in the saved conversation, which is capped at 2 MB. */
const MAX_IMAGE_BYTES = 1024 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}

/** Whether the draft has anything to add. */
export const hasDraft = (d: Draft) => d.text.trim() !== "" || d.images.length > 0;

/** The new message being written, and the buttons that send, stop, regenerate or just add it. */
export function Composer({
  draft,
  onDraft,
  busy,
  onSend,
  onStop,
  onRegenerate,
  onAdd,
  vision,
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
  /** The model takes images (its card says `vision`): they can be pasted, dropped or picked. */
  vision: boolean;
}) {
  const [imageError, setImageError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const addImages = async (files: Iterable<File>) => {
    const images = [...files].filter((f) => f.type.startsWith("image/"));
    if (!images.length) return;
    const tooBig = images.find((f) => f.size > MAX_IMAGE_BYTES);
    if (tooBig) {
      setImageError(`${tooBig.name} is larger than 1 MB: choose a smaller image.`);
      return;
    }
    setImageError(null);
    const urls = await Promise.all(images.map(readAsDataUrl));
    onDraft({ ...draft, role: "user", images: [...draft.images, ...urls] });
  };
  return (
    <form
      aria-label="New message"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
      onDragOver={(e) => {
        if (vision && e.dataTransfer.types.includes("Files")) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!vision || !e.dataTransfer.files.length) return;
        e.preventDefault();
        void addImages(e.dataTransfer.files);
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
            onPaste={(e) => {
              if (!vision || !e.clipboardData.files.length) return;
              e.preventDefault();
              void addImages(e.clipboardData.files);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                onSend();
              }
            }}
          />
        )}
      </Field>
      {vision && draft.images.length > 0 && (
        <ul aria-label="Images to send" className="flex flex-wrap gap-2">
          {draft.images.map((src, i) => (
            <li key={i} className="relative">
              {/* eslint-disable-next-line @next/next/no-img-element -- a data URL the user chose */}
              <img
                src={src}
                alt={`Image ${i + 1} to send`}
                className="h-16 w-auto rounded-md border border-border object-contain"
              />
              <button
                type="button"
                aria-label={`Remove image ${i + 1}`}
                className="absolute -top-2 -right-2 rounded-full border border-border bg-surface px-1.5 text-xs"
                onClick={() =>
                  onDraft({ ...draft, images: draft.images.filter((_, j) => j !== i) })
                }
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {imageError && (
        <p role="alert" className="text-xs text-danger">
          {imageError}
        </p>
      )}
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
        {vision && (
          <>
            <Button size="sm" variant="ghost" onClick={() => picker.current?.click()}>
              Add image
            </Button>
            <input
              ref={picker}
              type="file"
              accept="image/*"
              multiple
              hidden
              aria-label="Image file"
              onChange={(e) => {
                if (e.target.files) void addImages(e.target.files);
                e.target.value = "";
              }}
            />
          </>
        )}
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
          <Button size="sm" disabled={!hasDraft(draft) || busy} onClick={onAdd}>
            Add message
          </Button>
        </span>
      </div>
    </form>
  );
}
