// The standalone sandbox (`npm run sandbox`) driven by the official SDK generated from the spec.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";
import { Mistral } from "sdk-v1";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox } from "./index";
import { configFromEnv, createSandboxServer } from "./standalone";
import { INSTRUCT_LINE, tempDir } from "./test/helpers";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts `tsx lib/sandbox/standalone.ts` on a free port and resolves with its URL. `inProcess`
 * loads tsx into the node process itself (the tsx CLI runs the script in a child), so that the
 * child's pid is the sandbox's own.
 */
function startStandalone(
  dataDir: string,
  { inProcess = false } = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    inProcess
      ? ["--import", "tsx", "lib/sandbox/standalone.ts"]
      : [createRequire(import.meta.url).resolve("tsx/cli"), "lib/sandbox/standalone.ts"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SANDBOX_PORT: "0",
        CONSOLE_DATA_DIR: dataDir,
        SANDBOX_SPEED: "60",
        SANDBOX_TOKENS_PER_SECOND: "200",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m) resolve({ url: m[1], child });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", (code) => reject(new Error(`standalone sandbox exited (${code}):\n${out}`)));
  });
}

describe("standalone sandbox with the official SDK", () => {
  const tmp = tempDir();
  let url: string;
  let child: ChildProcess;
  let client: Mistral;

  beforeAll(async () => {
    ({ url, child } = await startStandalone(tmp.dir));
    client = new Mistral({ apiKey: "any-key", serverURL: url });
  }, 30_000);

  afterAll(() => {
    child?.kill("SIGTERM");
    tmp.remove();
  });

  it("goes through the whole workflow: upload, fine-tune, manage the model, generate", async () => {
    const content = new TextEncoder().encode(
      Array.from({ length: 30 }, (_, i) => INSTRUCT_LINE(i)).join("\n") + "\n",
    );
    const file = await client.files.upload({ file: { fileName: "capitals.jsonl", content } });
    expect(file).toMatchObject({
      filename: "capitals.jsonl",
      numLines: 30,
      sampleType: "instruct",
      bytes: content.length,
    });
    const files = await client.files.list();
    expect(files.data.map((f) => f.id)).toContain(file.id);
    expect((await client.files.retrieve({ fileId: file.id })).id).toBe(file.id);

    const dry = await client.fineTuning.jobs.create({
      model: "mistral-small-latest",
      trainingFiles: [{ fileId: file.id }],
      hyperparameters: { trainingSteps: 10 },
    });
    expect(dry).toHaveProperty("id"); // not a dry run: a job

    const created = await client.fineTuning.jobs.create({
      model: "mistral-small-latest",
      trainingFiles: [{ fileId: file.id }],
      hyperparameters: { trainingSteps: 10 },
      suffix: "sdk",
    });
    expect("id" in created).toBe(true);
    const jobId = (created as { id: string }).id;
    const jobs = await client.fineTuning.jobs.list({ suffix: "sdk" });
    expect(jobs.total).toBe(1);
    expect(jobs.data![0].id).toBe(jobId);

    let job = await client.fineTuning.jobs.get({ jobId });
    const deadline = Date.now() + 15_000;
    while (job.status !== "SUCCESS" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      job = await client.fineTuning.jobs.get({ jobId });
    }
    expect(job.status).toBe("SUCCESS");
    expect(job.checkpoints).toHaveLength(10);
    const modelId = job.fineTunedModel!;
    expect(modelId).toMatch(/^ft:mistral-small-latest:sdk:\d{8}:[0-9a-f]{8}$/);

    const models = await client.models.list();
    expect(models.data!.map((m) => m.id)).toEqual(
      expect.arrayContaining(["mistral-large-latest", modelId]),
    );
    expect((await client.models.retrieve({ modelId })).id).toBe(modelId);
    const updated = await client.models.update({
      modelId,
      updateFTModelIn: { name: "Capitals", description: "Knows them" },
    });
    expect(updated).toMatchObject({
      name: "Capitals",
      description: "Knows them",
      root: "mistral-small-latest",
      job: jobId,
    });
    expect((await client.models.archive({ modelId })).archived).toBe(true);
    expect((await client.models.unarchive({ modelId })).archived).toBe(false);

    const chat = await client.chat.complete({
      model: modelId,
      messages: [{ role: "user", content: "What is the capital of country 3?" }],
    });
    expect(chat.choices![0].message!.content).toEqual(expect.any(String));
    expect(chat.usage.totalTokens).toBeGreaterThan(0);

    const stream = await client.chat.stream({
      model: "mistral-small-latest",
      messages: [{ role: "user", content: "Tell me about rivers" }],
    });
    let text = "";
    let finish: string | null | undefined;
    for await (const event of stream) {
      text += event.data.choices[0].delta.content ?? "";
      finish = event.data.choices[0].finishReason ?? finish;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe("stop");

    const fim = await client.fim.complete({
      model: "codestral-latest",
      prompt: "def add(a, b):\n    ",
      suffix: "\n\nprint(add(1, 2))",
    });
    expect(fim.choices![0].message!.content).toEqual(expect.any(String));

    const emb = await client.embeddings.create({
      model: "mistral-embed",
      inputs: ["red apples", "green apples"],
    });
    expect(emb.data).toHaveLength(2);
    expect(emb.data[0].embedding).toHaveLength(1024);

    expect((await client.models.delete({ modelId })).deleted).toBe(true);
    await expect(client.models.retrieve({ modelId })).rejects.toThrow();
    expect((await client.files.delete({ fileId: file.id })).deleted).toBe(true);
  });

  it("requires an Authorization header, like the real API", async () => {
    const res = await fetch(`${url}/v1/models`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ object: "error", type: "authentication_error" });
    const ok = await fetch(`${url}/v1/models`, { headers: { authorization: "Bearer whatever" } });
    expect(ok.status).toBe(200);
  });

  it("keeps nothing of an upload whose connection drops half way", async () => {
    const filesDir = path.join(tmp.dir, "sandbox", "files");
    const before = readdirSync(filesDir);
    const { port, hostname } = new URL(url);
    const boundary = "xyz";
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.jsonl"\r\n\r\n` +
      Array.from({ length: 200 }, (_, i) => INSTRUCT_LINE(i)).join("\n");
    const socket = net.connect(Number(port), hostname);
    await new Promise<void>((r) => socket.on("connect", () => r()));
    socket.write(
      `POST /v1/files HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer x\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length * 4}\r\n\r\n${head}`,
    );
    await new Promise((r) => setTimeout(r, 300)); // the server is now writing a temp file
    socket.destroy();
    const deadline = Date.now() + 5_000;
    while (readdirSync(filesDir).length !== before.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readdirSync(filesDir)).toEqual(before);
    const list = await fetch(`${url}/v1/files`, { headers: { authorization: "Bearer x" } });
    expect(
      ((await list.json()) as { data: { filename: string }[] }).data.map((f) => f.filename),
    ).not.toContain("cut.jsonl");
  });
});

