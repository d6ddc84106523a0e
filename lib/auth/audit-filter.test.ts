import { describe, expect, it } from "vitest";
import { auditFilterSearch, auditSearch, isFiltered, loadAuditFilter } from "./audit-filter";

describe("audit filter", () => {
  it("round-trips through the URL and drops what is empty or malformed", () => {
    const filter = loadAuditFilter(
      new URLSearchParams("user=u1&operation=files.delete&target=ft%3Aa&from=2026-11-01&to=nope"),
    );
    expect(filter).toEqual({
      user: "u1",
      operation: "files.delete",
      target: "ft:a",
      from: "2026-11-01",
      to: "",
    });
    expect(loadAuditFilter(new URLSearchParams(auditFilterSearch(filter)))).toEqual(filter);
    const none = { user: "", operation: "", target: "", from: "", to: "" };
    expect(auditFilterSearch(none)).toBe("");
    expect(isFiltered(none)).toBe(false);
    expect(isFiltered(filter)).toBe(true);
  });

  it("asks the API for whole UTC days with the last day included", () => {
    const q = new URLSearchParams(
      auditSearch(
        { user: "", operation: "", target: "", from: "2026-11-01", to: "2026-11-30" },
        { format: "csv" },
      ),
    );
    expect(q.get("from")).toBe("2026-11-01T00:00:00.000Z");
    expect(q.get("to")).toBe("2026-12-01T00:00:00.000Z");
    expect(q.get("format")).toBe("csv");
    expect(q.has("user")).toBe(false);
  });
});
