import { describe, expect, it } from "vitest";
import type { EmbeddingRequest } from "@/lib/mistral/seed-types";
import { countTokens } from "@/lib/mistral/tokens";
import { embeddings } from ".";
import { expectSchema, testContext } from "./testing";

type Answer = {
  data: { embedding: number[]; index: number; object: string }[];
  usage: Record<string, number>;
  model: string;
  object: string;
  id: string;
};

async function embed(input: EmbeddingRequest["input"], extra: Partial<EmbeddingRequest> = {}) {
  const res = await embeddings({ model: "mistral-embed", input, ...extra }, testContext());
  const json = await res.json();
  // The spec declares only the list of floats; a base64 answer is a string (as openai clients ask).
  if (res.status === 200 && extra.encoding_format !== "base64") {
    expectSchema("EmbeddingResponse", json);
  }
  return { status: res.status, json, answer: json as Answer };
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("embeddings", () => {
  it("returns one 1024-dimensional unit vector per input, in order, with usage", async () => {
    const input = ["The cat sat on the mat.", "Quarterly revenue grew by 4%.", ""];
    const { answer } = await embed(input);
    expect(answer).toMatchObject({ object: "list", model: "mistral-embed" });
    expect(answer.data.map((d) => [d.object, d.index])).toEqual([
      ["embedding", 0],
      ["embedding", 1],
      ["embedding", 2],
    ]);
    for (const { embedding } of answer.data) {
      expect(embedding).toHaveLength(1024);
      expect(Math.sqrt(dot(embedding, embedding))).toBeCloseTo(1, 9);
    }
    const tokens = input.reduce((n, t) => n + countTokens(t), 0);
    expect(answer.usage).toEqual({
      prompt_tokens: tokens,
      completion_tokens: 0,
      total_tokens: tokens,
    });
  });

  it("accepts a single string and is deterministic per text", async () => {
    const one = await embed("Paris is the capital of France");
    const again = await embed(["Other text", "Paris is the capital of France"]);
    expect(one.answer.data).toHaveLength(1);
    expect(again.answer.data[1].embedding).toEqual(one.answer.data[0].embedding);
  });

  it("scores texts that share words above unrelated ones", async () => {
    const { answer } = await embed([
      "How do I train a fine-tuned model on my data?",
      "Training a fine-tuned model on custom data",
      "The recipe needs three eggs and some flour.",
      "Fine-tuning the model with my own training data",
    ]);
    const [query, close, unrelated, closeToo] = answer.data.map((d) => d.embedding);
    expect(dot(query, close)).toBeGreaterThan(dot(query, unrelated) + 0.2);
    expect(dot(query, closeToo)).toBeGreaterThan(dot(query, unrelated) + 0.2);
    expect(Math.abs(dot(query, unrelated))).toBeLessThan(0.2);
  });

  it("refuses other models and empty input; answers base64 as float32 bytes", async () => {
    const chatModel = await embed("hi", { model: "mistral-small-latest" });
    expect(chatModel.status).toBe(400);
    expect(chatModel.json.message).toMatch(/does not support embeddings/);
    expect((await embed("hi", { model: "nope" })).json.message).toBe("Invalid model: nope");
    expect((await embed([])).status).toBe(400);
    const b64 = await embed("hi", { encoding_format: "base64" });
    expect(b64.status).toBe(200);
    const floats = (await embed("hi")).json.data[0].embedding as number[];
    const bytes = Buffer.from(b64.json.data[0].embedding as string, "base64");
    const decoded = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    expect(decoded).toHaveLength(1024);
    expect(decoded[0]).toBeCloseTo(floats[0], 6);
    expect((await embed("hi", { encoding_format: "float" })).status).toBe(200);
  });

  it("refuses a text beyond the model's context length", async () => {
    const { status, json } = await embed(["short", "word ".repeat(9000)]);
    expect(status).toBe(400);
    expect(json.message).toMatch(/Input 1 contains \d+ tokens, too large for model with 8192/);
  });
});