describe("a sandbox killed mid-upload", () => {
  it("drops the upload's temp file when the next sandbox starts (issue 9.12c)", async () => {
    const tmp = tempDir();
    const filesDir = path.join(tmp.dir, "sandbox", "files");
    const { url, child } = await startStandalone(tmp.dir, { inProcess: true });
    const exited = new Promise((r) => child.once("exit", r));
    const socket = net.connect(Number(new URL(url).port), "127.0.0.1");
    try {
      await new Promise<void>((r) => socket.on("connect", () => r()));
      const head =
        `--b\r\nContent-Disposition: form-data; name="file"; filename="killed.jsonl"\r\n\r\n` +
        Array.from({ length: 200 }, (_, i) => INSTRUCT_LINE(i)).join("\n");
      socket.write(
        `POST /v1/files HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer x\r\n` +
          `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${head.length * 4}\r\n\r\n${head}`,
      );
      const temps = () => readdirSync(filesDir).filter((n) => n.startsWith(".tmp-"));
      const deadline = Date.now() + 10_000;
      while (temps().length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(temps()).toHaveLength(1); // the server is writing the upload
      child.kill("SIGKILL"); // nothing of the sandbox runs any more: the temp file stays
      await exited;
      socket.destroy();
      expect(temps()).toHaveLength(1);

      const next = createSandbox({ dataDir: tmp.dir });
      try {
        expect(temps()).toEqual([]);
      } finally {
        next.close();
      }
    } finally {
      socket.destroy();
      child.kill("SIGKILL");
      tmp.remove();
    }
  }, 30_000);
});

describe("node adapter", () => {
  it("aborts a generation when the client goes away mid-stream", async () => {
    const tmp = tempDir();
    const sandbox = createSandbox({ dataDir: tmp.dir, tokensPerSecond: 20 });
    const server = createSandboxServer(sandbox);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer x", "content-type": "application/json" },
        body: JSON.stringify({
          model: "mistral-small-latest",
          messages: [{ role: "user", content: "Write a long essay about the sea" }],
          stream: true,
          // min_tokens is not a chat field of today's API: ten choices make the stream long.
          n: 10,
        }),
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      const first = await reader.read(); // chunks arrive one by one, not all at the end
      expect(new TextDecoder().decode(first.value)).toMatch(/^data: /);
      await reader.read();
      expect(sandbox.stats().activeGenerations).toBe(1);
      controller.abort();
      const deadline = Date.now() + 5_000;
      while (sandbox.stats().abortedGenerations === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(sandbox.stats()).toEqual({ abortedGenerations: 1, activeGenerations: 0 });
    } finally {
      server.closeAllConnections();
      server.close();
      sandbox.close();
      tmp.remove();
    }
  });
});

describe("standalone configuration", () => {
  it("has defaults and names every bad variable", () => {
    expect(configFromEnv({})).toEqual({
      SANDBOX_PORT: 8787,
      SANDBOX_HOST: "127.0.0.1",
      CONSOLE_DATA_DIR: ".data",
      SANDBOX_SPEED: 1,
      SANDBOX_TOKENS_PER_SECOND: 40,
      SANDBOX_FINE_TUNING: "running",
      SANDBOX_SEED_MODELS: 0,
    });
    expect(() => configFromEnv({ SANDBOX_FINE_TUNING: "paused" })).toThrow(
      /SANDBOX_FINE_TUNING must be "running" or "retired"/,
    );
    expect(() => configFromEnv({ SANDBOX_PORT: "http", SANDBOX_SPEED: "-2" })).toThrow(
      /SANDBOX_PORT: SANDBOX_PORT must be a port number[\s\S]*SANDBOX_SPEED: SANDBOX_SPEED must be a positive number/,
    );
  });
});
