// First run with no admin in the environment: the server prints a one-time setup token; the first
// visitor is sent to /setup and needs it to create the admin. Runs its own console (port+9).
import { expect, test } from "@playwright/test";
import { basePort, startOwnServer, untilHealthy, type OwnServer } from "../own-server";
import { CANARY_KEY } from "../canary";
import { screenshot } from "./fixtures";

const port = basePort() + 9;
const origin = `http://127.0.0.1:${port}`;
let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.kill();
});

test("first run: the setup token from the log creates the admin", async ({ page, request }) => {
  test.setTimeout(120_000);
  server = startOwnServer({
    port,
    host: "127.0.0.1",
    env: { CONSOLE_SECRET: "e2e-setup-secret-0123456789abcdefghijkl" },
  });
  const [, token] = await server.waitFor(/Setup token: (\S+)/, 90_000);
  await untilHealthy(request, origin);
  const before = await request.get(`${origin}/api/console/auth-info`);
  expect(((await before.json()) as { setupNeeded: boolean }).setupNeeded).toBe(true);

  await page.goto(`${origin}/`);
  // README: "Open the console, it sends you to /setup".
  await expect(page).toHaveURL(/\/setup/);
  const email = "first-admin@example.com";
  const password = "first-admin-password-1";
  await page.getByLabel("Setup token").fill(`${token}x`);
  await page.getByLabel("Name").fill("First Admin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(
    page.getByText("That setup token is not valid", { exact: false }).first(),
  ).toBeVisible();
  await screenshot(page, "setup-wrong-token");
  expect(page.url()).toContain("/setup");

  await page.getByLabel("Setup token").fill(token);
  await page.getByRole("button", { name: "Create admin" }).click();
  await expect(page).toHaveURL(`${origin}/playground`, { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await screenshot(page, "setup-done");

  const after = await request.get(`${origin}/api/console/auth-info`);
  expect(((await after.json()) as { setupNeeded: boolean }).setupNeeded).toBe(false);
  // The signed-in browser reaches the API; the token cannot be used twice.
  expect((await page.context().request.get(`${origin}/v1/models`)).status()).toBe(200);
  const again = await request.post(`${origin}/api/console/setup`, {
    headers: { origin },
    data: { token, email: "second@example.com", name: "Second", password },
  });
  expect(again.status()).toBe(409);
  expect(server.output()).not.toContain(CANARY_KEY);
});
