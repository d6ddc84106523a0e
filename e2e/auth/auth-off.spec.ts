// CONSOLE_AUTH=off is for one person on their own machine: off loopback the console refuses to
// start and says why; on loopback everything is open without sign-in. Runs its own console (port+10).
import { expect, test } from "@playwright/test";
import { basePort, startOwnServer, untilHealthy, type OwnServer } from "../own-server";

const port = basePort() + 10;
const origin = `http://127.0.0.1:${port}`;
let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.kill();
});

test("CONSOLE_AUTH=off: refused on 0.0.0.0, open on loopback", async ({ page, request }) => {
  test.setTimeout(150_000);
  server = startOwnServer({ port, host: "0.0.0.0", env: { CONSOLE_AUTH: "off" } });
  const code = await Promise.race([
    server.exited,
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 60_000)),
  ]);
  const refused = server.output();
  await server.kill();
  expect(code, refused).not.toBe("timeout");
  expect(code, refused).not.toBe(0);
  expect(refused).toContain("loopback");

  server = startOwnServer({ port, host: "127.0.0.1", env: { CONSOLE_AUTH: "off" } });
  await untilHealthy(request, origin);
  const models = await request.get(`${origin}/v1/models`);
  expect(models.status()).toBe(200);
  // Open to this machine only: a page elsewhere cannot write to it (its Origin is foreign), and
  // one on a DNS name rebound to 127.0.0.1 cannot read it (its Host is foreign).
  const foreign = await request.delete(`${origin}/v1/files/00000000-0000-4000-8000-000000000001`, {
    headers: { origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  const rebound = await request.get(`${origin}/v1/files`, {
    headers: { host: `rebind.example:${port}` },
  });
  expect(rebound.status()).toBe(403);
  expect(((await rebound.json()) as { code: string }).code).toBe("unknown_host");
  await page.goto(`${origin}/`);
  await expect(page).toHaveURL(`${origin}/playground`);
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
