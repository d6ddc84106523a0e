// Function calling: which tool a request asks for, and arguments drawn from the tool's JSON schema
// (types, enums, required, bounds), filled with values from the user's own words where they fit.
import type { Tool, ToolCall } from "@/lib/mistral/seed-types";
import { toolCallId, type Rng } from "./random";
import { identifierWords, keywords, words } from "./words";

type Schema = Record<string, unknown>;

// Verbs that say nothing about which tool is meant: "get_weather" is picked for "weather".
const GENERIC = new Set([
  "get",
  "set",
  "fetch",
  "list",
  "create",
  "update",
  "delete",
  "find",
  "search",
  "do",
  "run",
  "make",
  "call",
  "by",
  "for",
  "the",
  "a",
  "to",
  "of",
  "and",
  "info",
  "data",
]);

/** How clearly `text` asks for `tool`: its name, or the words of its name. */
function score(tool: Tool, text: string): number {
  const name = tool.function.name;
  const lower = text.toLowerCase();
  const nameWords = identifierWords(name);
  if (lower.includes(name.toLowerCase()) || lower.includes(nameWords.join(" "))) return 10;
  const said = words(text);
  // Prefix match in both directions so "stocks" finds stock_price and "weather" finds get_weather.
  const matches = nameWords.filter(
    (w) =>
      !GENERIC.has(w) &&
      w.length >= 3 &&
      said.some(
        (s) =>
          s === w || (Math.min(s.length, w.length) >= 4 && (s.startsWith(w) || w.startsWith(s))),
      ),
  );
  return matches.length * 3;
}

const ASKS_FOR_A_TOOL = /\b(use|call|invoke|run)\b.{0,30}\b(tool|function)s?\b/i;

/**
 * The tool to call, or null for a text answer. `any` always calls one; `auto` calls one when the
 * last user message clearly asks for it; `none` never does, and after tool results `auto` answers.
 */
export function chooseTool(
  tools: Tool[] | null | undefined,
  choice: "auto" | "none" | "any",
  userText: string,
  afterToolResults: boolean,
): Tool | null {
  if (!tools?.length || choice === "none") return null;
  const ranked = tools.map((t) => ({ t, s: score(t, userText) })).sort((a, b) => b.s - a.s);
  if (choice === "any") return ranked[0].t;
  if (afterToolResults) return null;
  if (ranked[0].s >= 3 || ASKS_FOR_A_TOOL.test(userText)) return ranked[0].t;
  return null;
}

/**
 * With `parallel_tool_calls` (today's default), every other tool the message clearly asks for
 * (by name or the words of its name) is called too, as the live API calls several at once.
 */
export function alsoCalled(
  tools: Tool[] | null | undefined,
  chosen: Tool,
  userText: string,
): Tool[] {
  return (tools ?? []).filter((t) => t !== chosen && score(t, userText) >= 3).slice(0, 3);
}

export function makeToolCall(tool: Tool, userText: string, rng: Rng): ToolCall {
  const hints = new Hints(userText);
  const args = sample(tool.function.parameters as Schema, "", hints, rng, 0);
  return {
    id: toolCallId(rng),
    type: "function",
    function: { name: tool.function.name, arguments: JSON.stringify(args) },
  };
}

/** Values from the user's message: numbers in order, capitalised names, content words. */
class Hints {
  readonly text: string;
  private numbers: number[];
  private names: string[];
  private topics: string[];
  constructor(text: string) {
    this.text = text;
    this.numbers = (text.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    // Capitalised words not at the start of a sentence are likely names: Paris, Alice, ACME.
    this.names = [...text.matchAll(/(?<![.!?]\s|^)\b([A-Z][\p{L}-]+(?:\s[A-Z][\p{L}-]+)*)/gu)].map(
      (m) => m[1],
    );
    this.topics = keywords(text, 12);
  }
  number(): number | undefined {
    return this.numbers.shift();
  }
  name(): string | undefined {
    return this.names.shift();
  }
  topic(rng: Rng): string | undefined {
    return this.topics.length ? rng.pick(this.topics) : undefined;
  }
}

const NAME_LIKE =
  /(city|location|place|country|town|region|name|person|user|author|company|destination|origin)/i;
const TEXT_LIKE =
  /(query|text|message|content|prompt|question|topic|keyword|subject|title|description)/i;

function sample(
  schema: Schema | undefined,
  key: string,
  hints: Hints,
  rng: Rng,
  depth: number,
): unknown {
  if (!schema || typeof schema !== "object") return sampleString({}, key, hints, rng);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) {
    const mentioned = schema.enum.find(
      (v) => typeof v === "string" && hints.text.toLowerCase().includes(v.toLowerCase()),
    );
    return mentioned ?? rng.pick(schema.enum);
  }
  for (const k of ["anyOf", "oneOf"] as const) {
    const options = schema[k] as Schema[] | undefined;
    if (Array.isArray(options) && options.length) {
      const nonNull = options.filter((o) => o.type !== "null");
      return sample(nonNull[0] ?? options[0], key, hints, rng, depth);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Schema = { ...schema, allOf: undefined };
    for (const part of schema.allOf as Schema[]) {
      merged.properties = { ...(merged.properties as Schema), ...(part.properties as Schema) };
      merged.required = [
        ...((merged.required as string[]) ?? []),
        ...((part.required as string[]) ?? []),
      ];
      merged.type ??= part.type;
    }
    return sample(merged, key, hints, rng, depth);
  }
  const types = Array.isArray(schema.type)
    ? (schema.type as string[])
    : schema.type
      ? [schema.type as string]
      : [];
  const type =
    types.find((t) => t !== "null") ??
    (types[0] || (schema.properties ? "object" : schema.items ? "array" : "string"));
  switch (type) {
    case "object":
      return sampleObject(schema, hints, rng, depth);
    case "array":
      return sampleArray(schema, key, hints, rng, depth);
    case "integer":
    case "number":
      return sampleNumber(schema, type, hints, rng);
    case "boolean":
      return rng.chance(0.5);
    case "null":
      return null;
    default:
      return sampleString(schema, key, hints, rng);
  }
}

function sampleObject(
  schema: Schema,
  hints: Hints,
  rng: Rng,
  depth: number,
): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[]) ?? []);
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(properties)) {
    // Optional fields appear now and then; deep optional structures are left out.
    if (required.has(key) || (depth < 3 && rng.chance(0.5)))
      out[key] = sample(prop, key, hints, rng, depth + 1);
  }
  // Required names without a property schema still need a value.
  for (const key of required) if (!(key in out)) out[key] = sampleString({}, key, hints, rng);
  return out;
}

