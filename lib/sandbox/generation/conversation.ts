// The conversation rules the real API enforces beyond the schema (mistral-common's validator),
// with its messages, and the reading of a conversation that the reply generator needs.
import type { ChatCompletionRequest, ToolCall } from "@/lib/mistral/seed-types";

export type Message = ChatCompletionRequest["messages"][number];
type Role = Message["role"];

/** The schema gives `role` a default, so a message may arrive without one (only assistant can). */
export const roleOf = (m: Message): Role => (m as { role?: Role }).role ?? "assistant";

/** The plain text of a message: its content (string or text chunks) and any tool call it made. */
export function messageText(m: Message): string {
  const content =
    m.content == null
      ? ""
      : typeof m.content === "string"
        ? m.content
        : m.content.map((c) => c.text).join("");
  const calls =
    roleOf(m) === "assistant" ? ((m as { tool_calls?: ToolCall[] | null }).tool_calls ?? []) : [];
  const callText = calls.map((c) => {
    const args = c.function.arguments;
    return `${c.function.name}${typeof args === "string" ? args : JSON.stringify(args)}`;
  });
  return [content, ...callText].filter(Boolean).join("\n");
}

const toolCallsOf = (m: Message): ToolCall[] =>
  roleOf(m) === "assistant" ? ((m as { tool_calls?: ToolCall[] | null }).tool_calls ?? []) : [];

const isPrefix = (m: Message) =>
  roleOf(m) === "assistant" && (m as { prefix?: boolean }).prefix === true;

// Which role may follow which, as in mistral-common's `_validate_message_order`.
const NEXT: Record<Role, Role[]> = {
  system: ["user", "assistant", "system"],
  user: ["assistant", "system", "user"],
  assistant: ["assistant", "user", "tool"],
  tool: ["assistant", "tool"],
};

/** The first rule `messages` breaks, as the real API words it, or null when it is a valid conversation. */
export function conversationError(messages: Message[]): string | null {
  if (messages.length === 0) return "Conversation must have at least one message";
  const last = messages[messages.length - 1];
  const lastRole = roleOf(last);
  if (!(lastRole === "user" || lastRole === "tool" || isPrefix(last))) {
    return `Expected last role User or Tool (or Assistant with prefix True) for serving but got ${lastRole}`;
  }
  let previous: Message | undefined;
  for (const [i, m] of messages.entries()) {
    const role = roleOf(m);
    if (previous && !NEXT[roleOf(previous)].includes(role)) {
      return `Unexpected role '${role}' after role '${roleOf(previous)}'`;
    }
    if (role === "assistant") {
      if (isPrefix(m) && i !== messages.length - 1) {
        return "Assistant message with prefix True must be the last message";
      }
      if (!m.content && toolCallsOf(m).length === 0 && !isPrefix(m)) {
        return "Assistant message must have either content or tool_calls";
      }
    }
    if (role === "tool") {
      // A tool answers a call: the nearest assistant message before it must have made one.
      const caller = messages.slice(0, i).findLast((p) => roleOf(p) === "assistant");
      const calls = caller ? toolCallsOf(caller) : [];
      if (calls.length === 0)
        return "Tool message must follow an assistant message with tool_calls";
      const id = (m as { tool_call_id?: string | null }).tool_call_id;
      if (id != null && !calls.some((c) => c.id === id)) {
        return `Tool call id ${id} does not match any tool call of the previous assistant message`;
      }
    }
    previous = m;
  }
  return null;
}

export interface ConversationView {
  /** Text of the last user message ("" when there is none). */
  lastUser: string;
  /** Text of all system messages, joined. */
  system: string;
  /** The assistant prefix the answer must start with, when the last message is one. */
  prefix: string | null;
  /** When the conversation ends with tool results: what the tools returned, by tool name. */
  toolResults: { name: string; content: string }[];
}

export function readConversation(messages: Message[]): ConversationView {
  const last = messages[messages.length - 1];
  const lastUser = messages.findLast((m) => roleOf(m) === "user");
  const toolResults: ConversationView["toolResults"] = [];
  for (let i = messages.length - 1; i >= 0 && roleOf(messages[i]) === "tool"; i--) {
    const m = messages[i] as {
      content: string;
      name?: string | null;
      tool_call_id?: string | null;
    };
    const call = messages
      .slice(0, i)
      .flatMap(toolCallsOf)
      .find((c) => c.id === m.tool_call_id);
    toolResults.unshift({ name: m.name ?? call?.function.name ?? "tool", content: m.content });
  }
  return {
    lastUser: lastUser ? messageText(lastUser) : "",
    system: messages
      .filter((m) => roleOf(m) === "system")
      .map(messageText)
      .join("\n"),
    prefix: last && isPrefix(last) ? messageText(last) : null,
    toolResults,
  };
}

/** Prompt tokens are counted over the text of every message. */
export const promptText = (messages: Message[]) => messages.map(messageText).join("\n");
