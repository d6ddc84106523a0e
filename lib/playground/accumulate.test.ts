import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schemaValidator } from "@/lib/mistral/spec";
import type { CompletionChunk } from "@/lib/mistral/types";
import type { ConversationEvent } from "@/lib/api/stream";
import {
  appendChunk,
  applyChunk,
  applyConversationEvent,
  emptyAnswer,
  type AnswerChunk,
  type ContentChunk,
} from "./accumulate";
import { buildChatRequest } from "./request";
import { DEFAULT_PARAMS, type ChatMessage } from "./types";

const chunk = (
  delta: CompletionChunk["choices"][number]["delta"],
  extra: Partial<CompletionChunk> & { finish?: "stop" | "tool_calls" | "length" } = {},
): CompletionChunk => {
  const { finish = null, ...rest } = extra;
  return {
    id: "c1",
    model: "mistral-small-latest",
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...rest,
  } as CompletionChunk;
};

const fold = (chunks: CompletionChunk[]) => chunks.reduce(applyChunk, emptyAnswer());

const think = (text: string): ContentChunk => ({
  type: "thinking",
  thinking: [{ type: "text", text }],
});
const text = (t: string): ContentChunk => ({ type: "text", text: t });

describe("applyChunk", () => {
  it("keeps the first words that share an array with the last thinking chunk (issue 14)", () => {
    const answer = fold([
      chunk({ role: "assistant", content: "" }),
      chunk({ content: [think("The user asks ")] }),
      chunk({ content: [think("about France."), text("The capital of")] }),
      chunk({ content: " France is **Paris**." }, { finish: "stop" }),
    ]);
    expect(answer.content).toBe("The capital of France is **Paris**.");
    expect(answer.thinking).toBe("The user asks about France.");
    expect(answer.chunked).toBe(true);
    expect(answer.chunks).toEqual([
      think("The user asks about France."),
      text("The capital of France is **Paris**."),
    ]);
  });

  it("keeps text and reference chunks in order (an agent citing its sources)", () => {
    const ref = (id: number): ContentChunk => ({ type: "reference", reference_ids: [id] });
    const answer = fold([
      chunk({ content: [text("Paris is the capital of France")] }),
      chunk({ content: [ref(1)] }),
      chunk({ content: [text(", on the Seine.")] }),
      chunk({ content: [ref(2)] }, { finish: "stop" }),
    ]);
    expect(answer.content).toBe("Paris is the capital of France, on the Seine.");
    expect(answer.chunks).toEqual([
      text("Paris is the capital of France"),
      ref(1),
      text(", on the Seine."),
      ref(2),
    ]);
  });

  it("keeps a reasoning model's thinking and text sent as arrays of chunks", () => {
    const answer = fold([
      chunk({ role: "assistant", content: "" }),
      chunk({ content: [{ type: "thinking", thinking: [{ type: "text", text: "Let me " }] }] }),
      chunk({ content: [{ type: "thinking", thinking: [{ type: "text", text: "think." }] }] }),
      chunk({ content: [{ type: "text", text: "Paris" }] }),
      chunk({ content: "." }, { finish: "stop" }),
    ]);
    expect(answer).toMatchObject({ thinking: "Let me think.", content: "Paris.", deltas: 4 });
  });

  it("joins streamed text in order and keeps the final usage and finish reason", () => {
    const a = fold([
      chunk({ role: "assistant", content: "" }),
      chunk({ content: "Hello" }),
      chunk({ content: ", world" }),
      chunk(
        { content: "!" },
        { finish: "stop", usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } },
      ),
    ]);
    expect(a.content).toBe("Hello, world!");
    expect(a.finishReason).toBe("stop");
    expect(a.usage).toEqual({ prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 });
    expect(a.model).toBe("mistral-small-latest");
    expect(a.deltas).toBe(3);
  });

  it("does not change the answer it is given", () => {
    const before = emptyAnswer();
    applyChunk(before, chunk({ content: "x" }));
    expect(before.content).toBe("");
  });

  it("collects whole tool calls as the Mistral API sends them", () => {
    const a = fold([
      chunk({
        tool_calls: [
          { id: "abc123def", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        ],
      }),
      chunk(
        {
          tool_calls: [
            { id: "zzz999yyy", function: { name: "get_time", arguments: '{"tz":"CET"}' } },
          ],
        },
        { finish: "tool_calls" },
      ),
    ]);
    expect(a.toolCalls.map((c) => [c.id, c.function.name, c.function.arguments])).toEqual([
      ["abc123def", "get_weather", '{"city":"Paris"}'],
      ["zzz999yyy", "get_time", '{"tz":"CET"}'],
    ]);
    expect(a.finishReason).toBe("tool_calls");
  });

  it("joins tool-call arguments streamed in pieces by index", () => {
    const pieces = ['{"ci', 'ty": "Pa', 'ris"}'];
    const a = fold([
      chunk({
        tool_calls: [
          { index: 0, id: "call1", function: { name: "get_weather", arguments: pieces[0] } },
        ] as never,
      }),
      chunk({ tool_calls: [{ index: 0, function: { name: "", arguments: pieces[1] } }] as never }),
      chunk({ tool_calls: [{ index: 0, function: { name: "", arguments: pieces[2] } }] as never }),
    ]);
    expect(a.toolCalls).toHaveLength(1);
    expect(a.toolCalls[0].id).toBe("call1");
    expect(a.toolCalls[0].function.name).toBe("get_weather");
    expect(JSON.parse(a.toolCalls[0].function.arguments as string)).toEqual({ city: "Paris" });
    expect("index" in a.toolCalls[0]).toBe(false);
  });

  it("ignores chunks without choices but keeps their usage", () => {
    const a = fold([
      chunk({ content: "a" }),
      {
        id: "c1",
        model: "m",
        choices: [],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      },
    ]);
    expect(a.content).toBe("a");
    expect(a.usage?.total_tokens).toBe(2);
  });
});

