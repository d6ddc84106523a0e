import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import {
  computeFacets,
  filterRows,
  modelCapabilities,
  modelKind,
  prepareRows,
  sortRows,
  viewRows,
} from "./filter";
import {
  DEFAULT_STATE,
  SORT_COLUMNS,
  parseTableState,
  serializeTableState,
  type TableState,
} from "./table-state";

const caps = (c: Record<string, boolean> = {}) => ({
  completion_chat: true,
  completion_fim: false,
  function_calling: false,
  fine_tuning: false,
  ...c,
});

const MODELS: ConsoleModel[] = [
  {
    id: "open-mistral-7b",
    created: 1_695_772_800,
    owned_by: "mistralai",
    name: "open-mistral-7b",
    description: "Our first dense model.",
    capabilities: caps({ fine_tuning: true }),
    max_context_length: 32768,
    aliases: ["mistral-tiny"],
    deprecation: null,
  },
  {
    id: "codestral-2405",
    created: 1_716_940_800,
    owned_by: "mistralai",
    name: "codestral-2405",
    description: "Coding model.",
    capabilities: caps({ completion_fim: true, fine_tuning: true }),
    max_context_length: 32768,
    aliases: [],
  },
  {
    id: "mistral-embed",
    created: 1_702_252_800,
    owned_by: "mistralai",
    name: null,
    description: null,
    capabilities: caps({ completion_chat: false }),
    max_context_length: 8192,
  },
  {
    id: "ft:open-mistral-7b:abc:20240514:support",
    created: 1_715_644_800,
    owned_by: "org",
    root: "open-mistral-7b",
    archived: false,
    name: "Support bot",
    description: "Answers tickets politely.",
    capabilities: caps({ function_calling: true }),
    max_context_length: 32768,
    job: "11111111-1111-4111-8111-111111111111",
  },
  {
    id: "ft:codestral-2405:abc:20240601:sql",
    created: 1_717_200_000,
    owned_by: "org",
    root: "codestral-2405",
    archived: true,
    name: "SQL helper",
    description: "Writes SQL for the support team.",
    capabilities: caps({ completion_fim: true }),
    max_context_length: 32768,
    job: "22222222-2222-4222-8222-222222222222",
  },
  // As the live API sends it today: a `type`, a capability the spec does not know, no job field.
  {
    id: "pixtral-12b-2409",
    created: 1_726_000_000,
    owned_by: "mistralai",
    name: "pixtral-12b-2409",
    description: "Vision model.",
    capabilities: { ...caps({ function_calling: true }), vision: true } as never,
    type: "base",
  } as ConsoleModel,
];

const rows = prepareRows(MODELS);
const state = (s: Partial<TableState> = {}): TableState => ({ ...DEFAULT_STATE, ...s });
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe("kind and capabilities", () => {
  it("tells fine-tuned models from base ones, by `type`, `job` or the ft: prefix", () => {
    expect(MODELS.map(modelKind)).toEqual([
      "base",
      "base",
      "base",
      "fine-tuned",
      "fine-tuned",
      "base",
    ]);
    expect(modelKind({ id: "ft:x:y", capabilities: caps() })).toBe("fine-tuned");
    expect(modelKind({ id: "custom", capabilities: caps(), type: "fine-tuned" } as never)).toBe(
      "fine-tuned",
    );
  });

  it("lists true capabilities, known ones first, unknown ones as they came", () => {
    expect(modelCapabilities(MODELS[5])).toEqual(["completion_chat", "function_calling", "vision"]);
    expect(modelCapabilities(MODELS[2])).toEqual([]);
    expect(modelCapabilities({ id: "x" } as ConsoleModel)).toEqual([]);
  });
});

describe("prepareRows", () => {
  it("keeps one row per id and skips entries without one", () => {
    const again = prepareRows([...MODELS, { ...MODELS[0], name: "dup" }, {} as ConsoleModel]);
    expect(again).toHaveLength(MODELS.length);
    expect(again[0].model.name).toBe("open-mistral-7b");
  });
});

