"use client";

import { createContext, useCallback, useContext, useState } from "react";

type Tone = "info" | "success" | "error";
interface Toast {
  id: number;
  tone: Tone;
  title: string;
  body?: string;
}

const ToastContext = createContext<(t: Omit<Toast, "id">) => void>(() => {});

export function useToast() {
  return useContext(ToastContext);
}

const tones: Record<Tone, string> = {
  info: "border-border",
  success: "border-success/50",
  error: "border-danger/50",
};

/** Toasts stack bottom-right, are announced politely, and leave after a few seconds. */
export function ToastProvider({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = (id: number) => setToasts((ts) => ts.filter((t) => t.id !== id));
  const push = useCallback((t: Omit<Toast, "id">) => {
    const id = Date.now() + Math.random();
    setToasts((ts) => [...ts.slice(-4), { ...t, id }]);
    setTimeout(() => dismiss(id), t.tone === "error" ? 10_000 : 5_000);
  }, []);
  return (
    <ToastContext.Provider value={push}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2"
      >
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            className={`pointer-events-auto rounded-lg border bg-surface px-4 py-3 text-sm shadow-lg ${tones[t.tone]}`}
          >
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium">{t.title}</p>
              <button
                aria-label="Dismiss"
                className="text-muted hover:text-text"
                onClick={() => dismiss(t.id)}
              >
                ✕
              </button>
            </div>
            {t.body && <p className="mt-0.5 text-muted">{t.body}</p>}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
