import { describe, expect, it } from "vitest";
import { daysBetween, tokensPerDay, totalsBy, unitTotals, type UsageRow } from "./usage";

const row = (day: string, model: string, user: string, total: number): UsageRow => ({
  day,
  model,
  userId: user,
  userEmail: `${user}@example.com`,
  requests: 1,
  promptTokens: total - 1,
  completionTokens: 1,
  totalTokens: total,
});

describe("usage shaping", () => {
  const rows = [
    row("2026-11-23", "small", "ada", 10),
    row("2026-11-23", "large", "ada", 100),
    row("2026-11-25", "small", "bob", 5),
  ];

  it("lists every day of the range, empty ones too", () => {
    expect(daysBetween("2026-11-23T00:00:00.000Z", "2026-11-26T00:00:00.000Z")).toEqual([
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
    ]);
  });

  it("stacks tokens per model per day, biggest model first", () => {
    const { models, data } = tokensPerDay(rows, ["2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(models).toEqual(["large", "small"]);
    expect(data).toEqual([
      { day: "2026-11-23", small: 10, large: 100 },
      { day: "2026-11-24" },
      { day: "2026-11-25", small: 5 },
    ]);
  });

  it("totals per user with a grand total", () => {
    const { list, all } = totalsBy(rows, (r) => r.userEmail);
    expect(list.map((g) => [g.name, g.totalTokens, g.requests])).toEqual([
      ["ada@example.com", 110, 2],
      ["bob@example.com", 5, 1],
    ]);
    expect(all).toEqual({ requests: 3, promptTokens: 112, completionTokens: 3, totalTokens: 115 });
  });

  it("sums other units per operation, model and unit, largest first", () => {
    const unit = (day: string, operation: string, unit: "pages" | "audio_seconds", n: number) => ({
      day,
      operation,
      model: operation === "ocr" ? "mistral-ocr-2512" : null,
      userId: "ada",
      userEmail: "ada@example.com",
      unit,
      requests: 1,
      quantity: n,
    });
    const totals = unitTotals([
      unit("2026-11-23", "ocr", "pages", 3),
      unit("2026-11-24", "audio.transcriptions", "audio_seconds", 90),
      unit("2026-11-24", "ocr", "pages", 4),
    ]);
    expect(totals.map((t) => [t.operation, t.model, t.unit, t.requests, t.quantity])).toEqual([
      ["audio.transcriptions", null, "audio_seconds", 1, 90],
      ["ocr", "mistral-ocr-2512", "pages", 2, 7],
    ]);
  });
});
