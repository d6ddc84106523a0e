import { describe, expect, it } from "vitest";
import { lintText } from "./index";

// Building blocks of minimal samples; each failing case breaks exactly one rule of a passing one.
type Msg = Record<string, unknown>;
const user = (content: unknown = "What is the weather in Paris?"): Msg => ({
  role: "user",
  content,
});
const assistant = (content: unknown = "Sunny, 18°C."): Msg => ({ role: "assistant", content });
const system = (content = "You are a weather bot."): Msg => ({ role: "system", content });
const call = (
  id: unknown = "D681PevKs",
  name: unknown = "get_weather",
  args: unknown = '{"city":"Paris"}',
) => ({
  id,
  type: "function",
  function: { name, arguments: args },
});
const calling = (...calls: unknown[]): Msg => ({
  role: "assistant",
  content: "",
  tool_calls: calls,
});
const result = (id: unknown = "D681PevKs"): Msg => ({
  role: "tool",
  tool_call_id: id,
  content: '{"temp":18}',
});
const tool = (fn: Record<string, unknown> = {}) => ({
  type: "function",
  function: {
    name: "get_weather",
    description: "Current weather in a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    ...fn,
  },
});
const conv = (...messages: unknown[]) => JSON.stringify({ messages });
const sample = (value: unknown) => JSON.stringify(value);
const withCall = (...extra: unknown[]) =>
  conv(user(), calling(call()), result(), assistant(), ...extra);

function issues(line: string) {
  return lintText(line + "\n").issues;
}

interface Case {
  code: string;
  bad: string;
  good: string;
  /** Expected words in the message, to keep it actionable. */
  says?: string;
  severity?: "warning";
}

