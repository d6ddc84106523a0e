import type { APIRequestContext } from "@playwright/test";
import { ADMIN } from "./auth/admin";
import { adminContext, createUser, signInPage, userContext } from "./auth/fixtures";
import { expect, test } from "./test";

// The Batch page against the sandbox (speed 40: a small job ends within a second).

test("a batch job from typed prompts runs to the end and its results download", async ({
  page,
}) => {
  await page.goto("/batch");
  await expect(page.getByRole("heading", { level: 1, name: "Batch" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Batch" })).toHaveAttribute("aria-current", "page");

  const form = page.getByRole("form", { name: "New batch job" });
  await expect(form.getByRole("combobox", { name: "Endpoint" })).toHaveValue(
    "/v1/chat/completions",
  );
  const model = form.getByRole("combobox", { name: "Model", exact: true });
  await expect(model).toHaveValue("mistral-medium-latest");
  // Only models that chat and are not retired are offered.
  await expect(model.locator("option", { hasText: "mistral-embed" })).toHaveCount(0);
  await expect(model.locator("option", { hasText: "open-mistral-7b" })).toHaveCount(0);

  // Nothing typed: the form says what is missing and sends nothing.
  await form.getByRole("button", { name: "Create batch job" }).click();
  await expect(form.getByText("Type at least one line.")).toBeVisible();

  const prompts = ["What is the capital of France?", "Name a red fruit.", "Say hello."];
  await form.getByRole("textbox", { name: /Prompts/ }).fill(prompts.join("\n") + "\n\n");
  await expect(form.getByText("3 requests.", { exact: false })).toBeVisible();
  await form.getByRole("button", { name: "Create batch job" }).click();

  await expect(page).toHaveURL(/\/batch\/[0-9a-f-]{36}$/);
  const jobId = page.url().split("/").pop()!;
  await expect(page.getByTestId("batch-status")).toHaveText("Succeeded", { timeout: 30_000 });
  const counts = page.getByRole("definition");
  await expect(counts.nth(0)).toHaveText("3"); // succeeded
  await expect(counts.nth(1)).toHaveText("0"); // failed
  await expect(counts.nth(2)).toHaveText("3"); // total
  await expect(page.getByRole("progressbar", { name: "Requests done" })).toHaveAttribute(
    "aria-valuenow",
    "3",
  );
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);

  const results = page.getByRole("table", { name: /Results/ });
  await expect(results.getByRole("row")).toHaveCount(4); // header + 3
  await expect(results.getByRole("rowheader", { name: "1", exact: true })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download results" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`batch-${jobId}-results.jsonl`);
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString("utf8");
  const lines = text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  expect(lines.map((l) => l.custom_id)).toEqual(["1", "2", "3"]);
  for (const line of lines) {
    expect(line.response.status_code).toBe(200);
    expect(line.response.body.choices[0].message.content.length).toBeGreaterThan(0);
  }

  // The list shows the job under its status filter, kept in the address.
  await page.getByRole("link", { name: "All batch jobs" }).click();
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: "Succeeded" })
    .click();
  await expect(page).toHaveURL(/status=SUCCESS/);
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: jobId.slice(0, 8) }) });
  await expect(row).toContainText("Succeeded");
  await expect(row).toContainText("3 ok · 0 failed · 3 total");
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: "Failed" })
    .click();
  await page
    .getByRole("group", { name: "Filter by status" })
    .getByRole("button", { name: "Succeeded" })
    .click();
  await expect(page).toHaveURL(/status=FAILED$/);
  await expect(page.getByRole("link", { name: jobId.slice(0, 8) })).toHaveCount(0);
});

