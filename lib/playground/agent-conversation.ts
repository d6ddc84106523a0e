// Agent mode runs through the conversations API: the upstream conversation keeps the history, so
// a turn sends only what is new. This module decides which request a turn is (start a
// conversation, append to it, or restart it from an earlier answer) and remembers, with the
// console's saved conversation, which of its messages the upstream conversation holds.
import type { components } from "@/lib/mistral/schema.gen";
import type { StreamedAnswer } from "./accumulate";
import { userContent } from "./content";
import { readSchema } from "./json-schema";
import type { ChatMessage, ChatSettings } from "./types";

type S = components["schemas"];
type InputEntry = S["InputEntries"][number];

/** The upstream conversation a console conversation continues (saved with it). */
export interface UpstreamConversation {
  /** Its conversation_id. */
  id: string;
  agentId: string;
  /** The version pinned when it started; null: the agent's version at that time. */
  agentVersion: number | null;
  /**
   * The console messages it holds, in order: each one's id, a fingerprint of what was sent (an
   * edited message no longer matches), and for an answer the id of its output entry.
   */
  messages: UpstreamMessage[];
}

export interface UpstreamMessage {
  id: string;
  sent: string;
  entryId?: string;
}

export type ConversationRequest =
  | { kind: "start"; path: "/v1/conversations"; body: S["ConversationStreamRequest"] }
  | {
      kind: "append";
      path: `/v1/conversations/${string}`;
      conversationId: string;
      body: S["ConversationAppendStreamRequest"];
    }
  | {
      kind: "restart";
      path: `/v1/conversations/${string}/restart`;
      conversationId: string;
      body: S["ConversationRestartStreamRequest"];
    };

export interface AgentTurn {
  request: ConversationRequest;
  /** The upstream messages the turn builds on (kept), before its inputs. */
  kept: UpstreamMessage[];
  /** The console messages sent as inputs. */
  inputs: ChatMessage[];
}

/** A console message as conversation input entries. */
export function toInputEntries(m: ChatMessage): InputEntry[] {
  if (m.role === "user") {
    // userContent makes text and image_url chunks only, both valid input content.
    const content = userContent(m.content, m.images) as S["MessageInputEntry"]["content"];
    return [{ type: "message.input", role: "user", content }];
  }
  if (m.role === "tool") {
    return [{ type: "function.result", tool_call_id: m.toolCallId ?? "null", result: m.content }];
  }
  const calls: InputEntry[] = (m.toolCalls ?? []).map((c) => ({
    type: "function.call",
    tool_call_id: c.id ?? "null",
    name: c.function.name,
    arguments: c.function.arguments,
  }));
  // An answer given before is sent back as its text (its sources are not input content).
  const text: InputEntry[] =
    m.content || m.prefix
      ? [
          {
            type: "message.input",
            role: "assistant",
            content: m.content,
            ...(m.prefix ? { prefix: true } : {}),
          },
        ]
      : [];
  return [...text, ...calls];
}

