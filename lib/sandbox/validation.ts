// Request validation against today's spec (lib/mistral/openapi.gen.yaml), answered like the real
// API (pydantic behind its gateway): 422 with `detail: [{ type, loc, msg, input }]` (see http.ts),
// `loc` naming the field and, inside a tagged union, the tag (`["body","messages",0,"user","name"]`).
import type { ErrorObject } from "ajv/dist/2020";
import type { Operation } from "@/lib/mistral/operations";
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

const WRAPPERS = new Set(["anyOf", "oneOf", "if", "allOf"]);

/**
 * Ajv errors turned into pydantic-style details. With anyOf, Ajv reports every branch's failure
 * plus the wrapper; a branch whose type did not even match (`must be string`, `must be null`) says
 * nothing when another branch of the same value failed on something deeper or more precise, and
 * the wrapper is kept only when no branch said anything. Discriminated unions were rewritten (see
 * lib/mistral/spec.ts) so only the tagged branch reports; `root`/`body` give the tags for `loc`.
 */
export function toDetails(
  errors: ErrorObject[],
  prefix: (string | number)[],
  root?: { schema: Json; value: unknown },
): ValidationDetail[] {
  let chosen = errors.filter((e) => !WRAPPERS.has(e.keyword));
  const isType = (e: ErrorObject) => e.keyword === "type";
  const precise = chosen.filter((e) => !isType(e));
  chosen = chosen.filter(
    (e) =>
      !isType(e) ||
      !precise.some(
        (o) => o.instancePath === e.instancePath || o.instancePath.startsWith(e.instancePath + "/"),
      ),
  );
  // Several type branches of one value failed (e.g. `string | null` got a number): name one.
  const typeSeen = new Set<string>();
  chosen = chosen.filter((e) => {
    if (!isType(e)) return true;
    if (typeSeen.has(e.instancePath)) return false;
    typeSeen.add(e.instancePath);
    return true;
  });
  if (!chosen.length) chosen = errors;
  const seen = new Set<string>();
  const out: ValidationDetail[] = [];
  for (const e of chosen) {
    const { msg, type, extra } = describe(e);
    const path = pointerToLoc(e.instancePath);
    const tagged = root ? withTags(root.schema, root.value, path) : path;
    const loc = [...prefix, ...tagged, ...(extra ? [extra] : [])];
    const key = JSON.stringify([loc, msg]);
    if (seen.has(key)) continue;
    seen.add(key);
    const detail: ValidationDetail = { type, loc, msg };
    const input = extra && e.keyword === "additionalProperties" ? at(e.data, extra) : e.data;
    if (input !== undefined && e.keyword !== "required") detail.input = input;
    out.push(detail);
  }
  return out;
}

function at(value: unknown, key: string): unknown {
  return value && typeof value === "object" ? (value as Json)[key] : undefined;
}

function resolve(schema: Json): Json {
  let s = schema;
  for (let i = 0; i < 32 && typeof s.$ref === "string"; i++) {
    const name = s.$ref.split("/").pop()!;
    s = ((loadSpec().components as Json).schemas as Json)[name] as Json;
  }
  return s ?? {};
}

function typeMatches(schema: Json, value: unknown): boolean {
  const t = schema.type;
  if (typeof t !== "string") return true;
  if (t === "null") return value === null;
  if (t === "array") return Array.isArray(value);
  if (t === "object") return !!value && typeof value === "object" && !Array.isArray(value);
  if (t === "integer") return Number.isInteger(value);
  return typeof value === t;
}

/**
 * The path of an error with each tagged union's tag inserted after the value it chose the branch
 * of, as pydantic reports it. Walks the original (discriminator-carrying) schema beside the value.
 */
function withTags(schema: Json, value: unknown, path: (string | number)[]): (string | number)[] {
  const out: (string | number)[] = [];
  let s: Json | undefined = schema;
  let v = value;
  for (let i = 0; i <= path.length && s; i++) {
    s = branchFor(resolve(s), v, out);
    if (!s || i === path.length) break;
    const seg = path[i];
    out.push(seg);
    if (typeof seg === "number") s = (s.items as Json) ?? undefined;
    else s = ((s.properties as Json)?.[seg] as Json) ?? undefined;
    v = at(v, String(seg));
  }
  return out.length >= path.length ? out : path;
}

/** The schema a value is checked against inside unions; pushes the tag of a tagged union. */
function branchFor(s: Json, v: unknown, out: (string | number)[]): Json | undefined {
  for (let depth = 0; depth < 16; depth++) {
    s = resolve(s);
    const d = s.discriminator as { propertyName: string; mapping?: Record<string, string> };
    if (d?.mapping) {
      const tag = at(v, d.propertyName);
      const ref = typeof tag === "string" ? d.mapping[tag] : undefined;
      if (!ref) return s;
      out.push(tag as string);
      s = { $ref: ref };
      continue;
    }
    const list = (s.anyOf ?? s.oneOf) as Json[] | undefined;
    if (Array.isArray(list)) {
      const next: Json | undefined = list.map(resolve).find((b) => typeMatches(b, v));
      if (!next) return s;
      s = next;
      continue;
    }
    const all = s.allOf as Json[] | undefined;
    if (Array.isArray(all) && !s.properties) {
      const merged: Json = { properties: {} };
      for (const part of all.map(resolve))
        Object.assign(merged.properties as Json, part.properties);
      return merged;
    }
    return s;
  }
  return s;
}

/** Validates a parsed JSON body against `components.schemas[name]`; [] when valid. */
export function validateBody(schemaName: string, body: unknown): ValidationDetail[] {
  const validate = schemaValidator(schemaName);
  if (validate(body)) return [];
  return toDetails(validate.errors ?? [], ["body"], {
    schema: { $ref: `#/components/schemas/${schemaName}` },
    value: body,
  });
}

interface QueryParamSpec {
  name: string;
  schema: Json;
  types: Set<string>;
  /** An object, or declared with `content: application/json`: the value is JSON text (`metadata`). */
  json: boolean;
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
    const pathItem = (loadSpec().paths as Json)[op.specPath] as Json;
    const opSpec = pathItem[op.method.toLowerCase()] as Json;
    const params = (opSpec.parameters as Json[] | undefined) ?? [];
    specs = params
      .filter((p) => p.in === "query")
      .map((p) => {
        const content = (p.content as Json | undefined)?.["application/json"] as Json | undefined;
        const schema = ((p.schema ?? content?.schema) as Json | undefined) ?? {};
        const types = typesOf(schema);
        return {
          name: String(p.name),
          schema: bounded(schema, types),
          types,
          json: !p.schema || types.has("object"),
        };
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

/** A JSON-valued query parameter; text that is not JSON stays text, so validation names it. */
function parseJsonParam(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
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
    const all = search.getAll(p.name);
    if (!all.length) continue;
    // An array parameter is repeated (`?sample_type=instruct&sample_type=pretrain`), as FastAPI reads it.
    const value = p.json
      ? parseJsonParam(all[0])
      : p.types.has("array")
        ? all
        : coerce(all[0], p.types);
    const validate = inlineValidator(p.schema);
    if (validate(value)) values[p.name] = value;
    else errors.push(...toDetails(validate.errors ?? [], ["query", p.name]));
  }
  return { values, errors };
}
