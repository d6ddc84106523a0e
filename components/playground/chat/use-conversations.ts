"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "@/components/auth/session";
import {
  conversationApi,
  conversationKeys,
  saveConversation,
  useConversationList,
  withSummary,
} from "@/lib/api/hooks/use-conversations";
import { ApiError } from "@/lib/api/errors";
import { titleFrom } from "@/lib/playground/messages";
import {
  DEFAULT_PARAMS,
  newId,
  type Conversation,
  type ConversationSummary,
} from "@/lib/playground/types";

/** A new conversation with `model`, or run by the agent `agentId` when one is given. */
export function blankConversation(model = "", agentId = ""): Conversation {
  const now = Date.now();
  return {
    id: newId("c"),
    title: "New conversation",
    system: "",
    messages: [],
    settings: {
      mode: agentId ? "agent" : "model",
      model,
      agentId,
      params: { ...DEFAULT_PARAMS },
      tools: [],
      toolChoice: "auto",
    },
    createdAt: now,
    updatedAt: now,
  };
}

const worthSaving = (c: Conversation) => c.messages.length > 0 || c.system.trim() !== "";

/** Typing is saved after this pause; answers, edits and renames at once. */
const SAVE_PAUSE_MS = 800;

/** The open conversation's id in the address, so a reload (or a bookmark) reopens it. */
function setAddress(id: string | null) {
  const url = new URL(window.location.href);
  if (id) {
    url.searchParams.set("c", id);
    // ?model= or ?agent= opened a new conversation: once it is saved, a reload reopens it instead.
    url.searchParams.delete("model");
    url.searchParams.delete("agent");
  } else url.searchParams.delete("c");
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}

function saveMessage(error: unknown): string {
  const reason = error instanceof ApiError ? error.message : String(error);
  return `This conversation could not be saved to your account: ${reason}`;
}

/**
 * The signed-in user's saved conversations (kept by the console, so they follow the user to any
 * browser and never to the next person on this one) and the open one. Nothing is written while
 * an answer streams: the run saves once when it starts and once when it ends, typing after a
 * short pause, and saves go out one at a time, in order.
 */
