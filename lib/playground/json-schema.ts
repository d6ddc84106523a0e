// Structured output: the JSON schema typed in the playground, checked as it is typed, and the
// answer checked against it. Zod reads the schema (no eval, so it runs under the console's CSP).
import { z } from "zod";

export type SchemaCheck = { schema: Record<string, unknown> } | { issue: string };

/** Reads the typed schema; says what is wrong with it, if anything. */
export function readSchema(text: string): SchemaCheck {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return { issue: `Not valid JSON: ${(e as Error).message}` };
  }
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) {
    return { issue: "A JSON schema is a JSON object." };
  }
  try {
    z.fromJSONSchema(schema as Record<string, unknown>);
  } catch (e) {
    return { issue: `Not a JSON schema: ${(e as Error).message}` };
  }
  return { schema: schema as Record<string, unknown> };
}

/** Whether an answer is JSON that fits the schema; else the first thing wrong, with its path. */
export function checkAnswer(
  schema: Record<string, unknown>,
  answer: string,
): { ok: true } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(answer);
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
  }
  const result = z.fromJSONSchema(schema).safeParse(value);
  if (result.success) return { ok: true };
  const first = result.error.issues[0];
  const at = first.path.length ? first.path.join(".") : "the answer";
  return { ok: false, error: `${at}: ${first.message}` };
}
