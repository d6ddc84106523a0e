"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { titleFrom } from "@/lib/playground/messages";
import { loadConversations, saveConversations, upsertConversation } from "@/lib/playground/storage";
import { DEFAULT_PARAMS, newId, type Conversation } from "@/lib/playground/types";

export function blankConversation(model = ""): Conversation {
  const now = Date.now();
  return {
    id: newId("c"),
    title: "New conversation",
    system: "",
    messages: [],
    settings: {
      mode: "model",
      model,
      agentId: "",
      params: { ...DEFAULT_PARAMS },
      tools: [],
      toolChoice: "auto",
    },
    createdAt: now,
    updatedAt: now,
  };
}

const worthSaving = (c: Conversation) => c.messages.length > 0 || c.system.trim() !== "";

/**
 * The saved conversations and the open one. Runs only in the browser (the page loads it without
 * server rendering), so localStorage is read once, up front. Typing is saved after a short pause;
 * answers are saved at once.
 */
export function useConversations(initialModel?: string) {
  const [list, setList] = useState<Conversation[]>(() =>
    typeof window === "undefined" ? [] : loadConversations(window.localStorage),
  );
  const [current, setCurrent] = useState<Conversation>(() =>
    !initialModel && list[0] ? list[0] : blankConversation(initialModel),
  );
  const [saveError, setSaveError] = useState<string | null>(null);
  const latest = useRef({ list, current });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const persist = useCallback((next: Conversation[]) => {
    setSaveError(saveConversations(window.localStorage, next));
  }, []);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { list: l, current: c } = latest.current;
    if (!worthSaving(c)) return;
    const next = upsertConversation(l, c);
    latest.current.list = next;
    setList(next);
    persist(next);
  }, [persist]);

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      onHide();
    };
  }, [flush]);

  /** Changes the open conversation; `now` saves at once instead of after a pause. */
  const update = useCallback(
    (change: (c: Conversation) => Conversation, now = false) => {
      const prev = latest.current.current;
      let next = change(prev);
      if (next === prev) return;
      next = {
        ...next,
        title: next.renamed ? next.title : titleFrom(next.messages),
        updatedAt: Date.now(),
      };
      latest.current.current = next;
      setCurrent(next);
      if (timer.current) clearTimeout(timer.current);
      if (now) flush();
      else timer.current = setTimeout(flush, 400);
    },
    [flush],
  );

  const open = useCallback(
    (c: Conversation) => {
      flush();
      latest.current.current = c;
      setCurrent(c);
    },
    [flush],
  );

  const startNew = useCallback(
    (model = "") => open(blankConversation(model || latest.current.current.settings.model)),
    [open],
  );

  const rename = useCallback(
    (title: string) =>
      update((c) => ({ ...c, title: title.trim() || c.title, renamed: true }), true),
    [update],
  );

  const remove = useCallback(
    (id: string) => {
      if (timer.current) clearTimeout(timer.current);
      const next = latest.current.list.filter((c) => c.id !== id);
      latest.current.list = next;
      setList(next);
      persist(next);
      if (latest.current.current.id === id) {
        const fresh = next[0] ?? blankConversation(latest.current.current.settings.model);
        latest.current.current = fresh;
        setCurrent(fresh);
      }
    },
    [persist],
  );

  return { list, current, update, open, startNew, rename, remove, saveError };
}
