/**
 * Derives the console's contract from the Mistral specs (`npm run gen`):
 *
 * - lib/mistral/openapi.gen.yaml: today's spec plus the five /v1/fine_tuning/jobs* operations of
 *   the 2026-07-15 spec (the last one that lists them) and the component schemas they reference;
 * - lib/mistral/operations.gen.ts: the gateway's table of every operation it serves (every
 *   `security: ApiKey` operation of the merged spec) and of those it refuses (admin-key and
 *   dashboard-only operations);
 * - lib/mistral/seed-operations.gen.ts: the same table for the seed spec, which the sandbox still
 *   serves.
 *
 * lib/mistral/schema.gen.ts is then generated from the merged spec by openapi-typescript.
 * scripts/check-generated.mjs (run by `npm test`) fails when any of these is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse, stringify } from "yaml";

type Json = Record<string, unknown>;
interface Spec {
  info?: Json;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes?: Json };
  security?: Record<string, unknown>[];
  [key: string]: unknown;
}

const root = path.resolve(__dirname, "..");
export const SOURCES = {
  today: "lib/mistral/specs/openapi-2026-08-13.yaml",
  fineTuning: "lib/mistral/specs/openapi-2026-07-15.yaml",
  seed: "lib/mistral/specs/seed-openapi.yaml",
} as const;
export const OUTPUTS = {
  merged: "lib/mistral/openapi.gen.yaml",
  operations: "lib/mistral/operations.gen.ts",
  seedOperations: "lib/mistral/seed-operations.gen.ts",
} as const;

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
/** The fine-tuning jobs routes, gone from today's spec, that the console still serves. */
const FINE_TUNING_JOBS = /^\/v1\/fine_tuning\/jobs(\/|$)/;
const FINE_TUNING_SOURCE = "2026-07-15";

// --- The merged spec ------------------------------------------------------------------------------

