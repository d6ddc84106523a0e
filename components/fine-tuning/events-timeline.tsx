import { formatDateTime, formatRelative } from "@/lib/format";
import type { EventOut } from "@/lib/mistral/types";
import { StatusBadge } from "./status-badge";

/** The job's events, oldest first; a status change shows its status, anything else its data. */
export function EventsTimeline({ events }: { events: EventOut[] }) {
  if (events.length === 0) return <p className="text-sm text-muted">No event yet.</p>;
  const sorted = [...events].sort((a, b) => a.created_at - b.created_at);
  return (
    <ol className="relative flex flex-col gap-3 border-l border-border pl-4">
      {sorted.map((e, i) => {
        const status = typeof e.data?.status === "string" ? e.data.status : null;
        const rest = e.data ? Object.entries(e.data).filter(([k]) => k !== "status") : [];
        return (
          <li key={`${e.created_at}-${i}`} className="relative text-sm">
            <span
              aria-hidden
              className="absolute top-1.5 -left-[1.3rem] h-2 w-2 rounded-full bg-accent"
            />
            <div className="flex flex-wrap items-center gap-2">
              {status ? (
                <StatusBadge status={status} />
              ) : (
                <span className="font-medium">{e.name}</span>
              )}
              <time className="text-xs text-muted" title={formatDateTime(e.created_at)}>
                {formatDateTime(e.created_at)} · {formatRelative(e.created_at)}
              </time>
            </div>
            {rest.length > 0 && (
              <p className="mt-0.5 font-mono text-xs break-all text-muted">
                {rest
                  .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
                  .join(" · ")}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
