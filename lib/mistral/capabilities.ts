// What each model of GET /v1/models can do, read from today's cards (BaseModelCard / FTModelCard):
// one place for every picker and page to ask "which models can run this task?". Pure functions, no
// server imports, so the browser and the tests share them.
//
// Today's ModelCapabilities flags all default to false, so a missing flag means "cannot". The API
// has no flag for embeddings: embedding models are the `*-embed` families (mistral-embed,
// codestral-embed and their dated names), which the spec's examples and the sandbox use.

/** The part of a model card these functions read; base and fine-tuned cards both fit. */
export interface ModelCardLike {
  id: string;
  capabilities?: object | null;
  type?: string | null;
  root?: string | null;
  aliases?: readonly string[] | null;
  archived?: boolean | null;
  deprecation?: string | null;
  deprecation_replacement_model?: string | null;
}

export type Task =
  | "chat"
  | "fim"
  | "embeddings"
  | "function_calling"
  | "reasoning"
  | "vision"
  | "ocr"
  | "audio"
  | "transcription"
  | "realtime_transcription"
  | "speech"
  | "classification"
  | "moderation"
  | "fine_tuning";

/** Each task's label, in the order pages list them. */
export const TASK_LABELS: Record<Task, string> = {
  chat: "Chat",
  fim: "Code completion (FIM)",
  embeddings: "Embeddings",
  function_calling: "Function calling",
  reasoning: "Reasoning",
  vision: "Vision",
  ocr: "OCR",
  audio: "Audio input",
  transcription: "Transcription",
  realtime_transcription: "Realtime transcription",
  speech: "Speech",
  classification: "Classification",
  moderation: "Moderation",
  fine_tuning: "Fine-tuning",
};

export const TASKS = Object.keys(TASK_LABELS) as Task[];

/** The capability flag a task needs (embeddings have none: see isEmbeddingModel). */
const TASK_FLAG: Record<Exclude<Task, "embeddings">, string> = {
  chat: "completion_chat",
  fim: "completion_fim",
  function_calling: "function_calling",
  reasoning: "reasoning",
  vision: "vision",
  ocr: "ocr",
  audio: "audio",
  transcription: "audio_transcription",
  realtime_transcription: "audio_transcription_realtime",
  speech: "audio_speech",
  classification: "classification",
  moderation: "moderation",
  fine_tuning: "fine_tuning",
};

/** Labels of the flags the console knows, in the order they are listed; others follow, labelled by flagLabel. */
const FLAG_LABELS: Record<string, string> = {
  completion_chat: "Chat",
  completion_fim: "FIM",
  function_calling: "Function calling",
  reasoning: "Reasoning",
  vision: "Vision",
  ocr: "OCR",
  audio: "Audio input",
  audio_transcription: "Transcription",
  audio_transcription_realtime: "Realtime transcription",
  audio_speech: "Speech",
  classification: "Classification",
  moderation: "Moderation",
  fine_tuning: "Fine-tuning",
  unified_resources: "Unified resources",
};

/** A readable label for any capability flag, one the API adds tomorrow included ("some_new_flag" → "Some new flag"). */
export function capabilityLabel(flag: string): string {
  return FLAG_LABELS[flag] ?? humanize(flag);
}

/** An API value the console has no label for, made readable ("some_new-value" → "Some new value"). */
export function humanize(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  if (words.length === 0) return value;
  const text = words.join(" ");
  return text[0].toUpperCase() + text.slice(1);
}

/** The flags a card sets to true: known ones first in the console's order, then the others by name. */
export function capabilityFlags(card: ModelCardLike): string[] {
  const raw = (card.capabilities ?? {}) as Record<string, unknown>;
  const on = Object.keys(raw).filter((k) => raw[k] === true);
  const known = Object.keys(FLAG_LABELS).filter((k) => on.includes(k));
  const other = on.filter((k) => !(k in FLAG_LABELS)).sort();
  return [...known, ...other];
}

const flag = (card: ModelCardLike, name: string) =>
  ((card.capabilities ?? {}) as Record<string, unknown>)[name] === true;

const EMBED_FAMILY = /(^|[-_:./])embed([-_:./]|$)/i;

/** Embedding models: the `*-embed` families, by id, alias or (fine-tuned) root. */
export function isEmbeddingModel(card: ModelCardLike): boolean {
  return [card.id, card.root ?? "", ...(card.aliases ?? [])].some((name) =>
    EMBED_FAMILY.test(name),
  );
}

export function isFineTunedCard(card: ModelCardLike): boolean {
  if (card.type === "fine-tuned") return true;
  if (card.type === "base") return false;
  return card.id.startsWith("ft:");
}

/** Whether the card says the model can do the task (deprecation aside: see isRetired). */
export function canDo(card: ModelCardLike, task: Task): boolean {
  if (task === "embeddings") return isEmbeddingModel(card);
  // Embedding models answer nothing else, whatever a card might claim.
  if (task === "chat" && isEmbeddingModel(card)) return false;
  // Fine-tuning starts from a base model; a fine-tuned card's flag does not make it one.
  if (task === "fine_tuning" && isFineTunedCard(card)) return false;
  return flag(card, TASK_FLAG[task]);
}

/** The tasks a model can do, in TASKS order. */
export function tasksOf(card: ModelCardLike): Task[] {
  return TASKS.filter((t) => canDo(card, t));
}

export interface Deprecation {
  /** When the model stops being served (ms since the epoch). */
  at: number;
  /** The model the API names as its replacement, if any. */
  replacement: string | null;
  /** The date has passed: the model is no longer offered. */
  retired: boolean;
}

/** A card's deprecation, or null when it has none (or an unreadable date). */
export function deprecationOf(card: ModelCardLike, now = Date.now()): Deprecation | null {
  if (!card.deprecation) return null;
  const at = Date.parse(card.deprecation);
  if (Number.isNaN(at)) return null;
  return {
    at,
    replacement: card.deprecation_replacement_model || null,
    retired: at <= now,
  };
}

export function isRetired(card: ModelCardLike, now = Date.now()): boolean {
  return deprecationOf(card, now)?.retired ?? false;
}

/**
 * The models a picker offers for a task: capable, not archived and not past their deprecation
 * date, in the API's order with each id once. Models deprecated later still show (mark them with
 * deprecationOf).
 */
export function modelsFor<M extends ModelCardLike>(
  models: readonly M[] | null | undefined,
  task: Task,
  now = Date.now(),
): M[] {
  const seen = new Set<string>();
  return (models ?? []).filter((m) => {
    if (typeof m?.id !== "string" || seen.has(m.id)) return false;
    seen.add(m.id);
    return !m.archived && !isRetired(m, now) && canDo(m, task);
  });
}

/**
 * The model to preselect: the first `-latest` alias among the usable ones (it follows new
 * releases), else the first usable one, else null.
 */
export function defaultModelFor<M extends ModelCardLike>(usable: readonly M[]): M | null {
  return usable.find((m) => !isFineTunedCard(m) && m.id.endsWith("-latest")) ?? usable[0] ?? null;
}
