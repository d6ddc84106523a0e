// Request validation against the spec, answered like the real API (FastAPI/pydantic):
// 422 `{ detail: [{ loc, msg, type }] }` with `loc` naming the field.
import type { ErrorObject } from "ajv/dist/2020";
import type { SeedOperation as Operation } from "@/lib/mistral/seed-operations";
import { inlineValidator, loadSpec, schemaValidator } from "@/lib/mistral/spec";
import type { ValidationDetail } from "./http";

type Json = Record<string, unknown>;

function pointerToLoc(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describe(e: ErrorObject): { msg: string; type: string; extra?: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return { msg: "Field required", type: "missing", extra: String(p.missingProperty) };
    case "additionalProperties":
      return {
        msg: "Extra inputs are not permitted",
        type: "extra_forbidden",
        extra: String(p.additionalProperty),
      };
    case "type": {
      const t = String(p.type).split(",")[0];
      const names: Record<string, string> = {
        integer: "a valid integer",
        number: "a valid number",
        string: "a valid string",
        boolean: "a valid boolean",
        array: "a valid list",
        object: "a valid dictionary",
        null: "None",
      };
      return { msg: `Input should be ${names[t] ?? t}`, type: `${t}_type` };
    }
    case "enum":
    case "const": {
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [p.allowedValue];
      return {
        msg: `Input should be ${allowed.map((v) => `'${String(v)}'`).join(", ")}`,
        type: e.keyword === "const" ? "literal_error" : "enum",
      };
    }
    case "minimum":
      return {
        msg: `Input should be greater than or equal to ${p.limit}`,
        type: "greater_than_equal",
      };
    case "exclusiveMinimum":
      return { msg: `Input should be greater than ${p.limit}`, type: "greater_than" };
    case "maximum":
      return { msg: `Input should be less than or equal to ${p.limit}`, type: "less_than_equal" };
    case "exclusiveMaximum":
      return { msg: `Input should be less than ${p.limit}`, type: "less_than" };
    case "minLength":
      return { msg: `String should have at least ${p.limit} characters`, type: "string_too_short" };
    case "maxLength":
      return { msg: `String should have at most ${p.limit} characters`, type: "string_too_long" };
    case "minItems":
      return { msg: `List should have at least ${p.limit} items`, type: "too_short" };
    case "maxItems":
      return { msg: `List should have at most ${p.limit} items`, type: "too_long" };
    case "format":
      return { msg: `Input should be a valid ${p.format}`, type: `${p.format}_parsing` };
    default:
      return { msg: e.message ?? "Invalid input", type: "value_error" };
  }
}

const isNullBranch = (e: ErrorObject) =>
  e.keyword === "type" && (e.params as { type?: unknown }).type === "null";

/**
 * Ajv errors turned into pydantic-style details. With anyOf/oneOf, Ajv reports every branch's
 * failure plus the wrapper; we keep the wrapper only when no branch said anything more precise.
 */
export function toDetails(errors: ErrorObject[], prefix: (string | number)[]): ValidationDetail[] {
  let chosen = errors.filter((e) => e.keyword !== "anyOf" && e.keyword !== "oneOf");
  // The `null` branch of an optional field's anyOf says nothing useful when another branch failed too.
  const paths = new Set(chosen.filter((e) => !isNullBranch(e)).map((e) => e.instancePath));
  chosen = chosen.filter((e) => !(isNullBranch(e) && paths.has(e.instancePath)));
  if (!chosen.length) chosen = errors;
  const seen = new Set<string>();
  const out: ValidationDetail[] = [];
  for (const e of chosen) {
    const { msg, type, extra } = describe(e);
    const loc = [...prefix, ...pointerToLoc(e.instancePath), ...(extra ? [extra] : [])];
    const key = JSON.stringify([loc, msg]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ loc, msg, type });
  }
  return out;
}

/** Validates a parsed JSON body against `components.schemas[name]`; [] when valid. */
export function validateBody(schemaName: string, body: unknown): ValidationDetail[] {
  const validate = schemaValidator(schemaName);
  if (validate(body)) return [];
  return toDetails(validate.errors ?? [], ["body"]);
}

interface QueryParamSpec {
  name: string;
  schema: Json;
  types: Set<string>;
}

const queryParamCache = new Map<string, QueryParamSpec[]>();

/**
 * Integer query parameters without bounds in the spec (page, page_size) are held to a 32-bit
 * range: far beyond any real page, and page * page_size still fits the int64 SQLite binds, where
 * `?page=99999999999999999999` (1e20 as a JS number) would fail the query with SQLITE_MISMATCH.
 */
export const QUERY_INT_MIN = -(2 ** 31);
export const QUERY_INT_MAX = 2 ** 31 - 1;

function bounded(schema: Json, types: Set<string>): Json {
  if (!types.has("integer")) return schema;
  // minimum/maximum only apply to numbers: a null branch of an anyOf is unaffected.
  return { allOf: [schema, { minimum: QUERY_INT_MIN, maximum: QUERY_INT_MAX }] };
}

function typesOf(schema: Json): Set<string> {
  const out = new Set<string>();
  const add = (s: Json) => {
    const t = s.type;
    if (Array.isArray(t)) t.forEach((x) => out.add(String(x)));
    else if (typeof t === "string") out.add(t);
  };
  add(schema);
  for (const key of ["anyOf", "oneOf"]) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((s) => add(s as Json));
  }
  return out;
}

function queryParams(op: Operation): QueryParamSpec[] {
  let specs = queryParamCache.get(op.id);
  if (!specs) {
    const pathItem = (loadSpec().paths as Json)[op.path] as Json;
    const opSpec = pathItem[op.method.toLowerCase()] as Json;
    const params = (opSpec.parameters as Json[] | undefined) ?? [];
    specs = params
      .filter((p) => p.in === "query")
      .map((p) => {
        const types = typesOf(p.schema as Json);
        return { name: String(p.name), schema: bounded(p.schema as Json, types), types };
      });
    queryParamCache.set(op.id, specs);
  }
  return specs;
}

function coerce(raw: string, types: Set<string>): unknown {
  if (types.has("integer") && /^-?\d+$/.test(raw)) return Number(raw);
  if (types.has("number") && raw.trim() !== "" && Number.isFinite(Number(raw))) return Number(raw);
  if (types.has("boolean")) {
    // pydantic's lax booleans, as the real API accepts them.
    const v = raw.toLowerCase();
    if (["true", "1", "yes", "on"].includes(v)) return true;
    if (["false", "0", "no", "off"].includes(v)) return false;
  }
  return raw;
}

export type QueryValues = Record<string, unknown>;

/**
 * Parses and validates the query parameters the spec declares for an operation. Unknown
 * parameters are ignored, as FastAPI does; absent ones are left out (callers apply defaults).
 */
export function validateQuery(
  op: Operation,
  search: URLSearchParams,
): { values: QueryValues; errors: ValidationDetail[] } {
  const values: QueryValues = {};
  const errors: ValidationDetail[] = [];
  for (const p of queryParams(op)) {
    const raw = search.get(p.name);
    if (raw === null) continue;
    const value = coerce(raw, p.types);
    const validate = inlineValidator(p.schema);
    if (validate(value)) values[p.name] = value;
    else errors.push(...toDetails(validate.errors ?? [], ["query", p.name]));
  }
  return { values, errors };
}
