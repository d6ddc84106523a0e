import { describe, expect, it } from "vitest";
import {
  addMessage,
  addToolResults,
  conversationIssue,
  deleteMessage,
  pendingToolCalls,
  titleFrom,
  truncateAfter,
  updateMessage,
  withoutLastAnswer,
} from "./messages";
import type { ChatMessage } from "./types";

const user = (id: string, content = id): ChatMessage => ({ id, role: "user", content });
const answer = (id: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  role: "assistant",
  content: id,
  ...extra,
});
const call = (id: string, name = "get_weather") => ({
  id,
  function: { name, arguments: "{}" },
});

describe("message list", () => {
  it("adds, edits and deletes messages without touching the others", () => {
    let list = addMessage([], "user", "hi");
    list = addMessage(list, "assistant", "hello");
    expect(list.map((m) => [m.role, m.content])).toEqual([
      ["user", "hi"],
      ["assistant", "hello"],
    ]);
    const [first, second] = list;
    list = updateMessage(list, second.id, { content: "hello there", prefix: true });
    expect(list[1]).toMatchObject({ content: "hello there", prefix: true });
    expect(list[0]).toBe(first);
    list = deleteMessage(list, first.id);
    expect(list.map((m) => m.content)).toEqual(["hello there"]);
  });

  it("drops assistant-only fields when a message's role changes", () => {
    const list = updateMessage([answer("a", { prefix: true, toolCalls: [call("c1")] })], "a", {
      role: "user",
    });
    expect(list[0]).toEqual({ id: "a", role: "user", content: "a" });
  });

  it("deleting an answer with tool calls also deletes the results given for them", () => {
    const list: ChatMessage[] = [
      user("u"),
      answer("a", { toolCalls: [call("c1")] }),
      { id: "t", role: "tool", content: "18°C", toolCallId: "c1", name: "get_weather" },
      user("u2"),
    ];
    expect(deleteMessage(list, "a").map((m) => m.id)).toEqual(["u", "u2"]);
  });

  it("edit-and-resend keeps the messages up to the edited one", () => {
    const list = [user("u1"), answer("a1"), user("u2"), answer("a2")];
    expect(truncateAfter(list, "u2").map((m) => m.id)).toEqual(["u1", "a1", "u2"]);
  });

  it("regenerate drops the last answer but keeps a prefix the user wrote", () => {
    expect(withoutLastAnswer([user("u"), answer("a")]).map((m) => m.id)).toEqual(["u"]);
    expect(withoutLastAnswer([user("u"), answer("p", { prefix: true })]).map((m) => m.id)).toEqual([
      "u",
      "p",
    ]);
  });

  it("knows which tool calls still wait for a result", () => {
    const asked: ChatMessage[] = [
      user("u"),
      answer("a", { toolCalls: [call("c1"), call("c2", "get_time")] }),
    ];
    expect(pendingToolCalls(asked).map((c) => c.id)).toEqual(["c1", "c2"]);
    expect(conversationIssue(asked)).toMatch(/result for every tool call/);

    const oneAnswered = addToolResults(asked, [{ call: call("c1"), content: "18°C" }]);
    expect(oneAnswered[2]).toMatchObject({
      role: "tool",
      content: "18°C",
      toolCallId: "c1",
      name: "get_weather",
    });
    expect(pendingToolCalls(oneAnswered).map((c) => c.id)).toEqual(["c2"]);

    const all = addToolResults(oneAnswered, [{ call: call("c2", "get_time"), content: "noon" }]);
    expect(pendingToolCalls(all)).toEqual([]);
    expect(conversationIssue(all)).toBeNull();
  });

  it("says why a list cannot be sent", () => {
    expect(conversationIssue([])).toMatch(/Write a message/);
    expect(conversationIssue([user("u"), answer("a")])).toMatch(/ends with an answer/);
    expect(conversationIssue([user("u"), answer("p", { prefix: true })])).toBeNull();
    expect(conversationIssue([user("u"), answer("p", { prefix: true }), user("u2")])).toMatch(
      /Only the last message/,
    );
  });

  it("titles a conversation by its first user message", () => {
    expect(titleFrom([])).toBe("New conversation");
    expect(titleFrom([user("u", "  What is FIM?\nMore")])).toBe("What is FIM?");
    expect(titleFrom([user("u", "x".repeat(100))])).toHaveLength(58);
  });
});
