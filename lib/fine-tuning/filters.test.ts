import { describe, expect, it } from "vitest";
import { metricsCsv } from "./csv";
import { emptyView, viewFromParams, viewToFilters, viewToParams } from "./filters";

describe("list filters <-> URL", () => {
  it("round-trips every filter of the API through the URL", () => {
    const view = {
      ...emptyView(),
      status: "RUNNING" as const,
      model: "mistral-small-latest",
      suffix: "support",
      createdAfter: "2026-01-02T03:04:00.000Z",
      createdByMe: true,
      wandbProject: "proj",
      wandbName: "run",
      page: 2,
      pageSize: 50,
    };
    const params = viewToParams(view);
    expect(viewFromParams(new URLSearchParams(params.toString()))).toEqual(view);
    expect(viewToFilters(view)).toEqual({
      page: 2,
      page_size: 50,
      status: "RUNNING",
      model: "mistral-small-latest",
      suffix: "support",
      created_after: "2026-01-02T03:04:00.000Z",
      created_by_me: true,
      wandb_project: "proj",
      wandb_name: "run",
    });
  });

  it("keeps the default view out of the URL and ignores nonsense", () => {
    expect(viewToParams(emptyView()).toString()).toBe("");
    const v = viewFromParams(
      new URLSearchParams("status=BOGUS&page=-1&page_size=7&created_after=x"),
    );
    expect(v).toEqual(emptyView());
  });
});

describe("metricsCsv", () => {
  it("writes one row per checkpoint in step order, empty cells for missing metrics", () => {
    const csv = metricsCsv([
      {
        step_number: 20,
        created_at: 1_700_000_100,
        metrics: { train_loss: 0.5, valid_loss: null },
      },
      {
        step_number: 10,
        created_at: 1_700_000_000,
        metrics: { train_loss: 0.9, valid_loss: 1.1, valid_mean_token_accuracy: 0.6 },
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "step,created_at,train_loss,valid_loss,valid_mean_token_accuracy",
      "10,2023-11-14T22:13:20.000Z,0.9,1.1,0.6",
      "20,2023-11-14T22:15:00.000Z,0.5,,",
      "",
    ]);
  });
});
