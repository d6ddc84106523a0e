// Issue 15's journey: an admin puts a member in a team and gives the team a budget; the member
// hits it in the playground and reads why and until when; their My usage page shows the numbers;
// the admin's CSV of the team's usage has the member's rows.
import { readFile } from "node:fs/promises";
import { adminContext, createUser, signInPage } from "./auth/fixtures";
import { expect, test } from "./test";

test("a team budget: set by the admin, hit by a member in the playground, shown on My usage, in the CSV", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await adminContext(baseURL!);
  const member = await createUser(admin, "member", "budget");
  const teamName = `Budget team ${Date.now().toString(36)}`;

  // The admin makes the team and puts the member in it (Teams page).
  await page.goto("/admin/teams");
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await page.getByRole("button", { name: "Add team" }).first().click();
  const nameDialog = page.getByRole("dialog", { name: "Add team" });
  await nameDialog.getByLabel("Name").fill(teamName);
  await nameDialog.getByRole("button", { name: "Add team" }).click();
  await expect(nameDialog).toBeHidden();
  await page.getByRole("button", { name: `Members of ${teamName}` }).click();
  const members = page.getByRole("dialog", { name: `Members of ${teamName}` });
  await members.getByLabel("Add a user").selectOption({ label: member.email });
  await members.getByRole("button", { name: "Add", exact: true }).click();
  await expect(members.getByRole("table", { name: `Members of ${teamName}` })).toContainText(
    member.email,
  );
  await members.getByRole("button", { name: "Close" }).click();

  // … and gives the team 1,000 tokens a day (Budgets page).
  await page.goto("/admin/budgets");
  await page.getByRole("button", { name: "Add budget" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add budget" });
  await dialog.getByLabel("For").selectOption("team");
  await dialog.getByLabel("Team", { exact: true }).selectOption({ label: teamName });
  await dialog.getByLabel("Period").selectOption("day");
  await dialog.getByLabel("Token limit").fill("1000");
  await dialog.getByRole("button", { name: "Add budget" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row").filter({ hasText: teamName });
  await expect(row).toContainText("0 tokens used");
  await expect(row).toContainText("1,000 tokens left of 1,000 tokens");

  // The member spends a little with a bounded call (admitted)…
  const memberPage = await (await browser.newContext({ baseURL })).newPage();
  await signInPage(memberPage, baseURL!, member);
  const spent = await memberPage.request.post("/v1/chat/completions", {
    headers: { origin: baseURL! },
    data: {
      model: "mistral-small-latest",
      messages: [{ role: "user", content: "hello" }],
      max_tokens: 16,
    },
  });
  expect(spent.status(), await spent.text()).toBe(200);

  // … then the playground, whose call has no max_tokens and so reserves the default 4,096
  // tokens: more than the team has left. Refused in place, saying why and until when.
  await memberPage.goto("/playground");
  await expect(memberPage.getByRole("combobox", { name: "Model", exact: true })).not.toHaveValue(
    "",
  );
  await memberPage.getByLabel("Message", { exact: true }).fill("Tell me a long story.");
  await memberPage.getByRole("button", { name: "Send", exact: true }).click();
  const alert = memberPage
    .getByRole("region", { name: "Conversation" })
    .getByRole("alert")
    .filter({ hasText: "Budget reached" });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(teamName);
  await expect(alert).toContainText(/resets/);
  // Hours away (or less near midnight UTC), never a bare count of seconds.
  await expect(alert).toContainText(/You can retry in \d+ (d|h|min|s)\b/);
  await expect(alert.getByRole("button", { name: /^Retry in / })).toBeDisabled();
  await memberPage.screenshot({ path: ".data/screens/budgets-playground-refused.png" });

  // My usage: the team's budget with what was used, and the model the member called.
  await memberPage.goto("/usage/me");
  const card = memberPage.getByRole("region", { name: `Team ${teamName}` });
  await expect(card).toBeVisible();
  const bar = card.getByRole("progressbar", { name: `Team ${teamName}: tokens` });
  await expect(bar).toHaveAttribute(
    "aria-valuetext",
    /^[1-9][\d,]* tokens used, 0 tokens reserved/,
  );
  await expect(card).toContainText(/resets in/);
  await expect(memberPage.getByRole("table", { name: "My usage per model" })).toContainText(
    "mistral-small-latest",
  );
  await memberPage.screenshot({ path: ".data/screens/budgets-my-usage.png", fullPage: true });
  await memberPage.context().close();

  // The admin's CSV of the team's usage has the member's rows.
  await page.goto("/usage");
  await page.getByLabel("Team", { exact: true }).selectOption({ label: teamName });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/cost/i);
  expect(lines.filter((l) => l.includes(member.email)).length).toBeGreaterThan(0);
  await admin.dispose();
});