test("a batch whose requests fail shows their errors and the error file", async ({ page }) => {
  await page.goto("/batch");
  const form = page.getByRole("form", { name: "New batch job" });
  await form.getByRole("combobox", { name: "Endpoint" }).selectOption("/v1/ocr");
  await expect(form.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "mistral-ocr-latest",
  );
  // The sandbox fetches no remote document: each request fails, the job still ends.
  await form.getByRole("textbox", { name: /Prompts/ }).fill("https://example.com/a.pdf");
  await form.getByRole("button", { name: "Create batch job" }).click();
  await expect(page.getByTestId("batch-status")).toHaveText("Succeeded", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Errors so far" })).toContainText("1 ×");
  const errors = page.getByRole("table", { name: /Errors/ });
  await expect(errors.getByRole("row")).toHaveCount(2);
  await expect(errors).toContainText("does not fetch remote URLs");
  await expect(page.getByRole("button", { name: "Download errors" })).toBeEnabled();
});

test("a batch from a saved conversation's prompts", async ({ page, request }) => {
  const id = `batch-conv-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const title = `Trip planning ${id.slice(-6)}`;
  const saved = await request.post("/api/console/conversations", {
    data: {
      id,
      title,
      system: "You are a travel agent.",
      messages: [
        { id: `${id}-1`, role: "user", content: "Where should I go in May?" },
        { id: `${id}-2`, role: "assistant", content: "Lisbon." },
        { id: `${id}-3`, role: "user", content: "Plan three days\nwith a museum each day" },
      ],
      settings: {
        mode: "model",
        model: "mistral-small-latest",
        agentId: "",
        params: { temperature: 0.7, topP: 1 },
        tools: [],
        toolChoice: "auto",
      },
      createdAt: Date.now(),
    },
  });
  expect(saved.status(), await saved.text()).toBe(201);

  await page.goto("/batch");
  const form = page.getByRole("form", { name: "New batch job" });
  const prompts = form.getByRole("textbox", { name: /Prompts/ });
  await prompts.fill("Say hello.");
  await form.getByRole("button", { name: "Take prompts from a conversation" }).click();
  const dialog = page.getByRole("dialog", { name: "Take prompts from a conversation" });
  await dialog.getByRole("button", { name: new RegExp(title) }).click();
  await expect(dialog).toBeHidden();
  // In the editor before anything is sent: the typed line, then each user message (the one of
  // two lines as a JSON string), and the conversation's system prompt.
  await expect(prompts).toHaveValue(
    'Say hello.\nWhere should I go in May?\n"Plan three days\\nwith a museum each day"',
  );
  await expect(form.getByRole("textbox", { name: "System prompt (optional)" })).toHaveValue(
    "You are a travel agent.",
  );
  await expect(form.getByRole("status")).toHaveText(
    `2 prompts added from “${title}”, with its system prompt.`,
  );
  await expect(form.getByText("3 requests.", { exact: false })).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/batch-from-conversation.png", fullPage: true });
  await form.getByRole("button", { name: "Create batch job" }).click();

  await expect(page).toHaveURL(/\/batch\/[0-9a-f-]{36}$/);
  const jobId = page.url().split("/").pop()!;
  await expect(page.getByTestId("batch-status")).toHaveText("Succeeded", { timeout: 30_000 });
  await expect(page.getByRole("definition").nth(2)).toHaveText("3");
  // The admin started it, and says so.
  await expect(page.getByRole("definition").filter({ hasText: "admin@example.com" })).toBeVisible();
  // The requests sent are the ones shown: read back from the job's input file.
  const job = await (await request.get(`/v1/batch/jobs/${jobId}`)).json();
  const input = await request.get(`/v1/files/${job.input_files[0]}/content`);
  const bodies = (await input.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l).body.messages);
  expect(bodies).toEqual([
    [
      { role: "system", content: "You are a travel agent." },
      { role: "user", content: "Say hello." },
    ],
    [
      { role: "system", content: "You are a travel agent." },
      { role: "user", content: "Where should I go in May?" },
    ],
    [
      { role: "system", content: "You are a travel agent." },
      { role: "user", content: "Plan three days\nwith a museum each day" },
    ],
  ]);
});

test("a member does not see Cancel on another user's batch, but on their own", async ({
  browser,
  baseURL,
}) => {
  // Two jobs, the admin's and the member's. At speed 40 a small job ends within a second, so the
  // page is shown them as still running (the server's answer with its status changed): Cancel
  // depends on who started the job, not on when the page looked.
  const admin = await adminContext(baseURL!);
  const member = await createUser(admin, "member", "batch-member");
  const upload = async (ctx: APIRequestContext) => {
    const res = await ctx.post("/v1/files", {
      multipart: {
        purpose: "batch",
        file: {
          name: "requests.jsonl",
          mimeType: "application/jsonl",
          buffer: Buffer.from(
            JSON.stringify({
              custom_id: "1",
              body: { messages: [{ role: "user", content: "Hi" }] },
            }) + "\n",
          ),
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  };
  const start = async (ctx: APIRequestContext) => {
    const res = await ctx.post("/v1/batch/jobs", {
      data: {
        input_files: [await upload(ctx)],
        endpoint: "/v1/chat/completions",
        model: "mistral-small-latest",
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()) as { id: string }).id;
  };
  const memberApi = await userContext(baseURL!, member);
  const theirs = await start(admin);
  const mine = await start(memberApi);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInPage(page, baseURL!, member);
  await page.route(/\/v1\/batch\/jobs\/[0-9a-f-]{36}$/, async (route) => {
    const response = await route.fetch();
    const job = await response.json();
    await route.fulfill({ response, json: { ...job, status: "RUNNING" } });
  });

  await page.goto(`/batch/${theirs}`);
  await expect(page.getByTestId("batch-status")).toHaveText("Running");
  await expect(page.getByRole("definition").filter({ hasText: ADMIN.email })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);

  await page.goto(`/batch/${mine}`);
  await expect(page.getByTestId("batch-status")).toHaveText("Running");
  await expect(page.getByRole("definition").filter({ hasText: member.email })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel job" })).toBeVisible();

  // The list says who started each.
  await page.goto("/batch");
  const row = (id: string) =>
    page.getByRole("row").filter({ has: page.getByRole("link", { name: id.slice(0, 8) }) });
  await expect(row(theirs)).toContainText(ADMIN.email);
  await expect(row(mine)).toContainText(member.email);
  await context.close();
  await memberApi.dispose();
  await admin.dispose();
});
