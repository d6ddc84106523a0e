// Agent mode through the conversations API: which request a turn is (start, append, restart),
// what it sends, and what the saved conversation remembers of the upstream one.
import { describe, expect, it } from "vitest";
import { schemaValidator } from "@/lib/mistral/spec";
import { emptyAnswer, type StreamedAnswer } from "./accumulate";
import {
  afterAgentTurn,
  buildAgentTurn,
  type AgentTurn,
  type UpstreamConversation,
} from "./agent-conversation";
import { DEFAULT_PARAMS, type ChatMessage, type ChatSettings } from "./types";

const settings = (patch: Partial<ChatSettings> = {}): ChatSettings => ({
  mode: "agent",
  model: "",
  agentId: "ag_1",
  params: DEFAULT_PARAMS,
  tools: [],
  toolChoice: "auto",
  ...patch,
});
const user = (id: string, content: string): ChatMessage => ({ id, role: "user", content });
const bot = (id: string, content: string): ChatMessage => ({ id, role: "assistant", content });

/** The answer the stream gave: its conversation and output entry. */
const answered = (conversationId: string, entryId: string): StreamedAnswer => ({
  ...emptyAnswer(),
  conversationId,
  entryId,
});

/** Runs the turn as the playground does: the reply lands, the upstream is remembered. */
function turn(
  messages: ChatMessage[],
  upstream: UpstreamConversation | null,
  s = settings(),
  reply?: { message: ChatMessage; conversation: string; entry: string },
): { turn: AgentTurn; upstream: UpstreamConversation | null } {
  const t = buildAgentTurn({ messages, settings: s, upstream });
  const next = reply
    ? afterAgentTurn(t, s, answered(reply.conversation, reply.entry), reply.message)
    : null;
  return { turn: t, upstream: next };
}

const validStart = schemaValidator("ConversationStreamRequest");
const validAppend = schemaValidator("ConversationAppendStreamRequest");
const validRestart = schemaValidator("ConversationRestartStreamRequest");

