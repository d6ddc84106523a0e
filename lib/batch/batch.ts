// Batch jobs as the Batch page sees them: the endpoints it offers, the batch file it builds from
// typed prompts (one request per line), and a readable preview of the result and error files.
import { can, type Role } from "@/lib/auth/permissions";
import type { Task } from "@/lib/mistral/capabilities";
import type { components } from "@/lib/mistral/schema.gen";

export type BatchJob = components["schemas"]["BatchJob"];
export type BatchStatus = components["schemas"]["BatchJobStatus"];
export type BatchEndpoint = components["schemas"]["ApiEndpoint"];

export interface EndpointChoice {
  endpoint: BatchEndpoint;
  label: string;
  /** The models offered for it (lib/mistral/capabilities). */
  task: Task;
  /** What one typed line is. */
  line: string;
}

/** The endpoints the page builds batches for (today's ApiEndpoint lists a few more). */
export const BATCH_ENDPOINTS: readonly EndpointChoice[] = [
  { endpoint: "/v1/chat/completions", label: "Chat", task: "chat", line: "a user message" },
  {
    endpoint: "/v1/fim/completions",
    label: "Code completion (FIM)",
    task: "fim",
    line: "a code prompt",
  },
  { endpoint: "/v1/embeddings", label: "Embeddings", task: "embeddings", line: "a text to embed" },
  {
    endpoint: "/v1/moderations",
    label: "Moderation",
    task: "moderation",
    line: "a text to moderate",
  },
  { endpoint: "/v1/ocr", label: "OCR", task: "ocr", line: "a document URL" },
];

export function endpointChoice(endpoint: string): EndpointChoice | undefined {
  return BATCH_ENDPOINTS.find((e) => e.endpoint === endpoint);
}

export const BATCH_STATUSES: readonly BatchStatus[] = [
  "QUEUED",
  "RUNNING",
  "SUCCESS",
  "FAILED",
  "TIMEOUT_EXCEEDED",
  "CANCELLATION_REQUESTED",
  "CANCELLED",
];

const ACTIVE = new Set<string>(["QUEUED", "RUNNING", "CANCELLATION_REQUESTED"]);
/** Still moving: worth polling, and (but for a requested cancellation) cancellable. */
export const isActive = (status: string) => ACTIVE.has(status);
export const canCancel = (status: string) => status === "QUEUED" || status === "RUNNING";

/**
 * Whether this user may cancel a batch job, as the server decides: anyone's with
 * batch.manage_any, their own (the console recorded them starting it) with batch.manage_own. A
 * job whose owner is not known yet, or was started outside the console, is nobody's own.
 */
export function mayCancelBatch(
  user: { id: string; role: Role },
  owner: { userId: string } | null | undefined,
): boolean {
  if (can(user.role, "batch.manage_any")) return true;
  return can(user.role, "batch.manage_own") && owner?.userId === user.id;
}

/** A readable label for any status, one the API adds later included. */
export function statusLabel(status: string): string {
  const known: Record<string, string> = {
    QUEUED: "Queued",
    RUNNING: "Running",
    SUCCESS: "Succeeded",
    FAILED: "Failed",
    TIMEOUT_EXCEEDED: "Timed out",
    CANCELLATION_REQUESTED: "Cancelling",
    CANCELLED: "Cancelled",
  };
  if (known[status]) return known[status];
  const text = status.toLowerCase().replace(/_/g, " ");
  return text ? text[0].toUpperCase() + text.slice(1) : status;
}

export function statusTone(status: string): "neutral" | "info" | "success" | "warning" | "danger" {
  if (status === "SUCCESS") return "success";
  if (status === "FAILED" || status === "TIMEOUT_EXCEEDED") return "danger";
  if (status === "CANCELLED" || status === "CANCELLATION_REQUESTED") return "warning";
  if (isActive(status)) return "info";
  return "neutral";
}

/**
 * The prompts of a text, one per non-empty line, trimmed. A line in double quotes that parses as a
 * JSON string is that string, so a prompt of several lines fits on one (`"Hi\nthere"`).
 */
export function promptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(decodePromptLine);
}

function decodePromptLine(line: string): string {
  if (!(line.length >= 2 && line.startsWith('"') && line.endsWith('"'))) return line;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "string" ? value : line;
  } catch {
    return line;
  }
}

/** A prompt as one editor line: as it is, or as a JSON string when it would not read back so. */
export function promptLine(prompt: string): string {
  const plain = prompt.trim();
  return plain && !/[\r\n]/.test(plain) && decodePromptLine(plain) === plain
    ? plain
    : JSON.stringify(plain);
}

/** What a saved playground conversation gives a chat batch. */
export interface ConversationPrompts {
  /** Its system prompt ("" for none). */
  system: string;
  /** Each user message with text, as an editor line (promptLine), in order. */
  lines: string[];
}

/**
 * The requests a saved conversation makes for a chat batch: each user message on its own (with
 * the conversation's system prompt), not the answers. Images sent with a message are left out
 * (the typed-prompt batch is text only).
 */
