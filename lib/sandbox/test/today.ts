// Test helpers for the operations simulated from today's spec: answers are checked against the
// response schema today's merged spec declares for their operation and status.
import { matchOperation } from "@/lib/mistral/operations";
import { inlineValidator, loadSpec } from "@/lib/mistral/spec";
import type { TestSandbox } from "./helpers";

type Json = Record<string, unknown>;

/** The operation's declared JSON answer schema for `status` (422: HTTPValidationError). */
export function todayResponseSchema(method: string, pathname: string, status: number): Json {
  const m = matchOperation(method, pathname);
  if (m.kind !== "match") throw new Error(`No operation for ${method} ${pathname}`);
  const paths = loadSpec().paths as Record<string, Record<string, Json>>;
  const responses = paths[m.operation.specPath][method.toLowerCase()].responses as Record<
    string,
    Json
  >;
  if (status === 422 && !responses["422"]) {
    return { $ref: "#/components/schemas/HTTPValidationError" };
  }
  const response = responses[String(status)];
  if (!response) throw new Error(`The spec declares no ${status} answer for ${m.operation.id}`);
  return ((response.content as Json)["application/json"] as Json).schema as Json;
}

/** Throws unless `body` matches the spec's answer for this call (errors: the Mistral error shape). */
export function expectTodayResponse(
  method: string,
  pathname: string,
  status: number,
  body: unknown,
): void {
  if (status === 200 || status === 422) {
    const validate = inlineValidator(todayResponseSchema(method, pathname, status));
    if (!validate(body)) {
      throw new Error(
        `${method} ${pathname} answered ${status} off-spec: ${JSON.stringify(validate.errors, null, 1)}\n${JSON.stringify(body).slice(0, 1000)}`,
      );
    }
    return;
  }
  const error = body as Json;
  if (
    error.object !== "error" ||
    typeof error.message !== "string" ||
    typeof error.type !== "string"
  ) {
    throw new Error(
      `${method} ${pathname} answered ${status} without the error shape: ${JSON.stringify(body)}`,
    );
  }
}

/** Calls the sandbox and checks the answer against today's spec. */
export async function todayApi<T = Json>(
  t: TestSandbox,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await t.call(method, url, body);
  const parsed = JSON.parse(await res.text()) as T;
  expectTodayResponse(method, new URL(url, "http://x").pathname, res.status, parsed);
  return { status: res.status, body: parsed };
}
