// The spec, parsed once, and validators compiled from its component schemas (server and tests only).
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";

// The seed spec: the sandbox answers in its shapes until it moves to today's.
const SPEC_PATH = path.join(process.cwd(), "lib/mistral/specs/seed-openapi.yaml");

type Json = Record<string, unknown>;
let spec: Json | undefined;
let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

/** Ajv refuses `discriminator` with `mapping`; the `oneOf` beside each one validates the same. */
export function dropDiscriminators(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropDiscriminators);
  if (node && typeof node === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k !== "discriminator") out[k] = dropDiscriminators(v);
    }
    return out;
  }
  return node;
}

export function loadSpec(): Json {
  spec ??= parse(readFileSync(SPEC_PATH, "utf8")) as Json;
  return spec;
}

function getAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false });
    addFormats(ajv);
    const components = dropDiscriminators((loadSpec().components as Json).schemas);
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
    v = getAjv().compile(dropDiscriminators(rewriteRefs(schema)) as Json);
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