describe("buildAgentTurn", () => {
  const u1 = user("u1", "Plan a day in Lyon");
  const a1 = bot("a1", "Start at Fourvière.");
  const u2 = user("u2", "And the evening?");
  const a2 = bot("a2", "Dinner in a bouchon.");

  it("starts a conversation, then appends only the new message to it", () => {
    const first = turn([u1], null, settings(), {
      message: a1,
      conversation: "conv_1",
      entry: "msg_a1",
    });
    expect(first.turn.request).toEqual({
      kind: "start",
      path: "/v1/conversations",
      body: {
        agent_id: "ag_1",
        inputs: [{ type: "message.input", role: "user", content: "Plan a day in Lyon" }],
        stream: true,
        store: true,
      },
    });
    expect(validStart(first.turn.request.body), JSON.stringify(validStart.errors)).toBe(true);
    expect(first.upstream).toMatchObject({
      id: "conv_1",
      agentId: "ag_1",
      agentVersion: null,
      messages: [{ id: "u1" }, { id: "a1", entryId: "msg_a1" }],
    });

    const second = turn([u1, a1, u2], first.upstream);
    expect(second.turn.request).toMatchObject({
      kind: "append",
      path: "/v1/conversations/conv_1",
      body: { inputs: [{ type: "message.input", role: "user", content: "And the evening?" }] },
    });
    expect(second.turn.request.body).not.toHaveProperty("agent_id");
    expect(validAppend(second.turn.request.body), JSON.stringify(validAppend.errors)).toBe(true);
  });

  it("regenerates by restarting from the answer before the last question", () => {
    const upstream: UpstreamConversation = turn([u1, a1, u2], null, settings(), {
      message: a2,
      conversation: "conv_1",
      entry: "msg_a2",
    }).upstream!;
    // The whole list went as inputs of a new conversation: only a2 has an entry id.
    const again = turn([u1, a1, u2], upstream);
    expect(again.turn.request.kind).toBe("start");

    // With a1 answered in the conversation, Regenerate restarts from a1's entry.
    const withA1: UpstreamConversation = {
      ...upstream,
      messages: upstream.messages.map((m) => (m.id === "a1" ? { ...m, entryId: "msg_a1" } : m)),
    };
    const regen = turn([u1, a1, u2], withA1);
    expect(regen.turn.request).toMatchObject({
      kind: "restart",
      path: "/v1/conversations/conv_1/restart",
      body: {
        from_entry_id: "msg_a1",
        inputs: [{ type: "message.input", role: "user", content: "And the evening?" }],
      },
    });
    expect(validRestart(regen.turn.request.body), JSON.stringify(validRestart.errors)).toBe(true);
    // The restarted conversation is a new one: what it holds is the kept part, then this turn.
    const after = afterAgentTurn(regen.turn, settings(), answered("conv_2", "msg_b2"), a2);
    expect(after).toMatchObject({
      id: "conv_2",
      messages: [{ id: "u1" }, { id: "a1", entryId: "msg_a1" }, { id: "u2" }, { id: "a2" }],
    });
  });

  it("restarts from the last unchanged answer when a message was edited", () => {
    const up: UpstreamConversation = {
      id: "conv_1",
      agentId: "ag_1",
      agentVersion: null,
      messages: [],
    };
    const first = afterAgentTurn(
      buildAgentTurn({ messages: [u1], settings: settings(), upstream: up }),
      settings(),
      answered("conv_1", "msg_a1"),
      a1,
    )!;
    const second = afterAgentTurn(
      buildAgentTurn({ messages: [u1, a1, u2], settings: settings(), upstream: first }),
      settings(),
      answered("conv_1", "msg_a2"),
      a2,
    )!;
    const edited = { ...u2, content: "And the night?" };
    expect(turn([u1, a1, edited], second).turn.request).toMatchObject({
      kind: "restart",
      body: { from_entry_id: "msg_a1", inputs: [{ content: "And the night?" }] },
    });
    // Editing the first question leaves no answer to restart from: a new conversation.
    expect(turn([{ ...u1, content: "Plan a week" }], second).turn.request.kind).toBe("start");
  });

  it("pins the agent version; another version or agent starts a new conversation", () => {
    const pinned = settings({ agentVersion: 2 });
    const first = turn([u1], null, pinned, {
      message: a1,
      conversation: "conv_1",
      entry: "msg_a1",
    });
    expect(first.turn.request.body).toMatchObject({ agent_id: "ag_1", agent_version: 2 });
    expect(first.upstream?.agentVersion).toBe(2);
    expect(turn([u1, a1, u2], first.upstream, pinned).turn.request.kind).toBe("append");
    expect(
      turn([u1, a1, u2], first.upstream, settings({ agentVersion: 1 })).turn.request,
    ).toMatchObject({
      kind: "start",
      body: { agent_version: 1, inputs: [{}, { role: "assistant" }, {}] },
    });
    expect(turn([u1, a1, u2], first.upstream, settings()).turn.request.kind).toBe("start");
    expect(
      turn([u1, a1, u2], first.upstream, settings({ agentId: "ag_2", agentVersion: 2 })).turn
        .request.kind,
    ).toBe("start");
  });

  it("sends the parameters the user set as completion_args, and tool results as function entries", () => {
    const s = settings({
      params: { ...DEFAULT_PARAMS, maxTokens: 50, stop: ["END"], randomSeed: 7, jsonMode: true },
    });
    const call = {
      id: "call_1",
      type: "function" as const,
      function: { name: "get_weather", arguments: '{"city":"Lyon"}' },
    };
    const list: ChatMessage[] = [
      u1,
      { id: "a1", role: "assistant", content: "", toolCalls: [call] },
      {
        id: "t1",
        role: "tool",
        content: '{"sky":"clear"}',
        toolCallId: "call_1",
        name: "get_weather",
      },
    ];
    const { request } = buildAgentTurn({ messages: list, settings: s, upstream: null });
    expect(request.body).toMatchObject({
      completion_args: {
        max_tokens: 50,
        stop: ["END"],
        random_seed: 7,
        response_format: { type: "json_object" },
      },
      inputs: [
        { type: "message.input", role: "user" },
        { type: "function.call", tool_call_id: "call_1", name: "get_weather" },
        { type: "function.result", tool_call_id: "call_1", result: '{"sky":"clear"}' },
      ],
    });
    expect(validStart(request.body), JSON.stringify(validStart.errors)).toBe(true);
  });

  it("sends the agent's id and no system message, model, sampling or playground tools", () => {
    const tool = { id: "t", name: "f", description: "", parameters: "{}" };
    const { request } = buildAgentTurn({
      messages: [u1],
      settings: settings({ agentId: "  ag:123 ", model: "mistral-large-latest", tools: [tool] }),
      upstream: null,
    });
    expect(request.body).toEqual({
      agent_id: "ag:123",
      inputs: [{ type: "message.input", role: "user", content: "Plan a day in Lyon" }],
      stream: true,
      store: true,
    });
  });

  it("forgets the upstream conversation when the stream never named one", () => {
    const t = buildAgentTurn({ messages: [u1], settings: settings(), upstream: null });
    expect(afterAgentTurn(t, settings(), emptyAnswer(), null)).toBeNull();
  });
});
