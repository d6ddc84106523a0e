// Streams pass through as they arrive, stop the upstream when the browser stops, and end cleanly
// when the upstream breaks off or goes quiet.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CANARY,
  echoScript,
  LeakRecorder,
  liveGateway,
  serve,
  sleep,
  startFakeUpstream,
  type FakeUpstream,
  type Harness,
  type Script,
  type Served,
} from "./helpers";

const CHAT = "/v1/chat/completions";
const body = JSON.stringify({
  model: "mistral-small-latest",
  stream: true,
  messages: [{ role: "user", content: "Count" }],
});

function chunk(i: number): string {
  return `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: `${i} ` } }] })}\n\n`;
}

/** Sends `count` events `gapMs` apart (forever when count is Infinity), then [DONE]. */
function sse(count: number, gapMs: number, after?: (res: Parameters<Script>[1]) => void): Script {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    let i = 0;
    const tick = () => {
      if (res.destroyed) return;
      if (i < count) {
        res.write(chunk(i++));
        setTimeout(tick, gapMs);
      } else if (after) {
        after(res);
      } else {
        res.end("data: [DONE]\n\n");
      }
    };
    tick();
  };
}

let fake: FakeUpstream;
let h: Harness;
let served: Served;
const recorder = new LeakRecorder();

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = liveGateway(fake.url, { streamIdleTimeoutMs: 400 });
  served = await serve(h.gateway);
});
afterEach(() => {
  fake.script = echoScript;
  fake.received.length = 0;
  h.logs.length = 0;
});
afterAll(async () => {
  await served.close();
  await fake.close();
  expect(recorder.leaks()).toEqual([]);
  expect(h.logs.filter((l) => l.includes(CANARY))).toEqual([]);
});

/** Reads a response body, noting when each piece arrived (ms after `start`). */
async function readTimed(res: Response, start: number) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const arrivals: { at: number; text: string }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    arrivals.push({ at: Date.now() - start, text: decoder.decode(value, { stream: true }) });
  }
  const text = arrivals.map((a) => a.text).join("");
  recorder.seen.push({ status: res.status, headers: [...res.headers.entries()], body: text });
  return { arrivals, text };
}

function post(signal?: AbortSignal) {
  return fetch(served.url + CHAT, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body,
    signal,
  });
}

describe("streaming", () => {
  it("passes events through as they arrive, with stream headers", async () => {
    let upstreamDoneAt = 0;
    fake.script = sse(6, 100, (res) => {
      upstreamDoneAt = Date.now();
      res.end("data: [DONE]\n\n");
    });
    const res = await post();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const { arrivals, text } = await readTimed(res, 0);

    const firstEvent = arrivals.find((a) => a.text.includes('"0 "'))!;
    const lastEvent = arrivals.find((a) => a.text.includes('"5 "'))!;
    // The first event reaches the client long before the upstream finishes (~500 ms later), and
    // the rest follow about 100 ms apart rather than in one lump at the end.
    expect(upstreamDoneAt - firstEvent.at).toBeGreaterThanOrEqual(350);
    expect(lastEvent.at - firstEvent.at).toBeGreaterThanOrEqual(400);
    expect(arrivals.length).toBeGreaterThanOrEqual(6);
    expect(text.match(/^data: /gm)).toHaveLength(7);
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("aborting the client closes the upstream connection within 500 ms", async () => {
    fake.script = sse(Infinity, 50);
    const controller = new AbortController();
    const res = await post(controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    await reader.read();
    const abortedAt = Date.now();
    controller.abort();
    await reader.read().catch(() => {});
    while (fake.received[0]?.closedAt === undefined && Date.now() - abortedAt < 2000) {
      await sleep(10);
    }
    expect(fake.received[0].closedAt).toBeDefined();
    expect(fake.received[0].closedAt! - abortedAt).toBeLessThan(500);
    // Stopping is not a fault: nothing is logged.
    await sleep(50);
    expect(h.logs).toEqual([]);
  });

  it("an upstream that breaks off mid-stream ends the response with what was sent, logged once", async () => {
    fake.script = sse(3, 30, (res) => res.socket?.destroy());
    const res = await post();
    expect(res.status).toBe(200);
    const { text } = await readTimed(res, Date.now());
    expect(text.match(/^data: /gm)).toHaveLength(3);
    expect(text).not.toContain("[DONE]");
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toMatch(/POST \/v1\/chat\/completions: the upstream connection broke off/);
    // And the gateway carries on.
    fake.script = echoScript;
    const next = await fetch(`${served.url}/v1/models`);
    expect(next.status).toBe(200);
    await recorder.record(next);
  });

  it("a stream that goes quiet is closed after the idle timeout", async () => {
    fake.script = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk(0));
      // ...and then nothing, forever.
    };
    const start = Date.now();
    const res = await post();
    const { text } = await readTimed(res, start);
    const took = Date.now() - start;
    expect(text).toBe(chunk(0));
    expect(took).toBeGreaterThanOrEqual(400);
    expect(took).toBeLessThan(1500);
    expect(h.logs).toEqual([expect.stringMatching(/sent nothing for 400 ms/)]);
    while (fake.received[0].closedAt === undefined && Date.now() - start < 3000) await sleep(10);
    expect(fake.received[0].closedAt).toBeDefined();
  });

  it("a slow client is not mistaken for an idle upstream", async () => {
    // 40 events of 16 KB: more than the gateway buffers, so it must stop reading the upstream
    // while this client dawdles, and carry on after.
    const padding = "x".repeat(16 * 1024);
    fake.script = (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (let i = 0; i < 40; i++) res.write(`data: {"i":${i},"pad":"${padding}"}\n\n`);
      res.end("data: [DONE]\n\n");
    };
    // Straight to the gateway, so nothing between it and this reader buffers the stream.
    const res = await h.gateway(
      new Request(`http://console.test${CHAT}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, { stream: true });
    await sleep(700); // longer than the idle timeout
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(text.match(/^data: \{"i"/gm)).toHaveLength(40);
    expect(text).toContain("[DONE]");
    expect(h.logs).toEqual([]);
  });
});