describe("filterRows", () => {
  it("hides archived models unless asked to show them", () => {
    expect(ids(filterRows(rows, state()))).not.toContain("ft:codestral-2405:abc:20240601:sql");
    expect(ids(filterRows(rows, state({ showArchived: true })))).toContain(
      "ft:codestral-2405:abc:20240601:sql",
    );
  });

  it("matches text in id, name and description, case-insensitively, every word", () => {
    expect(ids(filterRows(rows, state({ q: "SUPPORT" })))).toEqual([
      "ft:open-mistral-7b:abc:20240514:support",
    ]);
    // "support" is also in the archived model's description
    expect(ids(filterRows(rows, state({ q: "support", showArchived: true })))).toHaveLength(2);
    expect(ids(filterRows(rows, state({ q: "tickets bot" })))).toEqual([
      "ft:open-mistral-7b:abc:20240514:support",
    ]);
    expect(filterRows(rows, state({ q: "tickets sql" }))).toEqual([]);
    expect(ids(filterRows(rows, state({ q: "  codestral  " })))).toEqual(["codestral-2405"]);
  });

  it("does not match text in other fields (owner, base model)", () => {
    expect(filterRows(rows, state({ q: "mistralai" }))).toEqual([]);
  });

  it("matches an alias: aliases are folded into their model's row, so that is where they are", () => {
    expect(ids(filterRows(rows, state({ q: "mistral-tiny" })))).toEqual(["open-mistral-7b"]);
  });

  it("filters by kind", () => {
    expect(ids(filterRows(rows, state({ kind: "fine-tuned", showArchived: true })))).toEqual([
      "ft:open-mistral-7b:abc:20240514:support",
      "ft:codestral-2405:abc:20240601:sql",
    ]);
    expect(filterRows(rows, state({ kind: "base" }))).toHaveLength(4);
  });

  it("requires every chosen capability, including unknown ones", () => {
    expect(ids(filterRows(rows, state({ caps: ["completion_fim"], showArchived: true })))).toEqual([
      "codestral-2405",
      "ft:codestral-2405:abc:20240601:sql",
    ]);
    expect(ids(filterRows(rows, state({ caps: ["completion_fim", "fine_tuning"] })))).toEqual([
      "codestral-2405",
    ]);
    expect(ids(filterRows(rows, state({ caps: ["vision"] })))).toEqual(["pixtral-12b-2409"]);
  });
});

describe("computeFacets", () => {
  it("counts each facet value against the other filters", () => {
    const f = computeFacets(rows, state());
    expect(f.kind).toEqual({ all: 5, base: 4, "fine-tuned": 1 });
    expect(f.archived).toBe(1);
    expect(Object.fromEntries(f.caps.map((c) => [c.key, c.count]))).toEqual({
      completion_chat: 4,
      completion_fim: 1,
      function_calling: 2,
      fine_tuning: 2,
      vision: 1,
    });
    expect(f.caps.find((c) => c.key === "completion_fim")?.label).toBe("FIM");
    expect(f.caps.find((c) => c.key === "vision")?.label).toBe("Vision");
  });

  it("kind counts ignore the kind filter itself; others respect it", () => {
    const f = computeFacets(rows, state({ kind: "fine-tuned", showArchived: true }));
    expect(f.kind).toEqual({ all: 6, base: 4, "fine-tuned": 2 });
    expect(f.caps.find((c) => c.key === "completion_fim")?.count).toBe(1);
    expect(f.archived).toBe(1);
  });

  it("respects the text filter and keeps chosen capabilities listed even at zero", () => {
    const f = computeFacets(rows, state({ q: "sql", caps: ["vision"] }));
    expect(f.kind.all).toBe(0);
    expect(f.archived).toBe(0);
    expect(f.caps.find((c) => c.key === "vision")?.count).toBe(0);
  });

  it("a capability count is the row count if that capability were added", () => {
    fc.assert(
      fc.property(
        fc.subarray(["completion_chat", "completion_fim", "function_calling", "fine_tuning"]),
        fc.constantFrom<TableState["kind"]>("all", "base", "fine-tuned"),
        fc.boolean(),
        fc.constantFrom("", "mistral", "sql", "model", "x"),
        (chosen, kind, showArchived, q) => {
          const s = state({ caps: chosen, kind, showArchived, q });
          const f = computeFacets(rows, s);
          for (const c of f.caps) {
            const withIt = filterRows(rows, { ...s, caps: [...new Set([...chosen, c.key])] });
            expect(c.count).toBe(withIt.length);
          }
          expect(f.kind[kind]).toBe(filterRows(rows, s).length);
        },
      ),
    );
  });
});

