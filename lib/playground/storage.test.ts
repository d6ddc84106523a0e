import { describe, expect, it } from "vitest";
import { exportFileName, exportMarkdown, loadConversations, STORAGE_KEY } from "./storage";
import { DEFAULT_PARAMS, type Conversation } from "./types";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const conv = (id: string, updatedAt: number, extra: Partial<Conversation> = {}): Conversation => ({
  id,
  title: `Chat ${id}`,
  system: "Be brief.",
  messages: [
    { id: "u", role: "user", content: "What is ```code```?" },
    {
      id: "a",
      role: "assistant",
      content: "An answer.",
      toolCalls: [{ id: "c1", function: { name: "lookup", arguments: '{"q":"code"}' } }],
      metrics: {
        model: "mistral-small-latest",
        ttftMs: 10,
        tokensPerSecond: 50,
        usage: null,
        finishReason: "tool_calls",
      },
    },
    { id: "t", role: "tool", content: "{}", name: "lookup", toolCallId: "c1" },
  ],
  settings: {
    mode: "model",
    model: "mistral-small-latest",
    agentId: "",
    params: { ...DEFAULT_PARAMS, temperature: 0.2 },
    tools: [],
    toolChoice: "auto",
  },
  createdAt: 1,
  updatedAt,
  ...extra,
});

describe("conversations an older console saved in the browser", () => {
  it("are read back newest first, as they were saved", () => {
    const s = memoryStorage();
    s.setItem(STORAGE_KEY, JSON.stringify([conv("a", 1), conv("b", 2)]));
    const back = loadConversations(s);
    expect(back.map((c) => c.id)).toEqual(["b", "a"]);
    expect(back[1]).toEqual(conv("a", 1));
  });

  it("skip broken entries instead of losing all of them, and fill missing parameters", () => {
    const s = memoryStorage();
    const old = conv("old", 5) as unknown as Record<string, unknown>;
    (old.settings as Record<string, unknown>).params = { temperature: 0.1 };
    s.setItem(STORAGE_KEY, JSON.stringify([{ id: 3 }, old, "junk"]));
    const back = loadConversations(s);
    expect(back).toHaveLength(1);
    expect(back[0].settings.params).toEqual({ ...DEFAULT_PARAMS, temperature: 0.1 });
    s.setItem(STORAGE_KEY, "{not json");
    expect(loadConversations(s)).toEqual([]);
  });

  it("export as Markdown keeps every message and fences code safely", () => {
    const md = exportMarkdown(conv("a", 1));
    expect(md).toContain("# Chat a");
    expect(md).toContain("Model: `mistral-small-latest`");
    expect(md).toContain("## System\n\nBe brief.");
    expect(md).toContain("## User\n\nWhat is ```code```?");
    expect(md).toContain("## Assistant (mistral-small-latest)");
    expect(md).toContain('Tool call `lookup`:\n\n```json\n{"q":"code"}\n```');
    expect(md).toContain("## Tool result (lookup)");
    expect(exportFileName(conv("a", 1, { title: "What's up? / today" }), "md")).toBe(
      "Whats-up-today.md",
    );
  });
});
