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
      /** The canonical path to forward: the template filled with the (URL-safe) parameters. */
      path: string;
    }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

const MAX_PARAM_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Model and file ids: letters, digits and the separators real ids use (ft:model:suffix:date:hex).
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

const compiled = operations.map((operation) => ({
  operation,
  segments: operation.path.split("/").slice(1),
}));

function paramOk(value: string, format: string | null): boolean {
  if (value.length === 0 || value.length > MAX_PARAM_LENGTH) return false;
  if (format === "uuid") return UUID.test(value);
  return ID.test(value);
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Matches a method and a raw (still percent-encoded) pathname against the spec's operations.
 * Fixed segments must match exactly; a parameter may be percent-encoded (SDKs send `ft%3A...`)
 * but must decode to a plain id. Anything unusual (empty or dot segments, encoded slashes,
 * over-long ids) does not match, so it can never be forwarded.
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
        ok = value !== null && paramOk(value, spec?.format ?? null);
        params[name] = value ?? "";
      } else {
        ok = seg === parts[i];
      }
    }
    if (!ok) continue;
    if (operation.method === method.toUpperCase()) {
      const path = operation.path.replace(/\{(\w+)\}/g, (_, n: string) => params[n]);
      return { kind: "match", operation, params, path };
    }
    allow.add(operation.method);
  }
  return allow.size ? { kind: "method-not-allowed", allow: [...allow] } : { kind: "not-found" };
}

export function operationById(id: OperationId): Operation {
  return operations.find((o) => o.id === id)!;
}