describe("sortRows", () => {
  it("sorts by every column in both directions without losing rows", () => {
    for (const column of SORT_COLUMNS) {
      for (const dir of ["asc", "desc"] as const) {
        const sorted = sortRows(rows, column, dir);
        expect([...ids(sorted)].sort()).toEqual([...ids(rows)].sort());
      }
    }
  });

  it("sorts numbers numerically and dates by time", () => {
    expect(ids(sortRows(rows, "max_context_length", "asc"))[0]).toBe("mistral-embed");
    expect(ids(sortRows(rows, "created", "desc"))[0]).toBe("pixtral-12b-2409");
    expect(ids(sortRows(rows, "created", "asc"))[0]).toBe("open-mistral-7b");
  });

  it("puts missing values last in both directions", () => {
    for (const dir of ["asc", "desc"] as const) {
      const byName = ids(sortRows(rows, "name", dir));
      expect(byName.at(-1)).toBe("mistral-embed");
      const byJob = ids(sortRows(rows, "job", dir));
      expect(byJob.slice(0, 2).every((id) => id.startsWith("ft:"))).toBe(true);
    }
    expect(ids(sortRows(rows, "name", "asc")).slice(0, 2)).toEqual([
      "codestral-2405",
      "open-mistral-7b",
    ]);
  });

  it("is independent of the API's order (ties broken by id)", () => {
    const reversed = prepareRows([...MODELS].reverse());
    for (const column of SORT_COLUMNS) {
      expect(ids(sortRows(reversed, column, "asc"))).toEqual(ids(sortRows(rows, column, "asc")));
    }
  });

  it("viewRows filters and sorts", () => {
    expect(ids(viewRows(rows, state({ kind: "base", sort: "id", dir: "asc" })))).toEqual([
      "codestral-2405",
      "mistral-embed",
      "open-mistral-7b",
      "pixtral-12b-2409",
    ]);
  });
});

describe("URL state", () => {
  it("leaves defaults out of the URL", () => {
    expect(serializeTableState(DEFAULT_STATE)).toBe("");
    expect(parseTableState(new URLSearchParams(""))).toEqual(DEFAULT_STATE);
  });

  it("round-trips every setting and keeps foreign parameters", () => {
    const s: TableState = {
      q: "support bot",
      kind: "fine-tuned",
      caps: ["completion_fim", "vision"],
      showArchived: true,
      sort: "name",
      dir: "desc",
    };
    const qs = serializeTableState(s, new URLSearchParams("utm=x&q=old"));
    expect(qs).toBe(
      "utm=x&q=support+bot&kind=fine-tuned&cap=completion_fim%2Cvision&archived=1&sort=name&dir=desc",
    );
    expect(parseTableState(new URLSearchParams(qs))).toEqual(s);
  });

  it("ignores values it does not know", () => {
    expect(
      parseTableState(new URLSearchParams("kind=weird&sort=nope&dir=up&archived=yes&cap=,,")),
    ).toEqual(DEFAULT_STATE);
  });

  it("a chosen column without a direction uses that column's natural one", () => {
    expect(parseTableState(new URLSearchParams("sort=name")).dir).toBe("asc");
    expect(parseTableState(new URLSearchParams("sort=created")).dir).toBe("desc");
  });
});
