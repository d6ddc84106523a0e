// A member's playground chat and upload show up in the admin's audit log, its CSV and the usage page.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { ADMIN } from "./admin";
import {
  adminContext,
  createUser,
  screenshot,
  signInPage,
  uploadFile,
  userContext,
} from "./fixtures";

test("the admin sees a member's chat and upload in the audit log, the CSV and usage @postgres", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const admin = await adminContext(baseURL!);
  const user = await createUser(admin, "member", "audited");

  // The member chats in the playground, in a browser of their own.
  const memberContext = await browser.newContext({ baseURL });
  const memberPage = await memberContext.newPage();
  await signInPage(memberPage, baseURL!, user);
  await memberPage.goto("/playground");
  const modelSelect = memberPage.getByRole("combobox", { name: "Model", exact: true });
  await expect(modelSelect).not.toHaveValue("");
  const model = await modelSelect.inputValue();
  await memberPage.getByLabel("Message", { exact: true }).fill("Say hello to the auditors");
  await memberPage.getByRole("button", { name: "Send", exact: true }).click();
  const answer = memberPage.getByRole("listitem", { name: /^Assistant message/ }).last();
  await expect(answer).toContainText("[sandbox]", { timeout: 30_000 });
  await expect(memberPage.getByRole("button", { name: "Send", exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await memberContext.close();

  // And uploads a file through the API.
  const member = await userContext(baseURL!, user);
  const file = await uploadFile(member);
  await member.dispose();

  // The admin reads the audit log.
  const adminBrowser = await browser.newContext({ baseURL });
  const page = await adminBrowser.newPage();
  await signInPage(page, baseURL!, ADMIN);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const rows = page.getByRole("row").filter({ hasText: user.email });
  const chatRow = rows.filter({ hasText: "chat.completions" }).first();
  await expect(chatRow).toBeVisible();
  // Tokens in / out / total: three numbers.
  await expect(chatRow).toContainText(/\d+ \/ \d+ \/ \d+/);
  const [, prompt, completion, total] = (await chatRow.innerText())
    .replace(/\s+/g, " ")
    .match(/(\d+) \/ (\d+) \/ (\d+)/)!;
  await expect(rows.filter({ hasText: "files.upload" }).filter({ hasText: file.id })).toBeVisible();

  // Narrowed to the member, every row is theirs.
  await page.getByLabel("User").selectOption({ label: user.email });
  await expect(page.getByRole("row").filter({ hasText: "admin@example.com" })).toHaveCount(0);
  const bodyRows = page.locator("tbody tr");
  await expect(bodyRows).toHaveCount(2);
  for (const row of await bodyRows.all()) await expect(row).toContainText(user.email);
  await screenshot(page, "audit-filtered");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain(user.email);
  expect(csv).toContain("chat.completions");
  expect(csv).toContain("files.upload");

  await page.goto("/usage");
  await expect(page.getByRole("heading", { name: "Usage", exact: true })).toBeVisible();
  const escaped = model.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page.getByRole("img", { name: /^Tokens per day by model/ })).toHaveAttribute(
    "aria-label",
    new RegExp(escaped),
  );
  await expect(page.getByRole("table", { name: "Tokens per model" })).toContainText(model);
  // The chat came from a signed-in browser, not a console token.
  await expect(page.getByRole("table", { name: "Tokens per console token" })).toContainText(
    "Signed-in browser",
  );
  // The member's only spending call is the chat: their row has its tokens.
  const userRow = page
    .getByRole("table", { name: "Tokens per user" })
    .getByRole("row")
    .filter({ hasText: user.email });
  await expect(userRow.getByRole("cell")).toHaveText([/./, "1", prompt, completion, total]);
  await screenshot(page, "usage");

  await adminBrowser.close();
  await admin.dispose();
});
