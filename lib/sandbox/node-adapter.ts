// node:http <-> fetch Request/Response, streaming both ways: the request body is passed on as a
// stream (never buffered) and the response is written chunk by chunk as it is produced, so each
// server-sent event reaches the client at once. Reusable by any node:http server in the project.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/**
 * A fetch Request for a node request. Its `signal` aborts when the client goes away before the
 * response is finished (closed tab, stopped generation, cut-off upload).
 */
export function toFetchRequest(
  req: IncomingMessage,
  res: ServerResponse,
  origin?: string,
): Request {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished)
      controller.abort(new DOMException("The client went away", "AbortError"));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else headers.set(name, value);
  }
  const base = origin ?? `http://${req.headers.host ?? "localhost"}`;
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", base), {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes a fetch Response to a node response, flushing every chunk and honouring backpressure. */
export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, headers);
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  // If the client leaves, stop the producer (e.g. a generation) instead of writing into the void.
  const onClose = () => void reader.cancel().catch(() => undefined);
  res.on("close", onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off("drain", done);
            res.off("close", done);
            resolve();
          };
          res.on("drain", done);
          res.on("close", done);
        });
      }
    }
  } catch {
    // The producer failed mid-stream: nothing more can be said in this response.
  } finally {
    res.off("close", onClose);
    res.end();
  }
}
