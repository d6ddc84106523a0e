import "server-only";
import type { IncomingMessage } from "node:http";
import { errorCode } from "./errors";

/**
 * Response bodies that pass through the gateway as ONE layer, however many parts of the console
 * look at them. The key redactor, the stream metrics and the audit's observer each `tap` a body
 * instead of wrapping it in a stream of their own: their per-chunk work runs in one loop, one
 * chunk at a time, with no promise turn in between. The result is a web ReadableStream (what a
 * route handler returns), and the fast path (fast-path.ts) can take it before anything read it
 * (`pumpTo`) and pump the source straight into Node's response: the live upstream's socket to the client's,
 * through the taps, without a web stream at all.
 */
export interface Tap {
  /** A chunk on its way: what goes on (null holds it back). Runs in the order taps were added. */
  chunk?(chunk: Uint8Array): Uint8Array | null;
  /** The source ended: whatever was held back (it goes through the later taps). */
  flush?(): Uint8Array | null;
  /**
   * How the body finished, once: "end" (after the flush), "error" (the source failed) or "cancel"
   * (the reader went away). Awaited before the reader sees the end or the error.
   */
  done?(how: "end" | "error" | "cancel"): void | Promise<void>;
}

/** Where a source's chunks come from: a Node stream or a web stream. */
interface Source {
  /** Starts the flow (called once). */
  start(on: SourceEvents): void;
  pause(): void;
  resume(): void;
  /** The reader went away: stop the source (this is what stops an upstream generation). */
  cancel(reason: unknown): void;
}

interface SourceEvents {
  data(chunk: Uint8Array): void;
  end(): void;
  fail(error: unknown): void;
}

/** Where a pumped body goes: a web stream's controller or Node's response. */
export interface Sink {
  /** Takes a chunk; false asks for the source to wait until `ready()`. */
  write(chunk: Uint8Array): boolean;
  close(): void;
  fail(error: unknown): void;
}

export interface Pump {
  /** The sink can take more. */
  ready(): void;
  /** The sink went away. */
  cancel(reason: unknown): Promise<void>;
}

interface Body {
  source: Source;
  taps: Tap[];
  /** Set once something reads it: through its web face or a sink that took it. */
  pump: Pump | null;
}

const bodies = new WeakMap<ReadableStream<Uint8Array>, Body>();

/** A web stream runs this far ahead of its reader (the fast path: Node's own buffering). */
const AHEAD = 64 * 1024;

/**
 * `stream` with `tap` applied: the same stream when it is one of ours that nothing has read yet
 * (the tap joins its loop), else a stream of ours reading it.
 */
export function tap(stream: ReadableStream<Uint8Array>, t: Tap): ReadableStream<Uint8Array> {
  const body = bodies.get(stream);
  if (body && !body.pump && !stream.locked) {
    body.taps.push(t);
    return stream;
  }
  return face({ source: webSource(stream), taps: [t], pump: null });
}

/**
 * The body of a Node stream (an upstream's answer) as a web stream, read only as fast as its
 * reader takes it. `idle` ends it cleanly when the source sends nothing for that long while the
 * reader waits; a source that breaks off is ended cleanly too: the reader keeps what it got (a
 * stream client sees no `[DONE]` and can say the answer was cut). Either is told to `ended`.
 */
export function fromNode(
  node: IncomingMessage,
  options: { idleMs: number; ended: (problem: string) => void },
): ReadableStream<Uint8Array> {
  return face({ source: nodeSource(node, options), taps: [], pump: null });
}

/**
 * Pumps `stream` into `sink`: one of ours that nothing has read yet goes from its source, through
 * its taps, straight there (no web stream on the way); any other is read as a web stream.
 */
export function pumpTo(stream: ReadableStream<Uint8Array>, sink: Sink): Pump {
  const body = bodies.get(stream);
  if (body && !body.pump && !stream.locked) return pump(body, sink);
  return pump({ source: webSource(stream), taps: [], pump: null }, sink);
}

