// Uploads stream through to the upstream byte for byte; over the limit they are refused with 413.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CANARY,
  echoScript,
  json,
  LeakRecorder,
  liveGateway,
  serve,
  startFakeUpstream,
  type FakeUpstream,
  type Harness,
  type Served,
} from "./helpers";

const MiB = 1024 * 1024;
const BOUNDARY = "----console-test-boundary";

/** A multipart body with one file field of `size` random bytes, as a list of parts. */
function multipart(size: number): Buffer[] {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="train.jsonl"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const parts = [head];
  for (let left = size; left > 0; left -= MiB) parts.push(randomBytes(Math.min(MiB, left)));
  parts.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
  return parts;
}

function streamOf(parts: Buffer[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < parts.length) controller.enqueue(parts[i++]);
      else controller.close();
    },
  });
}

let fake: FakeUpstream;
let h: Harness;
let served: Served;
let small: Harness;
let servedSmall: Served;
const recorder = new LeakRecorder();

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = liveGateway(fake.url);
  served = await serve(h.gateway);
  small = liveGateway(fake.url, { maxUploadBytes: 2 * MiB });
  servedSmall = await serve(small.gateway);
});
afterEach(() => {
  fake.script = echoScript;
  fake.received.length = 0;
});
afterAll(async () => {
  await served.close();
  await servedSmall.close();
  await fake.close();
  expect(recorder.leaks()).toEqual([]);
  expect([...h.logs, ...small.logs].filter((l) => l.includes(CANARY))).toEqual([]);
});

describe("POST /v1/files", () => {
  it("streams a 24 MB multipart upload through unchanged", async () => {
    const parts = multipart(24 * MiB);
    const total = parts.reduce((n, p) => n + p.length, 0);
    const hash = createHash("sha256");
    for (const p of parts) hash.update(p);
    const res = await fetch(`${served.url}/v1/files`, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
        "content-length": String(total),
        authorization: "Bearer console-user-token",
      },
      body: streamOf(parts),
      duplex: "half",
    } as RequestInit);
    const seen = await recorder.record(res);
    expect(seen.status).toBe(200);
    expect(json(seen)).toMatchObject({ method: "POST", url: "/v1/files", bytes: total });
    const got = fake.received[0];
    expect(got.sha256).toBe(hash.digest("hex"));
    expect(got.headers["content-length"]).toBe(String(total));
    expect(got.headers["content-type"]).toBe(`multipart/form-data; boundary=${BOUNDARY}`);
    expect(got.headers.authorization).toBe(`Bearer ${CANARY}`);
  });

  it("streams an upload of unknown length (chunked) through unchanged", async () => {
    const parts = multipart(5 * MiB);
    const hash = createHash("sha256");
    for (const p of parts) hash.update(p);
    const res = await fetch(`${served.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body: streamOf(parts),
      duplex: "half",
    } as RequestInit);
    expect((await recorder.record(res)).status).toBe(200);
    expect(fake.received[0].sha256).toBe(hash.digest("hex"));
  });

  it("refuses an upload whose Content-Length is over the limit, before forwarding", async () => {
    const parts = multipart(3 * MiB);
    const total = parts.reduce((n, p) => n + p.length, 0);
    const res = await small.gateway(
      new Request("http://console.test/v1/files", {
        method: "POST",
        headers: {
          "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
          "content-length": String(total),
        },
        body: streamOf(parts),
        duplex: "half",
      } as RequestInit),
    );
    const seen = await recorder.record(res);
    expect(seen.status).toBe(413);
    expect(json(seen)).toMatchObject({ object: "error", code: "payload_too_large" });
    expect(String(json(seen).message)).toMatch(/upload is larger than the 2 MB/);
    expect(fake.received).toHaveLength(0);
  });

  it("cuts off an upload of unknown length as soon as it passes the limit", async () => {
    const res = await fetch(`${servedSmall.url}/v1/files`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      body: streamOf(multipart(3 * MiB)),
      duplex: "half",
    } as RequestInit);
    const seen = await recorder.record(res);
    expect(seen.status).toBe(413);
    expect(String(json(seen).message)).toMatch(/upload is larger than the 2 MB/);
    // Whatever the upstream got, it never got the whole file.
    for (const got of fake.received) expect(got.body.length).toBeLessThanOrEqual(2 * MiB);
  });

  it("refuses a multipart Content-Type without a boundary", async () => {
    const res = await h.gateway(
      new Request("http://console.test/v1/files", {
        method: "POST",
        headers: { "content-type": "multipart/form-data" },
        body: "x",
      }),
    );
    const seen = await recorder.record(res);
    expect(seen.status).toBe(400);
    expect(json(seen)).toMatchObject({ code: "invalid_multipart" });
  });
});
