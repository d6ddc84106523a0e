// Conversations an older console saved in the browser (localStorage; now they live in the
// console's database, per user: components/playground/chat/local-import.tsx offers them for import
// once), and the export of a conversation as JSON and Markdown.
import { z } from "zod";
import { DEFAULT_PARAMS, type ChatMessage, type Conversation } from "./types";

export const STORAGE_KEY = "mistral-console.playground.conversations.v1";

const messageSchema = z.looseObject({
  id: z.string(),
  role: z.enum(["user", "assistant", "tool"]),
  content: z.string(),
});

const conversationSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  system: z.string().catch(""),
  messages: z.array(messageSchema),
  settings: z.looseObject({
    mode: z.enum(["model", "agent"]).catch("model"),
    model: z.string().catch(""),
    agentId: z.string().catch(""),
    params: z.looseObject({}).catch({}),
    tools: z.array(z.looseObject({})).catch([]),
    toolChoice: z.enum(["auto", "none", "any"]).catch("auto"),
  }),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** Reads saved conversations, newest first; entries that do not parse are skipped, not fatal. */
export function loadConversations(storage: Pick<Storage, "getItem">): Conversation[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(STORAGE_KEY) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: Conversation[] = [];
  for (const item of raw) {
    const parsed = conversationSchema.safeParse(item);
    if (!parsed.success) continue;
    const c = parsed.data as unknown as Conversation;
    out.push({
      ...c,
      settings: { ...c.settings, params: { ...DEFAULT_PARAMS, ...c.settings.params } },
    });
  }
  return out.sort((a, b) => b.updatedAt - a.updatedAt);
}

export function exportJson(c: Conversation): string {
  return JSON.stringify(c, null, 2);
}

function fence(text: string, lang = ""): string {
  // A fence longer than any backtick run inside, so the content cannot close it.
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((s) => s.length));
  const f = "`".repeat(longest + 1);
  return `${f}${lang}\n${text}\n${f}`;
}

function messageMarkdown(m: ChatMessage): string {
  if (m.role === "user") return `## User\n\n${m.content}`;
  if (m.role === "tool") {
    return `## Tool result${m.name ? ` (${m.name})` : ""}\n\n${fence(m.content)}`;
  }
  const head = `## Assistant${m.metrics?.model ? ` (${m.metrics.model})` : ""}${m.prefix ? " — prefix" : ""}`;
  const calls = (m.toolCalls ?? []).map(
    (c) =>
      `Tool call \`${c.function.name}\`:\n\n${fence(
        typeof c.function.arguments === "string"
          ? c.function.arguments
          : JSON.stringify(c.function.arguments, null, 2),
        "json",
      )}`,
  );
  return [head, m.content, ...calls].filter(Boolean).join("\n\n");
}

export function exportMarkdown(c: Conversation): string {
  const s = c.settings;
  const lines = [
    `# ${c.title}`,
    "",
    s.mode === "agent" ? `Agent: \`${s.agentId}\`` : `Model: \`${s.model}\``,
  ];
  if (s.mode === "model" && c.system.trim()) lines.push("", "## System", "", c.system);
  for (const m of c.messages) lines.push("", messageMarkdown(m));
  return `${lines.join("\n")}\n`;
}

/** A file name for downloads: the title in safe characters. */
export function exportFileName(c: Conversation, ext: "json" | "md"): string {
  const base =
    c.title
      .replace(/[^\w\- ]+/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "conversation";
  return `${base}.${ext}`;
}
