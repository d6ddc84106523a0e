// Moderations and classifications (/v1/moderations, /v1/chat/moderations, /v1/classifications,
// /v1/chat/classifications). Scores are deterministic: a tiny background score from a hash of the
// text, plus a jump for each word of a category's lexicon found in it, so a test (or a curious
// user) can trigger one category on purpose ("I will kill" → violence_and_threats).
import { createHash, randomUUID } from "node:crypto";
import { countTokens } from "@/lib/mistral/tokens";
import { json, mistralError } from "./http";

export const MODERATION_CATEGORIES = {
  sexual: ["sex", "sexual", "nude", "porn"],
  hate_and_discrimination: ["hate", "racist", "inferior", "slur"],
  violence_and_threats: ["kill", "attack", "murder", "shoot", "threat"],
  dangerous_and_criminal_content: ["bomb", "explosive", "steal", "hack", "weapon"],
  selfharm: ["suicide", "self-harm", "selfharm", "hurt myself"],
  health: ["diagnosis", "symptom", "medication", "disease", "doctor"],
  financial: ["invest", "stock", "loan", "crypto", "bank"],
  law: ["lawsuit", "lawyer", "legal", "court", "contract"],
  pii: ["password", "ssn", "passport", "credit card", "phone number", "@"],
} as const;

type Category = keyof typeof MODERATION_CATEGORIES;
const CATEGORIES = Object.keys(MODERATION_CATEGORIES) as Category[];
/** A category is flagged at or above this score. */
const THRESHOLD = 0.5;

/** Models that moderate: today's moderation models (any `*moderation*` id). */
const isModerationModel = (model: string) => /moderation/.test(model);

function scores(text: string): Record<Category, number> {
  const lower = text.toLowerCase();
  const out = {} as Record<Category, number>;
  for (const category of CATEGORIES) {
    // Background noise below 0.01, fixed per text and category.
    const h = createHash("sha256").update(`${category}\u0000${text}`).digest();
    const base = h.readUInt32BE(0) / 2 ** 32 / 100;
    const hits = MODERATION_CATEGORIES[category].filter((w) => lower.includes(w)).length;
    out[category] = Number(Math.min(0.99, base + 0.6 * hits).toFixed(6));
  }
  return out;
}

function moderationObject(text: string) {
  const s = scores(text);
  return {
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, s[c] >= THRESHOLD])),
    category_scores: s,
  };
}

const usage = (texts: string[]) => {
  const prompt = texts.reduce((n, t) => n + countTokens(t), 0);
  return { prompt_tokens: prompt, completion_tokens: 0, total_tokens: prompt };
};

const notModeration = (model: string) =>
  mistralError(
    400,
    `Model '${model}' cannot moderate or classify in the sandbox: use a moderation model such as mistral-moderation-latest.`,
    "invalid_request_error",
    "invalid_model",
  );

interface Message {
  role: string;
  content?: unknown;
}

/** The text of a message's content: a string, or the text of its text chunks. */
function messageText(m: Message): string {
  if (typeof m.content === "string") return m.content;
  if (Array.isArray(m.content)) {
    return m.content
      .map((c: { type?: string; text?: string }) => (c?.type === "text" ? (c.text ?? "") : ""))
      .join("");
  }
  return "";
}

/** One conversation's text, every role's messages joined (the last turn is what gets scored). */
const conversationText = (messages: Message[]) => messages.map(messageText).join("\n");

/** The texts to score: a string or list of strings, or one or more conversations. */
function textsOf(
  input:
    | string
    | string[]
    | Message[]
    | Message[][]
    | { messages: Message[] }
    | { messages: Message[] }[],
): string[] {
  if (typeof input === "string") return [input];
  if (!Array.isArray(input)) return [conversationText(input.messages)];
  if (input.length === 0) return [];
  const first = input[0] as unknown;
  if (typeof first === "string") return input as string[];
  if (Array.isArray(first)) return (input as Message[][]).map(conversationText);
  if (first && typeof first === "object" && "messages" in first) {
    return (input as { messages: Message[] }[]).map((i) => conversationText(i.messages));
  }
  return [conversationText(input as Message[])];
}

export interface ModerationBody {
  model: string;
  input: Parameters<typeof textsOf>[0];
}

/** /v1/moderations and /v1/chat/moderations: one ModerationObject per text or conversation. */
export function moderate(body: ModerationBody): Response {
  if (!isModerationModel(body.model)) return notModeration(body.model);
  const texts = textsOf(body.input);
  if (texts.length === 0) return mistralError(400, "Input must contain at least one text.");
  return json({
    id: randomUUID().replace(/-/g, ""),
    model: body.model,
    results: texts.map(moderationObject),
    usage: usage(texts),
  });
}

/** A fine-tuned classifier model's target: its name and the labels it chooses between. */
export interface ClassifierTarget {
  name: string;
  labels: string[];
}

/**
 * Scores over a target's labels, summing to 1: a small hash-based weight per label, and a large
 * one for each label the text names, so "a match about football and sport" leans to `sport`.
 */
function labelScores(text: string, target: ClassifierTarget): Record<string, number> {
  const lower = text.toLowerCase();
  const weights = target.labels.map((label) => {
    const h = createHash("sha256").update(`${target.name}\u0000${label}\u0000${text}`).digest();
    return h.readUInt32BE(0) / 2 ** 32 + (lower.includes(label.toLowerCase()) ? 4 : 0);
  });
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  return Object.fromEntries(
    target.labels.map((label, i) => [label, Number((weights[i] / total).toFixed(6))]),
  );
}

/**
 * /v1/classifications and /v1/chat/classifications. A fine-tuned classifier model (`targets`: the
 * targets its job trained) answers each of its targets with scores over that target's labels; a
 * moderation model answers one target, `moderation`, scored over the moderation categories.
 */
export function classify(
  body: ModerationBody,
  targets: ClassifierTarget[] | null = null,
): Response {
  if (!targets && !isModerationModel(body.model)) return notModeration(body.model);
  const texts = textsOf(body.input);
  if (texts.length === 0) return mistralError(400, "Input must contain at least one text.");
  return json({
    id: randomUUID().replace(/-/g, ""),
    model: body.model,
    results: texts.map((t) =>
      targets
        ? Object.fromEntries(targets.map((tg) => [tg.name, { scores: labelScores(t, tg) }]))
        : { moderation: { scores: scores(t) } },
    ),
    usage: usage(texts),
  });
}
