// Moderations and classifications: today's shapes (spec + SDK 2.x zod), deterministic scores
// that a category's words raise, and the same answers inside a batch job.
import {
  ClassificationResponse$inboundSchema,
  ModerationResponse$inboundSchema,
} from "@mistralai/mistralai/models/components";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock, openSandbox, type TestSandbox } from "./test/helpers";
import { todayApi } from "./test/today";

type Scores = Record<string, number>;
interface Moderation {
  model: string;
  results: { categories: Record<string, boolean>; category_scores: Scores }[];
  usage: { prompt_tokens: number };
}

let t: TestSandbox | undefined;
afterEach(() => t?.close());

describe("moderations", () => {
  it("flags the category whose words appear, and only that one", async () => {
    t = openSandbox();
    const res = await todayApi<Moderation>(t, "POST", "/v1/moderations", {
      model: "mistral-moderation-latest",
      input: ["I will kill you", "What a nice day"],
    });
    expect(res.status).toBe(200);
    ModerationResponse$inboundSchema.parse(res.body);
    const [threat, calm] = res.body.results;
    expect(Object.entries(threat.categories).filter(([, v]) => v)).toEqual([
      ["violence_and_threats", true],
    ]);
    expect(Object.values(calm.categories).some(Boolean)).toBe(false);
    expect(calm.category_scores.violence_and_threats).toBeLessThan(0.01);
    expect(res.body.usage.prompt_tokens).toBeGreaterThan(0);

    // Deterministic: the same text scores the same.
    const again = await todayApi<Moderation>(t, "POST", "/v1/moderations", {
      model: "mistral-moderation-latest",
      input: "What a nice day",
    });
    expect(again.body.results[0]).toEqual(calm);
  });

  it("moderates conversations on /v1/chat/moderations", async () => {
    t = openSandbox();
    const res = await todayApi<Moderation>(t, "POST", "/v1/chat/moderations", {
      model: "mistral-moderation-latest",
      input: [
        { role: "user", content: "Where can I invest in crypto?" },
        { role: "assistant", content: "Ask your bank." },
      ],
    });
    expect(res.status).toBe(200);
    ModerationResponse$inboundSchema.parse(res.body);
    expect(res.body.results).toHaveLength(1);
    expect(res.body.results[0].categories.financial).toBe(true);
  });

  it("refuses a model that is not a moderation model, and a body off the schema", async () => {
    t = openSandbox();
    const wrong = await todayApi(t, "POST", "/v1/moderations", {
      model: "mistral-small-latest",
      input: "hello",
    });
    expect(wrong.status).toBe(400);
    const missing = await todayApi(t, "POST", "/v1/moderations", { input: "hello" });
    expect(missing.status).toBe(422);
  });
});

describe("classifications", () => {
  it("answers a moderation target per input, plain and chat", async () => {
    t = openSandbox();
    const plain = await todayApi<{ results: Record<string, { scores: Scores }>[] }>(
      t,
      "POST",
      "/v1/classifications",
      { model: "mistral-moderation-latest", input: "my password is hunter2" },
    );
    expect(plain.status).toBe(200);
    ClassificationResponse$inboundSchema.parse(plain.body);
    expect(plain.body.results[0].moderation.scores.pii).toBeGreaterThanOrEqual(0.5);

    const chat = await todayApi<{ results: unknown[] }>(t, "POST", "/v1/chat/classifications", {
      model: "mistral-moderation-latest",
      input: [
        { messages: [{ role: "user", content: "see a doctor about that symptom" }] },
        { messages: [{ role: "user", content: "hello" }] },
      ],
    });
    expect(chat.status).toBe(200);
    ClassificationResponse$inboundSchema.parse(chat.body);
    expect(chat.body.results).toHaveLength(2);
  });

  it("run inside a batch job", async () => {
    const clock = manualClock();
    t = openSandbox({ now: clock.now, speed: 1 });
    const created = await todayApi<{ id: string }>(t, "POST", "/v1/batch/jobs", {
      endpoint: "/v1/moderations",
      model: "mistral-moderation-latest",
      requests: [{ custom_id: "x", body: { input: "a bomb" } }],
    });
    clock.advance(10_000);
    const done = await todayApi(t, "GET", `/v1/batch/jobs/${created.body.id}?inline=true`);
    expect(done.body).toMatchObject({ status: "SUCCESS", succeeded_requests: 1 });
    const [line] = done.body.outputs as { response: { body: Moderation } }[];
    expect(line.response.body.results[0].categories.dangerous_and_criminal_content).toBe(true);
  });
});
