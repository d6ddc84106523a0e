"use client";

import { debounce, defaultRateLimit, parseAsString, useQueryStates } from "nuqs";
import { useCallback, useMemo } from "react";

type Next = URLSearchParams | ((current: URLSearchParams) => URLSearchParams);

/**
 * The page's query parameters named in `keys` (a module constant), read and written through
 * nuqs: a write replaces the history entry, without a server round trip or a scroll, and every
 * reader sees it at once (the address follows a moment later); links and back/forward update
 * them. Parameters not named are left alone. The query comes back as a string (`a=1&b=2`, in
 * `keys` order) so that callers can memoize what they parse from it. With `debounceMs`, the
 * address is written that long after the last change (typing never waits on the router).
 */
export function useUrlQuery(keys: readonly string[], { debounceMs }: { debounceMs?: number } = {}) {
  const parsers = useMemo(() => Object.fromEntries(keys.map((k) => [k, parseAsString])), [keys]);
  const [values, setValues] = useQueryStates(parsers, {
    history: "replace",
    scroll: false,
    limitUrlUpdates: debounceMs ? debounce(debounceMs) : defaultRateLimit,
  });
  const query = toParams(keys, values).toString();
  const setQuery = useCallback(
    (next: Next) => {
      // The state changes at once; the promise only says when the address was written.
      void setValues((old) => {
        const params = typeof next === "function" ? next(toParams(keys, old)) : next;
        return Object.fromEntries(keys.map((k) => [k, params.get(k)]));
      });
    },
    [keys, setValues],
  );
  return [query, setQuery] as const;
}

function toParams(keys: readonly string[], values: Record<string, string | null>) {
  const params = new URLSearchParams();
  for (const k of keys) {
    const v = values[k];
    if (v != null) params.set(k, v);
  }
  return params;
}
