// @vitest-environment jsdom
// Budgets as a person meets them: the budget and price forms refuse what the server would, under
// the field concerned; waits and resets read in hours and days; the banner shows a budget over its
// threshold until dismissed for that period; a budget 429 in the playground says everything.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { RunError } from "@/components/playground/run-error";
import { ApiError } from "@/lib/api/errors";
import { consoleBudgetKeys } from "@/lib/api/hooks/use-console-budgets";
import { consoleTeamKeys } from "@/lib/api/hooks/use-console-teams";
import type { BudgetStatus } from "@/lib/console/budgets";
import type { MeUsageResponse } from "@/lib/console/me-usage";
import { BudgetBanner } from "./budget-banner";
import { BudgetDialog } from "./budgets-page";
import { bannerBudgets, bannerKey, formatResetsAt, formatWait, keepDismissed } from "./format";
import { MyUsagePage } from "./my-usage-page";
import { PriceDialog, priceRows } from "./prices-page";
import { costsBy } from "@/components/auth/usage-page";

vi.mock("next/navigation", () => ({ usePathname: () => "/playground" }));

const session: ConsoleSession = {
  user: { id: "u-1", email: "member@example.com", name: "Member", role: "admin" },
  authMode: "on",
};

function renderWith(ui: React.ReactNode, client = new QueryClient()) {
  return render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </SessionProvider>,
  );
}

