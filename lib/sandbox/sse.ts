// Paced server-sent events for the simulated operations that stream (conversations): one event
// every 1/tokensPerSecond s, on the same schedule as generation/completion.ts's completion streams.
import { scheduledEvents } from "./generation/completion";
import type { GenerationContext } from "./generation";

export function pacedEvents(events: string[], ctx: GenerationContext): Response {
  // A pace of 0 or less (or Infinity) means no pacing at all.
  const interval = ctx.tokensPerSecond > 0 ? 1000 / ctx.tokensPerSecond : 0;
  return scheduledEvents(
    events.map((data, i) => ({ at: i * interval, data })),
    ctx,
  );
}
