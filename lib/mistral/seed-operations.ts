// The seed spec's 19 operations (lib/mistral/specs/seed-openapi.yaml), which the sandbox still
// serves and validates against until it moves to today's shapes.
import { createMatcher } from "./match";
import { operations as seedOperations } from "./seed-operations.gen";

export { seedOperations };
export type SeedOperation = (typeof seedOperations)[number];
export type SeedOperationId = SeedOperation["id"];

export const matchSeedOperation = createMatcher(seedOperations);

export function seedOperationById(id: SeedOperationId): SeedOperation {
  return seedOperations.find((o) => o.id === id)!;
}
