// When the model a conversation (or a link) names is gone from /v1/models, the one to offer
// instead: the model that lists the name as an alias, the base of a fine-tuned model, the same
// family (mistral-large-2402 → mistral-large-latest), else the first one that chats.

interface ModelLike {
  id: string;
  aliases?: string[] | null;
}

const VERSION = /-(latest|\d{4}|\d{2}\.\d{2}|v\d+(\.\d+)*)$/;

/** The family of a model id: without its version or date suffix (mistral-large-2407 → mistral-large). */
export function modelFamily(id: string): string {
  let family = id.toLowerCase();
  while (VERSION.test(family)) family = family.replace(VERSION, "");
  return family;
}

/** A fine-tuned model's base (ft:open-mistral-7b:abc:…:def → open-mistral-7b), else null. */
function fineTunedBase(id: string): string | null {
  const m = /^ft:([^:]+):/.exec(id);
  return m ? m[1] : null;
}

export function nearestModel<M extends ModelLike>(missing: string, available: M[]): M | null {
  if (available.length === 0) return null;
  const byId = (id: string) => available.find((m) => m.id === id);
  const alias = available.find((m) => m.aliases?.includes(missing));
  if (alias) return alias;
  const base = fineTunedBase(missing);
  if (base) {
    const found = byId(base) ?? available.find((m) => m.aliases?.includes(base));
    if (found) return found;
  }
  const family = modelFamily(base ?? missing);
  const same = available.filter((m) => modelFamily(m.id) === family);
  if (same.length > 0) {
    // The family's moving alias first (it follows new versions), then its newest dated one.
    return (
      same.find((m) => m.id.endsWith("-latest")) ??
      [...same].sort((a, b) => b.id.localeCompare(a.id))[0]
    );
  }
  return available[0];
}