// One whole answer as the API would give it unstreamed: any mix of every chunk kind.
const atom = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).map(text),
  fc.string({ minLength: 1, maxLength: 12 }).map(think),
  fc
    .array(fc.oneof(fc.nat(9), fc.constantFrom("a", "b")), { minLength: 1, maxLength: 2 })
    .map((reference_ids): ContentChunk => ({ type: "reference", reference_ids })),
  fc
    .constantFrom("data:image/png;base64,iVBORw0", "https://example.com/a.png")
    .map((url): ContentChunk => ({ type: "image_url", image_url: { url } })),
);

/** Cuts text and thinking chunks into pieces at the given points (other chunks stay whole). */
function cut(chunks: ContentChunk[], points: number[]): ContentChunk[] {
  return chunks.flatMap((c): ContentChunk[] => {
    const s =
      c.type === "text"
        ? c.text
        : c.type === "thinking"
          ? (c.thinking[0] as { text: string }).text
          : null;
    if (s == null) return [c];
    const at = [...new Set([0, ...points.map((x) => x % (s.length + 1)), s.length])].sort(
      (a, b) => a - b,
    );
    return at
      .slice(1)
      .map((end, i) => {
        const piece = s.slice(at[i], end);
        return c.type === "text" ? text(piece) : think(piece);
      })
      .filter((x) => x.type !== "text" || x.text);
  });
}

