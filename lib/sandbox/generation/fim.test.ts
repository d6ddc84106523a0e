import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import type { FIMCompletionRequest } from "@/lib/mistral/seed-types";
import { countTokens } from "@/lib/mistral/tokens";
import { fimCompletion } from ".";
import { expectCompletionSchema, testContext } from "./testing";

type Answer = {
  model: string;
  choices: { message: { content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number };
};

async function fim(body: Partial<FIMCompletionRequest> & { prompt: string }) {
  const res = await fimCompletion(
    { model: "codestral-latest", ...body } as FIMCompletionRequest,
    testContext(),
  );
  const json = await res.json();
  if (res.status === 200) expectCompletionSchema("FIMCompletionResponse", json);
  const answer = json as Answer;
  return { status: res.status, json, answer, middle: answer.choices?.[0].message.content };
}

/** Whether JavaScript source compiles (it is not run). */
const compiles = (source: string) => {
  try {
    new Script(source);
    return true;
  } catch {
    return false;
  }
};

describe("FIM completions", () => {
  it("writes a Python body at the block's indentation, naming the function", async () => {
    const prompt = "def fibonacci(n):\n";
    const suffix = "\n\nprint(fibonacci(10))\n";
    for (const random_seed of [1, 2, 3, 4]) {
      const { middle, answer, json } = await fim({ prompt, suffix, random_seed });
      expect(json.model).toBe("codestral-latest");
      expect(middle).toContain("fibonacci");
      const lines = middle.split("\n").filter((l) => l.trim());
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[0]).toMatch(/^ {4}\S/);
      for (const line of lines) expect(line).toMatch(/^ {4}/); // nested lines go deeper
      expect(answer.usage.prompt_tokens).toBe(countTokens(prompt + suffix));
      expect(answer.usage.completion_tokens).toBe(countTokens(middle));
    }
  });

  it("finishes a signature whose body is the suffix", async () => {
    const { middle } = await fim({ prompt: "def", suffix: "return a+b" });
    expect(middle).toBe(" add(a, b):\n    ");
  });

  it("closes the blocks the prompt opened and the suffix does not", async () => {
    const cases = [
      { prompt: "function total(prices, tax) {\n", suffix: "" },
      { prompt: "function total(prices, tax) {\n", suffix: "}\n\nconsole.log(total([1], 2));\n" },
      { prompt: "class Cart {\n  total(prices, tax) {\n    ", suffix: "\n  }\n}\n" },
      { prompt: "const total = (prices, tax) => {", suffix: "" },
      { prompt: "function outer() {\n  function inner(x) {\n", suffix: "" },
    ];
    for (const { prompt, suffix } of cases) {
      for (const random_seed of [1, 2]) {
        const { middle } = await fim({ prompt, suffix, random_seed });
        const source = prompt + middle + suffix;
        expect(compiles(source), source).toBe(true);
        const name = prompt.includes("inner") ? "inner" : "total";
        expect(middle).toContain(name);
      }
    }
  });

  it("keeps the prompt's tab indentation", async () => {
    const { middle } = await fim({ prompt: "func sum(a int, b int) int {\n\t", suffix: "\n}\n" });
    const [first, ...rest] = middle.split("\n").filter((l) => l.trim());
    expect(first).not.toMatch(/^\s/); // the prompt already wrote the first line's tab
    for (const line of rest) expect(line).toMatch(/^\t\S/);
    expect(middle).not.toContain("}"); // the suffix closes the function
  });

  it("completes a line the suffix continues", async () => {
    const { middle } = await fim({
      prompt: "def scale(values, factor):\n    return multiply(",
      suffix: ")\n",
    });
    expect(middle).toBe("values, factor");
  });

  it("honours max_tokens, stop and min_tokens", async () => {
    const prompt = "def parse_invoice(text):\n";
    const cut = await fim({ prompt, max_tokens: 4, random_seed: 2 });
    expect(cut.answer.choices[0].finish_reason).toBe("length");
    expect(countTokens(cut.middle)).toBe(4);
    const full = await fim({ prompt, random_seed: 2 });
    expect(full.middle.startsWith(cut.middle)).toBe(true);

    const line = await fim({ prompt, stop: "\n", random_seed: 2 });
    expect(line.middle).toBe(full.middle.slice(0, full.middle.indexOf("\n")));
    expect(line.answer.choices[0].finish_reason).toBe("stop");

    const long = await fim({ prompt, min_tokens: 150 });
    expect(long.answer.usage.completion_tokens).toBeGreaterThanOrEqual(150);
    for (const l of long.middle.split("\n").filter((x) => x.trim())) expect(l).toMatch(/^ {4}/);
  });

  it("is deterministic with a seed", async () => {
    const body = { prompt: "def clean(rows):\n", random_seed: 9 };
    expect((await fim(body)).middle).toBe((await fim(body)).middle);
  });

  it("defaults to codestral-2405 and refuses models without FIM", async () => {
    const byDefault = await fim({ model: null, prompt: "def f(x):\n" });
    expect(byDefault.json.model).toBe("codestral-2405");
    const chatModel = await fim({ model: "mistral-large-latest", prompt: "def f(x):\n" });
    expect(chatModel.status).toBe(400);
    expect(chatModel.json.message).toMatch(/does not support fill-in-the-middle/);
    const unknown = await fim({ model: "codestral-9999", prompt: "def f(x):\n" });
    expect(unknown.json.message).toBe("Invalid model: codestral-9999");
  });
});
