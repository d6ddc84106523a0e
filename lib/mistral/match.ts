// A precompiled matcher for a table of operations: a trie of path segments built once, so matching
// a request costs a walk over its segments, whatever the number of operations.

export interface PathParamSpec {
  readonly name: string;
  readonly type: "string" | "integer";
  readonly format: string | null;
  readonly pattern: string | null;
  readonly enum: readonly string[] | null;
}

export interface MatchableOperation {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly PathParamSpec[];
}

export type Match<Op> =
  | {
      kind: "match";
      operation: Op;
      /** Decoded path parameters. */
      params: Record<string, string>;
      /** The path to forward: the template filled with the checked, re-encoded parameters. */
      path: string;
    }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

const MAX_PARAM_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^\d{1,10}$/;
// Nothing that could change the path or query once forwarded, and nothing invisible.
const UNSAFE = /[/\\%?#\s\x00-\x1f\x7f]/;
// A fine-tuned model's id carries the job's suffix as the user typed it (`<svg onload=x>`, `=1+1`,
// RTL or zero-width marks): every id the API can return must be reachable to be archived or
// deleted. So a model id may hold anything but a separator (`/`, `\`), a `%` (a second decoding
// further along could turn it into one) or a control character (C0, DEL, C1), and may not start
// with `.` or `-` (no dot segments, nothing flag-like). It is re-encoded when forwarded.
const MODEL_ID_UNSAFE = /[/\\%\u0000-\u001f\u007f-\u009f]/;
// A raw path segment as a URL holds it: the characters WHATWG URL parsing leaves unencoded, and
// well-formed %XX escapes (so `%` alone, `%zz`, a raw space or raw non-ASCII do not match).
const SEGMENT = /^(?:[A-Za-z0-9!$&'()*+,\-.:;=@[\]^_|~]|%[0-9A-Fa-f]{2})+$/;

type Check = (value: string) => boolean;

function checkFor(spec: PathParamSpec): Check {
  const checks: Check[] = [];
  if (spec.type === "integer") checks.push((v) => INTEGER.test(v));
  if (spec.format === "uuid") checks.push((v) => UUID.test(v));
  if (spec.pattern) {
    const re = new RegExp(spec.pattern, "u");
    checks.push((v) => re.test(v));
  }
  if (spec.enum) {
    const allowed = new Set(spec.enum);
    checks.push((v) => allowed.has(v));
  }
  const safe = spec.name === "model_id" ? safeModelId : safeParam;
  return (v) => safe(v) && checks.every((check) => check(v));
}

/** Whether a decoded path parameter can be put back into a path without changing its meaning. */
function safeParam(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_PARAM_LENGTH &&
    value[0] !== "." && // no dot segments; no id starts with a dot
    !UNSAFE.test(value)
  );
}

function safeModelId(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_PARAM_LENGTH &&
    !MODEL_ID_UNSAFE.test(value) &&
    value[0] !== "." &&
    value[0] !== "-"
  );
}

/** The decoded segment, or null when it is not properly percent-encoded UTF-8. */
function decode(segment: string): string | null {
  if (!SEGMENT.test(segment)) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Percent-encodes a checked parameter for the forwarded path; `:` stays readable (`ft:…` ids). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%3A/g, ":");
}

interface Route<Op> {
  operation: Op;
  /** Index in the path segments of each parameter, in template order. */
  at: number[];
  checks: Check[];
  names: string[];
  /** The template split at its parameters, to rebuild the forwarded path. */
  pieces: string[];
}

interface Node<Op> {
  literal: Map<string, Node<Op>>;
  param: Node<Op> | null;
  routes: Route<Op>[];
}

const node = <Op>(): Node<Op> => ({ literal: new Map(), param: null, routes: [] });

/**
 * Builds the matcher of a table. A request's path is matched segment by segment on its raw (still
 * percent-encoded) form: fixed segments must be equal (a fixed segment wins over a parameter at the
 * same place), a parameter may be percent-encoded (SDKs send `ft%3A...`) but must decode to a
 * safe value that passes its spec schema (uuid, pattern, enum, integer). Empty or dot segments,
 * encoded slashes, control characters and over-long values never match, so they are never
 * forwarded.
 */
export function createMatcher<Op extends MatchableOperation>(
  operations: readonly Op[],
): (method: string, pathname: string) => Match<Op> {
  const root = node<Op>();
  for (const operation of operations) {
    const segments = operation.path.split("/").slice(1);
    let at = root;
    const positions: number[] = [];
    segments.forEach((segment, i) => {
      if (segment.startsWith("{")) {
        positions.push(i);
        at = at.param ??= node<Op>();
      } else {
        let next = at.literal.get(segment);
        if (!next) at.literal.set(segment, (next = node<Op>()));
        at = next;
      }
    });
    at.routes.push({
      operation,
      at: positions,
      checks: operation.pathParams.map(checkFor),
      names: operation.pathParams.map((p) => p.name),
      pieces: operation.path.split(/\{[^}]+\}/),
    });
  }

  /** The nodes a path reaches, fixed segments first. */
  function reach(n: Node<Op>, parts: string[], i: number, out: Node<Op>[]): void {
    if (i === parts.length) {
      if (n.routes.length) out.push(n);
      return;
    }
    const next = n.literal.get(parts[i]);
    if (next) reach(next, parts, i + 1, out);
    if (n.param && parts[i] !== "") reach(n.param, parts, i + 1, out);
  }

  return function match(method, pathname) {
    if (!pathname.startsWith("/")) return { kind: "not-found" };
    const parts = pathname.split("/").slice(1);
    const upper = method.toUpperCase();
    const found: Node<Op>[] = [];
    reach(root, parts, 0, found);
    const allow = new Set<string>();
    for (const n of found) {
      for (const route of n.routes) {
        const values: string[] = [];
        let ok = true;
        for (let k = 0; k < route.at.length && ok; k++) {
          const value = decode(parts[route.at[k]]);
          ok = value !== null && route.checks[k](value);
          values.push(value ?? "");
        }
        if (!ok) continue;
        if (route.operation.method !== upper) {
          allow.add(route.operation.method);
          continue;
        }
        const params: Record<string, string> = {};
        let path = route.pieces[0];
        values.forEach((value, k) => {
          params[route.names[k]] = value;
          path += encode(value) + route.pieces[k + 1];
        });
        return { kind: "match", operation: route.operation, params, path };
      }
    }
    return allow.size ? { kind: "method-not-allowed", allow: [...allow] } : { kind: "not-found" };
  };
}
