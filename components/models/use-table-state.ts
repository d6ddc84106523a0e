"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { parseTableState, serializeTableState, type TableState } from "@/lib/models/table-state";

/**
 * The table's state, kept in the URL. The table reads React state (so a keystroke re-renders at
 * once) and mirrors it into the address with history.replaceState (no navigation, no history entry
 * per keystroke). A change of the URL from outside (a link to /models?q=..., back/forward) is
 * adopted.
 */
export function useTableState() {
  const searchParams = useSearchParams();
  const [state, setState] = useState<TableState>(() => parseTableState(searchParams));
  // Query strings this hook wrote and the router has not reported back yet, oldest first.
  const written = useRef<string[]>([]);

  useEffect(() => {
    // Written a moment after the last change, so typing never waits on the router.
    const timer = setTimeout(() => {
      const qs = serializeTableState(state, new URLSearchParams(window.location.search));
      if (qs === window.location.search.replace(/^\?/, "")) return;
      written.current = [...written.current.slice(-100), qs];
      const url = qs ? `?${qs}` : window.location.pathname;
      window.history.replaceState(window.history.state, "", url);
    }, 150);
    return () => clearTimeout(timer);
  }, [state]);

  const current = searchParams.toString();
  useEffect(() => {
    const mine = written.current.indexOf(current);
    if (mine >= 0) {
      written.current = written.current.slice(mine + 1);
      return;
    }
    written.current = [];
    const next = parseTableState(new URLSearchParams(current));
    setState((prev) => (serializeTableState(prev) === serializeTableState(next) ? prev : next));
  }, [current]);

  return [state, setState] as const;
}
