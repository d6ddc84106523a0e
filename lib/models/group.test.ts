import { describe, expect, it } from "vitest";
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import { groupAliases } from "./group";

const card = (id: string, aliases: string[], extra: Partial<ConsoleModel> = {}): ConsoleModel =>
  ({ id, object: "model", name: id, aliases, capabilities: {}, ...extra }) as ConsoleModel;

describe("groupAliases: one row per model", () => {
  it("merges the sandbox's cards, each naming the others, under the first listed", () => {
    const out = groupAliases([
      card("open-mistral-7b", ["mistral-tiny", "mistral-tiny-2312"]),
      card("mistral-tiny", ["open-mistral-7b", "mistral-tiny-2312"]),
      card("mistral-tiny-2312", ["open-mistral-7b", "mistral-tiny"]),
      card("mistral-embed", []),
    ]);
    expect(out.map((m) => m.id)).toEqual(["open-mistral-7b", "mistral-embed"]);
    expect(out[0].aliases).toEqual(["mistral-tiny", "mistral-tiny-2312"]);
    expect(out[1].aliases).toEqual([]);
  });

  it("keeps the live API's canonical card (the one the others name) whatever the order", () => {
    const out = groupAliases([
      card("mistral-large-latest", ["mistral-large-2411"], { name: "mistral-large-2411" }),
      card("mistral-large-2411", ["mistral-large-latest"], { name: "mistral-large-2411" }),
      card("pixtral-large-latest", [], { name: "pixtral-large-2411" }),
      card("pixtral-large-2411", [], { name: "pixtral-large-2411" }),
    ]);
    expect(out.map((m) => [m.id, m.aliases])).toEqual([
      ["mistral-large-2411", ["mistral-large-latest"]],
      ["pixtral-large-2411", ["pixtral-large-latest"]],
    ]);
  });

  it("links aliases named one way only, and leaves aliases that are no card in the chips", () => {
    const out = groupAliases([
      card("codestral-2405", ["codestral-latest", "codestral"]),
      card("codestral-latest", []),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0].aliases).toEqual(["codestral-latest", "codestral"]);
  });

  it("never merges fine-tuned models through a name a person chose", () => {
    const out = groupAliases([
      card("ft:open-mistral-7b:a:1", [], { name: "Support bot", job: "j1" }),
      card("ft:open-mistral-7b:b:2", [], { name: "Support bot", job: "j2" }),
      card("open-mistral-7b", [], { name: "open-mistral-7b" }),
      card("ft:open-mistral-7b:c:3", [], { name: "open-mistral-7b", job: "j3" }),
    ]);
    expect(out.map((m) => m.id)).toEqual([
      "ft:open-mistral-7b:a:1",
      "ft:open-mistral-7b:b:2",
      "open-mistral-7b",
      "ft:open-mistral-7b:c:3",
    ]);
  });

  it("keeps one card for a repeated id", () => {
    expect(groupAliases([card("a", []), card("a", [])])).toHaveLength(1);
  });
});
