// A member creates a console token on the Tokens page, uses it with the official SDK, and revokes it.
import { expect, test } from "@playwright/test";
import { Mistral } from "sdk-v1";
import { CANARY_KEY } from "../canary";
import { adminContext, createUser, screenshot, signInPage } from "./fixtures";

test("a console token: shown once, works with the SDK, last use shown, revoked @postgres", async ({
  page,
  baseURL,
}) => {
  const admin = await adminContext(baseURL!);
  const member = await createUser(admin, "member");
  await admin.dispose();
  await signInPage(page, baseURL!, member);

  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "Console tokens" })).toBeVisible();
  const name = `sdk-${Date.now().toString(36)}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const secretField = page.getByLabel("New token secret");
  await expect(secretField).toHaveValue(/^mc_/);
  const secret = await secretField.inputValue();
  // Copy puts the secret on the clipboard (127.0.0.1 is a secure context).
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: baseURL!,
  });
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByRole("button", { name: "Copy", exact: true })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await screenshot(page, "tokens-created");

  const sdk = new Mistral({ apiKey: secret, serverURL: baseURL! });
  const list = await sdk.models.list();
  expect(list.object).toBe("list");
  expect(list.data?.length ?? 0).toBeGreaterThan(0);
  const stream = await sdk.chat.stream({
    model: "mistral-small-latest",
    messages: [{ role: "user", content: "hello" }],
    maxTokens: 8,
  });
  const events: unknown[] = [];
  let text = "";
  for await (const event of stream) {
    events.push(event);
    const content = event.data.choices[0]?.delta.content;
    if (typeof content === "string") text += content;
  }
  expect(text.length).toBeGreaterThan(0);
  expect(JSON.stringify({ list, events })).not.toContain(CANARY_KEY);

  // Shown once: after a reload only the row is left, with its last use.
  await page.reload();
  await expect(page.getByLabel("New token secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Never");
  await screenshot(page, "tokens-used");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(name);
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);

  // Revocation holds everywhere within a second (README, "Several instances"): asked again
  // until then, the SDK must get a 401.
  await expect
    .poll(
      () =>
        sdk.models.list().then(
          () => "answered",
          (e: unknown) => (e as { statusCode?: number }).statusCode,
        ),
      {
        message: "the SDK call after revocation should fail with 401",
        timeout: 1_000,
        intervals: [0, 100, 200],
      },
    )
    .toBe(401);
});