function sampleArray(
  schema: Schema,
  key: string,
  hints: Hints,
  rng: Rng,
  depth: number,
): unknown[] {
  const min = (schema.minItems as number) ?? 1;
  const max = Math.max(min, Math.min((schema.maxItems as number) ?? min + 2, min + 2));
  const n = depth > 4 ? min : min + rng.int(max - min + 1);
  const items = Array.isArray(schema.prefixItems) ? (schema.prefixItems as Schema[]) : [];
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    let value = sample(items[i] ?? (schema.items as Schema), key, hints, rng, depth + 1);
    // uniqueItems: retry a few times, then give up on this item rather than loop forever.
    for (
      let tries = 0;
      schema.uniqueItems &&
      tries < 10 &&
      out.some((o) => JSON.stringify(o) === JSON.stringify(value));
      tries++
    ) {
      value = sample(
        items[i] ?? (schema.items as Schema),
        `${key}${i}${tries}`,
        hints,
        rng,
        depth + 1,
      );
    }
    if (!schema.uniqueItems || !out.some((o) => JSON.stringify(o) === JSON.stringify(value)))
      out.push(value);
  }
  return out;
}

function sampleNumber(schema: Schema, type: "integer" | "number", hints: Hints, rng: Rng): number {
  const num = (k: string) => (typeof schema[k] === "number" ? (schema[k] as number) : undefined);
  const exMin = num("exclusiveMinimum");
  const exMax = num("exclusiveMaximum");
  const step = type === "integer" ? 1 : 0.01;
  const lo = Math.max(num("minimum") ?? -Infinity, exMin !== undefined ? exMin + step : -Infinity);
  const hi = Math.min(num("maximum") ?? Infinity, exMax !== undefined ? exMax - step : Infinity);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const multiple = num("multipleOf");
  let value =
    hints.number() ??
    (Number.isFinite(lo) ? lo : 0) +
      rng.int(Number.isFinite(hi - lo) ? Math.max(1, Math.min(100, hi - lo)) : 100);
  value = clamp(type === "integer" ? Math.round(value) : Math.round(value * 100) / 100);
  if (multiple) value = clamp(Math.ceil(value / multiple) * multiple);
  if (type === "integer" && !Number.isInteger(value)) value = Math.ceil(value);
  return value;
}

function sampleString(schema: Schema, key: string, hints: Hints, rng: Rng): string {
  const format = schema.format as string | undefined;
  const day = new Date(Date.UTC(2024, rng.int(12), 1 + rng.int(28)));
  const formatted: Record<string, () => string> = {
    date: () => day.toISOString().slice(0, 10),
    "date-time": () => day.toISOString().replace(".000", ""),
    time: () => "12:00:00Z",
    email: () => "sandbox@example.com",
    uri: () => "https://example.com/sandbox",
    url: () => "https://example.com/sandbox",
    uuid: () => `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-a${hex(rng, 3)}-${hex(rng, 12)}`,
  };
  let value =
    (format && formatted[format]?.()) ??
    (NAME_LIKE.test(key) ? hints.name() : undefined) ??
    (TEXT_LIKE.test(key) ? hints.topic(rng) : undefined) ??
    hints.topic(rng) ??
    `sandbox ${key || "value"}`;
  const minLength = (schema.minLength as number) ?? 0;
  const maxLength = schema.maxLength as number | undefined;
  if (value.length < minLength) value = value.padEnd(minLength, "x");
  if (maxLength !== undefined && value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => "0123456789abcdef"[rng.int(16)]).join("");

/**
 * A value that validates against a JSON schema (a `response_format` json_schema), its values
 * drawn from the user's message where they fit. Local `$ref`s (`#/$defs/...`,
 * `#/definitions/...`) are inlined first; a recursive one ends in `null` past a few levels.
 */
export function sampleFromSchema(schema: Schema, userText: string, rng: Rng): unknown {
  return sample(inlineRefs(schema, schema, 0), "", new Hints(userText), rng, 0);
}

function inlineRefs(node: unknown, root: Schema, depth: number): Schema {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(n, root, depth)) as unknown as Schema;
  if (!node || typeof node !== "object") return node as Schema;
  const s = node as Schema;
  if (typeof s.$ref === "string" && s.$ref.startsWith("#/")) {
    if (depth > 6) return { type: "null" };
    let target: unknown = root;
    for (const part of s.$ref.slice(2).split("/")) target = (target as Schema)?.[part];
    return inlineRefs(target ?? {}, root, depth + 1);
  }
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "$defs" || k === "definitions") continue;
    out[k] = k === "properties" ? mapValues(v as Schema, root, depth) : inlineRefs(v, root, depth);
  }
  return out;
}

function mapValues(props: Schema, root: Schema, depth: number): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(props ?? {})) out[k] = inlineRefs(v, root, depth);
  return out;
}
