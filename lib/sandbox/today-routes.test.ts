// Every workspace-key operation of today's table gets an answer from the sandbox: the seed's
// operations and the simulated ones their own, every other one a 501 naming it (never a 404,
// a 405 or a 500).
import { operations } from "@/lib/mistral/operations";
import { matchSeedOperation } from "@/lib/mistral/seed-operations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSandbox, type TestSandbox } from "./test/helpers";

let t: TestSandbox;
beforeAll(() => {
  t = openSandbox();
});
afterAll(() => t.close());

const UUID = "00000000-0000-4000-8000-000000000000";
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, UUID);

describe("today's operations", () => {
  it("answer, or 501 naming the operation", async () => {
    const notSimulated: string[] = [];
    for (const op of operations.filter((o) => o.variantOf === null)) {
      const path = concrete(op.path);
      const res = await t.call(op.method, path, op.body === "json" ? {} : undefined);
      const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      expect(res.status, `${op.method} ${path}`).not.toBe(500);
      if (matchSeedOperation(op.method, path).kind === "match") continue;
      if (res.status === 501) {
        expect(body).toMatchObject({
          object: "error",
          type: "not_implemented",
          code: "not_simulated",
        });
        expect(body?.message).toContain(op.id);
        notSimulated.push(op.id);
      } else {
        // A simulated operation: its own answer (found, not found, or a 422 for the empty body).
        expect([200, 204, 400, 404, 422], `${op.method} ${path}`).toContain(res.status);
        expect(body?.code ?? null, `${op.method} ${path}`).not.toBe("not_simulated");
      }
    }
    // Most of today's table stays unsimulated; the simulated ones are not among them.
    // Most of today's operations are not simulated (an unsimulated one whose empty body fails its
    // schema gets that 422 first: requests are checked before they are routed).
    expect(notSimulated.length).toBeGreaterThan(120);
    expect(notSimulated).not.toContain("jobs_api_routes_batch_create_batch_job");
    expect(notSimulated).not.toContain("agents_api_v1_conversations_start");
  });
});
