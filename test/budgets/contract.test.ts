// The rules the teams, prices and budgets schemas carry, as the routes and the forms both apply them.
import { describe, expect, it } from "vitest";
import { createBudgetBody, updateBudgetBody } from "@/lib/console/budgets";
import { formatUsd, putPriceBody, usdToNanos } from "@/lib/console/prices";
import { createTeamBody, putMemberBody } from "@/lib/console/teams";

describe("teams", () => {
  it("a team's name is 1 to 64 characters once trimmed; a member is an admin or a member", () => {
    expect(createTeamBody.parse({ name: "  Research " })).toEqual({ name: "Research" });
    expect(createTeamBody.safeParse({ name: "  " }).success).toBe(false);
    expect(createTeamBody.safeParse({ name: "n".repeat(65) }).success).toBe(false);
    expect(putMemberBody.safeParse({ teamRole: "admin" }).success).toBe(true);
    expect(putMemberBody.safeParse({ teamRole: "owner" }).error?.issues[0].path).toEqual([
      "teamRole",
    ]);
  });
});

describe("prices", () => {
  it("a price is USD as decimal text or null (unknown); leaving one out means unknown", () => {
    expect(putPriceBody.parse({ model: " m ", inputPerM: "0.15" })).toEqual({
      model: "m",
      inputPerM: "0.15",
      outputPerM: null,
      perOcrPage: null,
      perAudioMinute: null,
    });
    for (const bad of ["-1", "1e3", "0.1234567891", "abc", ""]) {
      expect(putPriceBody.safeParse({ model: "m", inputPerM: bad }).success, bad).toBe(false);
    }
    expect(putPriceBody.safeParse({ model: "", inputPerM: "1" }).success).toBe(false);
  });

  it("dollars convert to nano-dollars exactly and back", () => {
    expect(usdToNanos("0.15")).toBe(150_000_000);
    expect(usdToNanos("12.000000001")).toBe(12_000_000_001);
    expect(usdToNanos("1,5")).toBeNull();
    expect(formatUsd(150_000_000)).toBe("$0.15");
    expect(formatUsd(12_000_000_001)).toBe("$12.000000001");
    expect(formatUsd(1_234_000_000_000)).toBe("$1,234.00");
  });
});

describe("budgets", () => {
  const base = { scope: "team", subjectId: "t1", period: "month" };
  it("a budget needs a token limit, a cost limit or both; soft threshold 80 % unless set", () => {
    expect(createBudgetBody.parse({ ...base, maxTokens: 1000 })).toMatchObject({
      maxTokens: 1000,
      maxCostNanos: null,
      softPercent: 80,
    });
    expect(createBudgetBody.safeParse(base).error?.issues[0].path).toEqual(["maxTokens"]);
    expect(createBudgetBody.safeParse({ ...base, period: "week", maxTokens: 1 }).success).toBe(
      false,
    );
    expect(createBudgetBody.safeParse({ ...base, maxTokens: 0 }).success).toBe(false);
    expect(createBudgetBody.safeParse({ ...base, maxTokens: 1.5 }).success).toBe(false);
    expect(updateBudgetBody.safeParse({ softPercent: 101 }).success).toBe(false);
    expect(updateBudgetBody.parse({ maxTokens: null })).toEqual({ maxTokens: null });
  });
});
