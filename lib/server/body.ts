import "server-only";
import type { IncomingMessage } from "node:http";
import { errorCode } from "./errors";

/**
 * Response bodies that pass through the gateway as ONE layer, however many parts of the console
 * look at them. The key redactor, the stream metrics and the audit's observer each `tap` a body
 * instead of wrapping it in a stream of their own: their per-chunk work runs in one loop, one
 * chunk at a time, with no promise turn in between. The fast path (fast-path.ts) pumps a body
 * straight into Node's response (`pumpTo`): the live upstream's socket to the client's, through
 * the taps, with no web stream at all. A route handler gets a web stream (`stream()`).
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

/** Where a source's chunks come from: a Node stream, a web stream or memory. */
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

/** Where a pumped body goes: a web stream's controller, Node's response or memory. */
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

/** A web stream runs this far ahead of its reader (the fast path: Node's own buffering). */
const AHEAD = 64 * 1024;

/** A body on its way: a source, the taps that look at it, and (once read) its one reader. */
export class Body {
  private readonly taps: Tap[] = [];
  private reading: Pump | null = null;
  private web: ReadableStream<Uint8Array> | null = null;

  private constructor(private readonly source: Source) {}

  /**
   * An upstream's answer, from its Node stream, read only as fast as its reader takes it. `idleMs`
   * ends it cleanly when the source sends nothing for that long while the reader waits; a source
   * that breaks off is ended cleanly too: the reader keeps what it got (a stream client sees no
   * `[DONE]` and can say the answer was cut). Either is told to `ended`.
   */
  static fromNode(
    node: IncomingMessage,
    options: { idleMs: number; ended: (problem: string) => void },
  ): Body {
    return new Body(nodeSource(node, options));
  }

  /** A web stream's content (the embedded sandbox's answers). */
  static fromWeb(stream: ReadableStream<Uint8Array>): Body {
    return new Body(webSource(stream));
  }

  /** Bytes in memory (an error the console writes, an answer it read whole). */
  static of(content: Uint8Array | string): Body {
    return new Body(memorySource(typeof content === "string" ? encoder.encode(content) : content));
  }

  /** Adds `t` to the body's loop, after the taps before it. Only before the body is read. */
  tap(t: Tap): this {
    if (this.reading) throw new Error("A body already being read cannot be tapped.");
    this.taps.push(t);
    return this;
  }

  /** Reads the body from its source through its taps into `sink`. A body is read once. */
  pumpTo(sink: Sink): Pump {
    if (this.reading) throw new Error("This body is already being read.");
    return (this.reading = pump(this.source, this.taps, sink));
  }

  /** The body as a web stream (what a route handler returns); nothing is read before its first read. */
  stream(): ReadableStream<Uint8Array> {
    if (this.web) return this.web;
    this.web = new ReadableStream<Uint8Array>(
      {
        // A high-water mark of 0: nothing is read before the first read; past that, the queue's
        // length paces the source.
        pull: (controller) => {
          if (this.reading) return this.reading.ready();
          this.pumpTo({
            write(chunk) {
              controller.enqueue(chunk);
              return -(controller.desiredSize ?? 0) < AHEAD;
            },
            close: () => controller.close(),
            fail: (error) => controller.error(error),
          });
        },
        cancel: (reason) => this.cancel(reason),
      },
      { highWaterMark: 0, size: (chunk) => chunk.byteLength },
    );
    return this.web;
  }

  /** Stops the body (its source, and with it an upstream generation) and tells its taps. */
  cancel(reason?: unknown): Promise<void> {
    const reading = this.reading ?? this.pumpTo({ write: () => false, close() {}, fail() {} });
    return reading.cancel(reason);
  }

  /** The body whole, up to `limit` bytes; past it, `complete` is false and the rest is dropped. */
  read(limit = Infinity): Promise<{ bytes: Uint8Array; complete: boolean }> {
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let over = false;
      const reading = this.pumpTo({
        write(chunk) {
          if (over) return false;
          if (size + chunk.byteLength > limit) {
            over = true;
            resolve({ bytes: Buffer.concat(chunks, size), complete: false });
            // After pumpTo has returned (a body in memory is written at once).
            queueMicrotask(() => void reading.cancel(new Error("Too large.")));
            return false;
          }
          size += chunk.byteLength;
          chunks.push(chunk);
          return true;
        },
        close: () =>
          resolve({
            bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size),
            complete: true,
          }),
        fail: reject,
      });
    });
  }

  async text(): Promise<string> {
    return new TextDecoder().decode((await this.read()).bytes);
  }
}

const encoder = new TextEncoder();

function pump(source: Source, taps: Tap[], sink: Sink): Pump {
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
  const control: Pump = {
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
  return control;
}

function memorySource(bytes: Uint8Array): Source {
  let sent = false;
  let on: SourceEvents;
  const send = () => {
    if (sent) return;
    sent = true;
    if (bytes.byteLength) on.data(bytes);
    on.end();
  };
  return {
    start(events) {
      on = events;
      send();
    },
    pause() {},
    resume: send,
    cancel: () => void (sent = true),
  };
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
