"use client";

import { Dialog as DialogPrimitive } from "radix-ui";
import { useRef, useState } from "react";
import { cn } from "@/lib/ui/cn";
import { Button } from "./button";
import { inputClass } from "./field";

/**
 * A modal on Radix Dialog: focus moves in and is trapped, Escape or a click outside closes it,
 * the rest of the page is hidden from screen readers, and focus returns to what opened it.
 * Its title is its accessible name.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  wide = false,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  /** A sentence read out with the title when the dialog opens. */
  description?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
  wide?: boolean;
}) {
  // The dialogs open from state, not from a Radix trigger: give focus back to what had it.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/45" />
        <DialogPrimitive.Content
          // Without a description, say so, or Radix points aria-describedby at nothing.
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement as HTMLElement | null;
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (opener.current?.isConnected) opener.current.focus();
          }}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 flex max-h-[85vh] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-xl border border-border bg-surface text-text shadow-xl focus:outline-none",
            wide ? "max-w-3xl" : "max-w-lg",
          )}
        >
          <div className="flex items-center justify-between border-b border-border px-5 py-3">
            <DialogPrimitive.Title className="text-base font-semibold">
              {title}
            </DialogPrimitive.Title>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="sm" aria-label="Close">
                ✕
              </Button>
            </DialogPrimitive.Close>
          </div>
          <div className="overflow-auto px-5 py-4 text-sm">
            {description && (
              <DialogPrimitive.Description className="mb-2 text-muted">
                {description}
              </DialogPrimitive.Description>
            )}
            {children}
          </div>
          {footer && (
            <div className="flex justify-end gap-2 border-t border-border px-5 py-3">{footer}</div>
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** Asks before a destructive action; with `confirmText`, the user must type it first. */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel = "Delete",
  confirmText,
  busy = false,
}: {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children: React.ReactNode;
  confirmLabel?: string;
  confirmText?: string;
  busy?: boolean;
}) {
  const [typed, setTyped] = useState("");
  const ok = !confirmText || typed === confirmText;
  const close = () => {
    setTyped("");
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="danger" disabled={!ok || busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {confirmText && (
        <label className="mt-3 flex flex-col gap-1">
          <span>
            Type <code className="font-mono font-semibold">{confirmText}</code> to confirm
          </span>
          <input
            className={inputClass}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
      )}
    </Dialog>
  );
}
