"use client";

import { useEffect, useState } from "react";
import { formatDateTime, formatRelative, toDate } from "@/lib/format";
import { cn } from "@/lib/ui/cn";

/** An empty cell: a muted dash, with why in its title when there is a reason. */
export function Dash({ title }: { title?: string }) {
  return (
    <span className="text-muted" title={title}>
      —
    </span>
  );
}

/** One line of text cut to the column's width (the whole text in its title), or a dash. */
export function TextCell({
  value,
  mono = false,
}: {
  value: string | null | undefined;
  mono?: boolean;
}) {
  if (value == null || value === "") return <Dash />;
  return (
    <div className={cn("truncate", mono && "font-mono text-xs")} title={value}>
      {value}
    </div>
  );
}

/** Re-renders every 30 s so "2 minutes ago" stays true. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

/** "3 minutes ago", with the exact UTC time in its title and machine-readable. */
export function RelativeTime({
  value,
  now,
}: {
  value: number | string | null | undefined;
  now?: number;
}) {
  const date = toDate(value);
  if (!date) return <Dash />;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(value)} className="whitespace-nowrap">
      {formatRelative(value, now)}
    </time>
  );
}
