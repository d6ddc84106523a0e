// Short forms the models table shows (the detail view uses lib/format.ts's full forms).
import { toDate } from "@/lib/format";

/** "2024-05-14" (UTC): compact, and it reads in the order it sorts. */
export function formatDay(value: number | string | null | undefined): string {
  const d = toDate(value);
  return d ? d.toISOString().slice(0, 10) : "—";
}

/** "32k", "128k": context lengths are powers of two, shown the way people say them. */
export function formatContext(tokens: number | null | undefined): string {
  if (tokens == null || !Number.isFinite(tokens)) return "—";
  if (tokens >= 1024 && tokens % 1024 === 0) return `${tokens / 1024}k`;
  return tokens.toLocaleString("en-US");
}

/** Deprecated already, soon (within 90 days), or later. */
export function deprecationTone(
  deprecationMs: number | null,
  now = Date.now(),
): "danger" | "warning" | "neutral" {
  if (deprecationMs == null) return "neutral";
  if (deprecationMs <= now) return "danger";
  return deprecationMs - now < 90 * 86_400_000 ? "warning" : "neutral";
}

/**
 * The name to call a model by: its display name when it has one of its own (a fine-tuned model
 * the team named), else its id. A base model's `name` repeats an id, so the id is clearer.
 */
export function modelLabel(model: { id: string; name?: string | null }): string {
  const name = model.name?.trim();
  return name && name !== model.id ? name : model.id;
}
