import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./test";
import { CANARY_KEY } from "./canary";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test("the key is not in the client bundle @live", () => {
  const staticDir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static");
  const files = filesUnder(staticDir);
  expect(files.length).toBeGreaterThan(0);
  const leaks = files.filter((f) => readFileSync(f).includes(CANARY_KEY));
  expect(leaks).toEqual([]);
});

test("the key is not in any page or API answer @live", async ({ request }) => {
  for (const p of [
    "/playground",
    "/files",
    "/fine-tuning",
    "/models",
    "/api/health",
    "/v1/models",
  ]) {
    const res = await request.get(p);
    const text = `${JSON.stringify(res.headers())}\n${await res.text()}`;
    expect(text, p).not.toContain(CANARY_KEY);
  }
});
