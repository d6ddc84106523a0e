import { describe, expect, it } from "vitest";
import type { CompletionChunk } from "@/lib/mistral/types";
import { applyChunk, emptyAnswer } from "./accumulate";

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

describe("applyChunk", () => {
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