export function conversationPrompts(conversation: {
  system: string;
  messages: readonly { role: string; content: string }[];
}): ConversationPrompts {
  return {
    system: conversation.system.trim(),
    lines: conversation.messages
      .filter((m) => m.role === "user" && m.content.trim())
      .map((m) => promptLine(m.content)),
  };
}

/** Options of every request of a typed batch. */
export interface BatchOptions {
  /** Chat only: the system prompt each request starts with. */
  system?: string;
}

/** The request body one line becomes on an endpoint (the job names the model). */
export function requestBody(
  endpoint: BatchEndpoint,
  line: string,
  { system }: BatchOptions = {},
): Record<string, unknown> {
  switch (endpoint) {
    case "/v1/chat/completions":
      return {
        messages: [
          ...(system?.trim() ? [{ role: "system", content: system.trim() }] : []),
          { role: "user", content: line },
        ],
      };
    case "/v1/fim/completions":
      return { prompt: line };
    case "/v1/embeddings":
    case "/v1/moderations":
      return { input: line };
    case "/v1/ocr": {
      const isImage =
        /^data:image\//.test(line) || /\.(png|jpe?g|gif|webp|avif)(\?|#|$)/i.test(line);
      return {
        document: isImage
          ? { type: "image_url", image_url: line }
          : { type: "document_url", document_url: line },
      };
    }
    default:
      throw new Error(`No typed-prompt form for ${endpoint}`);
  }
}

/** The batch input file (JSONL of `{custom_id, body}`) for typed lines, custom ids 1, 2, … */
export function buildBatchFile(
  endpoint: BatchEndpoint,
  lines: readonly string[],
  options: BatchOptions = {},
): string {
  return lines
    .map(
      (line, i) =>
        JSON.stringify({ custom_id: String(i + 1), body: requestBody(endpoint, line, options) }) +
        "\n",
    )
    .join("");
}

/** The file uploaded for typed lines, named by when it was made. */
export function typedBatchFile(
  endpoint: BatchEndpoint,
  lines: readonly string[],
  options: BatchOptions = {},
): File {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new File([buildBatchFile(endpoint, lines, options)], `typed-prompts-${stamp}.jsonl`, {
    type: "application/jsonl",
  });
}

export interface ResultRow {
  /** Line number in the file (1-based). */
  line: number;
  customId: string | null;
  status: number | null;
  ok: boolean;
  /** A one-line summary of the answer or the error. */
  summary: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : null);
const obj = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** Text of a message's content: a string, or the text of its chunks (thinking left out). */
function contentText(content: unknown): string | null {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return null;
  return content.map((c) => (obj(c)?.type === "text" ? (str(obj(c)?.text) ?? "") : "")).join("");
}

/** What an answer body says, in a line, for the endpoints the page knows; else its JSON. */
function summarize(body: Record<string, unknown>): string {
  const choices = body.choices;
  if (Array.isArray(choices) && choices.length) {
    const message = obj(obj(choices[0])?.message);
    const text = contentText(message?.content);
    if (text != null) return text;
  }
  const data = body.data;
  if (Array.isArray(data) && data.length && Array.isArray(obj(data[0])?.embedding)) {
    return `Embedding of ${(obj(data[0])!.embedding as unknown[]).length} dimensions`;
  }
  const results = body.results;
  if (Array.isArray(results) && results.length) {
    const categories = obj(obj(results[0])?.categories) ?? {};
    const flagged = Object.keys(categories).filter((k) => categories[k] === true);
    return flagged.length ? `Flagged: ${flagged.join(", ")}` : "Not flagged";
  }
  const pages = body.pages;
  if (Array.isArray(pages)) {
    const first = str(obj(pages[0])?.markdown) ?? "";
    return `${pages.length} page${pages.length === 1 ? "" : "s"}${first ? `: ${first}` : ""}`;
  }
  return JSON.stringify(body);
}

/** The lines of an output or error file, each summarised; unreadable lines say so. */
export function parseResults(text: string): ResultRow[] {
  const rows: ResultRow[] = [];
  text.split("\n").forEach((raw, i) => {
    if (!raw.trim()) return;
    let line: Record<string, unknown> | null;
    try {
      line = obj(JSON.parse(raw));
    } catch {
      line = null;
    }
    if (!line) {
      rows.push({
        line: i + 1,
        customId: null,
        status: null,
        ok: false,
        summary: "Unreadable line",
      });
      return;
    }
    const response = obj(line.response);
    const status = typeof response?.status_code === "number" ? response.status_code : null;
    const error = obj(line.error);
    const body = obj(response?.body);
    const ok = !error && status !== null && status >= 200 && status < 300;
    const message =
      str(error?.message) ?? str(body?.message) ?? (body ? JSON.stringify(body) : "No answer");
    rows.push({
      line: i + 1,
      customId: line.custom_id == null ? null : String(line.custom_id),
      status,
      ok,
      summary: ok && body ? summarize(body) : message,
    });
  });
  return rows;
}
