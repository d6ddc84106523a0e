// The spec, parsed once, and validators compiled from its component schemas (server and tests only).
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

// Today's spec merged with the 2026-07-15 fine-tuning jobs (see specs/README.md): the sandbox
// validates requests and answers against it.
const SPEC_PATH = path.join(process.cwd(), "lib/mistral/openapi.gen.yaml");

type Json = Record<string, unknown>;
let spec: Json | undefined;
let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

/**
 * Ajv refuses `discriminator` with `mapping`, and a plain `oneOf` reports every branch's failure
 * (a user message with one bad field would also be told it lacks `tool_call_id`). Each
 * `oneOf` + `discriminator` becomes what pydantic's tagged unions do: the tag must be one of the
 * mapping's keys, and only the branch it names is validated.
 */
export function rewriteDiscriminators(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteDiscriminators);
  if (!node || typeof node !== "object") return node;
  const src = node as Json;
  const d = src.discriminator as { propertyName?: string; mapping?: Record<string, string> };
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === "discriminator") continue;
    // An OpenAPI 3.0 leftover in a 3.1 spec; Ajv refuses `nullable` beside no `type`.
    if (k === "nullable" && !("type" in src)) continue;
    if (k === "oneOf" && d?.propertyName && d.mapping) continue;
    out[k] = rewriteDiscriminators(v);
  }
  if (d?.propertyName && d.mapping) {
    const prop = d.propertyName;
    const tags = Object.keys(d.mapping);
    out.type = "object";
    out.required = [prop];
    out.properties = { [prop]: { enum: tags } };
    out["x-discriminator"] = prop;
    out.allOf = [
      ...((out.allOf as unknown[]) ?? []),
      ...tags.map((tag) => ({
        if: { required: [prop], properties: { [prop]: { const: tag } } },
        then: { $ref: d.mapping![tag] },
      })),
    ];
  }
  return out;
}

export function loadSpec(): Json {
  spec ??= parse(readFileSync(SPEC_PATH, "utf8")) as Json;
  return spec;
}

function getAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, verbose: true });
    addFormats(ajv);
    const components = rewriteDiscriminators((loadSpec().components as Json).schemas);
    ajv.addSchema({ $id: "mistral", components: { schemas: components } });
  }
  return ajv;
}

/** A compiled validator for `components.schemas[name]`. */
export function schemaValidator(name: string): ValidateFunction {
  let v = cache.get(name);
  if (!v) {
    const found = getAjv().getSchema(`mistral#/components/schemas/${name}`);
    if (!found) throw new Error(`No schema named ${name} in the spec`);
    v = found;
    cache.set(name, v);
  }
  return v;
}

/** A compiled validator for any schema written against the spec (e.g. a response's anyOf). */
export function inlineValidator(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = cache.get(key);
  if (!v) {
    v = getAjv().compile(rewriteRefs(rewriteDiscriminators(schema)) as Json);
    cache.set(key, v);
  }
  return v;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === "$ref" && typeof v === "string" && v.startsWith("#/")
          ? `mistral${v}`
          : rewriteRefs(v);
    }
    return out;
  }
  return node;
}

export type SchemaError = ErrorObject;