const cases: Case[] = [
  { code: "invalid_json", bad: '{"text": "a",}', good: '{"text": "a"}', says: "not valid JSON" },
  { code: "not_object", bad: '["a", "b"]', good: '{"text": "a"}', says: "found an array" },
  {
    code: "unknown_sample",
    bad: sample({ prompt: "a", completion: "b" }),
    good: sample({ text: "a" }),
  },
  {
    code: "pretrain_text_and_content",
    bad: sample({ text: "a", content: "b" }),
    good: sample({ content: "b" }),
    says: 'both "text" and "content"; keep one',
  },
  {
    code: "pretrain_text_not_string",
    bad: sample({ text: 42 }),
    good: sample({ text: "42" }),
    says: "a number",
  },
  {
    code: "messages_and_interactions",
    bad: sample({ messages: [user(), assistant()], interactions: [user(), assistant()] }),
    good: sample({ interactions: [user(), assistant()] }),
  },
  {
    code: "tools_and_available_tools",
    bad: sample({ messages: [user(), assistant()], tools: [tool()], available_tools: [tool()] }),
    good: sample({ messages: [user(), assistant()], available_tools: [tool()] }),
  },
  {
    code: "messages_not_array",
    bad: sample({ messages: { role: "user" } }),
    good: conv(user(), assistant()),
  },
  { code: "messages_empty", bad: sample({ messages: [] }), good: conv(user()) },
  {
    code: "message_not_object",
    bad: conv(user(), "Sunny"),
    good: conv(user(), assistant("Sunny")),
  },
  {
    code: "invalid_role",
    bad: conv(user(), { role: "bot", content: "Sunny" }),
    good: conv(user(), { role: "assistant", content: "Sunny" }),
    says: 'role "bot"; use one of system, user, assistant, tool',
  },
  {
    code: "invalid_role",
    bad: conv(user(), { content: "Sunny" }),
    good: conv(user(), assistant()),
    says: 'no "role"',
  },
  {
    code: "content_and_text",
    bad: conv({ role: "user", content: "a", text: "a" }, assistant()),
    good: conv({ role: "user", text: "a" }, assistant()),
    says: 'message 1 (user) has both "content" and "text"',
  },
  { code: "content_type", bad: conv(user(7), assistant()), good: conv(user("7"), assistant()) },
  {
    code: "missing_content",
    bad: conv({ role: "user" }, assistant()),
    good: conv({ role: "user", content: "" }, assistant()),
    says: 'message 1 (user) has no "content"',
  },
  {
    code: "multiple_system",
    bad: conv(system(), system(), user(), assistant()),
    good: conv(system(), user(), assistant()),
    says: "message 2 (system) is a second system message",
  },
  {
    code: "assistant_content_and_tool_calls",
    bad: conv(user(), { ...calling(call()), content: "Let me check." }, result(), assistant()),
    good: withCall(),
    says: 'message 2 (assistant) has both "content" and "tool_calls"; keep one',
  },
  {
    code: "assistant_empty",
    bad: conv(user(), assistant("")),
    good: conv(user(), assistant(".")),
    says: 'neither content nor "tool_calls"',
  },
  {
    code: "assistant_empty",
    bad: conv(user(), { role: "assistant", tool_calls: [] }),
    good: conv(user(), { role: "assistant", content: null, tool_calls: [call(undefined)] }),
  },
  {
    code: "invalid_weight",
    bad: conv(user(), { ...assistant(), weight: 0.5 }),
    good: conv(user(), { ...assistant(), weight: 0 }),
  },
  {
    code: "tool_calls_not_array",
    bad: conv(user(), { role: "assistant", tool_calls: call() }),
    good: conv(user(), { role: "assistant", tool_calls: [call()] }),
  },
  {
    code: "tool_call_not_object",
    bad: conv(user(), calling("get_weather")),
    good: conv(user(), calling(call())),
  },
  {
    code: "tool_call_missing_id",
    bad: conv(user(), calling(call(null)), result(), assistant()),
    // Only the last assistant message, the call the model learns to make, may omit the id.
    good: conv(user(), assistant(), user(), calling(call(null))),
    says: "only the last assistant message may omit it",
  },
  {
    code: "invalid_tool_call_id",
    bad: conv(user(), calling(call("call_1")), result(), assistant()),
    good: conv(user(), calling(call("call00001")), result("call00001"), assistant()),
    says: 'id "call_1"; ids are exactly 9 letters or digits',
  },
  {
    code: "invalid_tool_call_id",
    bad: conv(user(), calling(call()), result("D681PevK"), assistant()),
    good: withCall(),
    says: 'message 3 (tool) has tool_call_id "D681PevK"',
  },
  {
    code: "tool_message_missing_id",
    bad: conv(user(), calling(call()), { role: "tool", content: "18" }, assistant()),
    good: withCall(),
  },
  {
    code: "tool_call_missing_name",
    bad: conv(user(), calling({ id: "D681PevKs", function: { arguments: "{}" } })),
    good: conv(user(), calling({ id: "D681PevKs", function: { name: "now", arguments: "{}" } })),
  },
  {
    code: "invalid_function_name",
    bad: conv(user(), calling(call(undefined, "get weather"))),
    good: conv(user(), calling(call(undefined, "get-weather_2"))),
    says: 'calls "get weather"',
  },
  {
    code: "invalid_function_name",
    bad: conv(user(), calling(call(undefined, "f".repeat(65)))),
    good: conv(user(), calling(call(undefined, "f".repeat(64)))),
  },
  {
    code: "tool_call_arguments_not_string",
    bad: conv(user(), calling(call(undefined, undefined, { city: "Paris" }))),
    good: conv(user(), calling(call(undefined, undefined, "{}"))),
    says: "JSON.stringify",
  },
  {
    code: "tools_not_array",
    bad: sample({ tools: tool(), messages: [user(), assistant()] }),
    good: sample({ tools: [tool()], messages: [user(), assistant()] }),
  },
  {
    code: "tool_missing_function",
    bad: sample({ tools: [{ name: "get_weather" }], messages: [user(), assistant()] }),
    good: sample({ tools: [tool()], messages: [user(), assistant()] }),
  },
  {
    code: "tool_missing_name",
    bad: sample({ tools: [tool({ name: undefined })], messages: [user(), assistant()] }),
    good: sample({ tools: [tool({ name: "weather" })], messages: [user(), assistant()] }),
  },
  {
    code: "invalid_function_name",
    bad: sample({ tools: [tool({ name: "get.weather" })], messages: [user(), assistant()] }),
    good: sample({ tools: [tool({ name: "get_weather" })], messages: [user(), assistant()] }),
    says: 'tool 1 in "tools" is named "get.weather"',
  },
  {
    code: "tool_missing_description",
    bad: sample({ tools: [tool({ description: "" })], messages: [user(), assistant()] }),
    good: sample({ tools: [tool({ description: "d" })], messages: [user(), assistant()] }),
  },
  ...[
    { type: "string" },
    { type: "object", properties: [{ name: "city" }] },
    { type: "object", properties: { city: { type: "text" } } },
    { type: "object", properties: { city: "string" } },
    { type: "object", properties: { cities: { type: "array", items: { type: 3 } } } },
    { type: "object", required: "city" },
    { type: "object", required: ["city", "city"] },
    "object",
  ].map((parameters) => ({
    code: "tool_invalid_parameters",
    bad: sample({ tools: [tool({ parameters })], messages: [user(), assistant()] }),
    good: sample({
      tools: [
        tool({
          parameters: {
            type: "object",
            properties: {
              cities: { type: ["array", "null"], items: { type: "string" } },
              any: true,
            },
            required: ["cities"],
          },
        }),
      ],
      messages: [user(), assistant()],
    }),
  })),
  {
    code: "invalid_order",
    bad: conv(user(), result(), assistant()),
    good: withCall(),
    says: "message 2 (tool) cannot follow message 1 (user); after user comes assistant or user",
  },
  {
    code: "invalid_order",
    bad: conv(user(), calling(call()), result(), user("thanks"), assistant()),
    good: conv(user(), calling(call()), result(), assistant(), user("thanks"), assistant()),
    says: "after tool comes assistant or tool",
  },
  {
    code: "tool_results_mismatch",
    bad: conv(
      user(),
      calling(call("aaaaaaaa1"), call("aaaaaaaa2")),
      result("aaaaaaaa1"),
      assistant(),
    ),
    good: conv(
      user(),
      calling(call("aaaaaaaa1"), call("aaaaaaaa2")),
      result("aaaaaaaa1"),
      result("aaaaaaaa2"),
      assistant(),
    ),
    says: "makes 2 tool calls but is followed by 1 tool message",
  },
  {
    code: "tool_results_mismatch",
    bad: conv(user(), assistant(), result(), assistant()),
    good: conv(user(), assistant(), assistant()),
  },
  {
    code: "last_not_assistant",
    bad: conv(system(), user()),
    good: conv(system(), user(), assistant()),
    says: "the last message, message 2 (user), must be an assistant message",
  },
  { code: "single_message_role", bad: conv(assistant()), good: conv(system()) },
  {
    code: "first_not_user",
    severity: "warning",
    bad: conv(system(), assistant("Hi, ask me about the weather."), user(), assistant()),
    good: conv(system(), user(), assistant()),
  },
];

