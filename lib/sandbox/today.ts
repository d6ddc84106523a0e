// Request checks for the operations the sandbox simulates beyond the seed spec (batch, moderations,
// OCR, …): Ajv validators compiled from today's merged spec (lib/mistral/openapi.gen.yaml), with
// errors in FastAPI's 422 shape. Kept apart from validation.ts, which follows the seed spec until
// it moves to today's; then these callers can switch to it.
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import type { ValidationDetail } from "./http";
import { toDetails } from "./validation";

type Json = Record<string, unknown>;
const SPEC_PATH = path.join(process.cwd(), "lib/mistral/openapi.gen.yaml");

let spec: Json | undefined;
let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

export function loadTodaySpec(): Json {
  spec ??= parse(readFileSync(SPEC_PATH, "utf8")) as Json;
  return spec;
}

/** Ajv refuses `discriminator` with `mapping`; the `oneOf` beside each one validates the same. */
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node && typeof node === "object") {
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "discriminator") continue;
      out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `today${v}` : strip(v);
    }
    return out;
  }
  return node;
}

function getAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false });
    addFormats(ajv);
    const schemas = strip((loadTodaySpec().components as Json).schemas);
    ajv.addSchema({ $id: "today", components: { schemas } });
  }
  return ajv;
}

/** A validator for any schema written against today's spec (`$ref: "#/components/…"`). */
export function todayValidator(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = cache.get(key);
  if (!v) {
    v = getAjv().compile(strip(schema) as Json);
    cache.set(key, v);
  }
  return v;
}

/** The 422 details for a request body that does not match `components.schemas[name]`. */
export function validateTodayBody(name: string, body: unknown): ValidationDetail[] {
  const validate = todayValidator({ $ref: `#/components/schemas/${name}` });
  if (validate(body)) return [];
  return toDetails(validate.errors ?? [], ["body"]);
}
