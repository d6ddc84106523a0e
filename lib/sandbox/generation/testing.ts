// Test helpers for the generation tests: a context over realistic models, spec validators, SSE reading.
import { createParser } from "eventsource-parser";
import { expect } from "vitest";
import { inlineValidator, loadSpec, schemaValidator } from "@/lib/mistral/spec";
import { BASE_MODELS, type SandboxModel } from "../models";
import type { GenerationContext } from "./types";

/** A fine-tuned model as the sandbox core describes one (FTModelOut fields plus its bookkeeping). */
export function fineTunedModel(base: string, suffix = "sandbox"): SandboxModel {
  const root = BASE_MODELS.find((m) => m.id === base)!;
  return {
    ...root,
    id: `ft:${base}:${suffix}:20240801:1a2b3c4d`,
    created: 1722470400,
    owned_by: "sandbox-org",
    root: base,
    name: null,
    description: null,
    aliases: [],
    deprecation: null,
    job: "1a2b3c4d-0000-4000-8000-000000000001",
    kind: "fine-tuned",
  };
}

export interface TestContext extends GenerationContext {
  models: Map<string, SandboxModel>;
  aborts: number;
  active: number;
  starts: number;
}

export function testContext(overrides: Partial<GenerationContext> = {}): TestContext {
  const models = new Map([...BASE_MODELS, fineTunedModel("open-mistral-7b")].map((m) => [m.id, m]));
  const ctx: TestContext = {
    models,
    aborts: 0,
    active: 0,
    starts: 0,
    signal: new AbortController().signal,
    tokensPerSecond: 100_000,
    getModel: (id) => models.get(id),
    onAbort: () => void ctx.aborts++,
    onStart: () => void (ctx.starts++, ctx.active++),
    onEnd: () => void ctx.active--,
    ...overrides,
  };
  return ctx;
}

/** Asserts `value` matches the spec's schema `name`, showing Ajv's errors when it does not. */
export function expectSchema(name: string, value: unknown): void {
  const validate = schemaValidator(name);
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}

type Json = Record<string, unknown>;
/**
 * The spec's ChatCompletionResponse requires `data`, a slip copied from EmbeddingResponse: the real
 * API sends no `data` on completions, and neither does the sandbox. This is the spec's schema with
 * only that requirement removed; FIMCompletionResponse (built on it) is rebuilt on top of it.
 */
function completionSchema(name: "ChatCompletionResponse" | "FIMCompletionResponse"): Json {
  const schemas = (loadSpec().components as Json).schemas as Record<string, Json>;
  const chat = structuredClone(schemas.ChatCompletionResponse) as { allOf: Json[] };
  const own = chat.allOf[1] as { required: string[] };
  own.required = own.required.filter((r) => r !== "data");
  if (name === "ChatCompletionResponse") return chat;
  const fim = structuredClone(schemas.FIMCompletionResponse) as { allOf: Json[] };
  return {
    allOf: [
      chat,
      ...fim.allOf.filter((s) => s.$ref !== "#/components/schemas/ChatCompletionResponse"),
    ],
  };
}

export function expectCompletionSchema(
  name: "ChatCompletionResponse" | "FIMCompletionResponse",
  value: unknown,
): void {
  const validate = inlineValidator(completionSchema(name));
  expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  expect(value).not.toHaveProperty("data");
}

export interface SseEvent {
  data: string;
  /** Milliseconds since reading began. */
  at: number;
}

/** Reads a whole SSE body with eventsource-parser, as the playground does, timing each event. */
export async function readEvents(response: Response, stopAfter = Infinity): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const start = performance.now();
  const parser = createParser({
    onEvent: (e) => events.push({ data: e.data, at: performance.now() - start }),
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  while (events.length < stopAfter) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(value);
  }
  if (events.length >= stopAfter) await reader.cancel();
  return events;
}

export interface StreamedAnswer {
  chunks: Json[];
  content: string;
  finishReason: string | null;
  usage: Json | undefined;
  toolCalls: unknown[] | undefined;
}

/** The chunks of a finished stream, each checked against CompletionChunk, and what they add up to. */
export function collect(events: SseEvent[]): StreamedAnswer {
  expect(events[events.length - 1].data).toBe("[DONE]");
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data) as Json);
  for (const chunk of chunks) expectSchema("CompletionChunk", chunk);
  type Choice = {
    delta: { content?: string; tool_calls?: unknown[] };
    finish_reason: string | null;
  };
  const choices = chunks.map((c) => (c.choices as Choice[])[0]);
  const last = chunks[chunks.length - 1];
  return {
    chunks,
    content: choices.map((c) => c.delta.content ?? "").join(""),
    finishReason: choices[choices.length - 1].finish_reason,
    usage: last.usage as Json | undefined,
    toolCalls: choices.find((c) => c.delta.tool_calls)?.delta.tool_calls,
  };
}
