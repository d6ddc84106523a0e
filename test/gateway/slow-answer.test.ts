// A plain (non-streamed) answer that takes 75 s, as a long OCR or a big completion can, comes
// through the gateway with the default configuration (UPSTREAM_TIMEOUT_MS unset: 300 s). The test
// genuinely waits: a timer that ran from some other default (60 s is common in HTTP stacks, Node's
// own headers timeout included) would cut it. Alone in its file so it runs beside the others.
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseConfig } from "@/lib/server/config";
import { liveGateway, serve, startFakeUpstream, type FakeUpstream, type Served } from "./helpers";

const DELAY_MS = 75_000;

let fake: FakeUpstream;
let served: Served;

beforeAll(async () => {
  fake = await startFakeUpstream((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: "slow", object: "chat.completion", waited: DELAY_MS }));
    }, DELAY_MS);
  });
  served = await serve(liveGateway(fake.url).gateway);
});

afterAll(async () => {
  await served?.close();
  await fake?.close();
});

it(
  "a non-streamed answer taking 75 s arrives with the default timeout",
  { timeout: 120_000 },
  async () => {
    // The harness builds its config from parseConfig with no UPSTREAM_TIMEOUT_MS: the default.
    expect(parseConfig({ MISTRAL_API_KEY: "k" }).upstreamTimeoutMs).toBe(300_000);
    const start = Date.now();
    const response = await fetch(`${served.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "mistral-large-latest",
        messages: [{ role: "user", content: "Hi" }],
      }),
    });
    const elapsed = Date.now() - start;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: "slow",
      object: "chat.completion",
      waited: DELAY_MS,
    });
    expect(elapsed).toBeGreaterThanOrEqual(DELAY_MS - 50);
    expect(fake.received).toHaveLength(1);
  },
);
