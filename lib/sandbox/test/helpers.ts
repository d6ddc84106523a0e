// Shared by the sandbox's tests: temporary sandboxes, a tiny client and the spec's response checks.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { matchOperation, type OperationId, operationById } from "@/lib/mistral/operations";
import { inlineValidator, loadSpec } from "@/lib/mistral/spec";
import { createSandbox, type Sandbox, type SandboxOptions } from "../index";

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sandbox-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A manual clock: tests move time forward explicitly. */
export function manualClock(start = Date.parse("2024-07-30T10:00:00Z")) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

export interface TestSandbox {
  sandbox: Sandbox;
  dir: string;
  call(method: string, url: string, body?: unknown, init?: RequestInit): Promise<Response>;
  /** Calls and checks the answer against the spec's response schema for its status. */
  api<T = Record<string, unknown>>(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  reopen(options?: Partial<SandboxOptions>): void;
  close(): void;
}

export function openSandbox(options: Partial<SandboxOptions> = {}): TestSandbox {
  const tmp = tempDir();
  let sandbox = createSandbox({ dataDir: tmp.dir, speed: 40, ...options });
  const t: TestSandbox = {
    get sandbox() {
      return sandbox;
    },
    dir: tmp.dir,
    call(method, url, body, init) {
      const headers = new Headers(init?.headers);
      let payload: BodyInit | undefined;
      if (body instanceof FormData || typeof body === "string") payload = body;
      else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers.set("content-type", "application/json");
      }
      return sandbox.handle(
        new Request(`http://sandbox.test${url}`, { method, body: payload, headers, ...init }),
      );
    },
    async api(method, url, body) {
      const res = await t.call(method, url, body);
      const text = await res.text();
      const parsed = JSON.parse(text);
      expectSpecResponse(method, new URL(url, "http://x").pathname, res.status, parsed);
      return { status: res.status, body: parsed };
    },
    reopen(more = {}) {
      sandbox.close();
      sandbox = createSandbox({ dataDir: tmp.dir, speed: 40, ...options, ...more });
    },
    close() {
      sandbox.close();
      tmp.remove();
    },
  };
  return t;
}

type Json = Record<string, unknown>;

/**
 * The spec's schema for one operation's answer. Known slip: ChatCompletionResponse (and
 * FIMCompletionResponse, built on it) lists `data` as required, but the real API sends no `data`
 * on completions; we follow the real API and drop that one requirement here.
 */
export function responseSchema(opId: OperationId, status: number): Json {
  const op = operationById(opId);
  const spec = loadSpec();
  const opSpec = ((spec.paths as Json)[op.specPath] as Json)[op.method.toLowerCase()] as Json;
  const responses = opSpec.responses as Record<string, Json>;
  if (status === 422 && !responses["422"]) {
    return { $ref: "#/components/schemas/HTTPValidationError" };
  }
  const response = responses[String(status)];
  if (!response) throw new Error(`The spec declares no ${status} answer for ${opId}`);
  const schema = ((response.content as Json)["application/json"] as Json).schema as Json;
  if (
    schema.$ref === "#/components/schemas/ChatCompletionResponse" ||
    schema.$ref === "#/components/schemas/FIMCompletionResponse"
  ) {
    return completionWithoutData(schema.$ref as string);
  }
  return schema;
}

function completionWithoutData(ref: string): Json {
  const schemas = (loadSpec().components as Json).schemas as Record<string, Json>;
  const chat = schemas.ChatCompletionResponse.allOf as Json[];
  const patched = {
    allOf: chat.map((part) =>
      Array.isArray(part.required)
        ? { ...part, required: (part.required as string[]).filter((r) => r !== "data") }
        : part,
    ),
  };
  if (ref.endsWith("/ChatCompletionResponse")) return patched;
  const fim = schemas.FIMCompletionResponse.allOf as Json[];
  return { allOf: [patched, ...fim.slice(1)] };
}

/** Operations whose answers went through `expectSpecResponse` (to prove every one is covered). */
export const checkedOperations = new Set<OperationId>();

/** Every 2xx/422 answer matches the spec; other errors have the Mistral error shape. */
export function expectSpecResponse(
  method: string,
  pathname: string,
  status: number,
  body: unknown,
): void {
  const match = operationForPath(method, pathname);
  if (status === 200) checkedOperations.add(match);
  if (status === 200 || status === 422) {
    // A 422 is the spec's HTTPValidationError wrapped in the Mistral error shape (see http.ts).
    if (status === 422) {
      expect(body).toMatchObject({ object: "error", type: "invalid_request_error" });
    }
    // (The upload linter's 422 keeps a readable `message` beside its top-level `detail`.)
    const message = (body as { message?: unknown }).message;
    const checked = status === 422 && typeof message === "object" ? message : body;
    const validate = inlineValidator(responseSchema(match, status));
    if (!validate(checked)) {
      throw new Error(
        `${method} ${pathname} answered ${status} off-spec: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(body).slice(0, 1000)}`,
      );
    }
  } else {
    expect(body).toMatchObject({
      object: "error",
      message: expect.any(String),
      type: expect.any(String),
    });
  }
}

function operationForPath(method: string, pathname: string): OperationId {
  const m = matchOperation(method, decodeURIComponent(pathname));
  if (m.kind !== "match") throw new Error(`No operation for ${method} ${pathname}`);
  return m.operation.id;
}

export const INSTRUCT_LINE = (i: number) =>
  JSON.stringify({
    messages: [
      { role: "user", content: `What is the capital of country number ${i}?` },
      { role: "assistant", content: `The capital of country number ${i} is City ${i}.` },
    ],
  });

export function jsonlFile(lines: number, name = "train.jsonl", line = INSTRUCT_LINE): FormData {
  const fd = new FormData();
  fd.append("purpose", "fine-tune");
  fd.append(
    "file",
    new Blob([Array.from({ length: lines }, (_, i) => line(i)).join("\n") + "\n"]),
    name,
  );
  return fd;
}
