// Table-driven over the generated operation table: every operation the gateway serves (every
// workspace-key operation of today's spec, the stream variants and the fine-tuning jobs) reaches
// the fake upstream at its method, path and declared query with the server's key, and its answer
// comes back intact in each form the spec declares (JSON, bytes, event stream, no content).
// Admin-key and dashboard operations are refused without reaching it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { operations, refusedOperations, type Operation } from "@/lib/mistral/operations";
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
  type Served,
} from "./helpers";
import { sampleJson, sampleMultipart, samplePath, sampleQuery } from "./samples";

type Kind = "json" | "sse" | "binary" | "empty";
const cases = operations.flatMap((op) =>
  (op.responseKinds as readonly Kind[]).map((kind) => ({ id: op.id, kind, op: op as Operation })),
);

const CALLER_TOKEN = "mc_caller-console-token";
const BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

let fake: FakeUpstream;
let h: Harness;
let served: Served;
const recorder = new LeakRecorder();

beforeAll(async () => {
  fake = await startFakeUpstream();
  h = liveGateway(fake.url);
  served = await serve(h.gateway);
});
afterEach(() => {
  fake.script = echoScript;
  fake.received.length = 0;
});
afterAll(async () => {
  await served.close();
  await fake.close();
  expect(recorder.leaks()).toEqual([]);
  expect(h.logs.filter((l) => l.includes(CANARY))).toEqual([]);
});

async function requestFor(op: Operation, stream: boolean) {
  const query = sampleQuery(op);
  const url = `${samplePath(op)}?${query}${query.size ? "&" : ""}zz_undeclared=1`;
  const headers: Record<string, string> = {
    authorization: `Bearer ${CALLER_TOKEN}`,
    cookie: "console.session_token=abc",
    accept: "*/*",
  };
  for (const name of op.headers) headers[name] = "42";
  let body: Uint8Array | undefined;
  if (op.body === "json") {
    body = sampleJson(op, stream);
    headers["content-type"] = "application/json";
  } else if (op.body === "multipart") {
    const form = await sampleMultipart();
    body = form.bytes;
    headers["content-type"] = form.type;
  }
  const request = new Request(`http://console.test${url}`, {
    method: op.method,
    headers,
    body: body as BodyInit | undefined,
  });
  const query2 = query.toString();
  return { request, body, forwarded: samplePath(op) + (query2 ? `?${query2}` : "") };
}

describe("every operation of the table", () => {
  it("has the operations the issue names, with their declared query parameters", () => {
    const ids = new Set(operations.map((o) => o.id));
    expect(operations.filter((o) => o.spec === null)).toHaveLength(238);
    expect(operations.filter((o) => o.spec === "2026-07-15")).toHaveLength(5);
    for (const path of [
      "/v1/ocr",
      "/v1/batch/jobs",
      "/v1/moderations",
      "/v1/chat/classifications",
      "/v1/conversations",
      "/v1/files/{file_id}/content",
      "/v1/files/{file_id}/url",
      "/v1/audio/transcriptions",
      "/v1/fine_tuning/jobs",
    ]) {
      expect(operations.some((o) => o.path === path)).toBe(true);
    }
    const query = (id: string) => operations.find((o) => o.id === id)?.query ?? [];
    expect(query("files_api_routes_list_files")).toEqual(
      expect.arrayContaining([
        "page",
        "page_size",
        "purpose",
        "search",
        "sample_type",
        "source",
        "include_total",
      ]),
    );
    expect(query("jobs_api_routes_fine_tuning_get_fine_tuning_jobs")).toContain("created_before");
    expect(query("list_models_v1_models_get")).toEqual(
      expect.arrayContaining(["provider", "model"]),
    );
    expect(ids.size).toBe(operations.length);
  });

  it("keeps each stream variant on its sibling's method, path and tag", () => {
    const variants = operations.filter((o) => o.variantOf);
    expect(variants.map((o) => o.id).sort()).toEqual([
      "agents_api_v1_conversations_append_stream",
      "agents_api_v1_conversations_restart_stream",
      "agents_api_v1_conversations_start_stream",
      "audio_api_v1_transcriptions_post_stream",
    ]);
    for (const v of variants) {
      const base = operations.find((o) => o.id === v.variantOf)!;
      expect([v.method, v.path, v.tag, v.body]).toEqual([
        base.method,
        base.path,
        base.tag,
        base.body,
      ]);
      expect(v.responseKinds).toContain("sse");
    }
  });

  it.each(cases)("$id answers $kind", async ({ op, kind }) => {
    const stream = kind === "sse" && op.body !== "none";
    const { request, body, forwarded } = await requestFor(op, stream);
    const type = op.responseTypes.find((t) => !/json|event-stream/.test(t)) ?? "";
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let releasedByTest = false;
    fake.script = (_req, res, got) => {
      if (kind === "empty") return void res.writeHead(204).end();
      if (kind === "binary") {
        res.writeHead(200, {
          "content-type": type,
          "content-disposition": 'attachment; filename="sample.bin"',
        });
        return void res.end(Buffer.from(BYTES));
      }
      if (kind === "json") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(JSON.stringify({ url: got.url, sha256: got.sha256 }));
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      // The rest only once the caller has the first event (or after 3 s, and the test fails).
      const timer = setTimeout(release, 3_000);
      void gate.then(() => {
        clearTimeout(timer);
        res.end('data: {"n":2}\n\ndata: [DONE]\n\n');
      });
    };

    const response = await h.gateway(request);

    expect(fake.received).toHaveLength(1);
    const got = fake.received[0];
    expect(got.method).toBe(op.method);
    expect(got.url).toBe(forwarded);
    expect(got.headers.authorization).toBe(`Bearer ${CANARY}`);
    expect(JSON.stringify(got.headers)).not.toContain(CALLER_TOKEN);
    expect(got.headers.cookie).toBeUndefined();
    for (const name of op.headers) expect(got.headers[name]).toBe("42");
    if (body) {
      expect(got.body.equals(Buffer.from(body))).toBe(true);
      expect(got.headers["content-type"]).toBe(request.headers.get("content-type"));
    } else {
      expect(got.body.length).toBe(0);
    }

    if (kind === "sse") {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const first = decoder.decode((await reader.read()).value);
      expect(first).toBe('data: {"n":1}\n\n');
      releasedByTest = true;
      release();
      let rest = "";
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        rest += decoder.decode(r.value, { stream: true });
      }
      expect(rest).toBe('data: {"n":2}\n\ndata: [DONE]\n\n');
      expect(releasedByTest).toBe(true);
      return;
    }
    if (kind === "binary") {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="sample.bin"');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(BYTES);
      return;
    }
    const seen = await recorder.record(response);
    if (kind === "empty") {
      expect(seen.status).toBe(204);
      expect(seen.body).toBe("");
      return;
    }
    expect(seen.status).toBe(200);
    expect(JSON.parse(seen.body)).toEqual({ url: forwarded, sha256: got.sha256 });
  });
});

