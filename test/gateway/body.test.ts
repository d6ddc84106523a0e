// Response bodies as one layer (lib/server/body.ts): taps join a body before it is read, run in
// order, hold back and flush, learn how the body ended before its reader does, and a body pumped
// into a sink (the fast path's Node response) goes from its source without a web stream.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { Body, type Sink } from "@/lib/server/body";

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

const bodyOf = (parts: string[]) => Body.fromWeb(streamOf(parts));

describe("tap", () => {
  it("joins the body's one loop: every tap in order, one layer", async () => {
    const body = bodyOf(["a", "b"])
      .tap({ chunk: (c) => enc.encode(dec.decode(c) + "1") })
      .tap({ chunk: (c) => enc.encode(dec.decode(c) + "2") });
    expect(text(await readAll(body.stream()))).toBe("a12b12");
  });

  it("a body is read once: tapping or reading one already being read is refused", async () => {
    const body = bodyOf(["a", "b"]);
    const reader = body.stream().getReader();
    expect(dec.decode((await reader.read()).value)).toBe("a");
    expect(() => body.tap({})).toThrow("already being read");
    expect(() => body.pumpTo(recorder().sink)).toThrow("already being read");
    expect(dec.decode((await reader.read()).value)).toBe("b");
  });

  it("what a tap holds back comes out at the end, through the taps after it", async () => {
    let held = "";
    const body = bodyOf(["ab", "cd"]).tap({
      chunk(c) {
        held += dec.decode(c);
        return null;
      },
      flush: () => enc.encode(held),
    });
    body.tap({ chunk: (c) => enc.encode(`<${dec.decode(c)}>`) });
    expect(text(await readAll(body.stream()))).toBe("<abcd>");
  });

  it("a tap learns how the body ended before the reader sees the end", async () => {
    const order: string[] = [];
    const body = bodyOf(["x"]).tap({
      async done(how) {
        await new Promise((r) => setTimeout(r, 20));
        order.push(`done:${how}`);
      },
    });
    await readAll(body.stream());
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
    const body = Body.fromWeb(source).tap({ done: (how) => void hows.push(how) });
    await expect(readAll(body.stream())).rejects.toThrow("upstream broke");
    expect(hows).toEqual(["error"]);
  });

  it("cancelling the body cancels its source and tells the taps, also before any read", async () => {
    let cancelled: unknown = null;
    const source = new ReadableStream<Uint8Array>({
      pull: () => new Promise(() => {}),
      cancel: (reason) => void (cancelled = reason),
    });
    const hows: string[] = [];
    const body = Body.fromWeb(source).tap({ done: (how) => void hows.push(how) });
    await body.cancel("client left");
    expect(cancelled).toBe("client left");
    expect(hows).toEqual(["cancel"]);
  });
});

describe("pumpTo", () => {
  it("pumps a body through its taps into a sink", async () => {
    const ours = recorder();
    bodyOf(["a", "b"])
      .tap({ chunk: (c) => enc.encode(dec.decode(c) + "!") })
      .pumpTo(ours.sink);
    const inMemory = recorder();
    Body.of("c").pumpTo(inMemory.sink);
    await expect.poll(() => ours.closed() && inMemory.closed()).toBe(true);
    expect(text(ours.got)).toBe("a!b!");
    expect(text(inMemory.got)).toBe("c");
  });

  it("waits while the sink is full and goes on at ready()", async () => {
    const parts = Array.from({ length: 5 }, (_, i) => String(i));
    const full = recorder(() => false);
    const pump = bodyOf(parts).pumpTo(full.sink);
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

describe("read", () => {
  it("reads a body whole, or up to a limit, past which the rest is dropped and its source stopped", async () => {
    expect(await Body.of("héllo").text()).toBe("héllo");
    let cancelled = false;
    const source = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(enc.encode("abc"));
        c.enqueue(enc.encode("def"));
      },
      cancel: () => void (cancelled = true),
    });
    const { bytes, complete } = await Body.fromWeb(source).read(4);
    expect({ text: dec.decode(bytes), complete }).toEqual({ text: "abc", complete: false });
    await expect.poll(() => cancelled).toBe(true);
    expect(await Body.of("abc").read(3)).toMatchObject({ complete: true });
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
    const body = Body.fromNode(res, { idleMs: 5_000, ended: () => {} });
    const hows: string[] = [];
    body.tap({ done: (how) => void hows.push(how) });
    const sink = recorder();
    body.pumpTo(sink.sink);
    await expect.poll(() => sink.closed()).toBe(true);
    expect(text(sink.got)).toBe("data: 1\n\ndata: 2\n\n");
    expect(hows).toEqual(["end"]);
  });

  it("an upstream that goes quiet is ended cleanly after idleMs, keeping what arrived", async () => {
    const res = await answer((r) => r.write("data: 1\n\n"));
    const problems: string[] = [];
    const body = Body.fromNode(res, { idleMs: 100, ended: (p) => problems.push(p) });
    expect(text(await readAll(body.stream()))).toBe("data: 1\n\n");
    expect(problems).toEqual(["the upstream sent nothing for 100 ms"]);
  });

  it("a connection that broke before anyone read the answer ends it cleanly when it is read", async () => {
    const res = await answer((r) => {
      r.write("data: 1\n\n");
      setTimeout(() => r.socket?.destroy(), 10);
    });
    const problems: string[] = [];
    const body = Body.fromNode(res, { idleMs: 5_000, ended: (p) => problems.push(p) });
    await new Promise((r) => res.once("close", r));
    await readAll(body.stream());
    expect(problems).toEqual(["the upstream connection broke off"]);
  });

  it("a reader that goes away closes the upstream connection", async () => {
    let closed = false;
    const res = await answer((r) => {
      r.write("data: 1\n\n");
      r.on("close", () => (closed = true));
    });
    const body = Body.fromNode(res, { idleMs: 5_000, ended: () => {} });
    const reader = body.stream().getReader();
    await reader.read();
    await reader.cancel("client left");
    await expect.poll(() => closed).toBe(true);
  });
});
