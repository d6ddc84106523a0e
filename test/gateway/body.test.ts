// Response bodies as one layer (lib/server/body.ts): taps join a body nothing has read yet, run in
// order, hold back and flush, learn how the body ended before its reader does, and a body pumped
// into a sink (the fast path's Node response) goes from its source without a web stream.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fromNode, pumpTo, tap, type Sink } from "@/lib/server/body";

const enc = new TextEncoder();
const dec = new TextDecoder();
const text = (chunks: Uint8Array[]) => chunks.map((c) => dec.decode(c)).join("");

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i < parts.length) c.enqueue(enc.encode(parts[i++]));
      else c.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) out.push(chunk);
  return out;
}

/** A sink that records, and whose `write` answers as `accept` says. */
function recorder(accept = () => true) {
  const got: Uint8Array[] = [];
  let closed = false;
  let failed: unknown = null;
  const sink: Sink = {
    write: (c) => (got.push(c), accept()),
    close: () => void (closed = true),
    fail: (e) => void (failed = e),
  };
  return { sink, got, closed: () => closed, failed: () => failed };
}

describe("tap", () => {
  it("joins a body nothing has read yet: the same stream, every tap in order, one layer", async () => {
    const body = tap(streamOf(["a", "b"]), { chunk: (c) => enc.encode(dec.decode(c) + "1") });
    const again = tap(body, { chunk: (c) => enc.encode(dec.decode(c) + "2") });
    expect(again).toBe(body);
    expect(text(await readAll(again))).toBe("a12b12");
  });

  it("a body already being read gets a layer of its own, and still sees every chunk", async () => {
    const body = tap(streamOf(["a", "b", "c"]), {});
    const reader = body.getReader();
    expect(dec.decode((await reader.read()).value)).toBe("a");
    reader.releaseLock();
    const later = tap(body, { chunk: (c) => enc.encode(dec.decode(c).toUpperCase()) });
    expect(later).not.toBe(body);
    expect(text(await readAll(later))).toBe("BC");
  });

  it("what a tap holds back comes out at the end, through the taps after it", async () => {
    let held = "";
    const body = tap(streamOf(["ab", "cd"]), {
      chunk(c) {
        held += dec.decode(c);
        return null;
      },
      flush: () => enc.encode(held),
    });
    tap(body, { chunk: (c) => enc.encode(`<${dec.decode(c)}>`) });
    expect(text(await readAll(body))).toBe("<abcd>");
  });

  it("a tap learns how the body ended before the reader sees the end", async () => {
    const order: string[] = [];
    const body = tap(streamOf(["x"]), {
      async done(how) {
        await new Promise((r) => setTimeout(r, 20));
        order.push(`done:${how}`);
      },
    });
    await readAll(body);
    order.push("reader:end");
    expect(order).toEqual(["done:end", "reader:end"]);
  });

  it("a failing source fails the reader, after the taps heard 'error'", async () => {
    const hows: string[] = [];
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode("x"));
        c.error(new Error("upstream broke"));
      },
    });
    const body = tap(source, { done: (how) => void hows.push(how) });
    await expect(readAll(body)).rejects.toThrow("upstream broke");
    expect(hows).toEqual(["error"]);
  });

  it("cancelling the body cancels its source and tells the taps, also before any read", async () => {
    let cancelled: unknown = null;
    const source = new ReadableStream<Uint8Array>({
      pull: () => new Promise(() => {}),
      cancel: (reason) => void (cancelled = reason),
    });
    const hows: string[] = [];
    const body = tap(source, { done: (how) => void hows.push(how) });
    await body.cancel("client left");
    expect(cancelled).toBe("client left");
    expect(hows).toEqual(["cancel"]);
  });
});

describe("pumpTo", () => {
  it("pumps a tapped body into a sink, and any other web stream too", async () => {
    const ours = recorder();
    pumpTo(tap(streamOf(["a", "b"]), { chunk: (c) => enc.encode(dec.decode(c) + "!") }), ours.sink);
    const theirs = recorder();
    pumpTo(streamOf(["c"]), theirs.sink);
    await expect.poll(() => ours.closed() && theirs.closed()).toBe(true);
    expect(text(ours.got)).toBe("a!b!");
    expect(text(theirs.got)).toBe("c");
  });

  it("waits while the sink is full and goes on at ready()", async () => {
    const parts = Array.from({ length: 5 }, (_, i) => String(i));
    const full = recorder(() => false);
    const pump = pumpTo(streamOf(parts), full.sink);
    await new Promise((r) => setTimeout(r, 30));
    expect(full.got.length).toBe(1);
    for (let i = 0; i < 10 && !full.closed(); i++) {
      pump.ready();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(text(full.got)).toBe("01234");
    expect(full.closed()).toBe(true);
  });
});

describe("fromNode: an upstream's answer", () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  /** A response from a local server that runs `script`, as the live upstream gets it. */
  async function answer(script: (res: http.ServerResponse) => void) {
    server = http.createServer((_req, res) => script(res));
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    return new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: "127.0.0.1", port, agent: false }, resolve),
    );
  }

  it("goes from the socket into the sink through the taps, with no web stream read", async () => {
    const res = await answer((r) => {
      r.write("data: 1\n\n");
      setTimeout(() => r.end("data: 2\n\n"), 10);
    });
    const body = fromNode(res, { idleMs: 5_000, ended: () => {} });
    const hows: string[] = [];
    tap(body, { done: (how) => void hows.push(how) });
    const sink = recorder();
    pumpTo(body, sink.sink);
    await expect.poll(() => sink.closed()).toBe(true);
    expect(text(sink.got)).toBe("data: 1\n\ndata: 2\n\n");
    expect(hows).toEqual(["end"]);
    expect(body.locked).toBe(false);
  });

  it("an upstream that goes quiet is ended cleanly after idleMs, keeping what arrived", async () => {
    const res = await answer((r) => r.write("data: 1\n\n"));
    const problems: string[] = [];
    const body = fromNode(res, { idleMs: 100, ended: (p) => problems.push(p) });
    expect(text(await readAll(body))).toBe("data: 1\n\n");
    expect(problems).toEqual(["the upstream sent nothing for 100 ms"]);
  });

  it("a connection that broke before anyone read the answer ends it cleanly when it is read", async () => {
    const res = await answer((r) => {
      r.write("data: 1\n\n");
      setTimeout(() => r.socket?.destroy(), 10);
    });
    const problems: string[] = [];
    const body = fromNode(res, { idleMs: 5_000, ended: (p) => problems.push(p) });
    await new Promise((r) => res.once("close", r));
    await readAll(body);
    expect(problems).toEqual(["the upstream connection broke off"]);
  });

  it("a reader that goes away closes the upstream connection", async () => {
    let closed = false;
    const res = await answer((r) => {
      r.write("data: 1\n\n");
      r.on("close", () => (closed = true));
    });
    const body = fromNode(res, { idleMs: 5_000, ended: () => {} });
    const reader = body.getReader();
    await reader.read();
    await reader.cancel("client left");
    await expect.poll(() => closed).toBe(true);
  });
});
