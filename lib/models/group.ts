// GET /v1/models lists every name of a model as its own card: "mistral-large-2407",
// "mistral-large-latest" and "mistral-large" are three cards of one model, each naming the others
// in `aliases` (and, on the live API, the canonical one in `name`). The table shows one row per
// model, with the other names as its aliases.
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import { modelKind } from "./filter";

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/**
 * One card per model: cards linked by `aliases` (either way) or, for base models, by a `name`
 * that is another card's id are one model. Its row is the card most others name as theirs
 * (the canonical, dated name), else the first listed; `aliases` then holds every other name.
 * Fine-tuned models are never merged through `name`: there it is a label a person chose.
 */
export function groupAliases(models: readonly ConsoleModel[]): ConsoleModel[] {
  const ids = new Set<string>();
  for (const m of models) if (typeof m?.id === "string") ids.add(m.id);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const m of models) {
    if (typeof m?.id !== "string") continue;
    find(m.id);
    for (const alias of Array.isArray(m.aliases) ? m.aliases : []) {
      if (ids.has(alias)) union(m.id, alias);
    }
    const name = str(m.name);
    if (name && ids.has(name) && modelKind(m) === "base") union(m.id, name);
  }

  const groups = new Map<string, ConsoleModel[]>();
  const seen = new Set<string>();
  for (const m of models) {
    if (typeof m?.id !== "string" || seen.has(m.id)) continue;
    seen.add(m.id);
    const root = find(m.id);
    const group = groups.get(root);
    if (group) group.push(m);
    else groups.set(root, [m]);
  }

  const out: ConsoleModel[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    const named = new Map<string, number>();
    for (const m of group) {
      const name = str(m.name);
      if (name) named.set(name, (named.get(name) ?? 0) + 1);
    }
    let main = group[0];
    for (const m of group) if ((named.get(m.id) ?? 0) > (named.get(main.id) ?? 0)) main = m;
    const aliases = new Set<string>();
    for (const m of group) {
      if (m.id !== main.id) aliases.add(m.id);
      for (const a of Array.isArray(m.aliases) ? m.aliases : []) if (a !== main.id) aliases.add(a);
    }
    out.push({ ...main, aliases: [...aliases] });
  }
  return out;
}
