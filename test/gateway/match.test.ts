// matchOperation decides what the gateway may forward: exactly the table's operations, nothing odd.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchOperation, operations, refusedOperations } from "@/lib/mistral/operations";
import { matchSeedOperation, seedOperations } from "@/lib/mistral/seed-operations";
import { SAMPLE_UUID as UUID, sampleParam, samplePath } from "./samples";

describe("matchOperation", () => {
  it("matches every operation of the table at its own path and method, with its parameters", () => {
    expect(operations).toHaveLength(243);
    for (const op of operations) {
      const m = matchOperation(op.method, samplePath(op));
      // A stream variant is matched as its plain sibling (the body tells them apart).
      expect(m.kind === "match" && m.operation.id, `${op.method} ${op.path}`).toBe(
        op.variantOf ?? op.id,
      );
      if (m.kind === "match") {
        for (const p of op.pathParams) expect(m.params[p.name]).toBe(sampleParam(p));
        expect(m.path).toBe(samplePath(op));
      }
    }
  });

  it("knows the admin-key and dashboard operations, to refuse them by name", () => {
    for (const op of refusedOperations) {
      const m = matchOperation(op.method, samplePath(op));
      expect(m.kind === "refused" && m.operation.id, `${op.method} ${op.path}`).toBe(op.id);
    }
  });

  it("still matches the seed's 19 operations for the sandbox", () => {
    expect(seedOperations).toHaveLength(19);
    for (const op of seedOperations) {
      const m = matchSeedOperation(op.method, samplePath(op));
      expect(m.kind === "match" && m.operation.id).toBe(op.id);
    }
  });

  it("prefers a fixed segment to a parameter, as the API does", () => {
    const pages = matchOperation("GET", "/v1/agents/pages");
    expect(pages.kind === "match" && pages.operation.id).toBe("agents_api_v1_agents_list_pages");
    const agent = matchOperation("PATCH", "/v1/agents/pages");
    expect(agent.kind === "match" && agent.operation.id).toBe("agents_api_v1_agents_update");
    const run = matchOperation("GET", `/v1/workflows/runs/${UUID}`);
    expect(run.kind === "match" && run.operation.id).toBe("get_run_v1_workflows_runs__run_id__get");
    const cancel = matchOperation("POST", "/v1/workflows/executions/cancel");
    expect(cancel.kind === "match" && cancel.operation.id).toBe(
      "batch_cancel_workflow_executions_v1_workflows_executions_cancel_post",
    );
  });

  it("checks each parameter against its own operation's schema", () => {
    // GET takes an id or a name; PATCH and DELETE a uuid.
    expect(matchOperation("GET", "/v1/connectors/my-connector").kind).toBe("match");
    expect(matchOperation("PATCH", "/v1/connectors/my-connector")).toEqual({
      kind: "method-not-allowed",
      allow: ["GET"],
    });
    expect(matchOperation("PATCH", `/v1/connectors/${UUID}`).kind).toBe("match");
    // An enum, a pattern, an integer.
    expect(matchOperation("POST", `/v1/connectors/${UUID}/workspace/activate`).kind).toBe("match");
    expect(matchOperation("POST", `/v1/connectors/${UUID}/nobody/activate`).kind).toBe("not-found");
    expect(matchOperation("DELETE", "/v1/connectors/c/workspace/credentials/bad.name").kind).toBe(
      "not-found",
    );
    expect(matchOperation("GET", "/v2/prompts/p1/versions/7").kind).toBe("match");
    expect(matchOperation("GET", "/v2/prompts/p1/versions/latest").kind).toBe("not-found");
    expect(matchOperation("GET", "/v1/libraries/not-a-uuid/documents").kind).toBe("not-found");
  });

  it("percent-encodes a parameter again in the forwarded path", () => {
    const m = matchOperation("GET", "/v2/prompts/caf%C3%A9@home");
    expect(m.kind === "match" && m.params.prompt_id).toBe("café@home");
    expect(m.kind === "match" && m.path).toBe("/v2/prompts/caf%C3%A9%40home");
  });

  it("decodes percent-encoded ids, as SDKs send them, and gives the canonical path", () => {
    const m = matchOperation(
      "PATCH",
      "/v1/fine_tuning/models/ft%3Aopen-mistral-7b%3Aabc%3A20240514%3A7e773925",
    );
    expect(m.kind === "match" && m.params.model_id).toBe(
      "ft:open-mistral-7b:abc:20240514:7e773925",
    );
    expect(m.kind === "match" && m.path).toBe(
      "/v1/fine_tuning/models/ft:open-mistral-7b:abc:20240514:7e773925",
    );
    expect(matchOperation("GET", "/v1/models/ft%3Aa%3Ab%25").kind).toBe("not-found");
    expect(matchOperation("GET", "/v1/model%73").kind).toBe("not-found");
  });

  it("accepts a method in any case", () => {
    expect(matchOperation("get", "/v1/models").kind).toBe("match");
  });

  it("names the allowed methods of a known path", () => {
    expect(matchOperation("PUT", "/v1/files")).toEqual({
      kind: "method-not-allowed",
      allow: expect.arrayContaining(["GET", "POST"]),
    });
    const archive = matchOperation("GET", "/v1/fine_tuning/models/ft:a:b/archive");
    expect(archive.kind === "method-not-allowed" && archive.allow.sort()).toEqual([
      "DELETE",
      "POST",
    ]);
  });

  it.each([
    "",
    "v1/models",
    "/v1/models/",
    "//v1/models",
    "/v1//models",
    "/v1/models/a/b",
    "/v1/models/..",
    "/v1/models/.",
    "/v1/models/a%2Fb",
    "/v1/models/%2e%2e",
    "/v1/models/a\\b",
    "/v1/models/-leading-dash",
    `/v1/models/${"a".repeat(201)}`,
    "/v1/fine_tuning/jobs/123",
    `/v1/fine_tuning/jobs/${UUID}x`,
    `/V1/models`,
    "/v2/prompts/a%2Fb",
    "/v2/prompts/%2e",
    "/v2/prompts/a%00b",
    "/v2/prompts/a%0Ab",
    "/v2/prompts/a%20b",
    "/v2/prompts/a%3Fb",
    "/v2/prompts/a%23b",
    "/v2/prompts/a%25b",
    "/v2/prompts/%",
    `/v1/libraries/${UUID}/documents/..`,
    `/v1/libraries/${UUID}/documents/%2e%2e/status`,
    "/v1/conversations//history",
    "/v1/files/file-1",
  ])("refuses %j", (path) => {
    expect(matchOperation("GET", path).kind).toBe("not-found");
  });

  it("a parameter never contains a slash, a percent sign, a control character or a dot segment", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...operations),
        fc.string({ minLength: 1, maxLength: 40 }),
        (op, value) => {
          const m = matchOperation(op.method, op.path.replace(/\{\w+\}/, value));
          if (m.kind !== "match") return;
          for (const [name, v] of Object.entries(m.params)) {
            expect(v).not.toMatch(/[/%\\\u0000-\u001f\u007f-\u009f]/);
            expect(v).not.toMatch(/^\./);
            // Model ids may hold any text a job suffix put there (spaces, `?`); other ids may not.
            if (name !== "model_id") expect(v).not.toMatch(/[\s?#]/);
          }
          // The forwarded path reads back as the same parameters.
          const again = matchOperation(op.method, m.path);
          expect(again.kind === "match" && again.params).toEqual(m.params);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("every model id the API can return is reachable, and forwarded encoded", () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: "binary", minLength: 1, maxLength: 60 })
          .filter(
            (id) =>
              id.isWellFormed() &&
              !/[/\\%\u0000-\u001f\u007f-\u009f]/.test(id) &&
              !/^[.-]/.test(id),
          ),
        (id) => {
          const m = matchOperation("DELETE", `/v1/models/${encodeURIComponent(id)}`);
          expect(m.kind === "match" && m.params.model_id).toBe(id);
          expect(m.kind === "match" && m.path).toBe(
            `/v1/models/${encodeURIComponent(id).replace(/%3A/g, ":")}`,
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    "/v1/models/%",
    "/v1/models/a%zz",
    "/v1/models/%C3",
    "/v1/models/%ED%A0%80",
    "/v1/models/a%00b",
    "/v1/models/a%0Ab",
    "/v1/models/a%C2%85b",
    "/v1/models/a%5Cb",
    "/v1/models/a%25b",
    "/v1/models/%2E",
    "/v1/models/%2Dx",
    "/v1/models/a b",
    "/v1/models/ü",
  ])(
    "refuses the model id in %j (not properly encoded, or a separator, control or dot)",
    (path) => {
      expect(matchOperation("GET", path).kind).toBe("not-found");
    },
  );
});
