/**
 * Derives the gateway's operation table from the OpenAPI spec.
 * Run with `npm run gen`; a unit test fails when the committed table is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

type Schema = Record<string, unknown>;
const root = path.resolve(__dirname, "..");
const specPath = path.join(root, "lib/mistral/openapi.yaml");
const outPath = path.join(root, "lib/mistral/operations.gen.ts");

export function buildOperationsSource(specText: string): string {
  const spec = parse(specText) as {
    paths: Record<string, Record<string, Schema>>;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (s: Schema | undefined): Schema | undefined => {
    const ref = s?.["$ref"];
    return typeof ref === "string" ? spec.components.schemas[ref.split("/").pop()!] : s;
  };
  const ops: unknown[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = (op.parameters ?? []) as {
        name: string;
        in: string;
        schema?: Schema;
      }[];
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> })
        ?.content;
      const bodyType = content?.["application/json"]
        ? "json"
        : content?.["multipart/form-data"]
          ? "multipart"
          : "none";
      const bodySchema = resolve(content?.["application/json"]?.schema);
      const props = (bodySchema?.properties ?? {}) as Record<string, unknown>;
      const ref = content?.["application/json"]?.schema?.["$ref"];
      ops.push({
        id: op.operationId,
        summary: op.summary,
        method: method.toUpperCase(),
        path: template,
        pathParams: params
          .filter((p) => p.in === "path")
          .map((p) => ({ name: p.name, format: (p.schema?.format as string) ?? null })),
        query: params.filter((p) => p.in === "query").map((p) => p.name),
        body: bodyType,
        bodySchema: typeof ref === "string" ? ref.split("/").pop() : null,
        stream: "stream" in props,
        tag: ((op.tags as string[]) ?? [])[0] ?? null,
      });
    }
  }
  return `// Generated from lib/mistral/openapi.yaml by scripts/gen-operations.ts. Do not edit.
export const operations = ${JSON.stringify(ops, null, 2)} as const;
`;
}

if (require.main === module) {
  writeFileSync(outPath, buildOperationsSource(readFileSync(specPath, "utf8")));
  console.log(`wrote ${path.relative(root, outPath)}`);
}
