import { operations } from "./operations.gen";

export { operations };
export type Operation = (typeof operations)[number];
export type OperationId = Operation["id"];

/** Result of matching a request line against the spec's operations. */
export type OperationMatch =
  | {
      kind: "match";
      operation: Operation;
      /** Decoded path parameters. */
      params: Record<string, string>;
      /** The canonical path to forward: the template filled with the percent-encoded parameters. */
      path: string;
    }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

const MAX_PARAM_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// File ids: letters, digits and the separators real ids use.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
// A raw path segment as a URL holds it: the characters WHATWG URL parsing leaves unencoded, and
// well-formed %XX escapes (so `%` alone, `%zz`, a raw space or raw non-ASCII do not match).
const SEGMENT = /^(?:[A-Za-z0-9!$&'()*+,\-.:;=@[\]^_|~]|%[0-9A-Fa-f]{2})+$/;
// What a decoded model id must not hold: a separator (`/`, `\`), a `%` (a second decoding
// further along could turn it into one), or a control character (C0, DEL, C1).
const MODEL_ID_FORBIDDEN = /[/\\%\u0000-\u001f\u007f-\u009f]/;

const compiled = operations.map((operation) => ({
  operation,
  segments: operation.path.split("/").slice(1),
}));

function paramOk(name: string, value: string, format: string | null): boolean {
  if (value.length === 0 || value.length > MAX_PARAM_LENGTH) return false;
  if (format === "uuid") return UUID.test(value);
  if (name === "model_id") {
    // A fine-tuned model's id carries the job's suffix as the user typed it (`<svg onload=x>`,
    // `=1+1`, RTL or zero-width marks): every id the API can return must be reachable to be
    // archived or deleted. A leading `.` or `-` is refused: no dot segments, nothing flag-like.
    return !MODEL_ID_FORBIDDEN.test(value) && value[0] !== "." && value[0] !== "-";
  }
  return ID.test(value);
}

/** A parameter as it goes into the forwarded path: percent-encoded, `:` kept readable. */
function encodeParam(value: string): string {
  return encodeURIComponent(value).replace(/%3A/g, ":");
}

/** The decoded segment, or null when it is not properly percent-encoded UTF-8. */
function decode(segment: string): string | null {
  if (!SEGMENT.test(segment)) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // an escape that is not UTF-8
  }
}

/**
 * Matches a method and a raw (still percent-encoded) pathname against the spec's operations.
 * Fixed segments must match exactly; a parameter may be percent-encoded (SDKs send `ft%3A...`)
 * but must decode to a plain id (a model id: to any text without separators or control
 * characters). Anything unusual (empty or dot segments, encoded slashes, over-long ids) does not
 * match, so it can never be forwarded.
 */
export function matchOperation(method: string, pathname: string): OperationMatch {
  if (!pathname.startsWith("/") || pathname.includes("\\")) {
    return { kind: "not-found" };
  }
  const parts = pathname.split("/").slice(1);
  const allow = new Set<string>();
  for (const { operation, segments } of compiled) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const seg = segments[i];
      if (seg.startsWith("{")) {
        const name = seg.slice(1, -1);
        const spec = operation.pathParams.find((p) => p.name === name);
        const value = decode(parts[i]);
        ok = value !== null && paramOk(name, value, spec?.format ?? null);
        params[name] = value ?? "";
      } else {
        ok = seg === parts[i];
      }
    }
    if (!ok) continue;
    if (operation.method === method.toUpperCase()) {
      const path = operation.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeParam(params[n]));
      return { kind: "match", operation, params, path };
    }
    allow.add(operation.method);
  }
  return allow.size ? { kind: "method-not-allowed", allow: [...allow] } : { kind: "not-found" };
}

export function operationById(id: OperationId): Operation {
  return operations.find((o) => o.id === id)!;
}