/** A short fingerprint (FNV-1a) of what a message sends: tells an edited message from the sent one. */
export function fingerprint(m: ChatMessage): string {
  const text = JSON.stringify([m.role, toInputEntries(m)]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The request's completion_args: only what the user set (the agent's own settings otherwise). */
function completionArgs(settings: ChatSettings): S["CompletionArgs"] | undefined {
  const p = settings.params;
  const s = settings.jsonSchema;
  const read = s ? readSchema(s.schema) : null;
  const args: S["CompletionArgs"] = {
    ...(p.maxTokens != null ? { max_tokens: p.maxTokens } : {}),
    ...(p.stop.length ? { stop: p.stop } : {}),
    ...(p.randomSeed != null ? { random_seed: p.randomSeed } : {}),
    ...(s
      ? {
          response_format: {
            type: "json_schema" as const,
            json_schema: {
              name: s.name.trim() || "answer",
              schema: read && "schema" in read ? read.schema : {},
              strict: s.strict,
            },
          },
        }
      : p.jsonMode
        ? { response_format: { type: "json_object" as const } }
        : {}),
  };
  return Object.keys(args).length ? args : undefined;
}

/** How many leading messages of the list are, unchanged, the upstream conversation's. */
function matchedPrefix(list: ChatMessage[], held: UpstreamMessage[]): number {
  let n = 0;
  while (n < list.length && n < held.length) {
    if (list[n].id !== held[n].id || fingerprint(list[n]) !== held[n].sent) break;
    n++;
  }
  return n;
}

/**
 * The request for sending `list` in agent mode. With no upstream conversation for this agent (and
 * pinned version), a new one starts with the whole list as inputs. When every message the upstream
 * conversation holds is still there unchanged, the new messages are appended to it. Otherwise
 * (Regenerate, or an edited or deleted message) it restarts from the last kept answer: the API
 * makes a new conversation with the history up to that entry, so the old one stays as it was.
 * With no kept answer to restart from, a new conversation starts.
 */
export function buildAgentTurn(input: {
  messages: ChatMessage[];
  settings: ChatSettings;
  upstream: UpstreamConversation | null | undefined;
}): AgentTurn {
  const { messages: list, settings } = input;
  const agentId = settings.agentId.trim();
  const version = settings.agentVersion ?? null;
  const args = completionArgs(settings);
  const entries = (msgs: ChatMessage[]) => msgs.flatMap(toInputEntries);
  const common = { stream: true as const, store: true, ...(args ? { completion_args: args } : {}) };
  const up = input.upstream;
  if (up && up.agentId === agentId && up.agentVersion === version) {
    const matched = matchedPrefix(list, up.messages);
    if (matched === up.messages.length && matched < list.length) {
      const inputs = list.slice(matched);
      return {
        request: {
          kind: "append",
          path: `/v1/conversations/${encodeURIComponent(up.id)}`,
          conversationId: up.id,
          body: { inputs: entries(inputs), ...common },
        },
        kept: up.messages,
        inputs,
      };
    }
    let from = matched;
    while (from > 0 && !up.messages[from - 1].entryId) from--;
    if (from > 0) {
      const inputs = list.slice(from);
      return {
        request: {
          kind: "restart",
          path: `/v1/conversations/${encodeURIComponent(up.id)}/restart`,
          conversationId: up.id,
          body: {
            from_entry_id: up.messages[from - 1].entryId!,
            inputs: entries(inputs),
            ...common,
            ...(version != null ? { agent_version: version } : {}),
          },
        },
        kept: up.messages.slice(0, from),
        inputs,
      };
    }
  }
  return {
    request: {
      kind: "start",
      path: "/v1/conversations",
      body: {
        agent_id: agentId,
        ...(version != null ? { agent_version: version } : {}),
        inputs: entries(list),
        ...common,
      },
    },
    kept: [],
    inputs: list,
  };
}

/**
 * The upstream conversation after a turn: the one its stream named (a restart makes a new one),
 * holding the kept messages, the inputs and the answer. Null when the stream never said which
 * conversation it was (the next turn then starts a new one).
 */
export function afterAgentTurn(
  turn: AgentTurn,
  settings: ChatSettings,
  answer: StreamedAnswer,
  reply: ChatMessage | null,
): UpstreamConversation | null {
  if (!answer.conversationId) return null;
  return {
    id: answer.conversationId,
    agentId: settings.agentId.trim(),
    agentVersion: settings.agentVersion ?? null,
    messages: [
      ...turn.kept,
      ...turn.inputs.map((m) => ({ id: m.id, sent: fingerprint(m) })),
      ...(reply
        ? [
            {
              id: reply.id,
              sent: fingerprint(reply),
              ...(answer.entryId ? { entryId: answer.entryId } : {}),
            },
          ]
        : []),
    ],
  };
}
