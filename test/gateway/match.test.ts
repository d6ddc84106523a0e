// matchOperation decides what the gateway may forward: exactly the spec's operations, nothing odd.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchOperation, operations } from "@/lib/mistral/operations";

const UUID = "0f6b8e2a-3c4d-4e5f-8a9b-1c2d3e4f5a6b";

function concrete(template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === "job_id" ? UUID : "abc-1"));
}

describe("matchOperation", () => {
  it("matches each of the 19 operations at its own path and method, with its parameters", () => {
    expect(operations).toHaveLength(19);
    for (const op of operations) {
      const m = matchOperation(op.method, concrete(op.path));
      expect(m.kind === "match" && m.operation.id, `${op.method} ${op.path}`).toBe(op.id);
      if (m.kind === "match") {
        for (const p of op.pathParams)
          expect(m.params[p.name]).toBe(p.name === "job_id" ? UUID : "abc-1");
      }
    }
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