describe("every event stream", () => {
  it.each(cases.filter((c) => c.kind === "sse"))(
    "$id stops its upstream when the caller goes away",
    async ({ op }) => {
      fake.script = (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        const tick = () => {
          if (res.destroyed) return;
          res.write('data: {"n":1}\n\n');
          setTimeout(tick, 20);
        };
        tick();
      };
      const { request, body } = await requestFor(op, op.body !== "none");
      const controller = new AbortController();
      const res = await fetch(
        served.url + new URL(request.url).pathname + new URL(request.url).search,
        {
          method: op.method,
          headers: request.headers,
          body: body as BodyInit | undefined,
          signal: controller.signal,
        },
      );
      const reader = res.body!.getReader();
      await reader.read();
      const abortedAt = Date.now();
      controller.abort();
      await reader.read().catch(() => {});
      while (fake.received[0]?.closedAt === undefined && Date.now() - abortedAt < 2000) {
        await sleep(10);
      }
      expect(fake.received[0].closedAt! - abortedAt).toBeLessThan(500);
    },
  );
});

describe("operations the console does not serve", () => {
  it("lists the admin-key and dashboard operations of today's spec", () => {
    expect(refusedOperations.filter((o) => o.by === "admin-key")).toHaveLength(47);
    expect(refusedOperations.filter((o) => o.by === "dashboard")).toHaveLength(3);
  });

  it.each(refusedOperations.map((op) => ({ id: op.id, op })))(
    "$id is refused and never forwarded",
    async ({ op }) => {
      const path = samplePath(op);
      const init: RequestInit = { method: op.method, headers: { authorization: "Bearer x" } };
      if (op.method !== "GET" && op.method !== "DELETE") {
        init.body = "{}";
        init.headers = { ...init.headers, "content-type": "application/json" };
      }
      const seen = await recorder.record(
        await h.gateway(new Request(`http://console.test${path}`, init)),
      );
      expect(seen.status).toBe(403);
      const body = JSON.parse(seen.body) as { code: string; message: string };
      if (op.by === "admin-key") {
        expect(body.code).toBe("admin_key_required");
        expect(body.message).toContain("needs a Mistral admin API key");
      } else {
        expect(body.code).toBe("dashboard_only");
        expect(body.message).toContain("Mistral dashboard");
      }
      expect(body.message).toContain("does not serve it");
      expect(fake.received).toHaveLength(0);
    },
  );

  it("answers an unknown path with a 404 that says what the console serves", async () => {
    const seen = await recorder.record(await h.gateway(new Request("http://console.test/v1/nope")));
    expect(seen.status).toBe(404);
    const message = String(JSON.parse(seen.body).message);
    expect(message).toContain("workspace-key operations (238 in today's spec");
    expect(message).not.toContain("19 operations");
    expect(fake.received).toHaveLength(0);
  });
});

describe("bodies beyond the seed's", () => {
  it("forwards no body where the spec makes it optional and none was sent", async () => {
    const op = operations.find((o) => o.body === "json" && !o.bodyRequired)!;
    fake.script = (_req, res) => void res.writeHead(204).end();
    const response = await h.gateway(
      new Request(`http://console.test${samplePath(op)}`, { method: op.method }),
    );
    expect(response.status).toBe(204);
    expect(fake.received[0].body.length).toBe(0);
    expect(fake.received[0].headers["content-type"]).toBeUndefined();
  });

  it.each(operations.filter((o) => o.body === "multipart").map((o) => ({ id: o.id, op: o })))(
    "$id refuses a body that is not multipart",
    async ({ op }) => {
      const seen = await recorder.record(
        await h.gateway(
          new Request(`http://console.test${samplePath(op)}`, {
            method: op.method,
            headers: { "content-type": "application/json" },
            body: "{}",
          }),
        ),
      );
      expect(seen.status).toBe(415);
      expect(fake.received).toHaveLength(0);
    },
  );
});
