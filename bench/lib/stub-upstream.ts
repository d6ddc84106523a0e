/**
 * An in-memory upstream for the in-process benchmarks (gateway-micro.ts, auth-overhead.ts): a
 * fixed JSON answer for GET /v1/models and, for anything else, `events` as an SSE stream answered
 * at once.
 */
import type { Answer } from "@/lib/server/answer";
import { Body } from "@/lib/server/body";
import type { Upstream } from "@/lib/server/upstream";

export function stubUpstream(models: Uint8Array, events: Uint8Array[]): Upstream {
  return async (request) => {
    if (request.path === "/v1/models") {
      return {
        status: 200,
        headers: { "content-type": "application/json" },
        body: Body.of(models),
      };
    }
    let i = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < events.length) controller.enqueue(events[i++]);
        else controller.close();
      },
    });
    return {
      status: 200,
      headers: { "content-type": "text/event-stream" },
      body: Body.fromWeb(stream),
    } satisfies Answer;
  };
}
