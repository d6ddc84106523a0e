import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyChange, type ConsoleModel, modelKeys, undoChange } from "./use-models";

const model = (id: string, extra: Partial<ConsoleModel> = {}): ConsoleModel => ({
  id,
  capabilities: { completion_chat: true },
  archived: false,
  name: null,
  description: null,
  ...extra,
});

function cacheWith(models: ConsoleModel[]) {
  const qc = new QueryClient();
  qc.setQueryData(modelKeys.list, models);
  return qc;
}
const list = (qc: QueryClient) => qc.getQueryData<ConsoleModel[]>(modelKeys.list)!;

describe("optimistic model changes", () => {
  it("shows a change at once in the list and in the model's detail", async () => {
    const qc = cacheWith([model("ft:a"), model("ft:b")]);
    qc.setQueryData(modelKeys.detail("ft:a"), model("ft:a"));
    await applyChange(qc, { kind: "update", id: "ft:a", name: "Alpha" });
    await applyChange(qc, { kind: "archive", id: "ft:b", archived: true });
    expect(list(qc).map((m) => [m.id, m.name, m.archived])).toEqual([
      ["ft:a", "Alpha", false],
      ["ft:b", null, true],
    ]);
    expect(qc.getQueryData<ConsoleModel>(modelKeys.detail("ft:a"))?.name).toBe("Alpha");
  });

  it("an update that leaves a field out does not touch it", async () => {
    const qc = cacheWith([model("ft:a", { name: "Keep", description: "Old" })]);
    await applyChange(qc, { kind: "update", id: "ft:a", description: null });
    expect(list(qc)[0]).toMatchObject({ name: "Keep", description: null });
  });

  it("undoing one change keeps the others made meanwhile", async () => {
    const qc = cacheWith([model("ft:a"), model("ft:b"), model("ft:c")]);
    const a = await applyChange(qc, { kind: "archive", id: "ft:a", archived: true });
    await applyChange(qc, { kind: "archive", id: "ft:b", archived: true });
    await applyChange(qc, { kind: "update", id: "ft:c", name: "Gamma" });
    undoChange(qc, a); // the server refused ft:a only
    expect(list(qc).map((m) => [m.id, m.archived, m.name])).toEqual([
      ["ft:a", false, null],
      ["ft:b", true, null],
      ["ft:c", false, "Gamma"],
    ]);
  });

  it("an undone delete puts the model back where it was", async () => {
    const qc = cacheWith([model("ft:a"), model("ft:b"), model("ft:c")]);
    const b = await applyChange(qc, { kind: "delete", id: "ft:b" });
    await applyChange(qc, { kind: "delete", id: "ft:c" });
    expect(list(qc).map((m) => m.id)).toEqual(["ft:a"]);
    undoChange(qc, b);
    expect(list(qc).map((m) => m.id)).toEqual(["ft:a", "ft:b"]);
  });

  it("a change to a model the list does not hold leaves the list alone", async () => {
    const qc = cacheWith([model("ft:a")]);
    const undo = await applyChange(qc, { kind: "delete", id: "ft:zzz" });
    expect(list(qc).map((m) => m.id)).toEqual(["ft:a"]);
    undoChange(qc, undo);
    expect(list(qc).map((m) => m.id)).toEqual(["ft:a"]);
  });
});