function collectRefs(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.add(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

/**
 * An inline schema of today's spec (the audio speech stream) carries its own `$defs` but refers to
 * them as `#/$defs/Name`, which resolves against the document root, where there is no `$defs`:
 * openapi-typescript refuses the whole spec. Such definitions are moved into
 * `components.schemas` (under their own name, or prefixed with their holder's title when
 * another schema already has that name) and the references rewritten to point there.
 */
function hoistLocalDefs(spec: Spec): void {
  const schemas = spec.components.schemas;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const obj = node as Json;
    const defs = obj.$defs as Record<string, Json> | undefined;
    const local = [...collectRefs(obj, new Set())].some((r) => r.startsWith("#/$defs/"));
    if (defs && local) {
      const names: Record<string, string> = {};
      for (const [name, def] of Object.entries(defs)) {
        const mine = schemas[name];
        names[name] =
          !mine || isDeepStrictEqual(mine, def) ? name : `${String(obj.title ?? "Inline")}${name}`;
        if (schemas[names[name]] && !isDeepStrictEqual(schemas[names[name]], def)) {
          throw new Error(`Cannot hoist $defs/${name}: ${names[name]} is taken`);
        }
      }
      const rewrite = (ref: string) => {
        if (!ref.startsWith("#/$defs/")) return ref;
        const target = names[ref.slice("#/$defs/".length)];
        if (!target) throw new Error(`${ref} names no enclosing $defs`);
        return `#/components/schemas/${target}`;
      };
      const fix = (n: unknown): void => {
        if (Array.isArray(n)) return n.forEach(fix);
        if (!n || typeof n !== "object") return;
        for (const [k, v] of Object.entries(n)) {
          if (k === "$ref" && typeof v === "string") (n as Json)[k] = rewrite(v);
          else if (k === "mapping" && v && typeof v === "object" && !Array.isArray(v)) {
            for (const [mk, mv] of Object.entries(v)) {
              if (typeof mv === "string") (v as Json)[mk] = rewrite(mv);
            }
          } else fix(v);
        }
      };
      fix(obj);
      delete obj.$defs;
      for (const [name, def] of Object.entries(defs)) schemas[names[name]] = def;
      return;
    }
    Object.values(obj).forEach(visit);
  };
  visit(spec.paths);
  visit(schemas);
  const left = [...collectRefs(spec, new Set())].filter((r) => !r.startsWith("#/components/"));
  if (left.length) throw new Error(`References left unresolved: ${left.join(", ")}`);
}

/** Today's spec plus the fine-tuning jobs operations (and their schemas) of the 07-15 spec. */
export function buildMergedSpec(todayText: string, fineTuningText: string): Spec {
  const today = parse(todayText) as Spec;
  const old = parse(fineTuningText) as Spec;
  const added = Object.entries(old.paths).filter(([p]) => FINE_TUNING_JOBS.test(p));
  if (added.length === 0) throw new Error("The 07-15 spec lists no /v1/fine_tuning/jobs paths");
  for (const [p, item] of added) {
    if (today.paths[p]) throw new Error(`Today's spec already has ${p}: drop the merge`);
    const marked: Record<string, Json> = {};
    for (const [method, op] of Object.entries(item)) {
      marked[method] = METHODS.includes(method) ? { ...op, "x-spec": FINE_TUNING_SOURCE } : op;
    }
    today.paths[p] = marked;
  }
  // The component schemas the added operations reference, transitively.
  const queue = [...collectRefs(added, new Set())];
  const seen = new Set<string>();
  while (queue.length) {
    const ref = queue.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
    if (!m) throw new Error(`Unexpected reference ${ref} in the fine-tuning operations`);
    const schema = old.components.schemas[m[1]];
    if (!schema) throw new Error(`The 07-15 spec has no schema ${m[1]}`);
    const mine = today.components.schemas[m[1]];
    if (mine && !isDeepStrictEqual(mine, schema)) {
      throw new Error(`Schema ${m[1]} differs between today's spec and 07-15: rename one`);
    }
    today.components.schemas[m[1]] ??= schema;
    queue.push(...collectRefs(schema, new Set()));
  }
  hoistLocalDefs(today);
  return today;
}

export function mergedSpecSource(spec: Spec): string {
  return (
    `# Generated by scripts/gen-operations.ts (npm run gen). Do not edit.\n` +
    `# ${SOURCES.today} plus the /v1/fine_tuning/jobs* operations (marked x-spec: ${FINE_TUNING_SOURCE})\n` +
    `# and the schemas they reference from ${SOURCES.fineTuning}; inline $defs moved to components.\n` +
    stringify(spec, { aliasDuplicateObjects: false, lineWidth: 0 })
  );
}

// --- The operation table --------------------------------------------------------------------------

export interface PathParam {
  name: string;
  type: "string" | "integer";
  format: string | null;
  pattern: string | null;
  enum: string[] | null;
}

type ResponseKind = "json" | "sse" | "binary" | "empty";

function tableOf(spec: Spec) {
  const schemas = spec.components.schemas;
  const deref = (s: Json | undefined): Json | undefined => {
    let node = s;
    for (let i = 0; i < 10 && typeof node?.$ref === "string"; i++) {
      const ref = node.$ref as string;
      const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
      if (!m) throw new Error(`Cannot follow ${ref}`);
      node = schemas[m[1]];
    }
    return node;
  };
  /** Every property name a (possibly composed) object schema can carry. */
  const propertyNames = (s: Json | undefined, depth = 0): Set<string> => {
    const out = new Set<string>();
    const node = deref(s);
    if (!node || depth > 5) return out;
    for (const k of Object.keys((node.properties as Json) ?? {})) out.add(k);
    for (const key of ["allOf", "anyOf", "oneOf"]) {
      for (const part of (node[key] as Json[] | undefined) ?? []) {
        for (const k of propertyNames(part, depth + 1)) out.add(k);
      }
    }
    return out;
  };
  /** A path parameter's schema, reduced to what a path segment can be checked against. */
  const paramShape = (name: string, raw: Json | undefined, where: string): PathParam => {
    const s = deref(raw) ?? {};
    const branches = ((s.anyOf ?? s.oneOf) as Json[] | undefined)?.map((b) => deref(b) ?? {});
    // A union accepts what its loosest branch accepts: an unconstrained string wins.
    const pick = branches
      ? (branches.find((b) => b.type === "string" && !b.format && !b.pattern && !b.enum) ??
        branches[0])
      : s;
    const type = pick.type === "integer" ? "integer" : pick.type === "string" ? "string" : null;
    if (!type) throw new Error(`${where}: path parameter ${name} has type ${String(pick.type)}`);
    return {
      name,
      type,
      format: typeof pick.format === "string" ? pick.format : null,
      pattern: typeof pick.pattern === "string" ? pick.pattern : null,
      enum: Array.isArray(pick.enum) ? pick.enum.map(String) : null,
    };
  };

  const served: Json[] = [];
  const refused: Json[] = [];
  const globalSecurity = spec.security ?? [];
  for (const [specPath, item] of Object.entries(spec.paths)) {
    const realPath = specPath.split("#")[0];
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const where = `${method.toUpperCase()} ${specPath}`;
      const id = op.operationId as string;
      const tag = ((op.tags as string[] | undefined) ?? [])[0] ?? null;
      const schemes = ((op.security as Json[] | undefined) ?? globalSecurity).flatMap((s) =>
        Object.keys(s),
      );
      const params = (op.parameters ?? []) as { name: string; in: string; schema?: Json }[];
      const pathParams = params
        .filter((p) => p.in === "path")
        .map((p) => paramShape(p.name, p.schema, where));
      const named = [...realPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      // Ordered as in the path, so the matcher can fill them by position.
      pathParams.sort((a, b) => named.indexOf(a.name) - named.indexOf(b.name));
      if (named.join() !== pathParams.map((p) => p.name).join()) {
        throw new Error(`${where}: path parameters ${named.join()} are not all declared`);
      }
      if (!schemes.includes("ApiKey")) {
        const by = schemes.includes("AdminApiKey")
          ? "admin-key"
          : schemes.includes("DashboardUserContextAuth")
            ? "dashboard"
            : null;
        if (!by) throw new Error(`${where}: unknown security ${schemes.join(", ")}`);
        refused.push({ id, method: method.toUpperCase(), path: realPath, tag, by, pathParams });
        continue;
      }
      const body = op.requestBody as { required?: boolean; content?: Record<string, Json> };
      const content = body?.content ?? {};
      const bodyTypes = Object.keys(content);
      for (const type of bodyTypes) {
        if (type !== "application/json" && type !== "multipart/form-data") {
          throw new Error(`${where}: request body ${type} is not handled by the gateway`);
        }
      }
      if (bodyTypes.length > 1) throw new Error(`${where}: several request body types`);
      const bodyKind =
        bodyTypes[0] === "application/json"
          ? "json"
          : bodyTypes[0] === "multipart/form-data"
            ? "multipart"
            : "none";
      const bodyRef = (content[bodyTypes[0]]?.schema as Json | undefined)?.$ref;
      const responseTypes: string[] = [];
      const responseKinds = new Set<ResponseKind>();
      for (const [status, response] of Object.entries((op.responses as Json) ?? {})) {
        if (!/^2/.test(status)) continue;
        const types = Object.keys(((response as Json).content as Json | undefined) ?? {});
        if (types.length === 0) responseKinds.add("empty");
        for (const type of types) {
          if (!responseTypes.includes(type)) responseTypes.push(type);
          responseKinds.add(
            type === "application/json" ? "json" : type === "text/event-stream" ? "sse" : "binary",
          );
        }
      }
      const streamField =
        bodyKind !== "none" && propertyNames(content[bodyTypes[0]]?.schema as Json).has("stream");
      served.push({
        id,
        summary: (op.summary as string | undefined) ?? null,
        method: method.toUpperCase(),
        path: realPath,
        specPath,
        variant: null as string | null,
        variantOf: null as string | null,
        tag,
        pathParams,
        query: params.filter((p) => p.in === "query").map((p) => p.name),
        headers: params.filter((p) => p.in === "header").map((p) => p.name.toLowerCase()),
        body: bodyKind,
        bodyRequired: body?.required === true,
        bodySchema: typeof bodyRef === "string" ? bodyRef.split("/").pop()! : null,
        responseKinds: [...responseKinds].sort(),
        responseTypes,
        stream: streamField || responseKinds.has("sse"),
        spec: (op["x-spec"] as string | undefined) ?? null,
      });
    }
  }
  // Spec paths with a `#suffix` sharing method and path with a plain sibling are variants of it:
  // one request line, told apart by the body (`stream: true`).
  // (Other suffixes, such as the connectors' `#id`, only tell apart paths of the same shape.)
  for (const op of served) {
    const suffix = String(op.specPath).split("#")[1];
    if (!suffix) continue;
    const base = served.find((o) => o !== op && o.specPath === op.path && o.method === op.method);
    if (!base) continue;
    if (suffix !== "stream") throw new Error(`${op.id}: unknown variant #${suffix}`);
    op.variant = suffix;
    op.variantOf = base.id as string;
  }
  const clash = served.find((a) =>
    served.some(
      (b) =>
        a !== b &&
        a.method === b.method &&
        shape(a.path) === shape(b.path) &&
        !a.variantOf &&
        !b.variantOf,
    ),
  );
  if (clash) throw new Error(`Two operations answer ${clash.method} ${clash.path}`);
  return { served, refused };
}

const shape = (p: unknown) => String(p).replace(/\{[^}]+\}/g, "{}");