function face(body: Body): ReadableStream<Uint8Array> {
  const stream = new ReadableStream<Uint8Array>(
    {
      // A high-water mark of 0: nothing is read before the first read (the fast path may still
      // take the body over); past that, the queue's length paces the source.
      pull(controller) {
        if (body.pump) return body.pump.ready();
        pump(body, {
          write(chunk) {
            controller.enqueue(chunk);
            return -(controller.desiredSize ?? 0) < AHEAD;
          },
          close: () => controller.close(),
          fail: (error) => controller.error(error),
        });
      },
      cancel(reason) {
        const control = body.pump ?? pump(body, { write: () => false, close() {}, fail() {} });
        return control.cancel(reason);
      },
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );
  bodies.set(stream, body);
  return stream;
}

function pump(body: Body, sink: Sink): Pump {
  const { source, taps } = body;
  let finished = false;
  const pass = (chunk: Uint8Array | null, from: number): Uint8Array | null => {
    for (let i = from; i < taps.length && chunk; i++) {
      const t = taps[i];
      if (t.chunk) chunk = t.chunk(chunk);
    }
    return chunk;
  };
  const finish = async (how: "end" | "error" | "cancel", error?: unknown) => {
    if (finished) return;
    finished = true;
    if (how === "end") {
      taps.forEach((t, i) => {
        const out = pass(t.flush?.() ?? null, i + 1);
        if (out) sink.write(out);
      });
    }
    for (const t of taps) {
      try {
        await t.done?.(how);
      } catch (problem) {
        console.error(`[gateway] a response observer failed: ${String(problem)}`);
      }
    }
    if (how === "end") sink.close();
    else if (how === "error") sink.fail(error);
  };
  body.pump = {
    ready: () => {
      if (!finished) source.resume();
    },
    cancel: async (reason) => {
      if (!finished) source.cancel(reason);
      await finish("cancel");
    },
  };
  source.start({
    data(chunk) {
      if (finished) return;
      const out = pass(chunk, 0);
      if (out && !sink.write(out)) source.pause();
    },
    end: () => void finish("end"),
    fail: (error) => void finish("error", error),
  });
  return body.pump;
}

function webSource(stream: ReadableStream<Uint8Array>): Source {
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  let on: SourceEvents;
  let paused = false;
  let reading = false;
  let over = false;
  const loop = async () => {
    if (reading) return;
    reading = true;
    try {
      while (!paused && !over) {
        const { done, value } = await reader.read();
        if (over) return;
        if (done) {
          over = true;
          return on.end();
        }
        on.data(value);
      }
    } catch (error) {
      if (!over) {
        over = true;
        on.fail(error);
      }
    } finally {
      reading = false;
    }
  };
  return {
    start(events) {
      on = events;
      reader = stream.getReader();
      void loop();
    },
    pause: () => void (paused = true),
    resume() {
      paused = false;
      void loop();
    },
    cancel(reason) {
      over = true;
      reader.cancel(reason).catch(() => {});
    },
  };
}

function nodeSource(
  node: IncomingMessage,
  { idleMs, ended }: { idleMs: number; ended: (problem: string) => void },
): Source {
  // Until the body is read, a connection that breaks is noticed when the reading starts (a
  // Node stream's 'error' with no listener would end the process).
  node.on("error", () => {});
  let over = false;
  let idle: NodeJS.Timeout | undefined;
  let on: SourceEvents | null = null;
  // The idle clock runs only while the reader waits for data, not while it is slow to read.
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => end(`the upstream sent nothing for ${idleMs} ms`), idleMs);
  };
  const end = (problem?: string) => {
    if (over) return;
    over = true;
    clearTimeout(idle);
    if (problem) {
      ended(problem);
      node.destroy();
    }
    on?.end();
  };
  return {
    start(events) {
      on = events;
      node.on("data", (chunk: Buffer) => {
        if (over) return;
        idle?.refresh();
        events.data(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      });
      node.on("end", () => end());
      node.on("error", (error) => end(`the upstream connection broke off (${errorCode(error)})`));
      node.on("close", () => {
        if (!node.complete) end("the upstream connection broke off");
      });
      if (node.destroyed && !node.complete) return end("the upstream connection broke off");
      arm();
    },
    pause() {
      clearTimeout(idle);
      node.pause();
    },
    resume() {
      if (over || !node.isPaused()) return;
      arm();
      node.resume();
    },
    cancel() {
      over = true;
      clearTimeout(idle);
      node.destroy();
    },
  };
}
