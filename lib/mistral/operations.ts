// The operations the console serves (every workspace-key operation of today's spec, plus the
// fine-tuning jobs of the 2026-07-15 one) and those it refuses, matched by one precompiled trie.
import { createMatcher, type Match } from "./match";
import { operations, refusedOperations } from "./operations.gen";

export { operations, refusedOperations };
export type Operation = (typeof operations)[number];
export type OperationId = Operation["id"];
export type Tag = Operation["tag"];
export type RefusedOperation = (typeof refusedOperations)[number];

/** The result of matching a request line: a served operation, a refused one, or nothing. */
export type OperationMatch =
  Match<Operation> | { kind: "refused"; operation: RefusedOperation; path: string };

// A `stream` variant shares method and path with its plain sibling and is told apart only by the
// body (`stream: true`): the sibling is the one a request line matches. Refused operations are in
// the same trie, so a path the console will not serve gets its own answer, not a 404.
type Entry = Operation | RefusedOperation;
const match = createMatcher<Entry>([
  ...operations.filter((o) => o.variantOf === null),
  ...refusedOperations,
]);
const served = new Set<Entry>(operations);

/**
 * Matches a method and a raw (still percent-encoded) pathname against the operation table. Only
 * a `match` may be forwarded; see `createMatcher` for what a path parameter may be.
 */
export function matchOperation(method: string, pathname: string): OperationMatch {
  const m = match(method, pathname);
  if (m.kind !== "match" || served.has(m.operation)) return m as OperationMatch;
  return { kind: "refused", operation: m.operation as RefusedOperation, path: m.path };
}

const byId = new Map<string, Operation>(operations.map((o) => [o.id, o]));

export function operationById(id: OperationId): Operation {
  return byId.get(id)!;
}