export function useConversations(initialModel?: string, initialAgent?: string) {
  const { user } = useSession();
  const qc = useQueryClient();
  const listQuery = useConversationList(user.id);
  const [current, setCurrent] = useState<Conversation>(() =>
    blankConversation(initialModel, initialAgent),
  );
  const [saveError, setSaveError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  /** The conversation the address names (?c=<id>) when the page opens. */
  const [startId] = useState(() =>
    initialModel || initialAgent ? null : new URL(window.location.href).searchParams.get("c"),
  );
  const [opening, setOpening] = useState(startId !== null);
  const latest = useRef({ current });
  /** Ids the console has (listed, opened or saved here). */
  const known = useRef(new Set<string>());
  /** What is on its way to the console: saves wait for the one before. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);

  const isKnown = useCallback(
    (id: string) =>
      known.current.has(id) ||
      !!qc
        .getQueryData<ConversationSummary[]>(conversationKeys.list(user.id))
        ?.some((x) => x.id === id),
    [qc, user.id],
  );

  const persist = useCallback(
    (c: Conversation, init?: RequestInit) => {
      const run = async () => {
        try {
          const saved = await saveConversation(c, isKnown(c.id), init);
          known.current.add(c.id);
          qc.setQueryData<ConversationSummary[]>(conversationKeys.list(user.id), (l) =>
            withSummary(l, { ...c, updatedAt: saved.updatedAt ?? c.updatedAt }),
          );
          qc.setQueryData(conversationKeys.detail(user.id, c.id), c);
          setSaveError(null);
        } catch (error) {
          setSaveError(saveMessage(error));
        }
      };
      queue.current = queue.current.then(run);
      return queue.current;
    },
    [isKnown, qc, user.id],
  );

  const flush = useCallback(
    (init?: RequestInit) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const c = latest.current.current;
      if (!dirty.current || !worthSaving(c)) return;
      dirty.current = false;
      setAddress(c.id);
      void persist(c, init);
    },
    [persist],
  );

  // A reload or a link with ?c=<id> reopens that conversation, if it is the user's.
  useEffect(() => {
    const id = startId;
    if (!id) return;
    let cancelled = false;
    qc.fetchQuery({
      queryKey: conversationKeys.detail(user.id, id),
      queryFn: ({ signal }) => conversationApi.get(id, signal),
    })
      .then((c) => {
        if (cancelled || latest.current.current.messages.length > 0) return;
        known.current.add(c.id);
        latest.current.current = c;
        setCurrent(c);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setAddress(null);
        setOpenError(
          error instanceof ApiError && error.status === 404
            ? "That conversation does not exist in your account. A new one is open."
            : `The conversation could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => !cancelled && setOpening(false));
    return () => {
      cancelled = true;
    };
  }, [qc, user.id, startId]);

  useEffect(() => {
    // Leaving the page: the last typing goes out even as the page unloads.
    const onHide = () => flush({ keepalive: true });
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      flush();
    };
  }, [flush]);

  const change = useCallback(
    (edit: (c: Conversation) => Conversation, save: "now" | "after-pause") => {
      const prev = latest.current.current;
      let next = edit(prev);
      if (next === prev) return;
      next = {
        ...next,
        title: next.renamed ? next.title : titleFrom(next.messages),
        updatedAt: Date.now(),
      };
      latest.current.current = next;
      dirty.current = true;
      setCurrent(next);
      if (timer.current) clearTimeout(timer.current);
      if (save === "now") flush();
      else timer.current = setTimeout(flush, SAVE_PAUSE_MS);
    },
    [flush],
  );
  /** Changes the open conversation as the user types: saved after a short pause. */
  const update = useCallback(
    (edit: (c: Conversation) => Conversation) => change(edit, "after-pause"),
    [change],
  );
  /** Changes the open conversation and saves it at once (answers, edits, renames). */
  const updateNow = useCallback(
    (edit: (c: Conversation) => Conversation) => change(edit, "now"),
    [change],
  );

  const show = useCallback((c: Conversation, id: string | null) => {
    latest.current.current = c;
    dirty.current = false;
    setCurrent(c);
    setAddress(id);
    setOpenError(null);
  }, []);

  const open = useCallback(
    async (summary: ConversationSummary) => {
      flush();
      setOpening(true);
      try {
        const c = await qc.fetchQuery({
          queryKey: conversationKeys.detail(user.id, summary.id),
          queryFn: ({ signal }) => conversationApi.get(summary.id, signal),
        });
        show(c, c.id);
      } catch (error) {
        setOpenError(
          `The conversation could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (error instanceof ApiError && error.status === 404) {
          void qc.invalidateQueries({ queryKey: conversationKeys.list(user.id) });
        }
      } finally {
        setOpening(false);
      }
    },
    [flush, qc, show, user.id],
  );

  const startNew = useCallback(
    (model = "") => {
      flush();
      show(blankConversation(model || latest.current.current.settings.model), null);
    },
    [flush, show],
  );

  const rename = useCallback(
    (title: string) => updateNow((c) => ({ ...c, title: title.trim() || c.title, renamed: true })),
    [updateNow],
  );

  const remove = useCallback(
    async (id: string) => {
      if (timer.current) clearTimeout(timer.current);
      dirty.current = false;
      await queue.current;
      try {
        if (isKnown(id)) await conversationApi.remove(id);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) {
          setSaveError(`The conversation could not be deleted: ${saveMessage(error)}`);
          return;
        }
      }
      known.current.delete(id);
      qc.setQueryData<ConversationSummary[]>(conversationKeys.list(user.id), (l) =>
        (l ?? []).filter((x) => x.id !== id),
      );
      qc.removeQueries({ queryKey: conversationKeys.detail(user.id, id) });
      if (latest.current.current.id === id) {
        show(blankConversation(latest.current.current.settings.model), null);
      }
    },
    [isKnown, qc, show, user.id],
  );

  return {
    list: listQuery.data ?? [],
    listState: listQuery,
    current,
    update,
    updateNow,
    open,
    startNew,
    rename,
    remove,
    saveError,
    openError,
    opening,
  };
}
