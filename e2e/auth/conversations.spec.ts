import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN } from "./admin";
import { clientAddress, createUser, newContext, screenshot, signIn, type User } from "./fixtures";

// Playground conversations belong to the account, not the browser: two people taking turns on one
// browser never see each other's, and one person finds theirs in any browser they sign in from.

const STORAGE_KEY = "mistral-console.playground.conversations.v1";

async function users(baseURL: string, ...roles: ("admin" | "member")[]): Promise<User[]> {
  const admin = await newContext(baseURL);
  await signIn(admin, baseURL, ADMIN.email, ADMIN.password);
  const made = [];
  for (const role of roles) made.push(await createUser(admin, role, `conv-${role}`));
  await admin.dispose();
  return made;
}

/** Signs in through the sign-in page, as a person would. */
async function signInUi(page: Page, user: User, next = "/playground") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace("?", "\\?")}$`));
}

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  await context.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
  return context.newPage();
}

const saved = (page: Page) => page.getByRole("navigation", { name: "Saved conversations" });

async function chat(page: Page, text: string) {
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).not.toHaveValue("");
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("listitem", { name: /^Assistant message/ })).toContainText(
    "[sandbox]",
    { timeout: 30_000 },
  );
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  await expect(
    saved(page).getByRole("button", { name: new RegExp(text.slice(0, 20)) }),
  ).toBeVisible();
}

test("two accounts taking turns on one browser never see each other's conversations @postgres", async ({
  browser,
  baseURL,
}) => {
  const [admin, member] = await users(baseURL!, "admin", "member");
  const page = await newPage(browser, baseURL!);

  await signInUi(page, admin);
  await chat(page, "Admin secret plan for the merger");
  const id = new URL(page.url()).searchParams.get("c");
  expect(id).toBeTruthy();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // Nothing the admin wrote is left in the browser's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
  expect(stored).not.toContain("merger");

  await signInUi(page, member);
  await expect(saved(page)).toContainText("Conversations are saved to your account");
  await expect(page.getByText("merger")).toHaveCount(0);
  await screenshot(page, "conversations-member-after-admin");

  // The admin's conversation by its address or its id gives the member nothing.
  await page.goto(`/playground?c=${id}`);
  await expect(
    page.getByRole("alert").filter({ hasText: "That conversation does not exist in your account" }),
  ).toBeVisible();
  await expect(page.getByText("merger")).toHaveCount(0);
  const direct = await page.context().request.get(`/api/console/conversations/${id}`);
  expect(direct.status()).toBe(404);
  expect(await direct.text()).not.toContain("merger");
  const list = await page.context().request.get("/api/console/conversations");
  expect(await list.text()).not.toContain("merger");
  await page.context().close();
});

test("a user's conversations follow them to another browser", async ({ browser, baseURL }) => {
  const [member] = await users(baseURL!, "member");
  const first = await newPage(browser, baseURL!);
  await signInUi(first, member);
  await chat(first, "Which winds blow in Provence?");
  await first.context().close();

  const second = await newPage(browser, baseURL!);
  await signInUi(second, member);
  const entry = saved(second).getByRole("button", { name: /Which winds blow in Provence/ });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("2 messages");
  await entry.click();
  await expect(second.getByRole("heading", { level: 2, name: /Which winds blow/ })).toBeVisible();
  const messages = second.getByRole("list", { name: "Messages" }).getByRole("listitem");
  await expect(messages).toHaveCount(2);
  await expect(messages.last()).toContainText("[sandbox]");
  await second.context().close();
});

test("conversations an older console left in the browser are offered once, then gone", async ({
  browser,
  baseURL,
}) => {
  const [member, other] = await users(baseURL!, "member", "member");
  const page = await newPage(browser, baseURL!);
  await page.goto("/sign-in");
  await page.evaluate((key) => {
    const now = Date.now();
    const settings = {
      mode: "model",
      model: "mistral-small-latest",
      agentId: "",
      params: {},
      tools: [],
      toolChoice: "auto",
    };
    const conv = (id: string, text: string) => ({
      id,
      title: text,
      system: "",
      messages: [{ id: `${id}-u`, role: "user", content: text }],
      settings,
      createdAt: now,
      updatedAt: now,
    });
    window.localStorage.setItem(
      key,
      JSON.stringify([
        conv(`c_old${now}a`, "Old local chat one"),
        conv(`c_old${now}b`, "Old local chat two"),
      ]),
    );
  }, STORAGE_KEY);

  await signInUi(page, member);
  const banner = page.getByRole("region", { name: "Conversations in this browser" });
  await expect(banner).toContainText("2 conversations saved in this browser");
  await screenshot(page, "conversations-import-offer");
  await banner.getByRole("button", { name: "Import" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "2 conversations imported" }),
  ).toBeVisible();
  await expect(saved(page).getByRole("button", { name: /Old local chat one/ })).toBeVisible();
  await expect(saved(page).getByRole("button", { name: /Old local chat two/ })).toBeVisible();
  expect(await page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY)).toBeNull();

  // The next person on this browser is offered nothing and sees none of them.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInUi(page, other);
  await expect(saved(page)).toContainText("Conversations are saved to your account");
  await expect(page.getByRole("region", { name: "Conversations in this browser" })).toHaveCount(0);
  await expect(page.getByText("Old local chat")).toHaveCount(0);
  await page.context().close();
});
