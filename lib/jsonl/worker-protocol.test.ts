import { describe, expect, it } from "vitest";
import { lintText } from "./index";
import { runLintRequest, type LintResponse } from "./worker-protocol";

const sample = JSON.stringify({
  messages: [
    { role: "user", content: "Hi" },
    { role: "assistant", content: "Hello" },
  ],
});

/** A Blob whose stream delivers `text` in chunks of `chunk` bytes. */
function chunkedFile(text: string, chunk: number): Blob {
  const bytes = new TextEncoder().encode(text);
  return {
    size: bytes.length,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunk)
            controller.enqueue(bytes.slice(i, i + chunk));
          controller.close();
        },
      }),
  } as unknown as Blob;
}

async function run(file: Blob, tick: number) {
  const messages: LintResponse[] = [];
  let clock = 0;
  await runLintRequest(
    { file },
    (m) => messages.push(m),
    () => (clock += tick),
  );
  const progress = messages.flatMap((m) => (m.type === "progress" ? [m.bytesRead] : []));
  return { messages, progress };
}

describe("the lint worker's request handler", () => {
  const text = Array(200).fill(sample).join("\n") + "\n{bad\n";
  const file = chunkedFile(text, 10); // ~1.2k chunks

  it("ends with 100% progress and the same report as linting the text", async () => {
    const { messages } = await run(new File([text], "train.jsonl"), 0);
    expect(messages.at(-2)).toEqual({ type: "progress", bytesRead: file.size, total: file.size });
    expect(messages.at(-1)).toEqual({ type: "done", report: lintText(text) });
  });

  it("posts about once per 1% of the file when chunks arrive quickly", async () => {
    const { progress } = await run(file, 0);
    expect(progress.length).toBeGreaterThanOrEqual(90);
    expect(progress.length).toBeLessThanOrEqual(102);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
  });

  it("posts between 1% steps once 100 ms have passed", async () => {
    const chunks = Math.ceil(file.size / 10);
    // Every chunk, plus the final 100%.
    expect((await run(file, 100)).progress.length).toBe(chunks + 1);
    // Every fifth chunk at most, with 1% steps in between.
    const every20ms = (await run(file, 20)).progress.length;
    expect(every20ms).toBeGreaterThan(chunks / 5);
    expect(every20ms).toBeLessThan(chunks / 4);
  });

  it("reports a read failure as an error message", async () => {
    const broken = {
      size: 10,
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull: (controller) => controller.error(new Error("the file was moved")),
        }),
    } as unknown as Blob;
    const messages: LintResponse[] = [];
    await runLintRequest({ file: broken }, (m) => messages.push(m));
    expect(messages).toEqual([
      { type: "error", message: "could not read the file: the file was moved" },
    ]);
  });
});
