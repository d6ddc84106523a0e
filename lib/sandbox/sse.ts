// Paced server-sent events for the simulated operations that stream (conversations): one event
// every 1/tokensPerSecond s, produced only when the reader asks, stopped at once when the client
// goes away. The same scheduling as generation/completion.ts's completionStream, for ready-made
// event texts.
import { SSE_HEADERS } from "./generation/completion";
import type { GenerationContext } from "./generation";

export function pacedEvents(events: string[], ctx: GenerationContext): Response {
  // A pace of 0 or less (or Infinity) means no pacing at all.
  const interval = ctx.tokensPerSecond > 0 ? 1000 / ctx.tokensPerSecond : 0;
  const encoder = new TextEncoder();
  let next = 0;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  const started = performance.now();

  const finish = (aborted: boolean) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    wake?.();
    ctx.signal.removeEventListener("abort", onClientGone);
    if (aborted) ctx.onAbort();
    ctx.onEnd?.();
  };
  function onClientGone() {
    finish(true);
    try {
      controller.close();
    } catch {
      // Already closed or cancelled by the reader.
    }
  }

  ctx.onStart?.();
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (ctx.signal.aborted) onClientGone();
        else ctx.signal.addEventListener("abort", onClientGone);
      },
      async pull(c) {
        if (finished) return;
        // On an absolute schedule, so timer granularity does not slow fast paces.
        const wait = started + next * interval - performance.now();
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, wait);
          });
          wake = undefined;
          if (finished) return;
        }
        c.enqueue(encoder.encode(events[next++]));
        if (next === events.length) {
          finish(false);
          c.close();
        }
      },
      cancel() {
        finish(true);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { headers: SSE_HEADERS });
}
