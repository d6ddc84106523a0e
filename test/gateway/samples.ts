// Valid sample requests for any operation of the table, built from its spec: path parameters that
// pass their schema, every declared query parameter, and a body of the operation's kind.
import type { PathParamSpec } from "@/lib/mistral/match";
import type { Operation } from "@/lib/mistral/operations";

export const SAMPLE_UUID = "0f6b8e2a-3c4d-4e5f-8a9b-1c2d3e4f5a6b";
export const SAMPLE_MODEL = "ft:open-mistral-7b:587a6b29:20240514:7e773925";

/** A value for a path parameter that its schema accepts. */
export function sampleParam(p: PathParamSpec): string {
  if (p.enum) return p.enum[0];
  if (p.type === "integer") return "3";
  if (p.format === "uuid") return SAMPLE_UUID;
  if (p.name === "model_id") return SAMPLE_MODEL;
  const value = `${p.name.replace(/_/g, "-")}-1`;
  if (p.pattern && !new RegExp(p.pattern, "u").test(value)) {
    throw new Error(`No sample for ${p.name} (pattern ${p.pattern})`);
  }
  return value;
}

/** The operation's path with every parameter filled in. */
export function samplePath(op: { path: string; pathParams: readonly PathParamSpec[] }): string {
  let path: string = op.path;
  for (const p of op.pathParams) path = path.replace(`{${p.name}}`, sampleParam(p));
  return path;
}

/** Every declared query parameter with a value, in the table's order. */
export function sampleQuery(op: Pick<Operation, "query">): URLSearchParams {
  const query = new URLSearchParams();
  op.query.forEach((name, i) => query.append(name, `v${i}`));
  return query;
}

/** A small multipart body, as an SDK encodes it (with its boundary). */
export async function sampleMultipart(): Promise<{ type: string; bytes: Uint8Array }> {
  const form = new FormData();
  form.append("purpose", "fine-tune");
  form.append("model", "voxtral-mini-latest");
  form.append("file", new Blob(['{"messages":[]}\n']), "train.jsonl");
  const encoded = new Request("http://x", { method: "POST", body: form });
  return {
    type: encoded.headers.get("content-type")!,
    bytes: new Uint8Array(await encoded.arrayBuffer()),
  };
}

/** A JSON body; a `stream` variant (or an SSE answer asked for) says `stream: true`. */
export function sampleJson(op: Pick<Operation, "id">, stream: boolean): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ probe: op.id, ...(stream ? { stream } : {}) }));
}
