// Property-based checks over paths, methods, query strings, headers and bodies: whatever a caller
// sends, the gateway never fails with a 5xx of its own, never forwards outside the operation table
// (nor a query parameter the spec does not list), and never shows the key.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchOperation, operations } from "@/lib/mistral/operations";
import {
  CANARY,
  LeakRecorder,
  liveGateway,
  startFakeUpstream,
  type FakeUpstream,
  type Harness,
} from "./helpers";

let fake: FakeUpstream;
let h: Harness;
const recorder = new LeakRecorder();

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = liveGateway(fake.url, { maxJsonBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await fake.close();
  expect(recorder.leaks()).toEqual([]);
  expect(h.logs.filter((l) => l.includes(CANARY))).toEqual([]);
});

const UUID = "0f6b8e2a-3c4d-4e5f-8a9b-1c2d3e4f5a6b";
const words = [
  "v1",
  "v2",
  "models",
  "files",
  "fine_tuning",
  "jobs",
  "chat",
  "completions",
  "fim",
  "agents",
  "embeddings",
  "archive",
  "cancel",
  "start",
  UUID,
  "ft:open-mistral-7b:1:2:3",
  "..",
  ".",
  "",
  "%2F",
  "%2e%2e",
  "%00",
  "a%2Fb",
  "%5C",
  "~",
  "admin",
  "x".repeat(250),
  "é",
  "?",
  "#",
];
const segment = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9._:%-]{1,20}$/),
);
// Paths near the real ones (a template with its parameters replaced) and arbitrary ones.
const nearPath = fc
  .tuple(fc.constantFrom(...operations.map((o) => o.path)), fc.array(segment, { maxLength: 2 }))
  .map(([template, extra]) =>
    [template.replace(/\{[a-z_]+\}/g, () => extra[0] ?? UUID), ...extra.slice(1)].join("/"),
  );
const anyPath = fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => "/" + s.join("/"));
// Real operations with plausible parameters, so plenty of requests do reach the upstream.
const realPath = fc
  .tuple(
    fc.constantFrom(...operations.map((o) => o.path)),
    fc.constantFrom(UUID, "mistral-small-latest"),
  )
  .map(([template, id]) => template.replace(/\{[a-z_]+\}/g, id));
const path = fc.oneof(realPath, nearPath, anyPath);

const queryName = fc.oneof(
  fc.constantFrom("page", "page_size", "dry_run", "status", "model", "api_key", "key", "url", "x"),
  fc.string({ minLength: 1, maxLength: 8 }),
);
const query = fc
  .array(fc.tuple(queryName, fc.string({ maxLength: 16 })), { maxLength: 4 })
  .map((pairs) => (pairs.length ? "?" + new URLSearchParams(pairs).toString() : ""));

const method: fc.Arbitrary<string> = fc.constantFrom(
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "HEAD",
  "OPTIONS",
  "PROPFIND",
  "get",
);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim());
const headers = fc.dictionary(
  fc.constantFrom(
    "authorization",
    "cookie",
    "content-type",
    "accept",
    "x-forwarded-host",
    "host-override",
    "x-api-key",
    "content-encoding",
    "transfer-encoding-x",
    "origin",
  ),
  fc.oneof(
    headerValue,
    fc.constantFrom(
      "application/json",
      "multipart/form-data; boundary=x",
      "text/plain",
      `Bearer ${CANARY}x`,
    ),
  ),
  { maxKeys: 5 },
);
const body = fc.option(
  fc.oneof(
    fc.json({ maxDepth: 4 }),
    fc.string({ maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }),
  ),
  { nil: undefined },
);

interface Generated {
  path: string;
  query: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

const randomRequest: fc.Arbitrary<Generated> = fc.record({ path, query, method, headers, body });

// A well-formed call of a real operation (its method, a fitting content type and body) dressed
// with arbitrary extra headers and query parameters: these are the requests that get forwarded.
const realRequest: fc.Arbitrary<Generated> = fc
  .tuple(fc.constantFrom(...operations), query, headers, fc.json({ maxDepth: 3 }))
  .map(([op, q, hs, json]) => ({
    path: op.path.replace(/\{[a-z_]+\}/g, UUID),
    query: q,
    method: op.method,
    headers: {
      ...hs,
      ...(op.body === "json" ? { "content-type": "application/json" } : {}),
      ...(op.body === "multipart" ? { "content-type": "multipart/form-data; boundary=b" } : {}),
    },
    body: op.body === "none" ? undefined : op.body === "json" ? json : "--b\r\n\r\nx\r\n--b--",
  }));

describe("gateway properties", () => {
  it("never a 5xx of its own, never a forward outside the operation table, never the key", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(realRequest, randomRequest), async (g) => {
        let request: Request;
        try {
          const hasBody = g.body !== undefined && g.method !== "GET" && g.method !== "HEAD";
          request = new Request(`http://console.test${g.path}${g.query}`, {
            method: g.method,
            headers: g.headers,
            body: hasBody ? (g.body as BodyInit) : undefined,
          });
        } catch {
          return; // not a request any HTTP server would hand over
        }
        const before = fake.received.length;
        const seen = await recorder.record(await h.gateway(request));

        expect(seen.status).toBeLessThan(500);
        expect(seen.body).not.toContain(CANARY);
        for (const [name, value] of seen.headers) expect(name + value).not.toContain(CANARY);

        const forwarded = fake.received.slice(before);
        expect(forwarded.length).toBeLessThanOrEqual(1);
        for (const got of forwarded) {
          const url = new URL(got.url, "http://upstream");
          const match = matchOperation(got.method, url.pathname);
          expect(match.kind).toBe("match");
          if (match.kind !== "match") continue;
          for (const name of url.searchParams.keys()) expect(match.operation.query).toContain(name);
          expect(got.headers.authorization).toBe(`Bearer ${CANARY}`);
          // Nothing but the allow-list (plus what HTTP itself adds) reaches the upstream.
          for (const name of Object.keys(got.headers)) {
            expect(FORWARDABLE).toContain(name);
          }
        }
        // A refusal is the usual error JSON with a message.
        if (seen.status >= 400 && g.method !== "HEAD") {
          const parsed = JSON.parse(seen.body) as { object: string; message: string };
          expect(parsed.object).toBe("error");
          expect(parsed.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
    // The generators reach the upstream as well as the refusals.
    expect(fake.received.length).toBeGreaterThan(100);
    expect(recorder.seen.filter((s) => s.status === 404).length).toBeGreaterThan(20);
  });
});

const FORWARDABLE = [
  "accept",
  "accept-encoding",
  "content-type",
  "content-length",
  "authorization",
  "user-agent",
  "host",
  "connection",
  "transfer-encoding",
  // A header parameter the spec declares (resuming a workflow's event stream).
  "last-event-id",
];