describe("sample rules", () => {
  it.each(cases)("$code: $bad", ({ code, bad, good, says, severity = "error" }) => {
    const found = issues(bad);
    expect(found.map((i) => [i.code, i.severity])).toEqual([[code, severity]]);
    expect(found[0].line).toBe(1);
    expect(found[0].message).toMatch(/^line 1[ :]/);
    if (says) expect(found[0].message).toContain(says);
    expect(issues(good)).toEqual([]);
  });

  it("names the line, the message and the fix", () => {
    const text = [
      conv(user(), assistant()),
      conv(user(), assistant()),
      withCall(),
      withCall(),
    ].join("\n");
    const bad = conv(user(), { ...calling(call()), content: "Checking" }, result(), assistant());
    const report = lintText(
      text
        .split("\n")
        .concat(Array(7).fill(conv(user(), assistant())), bad)
        .join("\n"),
    );
    expect(report.issues).toEqual([
      {
        line: 12,
        severity: "error",
        code: "assistant_content_and_tool_calls",
        message: 'line 12: message 2 (assistant) has both "content" and "tool_calls"; keep one',
      },
    ]);
  });

  it("reports every problem of a line, not only the first", () => {
    const found = issues(
      conv({ role: "bot" }, { role: "assistant", content: "a", weight: 2 }, system(), system()),
    );
    expect(found.map((i) => i.code)).toEqual(["invalid_role", "invalid_weight", "multiple_system"]);
  });

  it("accepts a full tool-use conversation with content chunks and a weighted turn", () => {
    const line = sample({
      tools: [tool()],
      messages: [
        system(),
        user([{ type: "text", text: "Weather in Paris and Rome?" }]),
        {
          ...calling(call("aaaaaaaa1"), call("aaaaaaaa2", "get_weather", '{"city":"Rome"}')),
          weight: 1,
        },
        result("aaaaaaaa1"),
        result("aaaaaaaa2"),
        assistant("Paris 18°C, Rome 24°C."),
        user("And Berlin?"),
        {
          role: "assistant",
          content: null,
          tool_calls: [{ function: { name: "get_weather", arguments: "{}" } }],
        },
      ],
    });
    expect(issues(line)).toEqual([]);
  });
});

describe("classifier samples", () => {
  const lint = (...lines: unknown[]) => lintText(lines.map((l) => JSON.stringify(l)).join("\n"));

  it("accepts text or a conversation with a label, or a list of labels, per target", () => {
    const report = lint(
      { text: "Great match!", labels: { topic: "sport", tone: ["happy", "excited"] } },
      { messages: [user("Is it raining?")], labels: { topic: "weather" } },
    );
    expect(report.issues).toEqual([]);
    expect(report.stats.sampleType).toBe("classifier");
    expect(report.stats.estimatedTokens).toBeGreaterThan(0);
  });

  it("names what is wrong with the labels or the text", () => {
    const codes = (sample: unknown) => lint(sample).issues.map((i) => [i.code, i.message]);
    expect(codes({ text: "x", labels: ["sport"] })).toEqual([
      [
        "classifier_labels_not_object",
        'line 1: "labels" must be an object of target: label, found an array',
      ],
    ]);
    expect(codes({ text: "x", labels: {} })[0][0]).toBe("classifier_labels_empty");
    expect(codes({ text: "x", labels: { topic: 3, tone: [] } })).toEqual([
      [
        "classifier_label_invalid",
        'line 1: the label of target "topic" must be a non-empty string or a list of them, found a number',
      ],
      [
        "classifier_label_invalid",
        'line 1: the label of target "tone" must be a non-empty string or a list of them, found an array',
      ],
    ]);
    expect(codes({ labels: { topic: "sport" } })).toEqual([
      ["classifier_text_missing", 'line 1: has "labels" but no "text" (or "messages") to label'],
    ]);
    expect(codes({ messages: [{ content: "hi" }], labels: { topic: "sport" } })[0][0]).toBe(
      "classifier_message_invalid",
    );
  });

  it("does not mix with instruct samples in one file", () => {
    const report = lint(
      { text: "Great match!", labels: { topic: "sport" } },
      { messages: [user(), assistant()] },
    );
    expect(report.issues.map((i) => i.code)).toEqual(["mixed_sample_types"]);
  });
});
