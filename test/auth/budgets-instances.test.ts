// Two console processes sharing one PostgreSQL admit together exactly what one budget holds: 200
// spending calls, 100 from each process at once, against a budget of 50 calls' worth: 50 pass.
// Each process has its own connection pool, credential cache and event loop: only the database
// (its advisory locks and the one admission statement) keeps them honest.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBudget, listBudgets } from "@/lib/server/budgets";
import { RESERVED } from "./budget-worker";
import { createTestAuth, signedIn, TEST_SECRET, tokenFor, type TestAuth } from "./harness";

function worker(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions", "react-server", "test/auth/budget-worker.ts"],
    { env: { ...process.env, ...env }, stdio: "pipe" },
  ) as ChildProcessWithoutNullStreams;
  const lines: string[] = [];
  let stderr = "";
  let waiting: (() => void)[] = [];
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    lines.push(...chunk.split("\n").filter(Boolean));
    for (const w of waiting) w();
    waiting = [];
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const line = async (test: (l: string) => boolean) => {
    for (;;) {
      const found = lines.find(test);
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`worker exited: ${stderr}`);
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { child, line };
}

describe("budgets across two console processes sharing one PostgreSQL", () => {
  let t: TestAuth;

  beforeAll(async () => {
    t = await createTestAuth("postgres");
  });

  afterAll(async () => {
    await t?.close();
  });

  it("200 concurrent calls, 100 from each process, against a budget of 50: exactly 50 admitted", async () => {
    const member = await signedIn(t.ctx, "member");
    const { secret } = await tokenFor(t.ctx, member);
    const budget = await createBudget(t.ctx, {
      scope: "user",
      subjectId: member.user.id,
      period: "day",
      maxTokens: 50 * RESERVED,
      maxCostNanos: null,
      softPercent: 80,
    });
    const env = {
      DATABASE_URL: t.ctx.config.databaseUrl!.reveal(),
      CONSOLE_SECRET: TEST_SECRET,
      SECRET: secret,
      COUNT: "100",
      BUDGET_WORKER: "1",
    };
    const workers = [worker(env), worker(env)];
    try {
      await Promise.all(workers.map((w) => w.line((l) => l === "ready")));
      for (const w of workers) w.child.stdin.write("go\n");
      const statuses = (
        await Promise.all(workers.map((w) => w.line((l) => l.startsWith("["))))
      ).flatMap((l) => JSON.parse(l) as number[]);
      expect(statuses).toHaveLength(200);
      expect(statuses.filter((s) => s === 200)).toHaveLength(50);
      expect(statuses.filter((s) => s === 429)).toHaveLength(150);
      // Both processes admitted some: the two really competed.
      const [a, b] = await Promise.all(workers.map((w) => w.line((l) => l.startsWith("["))));
      const admitted = [a, b].map((l) => (JSON.parse(l) as number[]).filter((s) => s === 200));
      expect(admitted.every((x) => x.length > 0)).toBe(true);
      const [status] = (await listBudgets(t.ctx, { ids: [budget.id] })).map((x) => x.status);
      expect(status).toMatchObject({ usedTokens: 50 * RESERVED, reservedTokens: 0 });
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill();
    }
  }, 60_000);
});