export function operationsSource(spec: Spec, from: string, withRefused: boolean): string {
  const { served, refused } = tableOf(spec);
  const head = `// Generated from ${from} by scripts/gen-operations.ts (npm run gen). Do not edit.\n`;
  const table = `export const operations = ${JSON.stringify(served, null, 2)} as const;\n`;
  if (!withRefused) return head + table;
  return (
    head +
    table +
    `\n/** Operations of the spec that need an admin API key or the Mistral dashboard: never served. */\n` +
    `export const refusedOperations = ${JSON.stringify(refused, null, 2)} as const;\n`
  );
}

/** Every generated file but schema.gen.ts (openapi-typescript writes that one), by path. */
export function generate(
  read: (file: string) => string = (f) => readFileSync(path.join(root, f), "utf8"),
) {
  const merged = buildMergedSpec(read(SOURCES.today), read(SOURCES.fineTuning));
  return {
    [OUTPUTS.merged]: mergedSpecSource(merged),
    [OUTPUTS.operations]: operationsSource(merged, OUTPUTS.merged, true),
    [OUTPUTS.seedOperations]: operationsSource(
      parse(read(SOURCES.seed)) as Spec,
      SOURCES.seed,
      false,
    ),
  };
}

// `--out DIR` writes under DIR instead of the project (scripts/check-generated.mjs compares them).
if (require.main === module) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 ? path.resolve(process.argv[at + 1]) : root;
  for (const [file, text] of Object.entries(generate())) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), text);
    if (out === root) console.log(`wrote ${file}`);
  }
}