describe("folding streamed content (property)", () => {
  it("gives the same answer for any split of the stream into deltas", () => {
    fc.assert(
      fc.property(
        fc.array(atom, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(20), { maxLength: 6 }),
        fc.array(fc.nat(3), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (whole, points, groups, textAsString) => {
          const expected = whole.reduce<ContentChunk[]>(appendChunk, []);
          const pieces = cut(whole, points);
          // Group consecutive pieces into deltas of 1 to 4 chunks; a lone text piece may come
          // as a plain string, as the API sends plain text.
          const deltas: CompletionChunk[] = [];
          for (let i = 0, g = 0; i < pieces.length; g++) {
            const size = 1 + groups[g % groups.length];
            const group = pieces.slice(i, i + size);
            i += size;
            const only = group[0];
            deltas.push(
              chunk({
                content:
                  textAsString && group.length === 1 && only.type === "text" ? only.text : group,
              }),
            );
          }
          const answer = fold(deltas);
          expect(answer.chunks).toEqual(expected);
          expect(answer.content).toBe(whole.map((c) => (c.type === "text" ? c.text : "")).join(""));
          expect(answer.thinking).toBe(
            whole
              .map((c) => (c.type === "thinking" ? (c.thinking[0] as { text: string }).text : ""))
              .join(""),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("history round trip", () => {
  it("sends the streamed answer back on the next turn as the API gave it, valid for today's spec", () => {
    const received = [
      think("The user asks about France."),
      text("The capital of France is Paris"),
      { type: "reference", reference_ids: [1] } as ContentChunk,
      text("."),
    ];
    // Streamed in pieces, the first words sharing an array with the last thinking chunk.
    const answer = fold([
      chunk({ role: "assistant", content: "" }),
      chunk({ content: [think("The user asks ")] }),
      chunk({ content: [think("about France."), text("The capital of")] }),
      chunk({ content: " France is Paris" }),
      chunk({ content: [received[2], text(".")] }, { finish: "stop" }),
    ]);
    const messages: ChatMessage[] = [
      { id: "u1", role: "user", content: "What is the capital of France?" },
      { id: "a1", role: "assistant", content: answer.content, chunks: answer.chunks },
      { id: "u2", role: "user", content: "And of Italy?" },
    ];
    const { body } = buildChatRequest({
      system: "",
      messages,
      settings: {
        mode: "model",
        model: "magistral-small-latest",
        agentId: "",
        params: DEFAULT_PARAMS,
        tools: [],
        toolChoice: "auto",
      },
    });
    expect(body.messages[1]).toEqual({ role: "assistant", content: received });
    const validate = schemaValidator("ChatCompletionRequest");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });
});

// Conversations (/v1/conversations) stream events: one output chunk (or a string) per delta.
const source = (n: number): AnswerChunk => ({
  type: "tool_reference",
  tool: "web_search",
  title: `Source ${n}`,
  url: `https://example.com/${n}`,
});
type OutputDelta = Extract<ConversationEvent, { type: "message.output.delta" }>;
const delta = (content: OutputDelta["content"] | AnswerChunk) =>
  ({
    type: "message.output.delta",
    id: "msg_1",
    model: "mistral-medium-latest",
    role: "assistant",
    content,
  }) as ConversationEvent;
const started: ConversationEvent = {
  type: "conversation.response.started",
  conversation_id: "conv_1",
};
const done: ConversationEvent = {
  type: "conversation.response.done",
  usage: { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 },
};
const foldEvents = (events: ConversationEvent[]) =>
  events.reduce(applyConversationEvent, emptyAnswer());

describe("applyConversationEvent", () => {
  it("keeps the conversation, the output entry, every word and source, and the usage", () => {
    const answer = foldEvents([
      started,
      delta("The Louvre "),
      delta({ type: "text", text: "is in Paris" }),
      delta(source(1)),
      delta("."),
      done,
    ]);
    expect(answer).toMatchObject({
      conversationId: "conv_1",
      entryId: "msg_1",
      model: "mistral-medium-latest",
      content: "The Louvre is in Paris.",
      chunked: true,
      chunks: [
        { type: "text", text: "The Louvre is in Paris" },
        source(1),
        { type: "text", text: "." },
      ],
      usage: { prompt_tokens: 7, completion_tokens: 5, total_tokens: 12 },
      finishReason: "stop",
      deltas: 4,
    });
  });

  it("reads a source sent without its type as a tool_reference", () => {
    const { type: _type, ...untyped } = source(2) as { type: string };
    void _type;
    const answer = foldEvents([delta(untyped as never)]);
    expect(answer.chunks).toEqual([source(2)]);
  });

  it("keeps thinking apart from the text", () => {
    const answer = foldEvents([
      delta({ type: "thinking", thinking: [{ type: "text", text: "Hmm, " }] }),
      delta({ type: "thinking", thinking: [{ type: "text", text: "Paris." }] }),
      delta("Paris."),
    ]);
    expect(answer.thinking).toBe("Hmm, Paris.");
    expect(answer.content).toBe("Paris.");
  });

  it("collects a function call streamed in pieces, then finishes with tool_calls", () => {
    const call = (args: string): ConversationEvent => ({
      type: "function.call.delta",
      id: "fc_1",
      name: "get_weather",
      tool_call_id: "call_1",
      arguments: args,
    });
    const answer = foldEvents([started, call('{"city":'), call('"Lyon"}'), done]);
    expect(answer.toolCalls).toEqual([
      {
        id: "call_1",
        type: "function",
        function: { name: "get_weather", arguments: '{"city":"Lyon"}' },
      },
    ]);
    expect(answer.finishReason).toBe("tool_calls");
  });

  it("follows the server-side tools the agent runs", () => {
    const answer = foldEvents([
      { type: "tool.execution.started", id: "t1", name: "web_search", arguments: '{"q":' },
      { type: "tool.execution.delta", id: "t1", name: "web_search", arguments: '"Louvre"}' },
      { type: "tool.execution.done", id: "t1", name: "web_search" },
      { type: "agent.handoff.started", id: "h", previous_agent_id: "a", previous_agent_name: "A" },
    ]);
    expect(answer.toolRuns).toEqual([
      { id: "t1", name: "web_search", arguments: '{"q":"Louvre"}', done: true },
    ]);
    expect(answer.content).toBe("");
    expect(answer.deltas).toBe(0);
  });

  it("does not change the answer it is given", () => {
    const before = foldEvents([started, delta("Hi")]);
    const copy = structuredClone(before);
    applyConversationEvent(before, delta(" there"));
    applyConversationEvent(before, done);
    expect(before).toEqual(copy);
  });
});

describe("folding conversation events (property)", () => {
  it("gives the same answer for any split of the text into deltas, as strings or text chunks", () => {
    const part = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }).map(text),
      fc.string({ minLength: 1, maxLength: 12 }).map(think),
      fc.nat(5).map(source),
    );
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(20), { maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
        (whole, points, asString) => {
          const expected = whole.reduce<AnswerChunk[]>(appendChunk, []);
          // Text and thinking cut anywhere; sources stay whole, as the API sends them.
          const pieces = whole.flatMap((c): AnswerChunk[] =>
            c.type === "tool_reference" ? [c] : cut([c], points),
          );
          const events = [
            started,
            ...pieces.map((p, i) =>
              delta(p.type === "text" && asString[i % asString.length] ? p.text : p),
            ),
            done,
          ];
          const answer = foldEvents(events);
          expect(answer.chunks).toEqual(expected);
          expect(answer.content).toBe(whole.map((c) => (c.type === "text" ? c.text : "")).join(""));
          expect(answer.conversationId).toBe("conv_1");
          expect(answer.usage?.total_tokens).toBe(12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