/** Every request answered with `body` (status 200 unless told), recorded. */
function answer(body: unknown, status = 200) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json(body, { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const errorOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")
    ?.textContent;

const NOW = Date.parse("2026-12-06T20:40:00Z");

function status(over: Partial<BudgetStatus> = {}): BudgetStatus {
  return {
    budgetId: "b-team",
    scope: "team",
    subjectId: "t-1",
    subjectName: "Research",
    period: "day",
    periodStart: "2026-12-06T00:00:00.000Z",
    resetsAt: "2026-12-07T00:00:00.000Z",
    softPercent: 80,
    maxTokens: 1000,
    usedTokens: 700,
    reservedTokens: 150,
    leftTokens: 150,
    maxCostNanos: null,
    usedCostNanos: 0,
    reservedCostNanos: 0,
    leftCostNanos: null,
    warning: true,
    exceeded: false,
    ...over,
  };
}

function meUsage(budgets: BudgetStatus[]): MeUsageResponse {
  return {
    user: { id: "u-1", email: "member@example.com" },
    team: { id: "t-1", name: "Research", role: "member" },
    tokenId: null,
    budgets,
    warning: budgets.some((b) => b.warning || b.exceeded),
    from: "2026-12-05T00:00:00.000Z",
    to: "2026-12-07T00:00:00.000Z",
    byModel: [
      {
        model: "mistral-small-latest",
        requests: 3,
        promptTokens: 500,
        completionTokens: 200,
        totalTokens: 700,
        costNanos: 1_250_000,
      },
      {
        model: "unpriced-model",
        requests: 1,
        promptTokens: 10,
        completionTokens: 5,
        totalTokens: 15,
        costNanos: null,
      },
    ],
    byDay: [{ day: "2026-12-06", requests: 4, totalTokens: 715, costNanos: 1_250_000 }],
  };
}

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("waits and resets", () => {
  it.each([
    [3, "3 s"],
    [0.2, "1 s"],
    [60, "1 min"],
    [250, "4 min 10 s"],
    [3 * 3600 + 20 * 60, "3 h 20 min"],
    [86_399, "23 h 59 min"],
    [2 * 86_400 + 4 * 3600 + 59, "2 d 4 h"],
  ])("%s s reads %s", (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });

  it("says when a budget resets, in UTC", () => {
    expect(formatResetsAt("2026-12-07T00:00:00.000Z", NOW)).toBe(
      "resets in 3 h 20 min (Mon 7 Dec, 00:00 UTC)",
    );
  });
});

describe("the banner's choice", () => {
  const warning = status();
  const within80 = status({ budgetId: "b-me", scope: "user", warning: false });
  const exceeded = status({ warning: true, exceeded: true });

  it("tells about budgets over their threshold that are not dismissed this period", () => {
    expect(bannerBudgets([warning, within80], [])).toEqual([warning]);
    expect(bannerBudgets([warning], [bannerKey(warning)])).toEqual([]);
    // The next period, or the warning becoming the hard limit, shows it again.
    const tomorrow = { ...warning, periodStart: "2026-12-07T00:00:00.000Z" };
    expect(bannerBudgets([tomorrow], [bannerKey(warning)])).toEqual([tomorrow]);
    expect(bannerBudgets([exceeded], [bannerKey(warning)])).toEqual([exceeded]);
  });

  it("forgets dismissals of periods that are over", () => {
    const old = bannerKey({ ...warning, periodStart: "2026-12-05T00:00:00.000Z" });
    expect(keepDismissed([old, bannerKey(warning), bannerKey(exceeded)], [warning])).toEqual([
      bannerKey(warning),
      bannerKey(exceeded),
    ]);
  });

  it("shows across the console until dismissed, and stays dismissed for the period", async () => {
    const fetch = answer(meUsage([status()]));
    renderWith(<BudgetBanner />);
    const banner = await screen.findByRole("status");
    expect(banner.textContent).toContain("Team Research is over 80 % of its limit");
    expect(banner.textContent).toMatch(/resets in .* \(Mon 7 Dec, 00:00 UTC\)/);
    await userEvent.setup().click(within(banner).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("status")).toBeNull();
    cleanup();
    renderWith(<BudgetBanner />);
    // The same answer arrives; the banner stays away.
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows nothing when no budget is over its threshold", async () => {
    const fetch = answer(meUsage([status({ warning: false })]));
    renderWith(<BudgetBanner />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(screen.queryByRole("status")).toBeNull();
  });
});

describe("My usage", () => {
  it("shows each budget's used, reserved and left, and cost only where priced", async () => {
    answer(meUsage([status()]));
    renderWith(<MyUsagePage />);
    const bar = await screen.findByRole("progressbar", { name: "Team Research: tokens" });
    expect(bar.getAttribute("aria-valuetext")).toBe(
      "700 tokens used, 150 tokens reserved, 150 tokens left of 1,000 tokens",
    );
    expect(screen.getByRole("region", { name: "Team Research" }).textContent).toContain(
      "over 80 %",
    );
    const perModel = screen.getByRole("table", { name: "My usage per model" });
    const priced = within(perModel).getByRole("row", { name: /mistral-small-latest/ });
    expect(priced.textContent).toContain("$0.00125");
    const unpriced = within(perModel).getByRole("row", { name: /unpriced-model/ });
    expect(within(unpriced).getByTitle(/no price set/i).textContent).toBe("—");
  });

  it("says when no budget applies", async () => {
    answer(meUsage([]));
    renderWith(<MyUsagePage />);
    expect(await screen.findByText(/No budget applies to you/)).toBeTruthy();
  });
});

describe("Add budget", () => {
  function open() {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(consoleTeamKeys.list(), [
      { id: "t-1", name: "Research", createdAt: "2026-12-01T00:00:00.000Z", members: [] },
    ]);
    client.setQueryData(consoleBudgetKeys.list(), []);
    renderWith(<BudgetDialog onClose={vi.fn()} />, client);
    return userEvent.setup();
  }
  const submit = (user: ReturnType<typeof userEvent.setup>) =>
    user.click(screen.getByRole("button", { name: "Add budget" }));

  it("names the field it refuses, before sending anything", async () => {
    const fetch = answer({});
    const user = open();
    await user.selectOptions(screen.getByLabelText("Team"), "t-1");
    await submit(user);
    const tokens = screen.getByLabelText("Token limit");
    await waitFor(() => expect(errorOf(tokens)).toBe("Set a token limit, a cost limit, or both."));

    await user.type(tokens, "1.5");
    await user.type(screen.getByLabelText("Cost limit (USD)"), "ten dollars");
    await user.clear(screen.getByLabelText("Warn at (%)"));
    await user.type(screen.getByLabelText("Warn at (%)"), "150");
    await submit(user);
    await waitFor(() => expect(errorOf(tokens)).toMatch(/^Use a whole number of tokens/));
    expect(errorOf(screen.getByLabelText("Cost limit (USD)"))).toMatch(
      /^Use an amount in US dollars/,
    );
    expect(errorOf(screen.getByLabelText("Warn at (%)"))).toBe(
      "Use a whole percentage from 1 to 100.",
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends tokens as a number and dollars as exact nano-dollars", async () => {
    const fetch = answer({}, 409);
    const user = open();
    await user.selectOptions(screen.getByLabelText("Team"), "t-1");
    await user.selectOptions(screen.getByLabelText("Period"), "day");
    await user.type(screen.getByLabelText("Token limit"), "1,000,000");
    await user.type(screen.getByLabelText("Cost limit (USD)"), "$25.50");
    await submit(user);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(fetch.mock.calls[0][0]).toBe("/api/console/budgets");
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({
      scope: "team",
      subjectId: "t-1",
      period: "day",
      maxTokens: 1_000_000,
      maxCostNanos: 25_500_000_000,
      softPercent: 80,
    });
  });
});

describe("Prices", () => {
  const row = { model: "mistral-small-2503", aliases: ["mistral-small-latest"], price: null };

  it("refuses what is not an amount, under its field", async () => {
    const fetch = answer({});
    renderWith(<PriceDialog row={{ ...row, unlisted: false }} onClose={vi.fn()} />);
    const user = userEvent.setup();
    const input = screen.getByLabelText("Input, per million tokens (USD)");
    await user.type(input, "0,15");
    await user.click(screen.getByRole("button", { name: "Save prices" }));
    await waitFor(() =>
      expect(errorOf(input)).toBe(
        "Use an amount in US dollars such as 0.15 (up to 9 decimals), or leave it empty.",
      ),
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sets the model and its aliases; an empty price is unknown, never 0", async () => {
    const onClose = vi.fn();
    const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) =>
      Response.json({
        price: {
          ...JSON.parse(String(init?.body)),
          source: "admin",
          updatedAt: "2026-12-06T00:00:00.000Z",
          updatedBy: "admin@example.com",
        },
      }),
    );
    vi.stubGlobal("fetch", fetch);
    renderWith(<PriceDialog row={{ ...row, unlisted: false }} onClose={onClose} />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Input, per million tokens (USD)"), "$0.1");
    await user.type(screen.getByLabelText("Output, per million tokens (USD)"), "0.3");
    await user.click(screen.getByRole("button", { name: "Save prices" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const bodies = fetch.mock.calls.map(([, init]) => JSON.parse(String(init?.body)));
    expect(bodies).toEqual(
      ["mistral-small-2503", "mistral-small-latest"].map((model) => ({
        model,
        inputPerM: "0.1",
        outputPerM: "0.3",
        perOcrPage: null,
        perAudioMinute: null,
      })),
    );
    expect(fetch.mock.calls.every(([, init]) => init?.method === "PUT")).toBe(true);
  });
});

describe("prices in the tables", () => {
  const price = (model: string, inputPerM: string | null) => ({
    model,
    inputPerM,
    outputPerM: null,
    perOcrPage: null,
    perAudioMinute: null,
    source: "admin" as const,
    updatedAt: "2026-12-06T00:00:00.000Z",
    updatedBy: "admin@example.com",
  });

  it("lists every model once with its price, and priced names the API no longer lists", () => {
    const rows = priceRows(
      [
        { id: "mistral-small-2503", aliases: ["mistral-small-latest"] },
        { id: "codestral-2501", aliases: [] },
      ],
      [price("mistral-small-latest", "0.1"), price("retired-model", "2")],
    );
    expect(rows.map((r) => [r.model, r.price?.inputPerM ?? null, r.unlisted])).toEqual([
      ["mistral-small-2503", "0.1", false],
      ["codestral-2501", null, false],
      ["retired-model", "2", true],
    ]);
  });

  it("sums cost over priced calls only, and has none where nothing was priced", () => {
    const costs = costsBy(
      [
        { model: "a", costNanos: 1_000 },
        { model: "a", costNanos: null },
        { model: "b", costNanos: null },
        { model: "a", costNanos: 500 },
      ],
      (r) => r.model,
    );
    expect(Object.fromEntries(costs)).toEqual({ "": 1_500, a: 1_500, b: null });
    expect(costsBy([{ model: "b", costNanos: null }], (r) => r.model).get("")).toBeNull();
  });
});

describe("a budget's 429 in the playground", () => {
  it("shows the whole message and waits for Retry-After, in hours", () => {
    vi.useFakeTimers();
    const message =
      "Team Research's daily budget: 1,000 of 1,000 tokens used; resets Mon 7 Dec, 00:00 UTC.";
    const onRetry = vi.fn();
    render(
      <RunError
        error={new ApiError(message, { status: 429, code: "budget_exceeded", retryAfter: 86_399 })}
        onRetry={onRetry}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Budget reached");
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain("You can retry in 23 h 59 min.");
    expect(alert.textContent).not.toContain("86399");
    const retry = screen.getByRole("button", { name: "Retry in 23 h 59 min" });
    expect((retry as HTMLButtonElement).disabled).toBe(true);
    act(() => {
      vi.advanceTimersByTime(86_399_000);
    });
    expect((screen.getByRole("button", { name: "Retry" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });
});
