import type { Page } from "@playwright/test";
import { chooseFiles, expect, test } from "./test";
import { SANDBOX_AGENTS } from "../lib/sandbox/generation/agents";

// Each test runs in its own browser context against the one shared sandbox, signed in as the one
// admin: the playground opens on a new conversation, so the admin's saved ones do not interfere.

async function openChat(page: Page, query = "") {
  await page.goto(`/playground${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
  // The model list has loaded once a real model is chosen.
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).not.toHaveValue("");
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).not.toContainText(
    "Loading",
  );
}

/** The playground in agent mode with this agent, as the Agents page's "Open in playground" opens it. */
async function openAgent(page: Page, id: string) {
  await page.goto(`/playground?agent=${encodeURIComponent(id)}`);
  await expect(page.getByRole("radio", { name: "Agent" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Agent" })).toHaveValue(id);
}

/** The request that starts a conversation (agent mode's first turn). */
const isConversationStart = (r: { url: () => string; method: () => string }) =>
  r.method() === "POST" && new URL(r.url()).pathname === "/v1/conversations";

async function send(page: Page, text: string) {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

const messages = (page: Page) => page.getByRole("list", { name: "Messages" }).getByRole("listitem");
const answers = (page: Page) => page.getByRole("listitem", { name: /^Assistant message/ });
const streaming = (page: Page) => page.getByLabel("Answer in progress");
/** The answer's text alone, without its metrics (timings differ from run to run). */
const answerText = (page: Page) => answers(page).last().locator(".pg-markdown").innerText();

async function waitForAnswer(page: Page) {
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await expect(streaming(page)).toHaveCount(0);
}

async function abortedGenerations(page: Page): Promise<number> {
  const res = await page.request.get("/api/health");
  const body = (await res.json()) as { sandbox?: { abortedGenerations?: number } };
  return body.sandbox?.abortedGenerations ?? NaN;
}

test("a chat answer streams in, grows over time, and reports its metrics @live", async ({
  page,
}) => {
  await openChat(page);
  // Today's chat takes no min_tokens: a request for a detailed answer runs up to max_tokens.
  await page.getByLabel("Max tokens").fill("800");
  await send(page, "Explain fill-in-the-middle completion in detail, with an example.");

  const live = streaming(page);
  await expect(live).toBeVisible();
  await expect(live).not.toContainText("Waiting for the first token");
  const first = (await live.innerText()).length;
  await page.waitForTimeout(400);
  await expect(live).toBeVisible(); // still streaming...
  const later = (await live.innerText()).length;
  expect(later).toBeGreaterThan(first); // ...and growing
  await page.screenshot({ path: ".data/screenshots/playground-chat-streaming.png" });

  await waitForAnswer(page);
  const answer = answers(page).last();
  await expect(answer).toContainText("[sandbox]");
  const metrics = answer.getByLabel("Answer metrics");
  // A detailed answer runs until the 800 tokens allowed.
  await expect(metrics).toContainText(/Finish\s*length/);
  await expect(metrics).toContainText(/First token\s*[\d,]+ ms/);
  await expect(metrics).toContainText(/Speed\s*[\d.,]+ tok\/s/);
  await expect(metrics).toContainText(/Completion\s*[\d,]{3,}/);
  await page.screenshot({ path: ".data/screenshots/playground-chat.png", fullPage: true });
});

// Reads the embedded sandbox's abort count from /api/health: not tagged @live.
test("Stop aborts the generation upstream and keeps what arrived", async ({ page }) => {
  await openChat(page);
  const before = await abortedGenerations(page);
  await page.getByLabel("Max tokens").fill("5000");
  await send(page, "Write a very long essay about the Mistral wind.");
  // Tokens have arrived (asserted on the element itself: a "not waiting" check on an answer not yet
  // rendered would pass at once). At 200 tokens a second the 5,000 asked for take 25 s.
  await expect(streaming(page)).toContainText("[sandbox]");
  await page.getByRole("button", { name: "Stop", exact: true }).click();

  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  // Should the run have ended some other way, the failure says how (its metrics line).
  const ended = await answers(page).last().getByLabel("Answer metrics").innerText();
  await expect(
    page.getByRole("status").filter({ hasText: "Stopped" }),
    `Stop left no "Stopped" note; the answer's metrics: ${ended}`,
  ).toContainText("The answer so far is kept");
  const kept = answers(page).last();
  await expect(kept).toContainText("[sandbox]");
  await expect(kept.getByText("Incomplete")).toBeVisible();
  // The gateway aborted the upstream: the sandbox counted a stopped generation.
  await expect.poll(() => abortedGenerations(page), { timeout: 10_000 }).toBeGreaterThan(before);
});

test("Stop only stops: a half-typed follow-up stays in the box and nothing new starts", async ({
  page,
}) => {
  await openChat(page);
  // Today's chat takes no min_tokens: a request for a long essay runs up to max_tokens.
  await page.getByLabel("Max tokens").fill("5000");
  await send(page, "Write a very long essay about the Mistral wind.");
  await expect(streaming(page)).toContainText("[sandbox]");
  const box = page.getByLabel("Message", { exact: true });
  await box.fill("And what about the tramontane");
  await page.getByRole("button", { name: "Stop", exact: true }).click();

  await expect(page.getByRole("status").filter({ hasText: "Stopped" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeVisible();
  // Give a wrongly started run time to show itself.
  await page.waitForTimeout(1_000);
  await expect(streaming(page)).toHaveCount(0);
  await expect(box).toHaveValue("And what about the tramontane");
  await expect(messages(page)).toHaveCount(2);
  await expect(answers(page)).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Conversation" }).getByRole("alert")).toHaveCount(
    0,
  );
});

test("regenerate replaces the last answer; edit-and-resend drops what followed", async ({
  page,
}) => {
  await openChat(page);
  await page.getByLabel("Random seed").fill("1");
  await send(page, "Name three French painters.");
  await waitForAnswer(page);
  const firstText = await answerText(page);

  await page.getByLabel("Random seed").fill("2");
  await page.getByRole("button", { name: "Regenerate" }).click();
  await waitForAnswer(page);
  await expect(messages(page)).toHaveCount(2);
  await expect(answers(page)).toHaveCount(1);
  expect(await answerText(page)).not.toBe(firstText);

  // The same seed gives the same answer again: regenerate is a real new request.
  await page.getByLabel("Random seed").fill("1");
  await page.getByRole("button", { name: "Regenerate" }).click();
  await waitForAnswer(page);
  expect(await answerText(page)).toBe(firstText);

  await page.getByRole("button", { name: "Edit User message 1" }).click();
  await page.getByLabel("Content").fill("Name three Italian painters.");
  await page.getByRole("button", { name: "Save and resend" }).click();
  await waitForAnswer(page);
  await expect(messages(page)).toHaveCount(2);
  await expect(messages(page).first()).toContainText("Italian");
  await expect(answers(page).last()).toContainText("Italian");
});

test("JSON mode answers with JSON that parses", async ({ page }) => {
  await openChat(page);
  await page.getByLabel("JSON mode").check();
  await send(page, "Describe a cat as a JSON object with name and age.");
  await waitForAnswer(page);
  const text = await answers(page).last().getByTestId("json-answer").innerText();
  const parsed = JSON.parse(text) as unknown;
  expect(parsed).toBeInstanceOf(Object);
  expect(Array.isArray(parsed)).toBe(false);
});

test("a tool call round trip: the model asks, the user answers, the model continues @live", async ({
  page,
}) => {
  await openChat(page);
  await page.getByText("Tools", { exact: true }).click();
  await page.getByRole("button", { name: "Add example (get_weather)" }).click();
  // The schema is checked as it is typed.
  const schema = page.getByLabel("Parameters (JSON schema)");
  const good = await schema.inputValue();
  await schema.fill("{ not json");
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  await schema.fill(good);
  await expect(page.getByText(/Not valid JSON/)).toHaveCount(0);
  await page.getByLabel("Tool choice").selectOption("any");

  await send(page, "What is the weather in Paris?");
  await waitForAnswer(page);
  const call = answers(page).last().getByRole("list", { name: "Tool calls" });
  await expect(call).toContainText("get_weather");
  await expect(call).toContainText("Paris");
  await page.screenshot({ path: ".data/screenshots/playground-tool-call.png", fullPage: true });

  await page.getByLabel("Tool choice").selectOption("auto");
  await page.getByLabel("Result of get_weather").fill('{"temperature": 18, "sky": "clear"}');
  await page.getByRole("button", { name: "Send results" }).click();
  await waitForAnswer(page);
  await expect(page.getByRole("listitem", { name: /^Tool message 3/ })).toContainText(
    '"temperature": 18',
  );
  const final = answers(page).last();
  await expect(final.getByLabel("Answer metrics")).toContainText("stop");
  await expect(final).toContainText("18");
});

// open-mistral-nemo was retired on 2026-03-31: the pickers no longer offer it.
test("compare mode streams two models side by side", async ({ page }) => {
  await openChat(page);
  await page.getByRole("button", { name: "Compare" }).click();
  await page.getByLabel("Pane 1 model").selectOption("mistral-small-latest");
  await page.getByLabel("Pane 2 model").selectOption("ministral-8b-latest");
  await send(page, "Say hello in French.");
  const one = page.getByRole("region", { name: "Pane 1" });
  const two = page.getByRole("region", { name: "Pane 2" });
  await expect(one.getByLabel("Answer metrics")).toContainText("mistral-small-latest", {
    timeout: 30_000,
  });
  await expect(two.getByLabel("Answer metrics")).toContainText("ministral-8b-latest", {
    timeout: 30_000,
  });
  await expect(one.getByTestId("pane-answer")).toContainText("[sandbox]");
  await expect(two.getByTestId("pane-answer")).toContainText("[sandbox]");
  await page.screenshot({ path: ".data/screenshots/playground-compare.png", fullPage: true });

  await two.getByRole("button", { name: "Use this answer" }).click();
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).last().getByLabel("Answer metrics")).toContainText(
    "ministral-8b-latest",
  );
});

test("agent mode runs through the conversations API without the system prompt @live", async ({
  page,
}) => {
  const agent = SANDBOX_AGENTS.find((a) => a.style === "json") ?? SANDBOX_AGENTS[0];
  // The sandbox's built-in agents are not in GET /v1/agents: opened by id, as from a link.
  await openAgent(page, agent.id);
  await expect(page.getByLabel("System prompt")).toHaveCount(0);
  await expect(page.getByLabel("Temperature", { exact: true })).toHaveCount(0);

  const request = page.waitForRequest(isConversationStart);
  await send(page, "Extract the name and city: Marie lives in Lyon.");
  const body = (await request).postDataJSON() as Record<string, unknown>;
  expect(body).toMatchObject({ agent_id: agent.id, stream: true, store: true });
  expect(body).not.toHaveProperty("model");
  expect(body).not.toHaveProperty("instructions");
  expect(JSON.stringify(body.inputs)).not.toContain('"system"');
  await waitForAnswer(page);
  await expect(answers(page).last().getByLabel("Answer metrics")).toContainText(agent.model);
  await page.screenshot({ path: ".data/screenshots/playground-agent.png", fullPage: true });
});

test("an agent answers in the playground through the conversations API, continues the same conversation on the next turn and after a reload", async ({
  page,
  request,
}) => {
  const name = `Tour guide ${Date.now()}`;
  const created = await request.post("/v1/agents", {
    data: { model: "mistral-small-latest", name, instructions: "Guide tours." },
  });
  expect(created.ok()).toBe(true);
  const agent = (await created.json()) as { id: string };
  const calls: { path: string; body: Record<string, unknown> }[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === "POST" && path.startsWith("/v1/conversations")) {
      calls.push({ path, body: r.postDataJSON() as Record<string, unknown> });
    }
  });
  await openAgent(page, agent.id);
  await send(page, "What should I see in Lyon?");
  await waitForAnswer(page);
  await expect(answers(page).last()).toContainText(`[sandbox] ${name} here`);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({
    path: "/v1/conversations",
    body: { agent_id: agent.id, stream: true, store: true },
  });

  await send(page, "And in the evening?");
  await waitForAnswer(page);
  expect(calls).toHaveLength(2);
  const conversationPath = calls[1].path;
  expect(conversationPath).toMatch(/^\/v1\/conversations\/conv_[0-9a-f]+$/);
  // Only the new message goes: the upstream conversation keeps the history.
  expect(calls[1].body.inputs).toEqual([
    { type: "message.input", role: "user", content: "And in the evening?" },
  ]);

  // A reload opens the saved conversation, which continues the same upstream one.
  await expect(page).toHaveURL(/[?&]c=/);
  await page.reload();
  await expect(messages(page)).toHaveCount(4);
  await send(page, "And the next day?");
  await waitForAnswer(page);
  expect(calls.map((c) => c.path)).toEqual([
    "/v1/conversations",
    conversationPath,
    conversationPath,
  ]);
  const history = await request.get(`${conversationPath}/history`);
  const entries = ((await history.json()) as { entries: { role: string }[] }).entries;
  expect(entries.map((e) => e.role)).toEqual([
    "user",
    "assistant",
    "user",
    "assistant",
    "user",
    "assistant",
  ]);

  // Regenerate restarts from the answer before the last question: a new upstream conversation.
  await page.getByRole("button", { name: "Regenerate" }).click();
  await waitForAnswer(page);
  expect(calls.at(-1)).toMatchObject({
    path: `${conversationPath}/restart`,
    body: { inputs: [{ role: "user", content: "And the next day?" }] },
  });
  await expect(messages(page)).toHaveCount(6);
});

test("a conversation is saved to the account, survives a reload, and can be renamed", async ({
  page,
}) => {
  const name = `Saved chat ${Date.now()}`;
  await openChat(page);
  await page.getByLabel("System prompt").fill("Answer briefly.");
  await send(page, "What is a mistral?");
  await waitForAnswer(page);
  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  const saved = page.getByRole("navigation", { name: "Saved conversations" });
  await expect(saved.getByRole("button", { name: new RegExp(name) })).toBeVisible();

  await page.reload();
  await expect(saved.getByRole("button", { name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  await expect(page.getByLabel("System prompt")).toHaveValue("Answer briefly.");
  await expect(messages(page)).toHaveCount(2);
  await expect(messages(page).first()).toContainText("What is a mistral?");

  // Export as Markdown downloads the conversation as it is.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);

  // "New" starts an empty one; the saved one stays listed.
  await saved.getByRole("button", { name: "New" }).click();
  await expect(page.getByText("No messages yet")).toBeVisible();
  await expect(saved.getByRole("button", { name: new RegExp(name) })).toBeVisible();
});

test("a 422 names the bad parameter inline, and View code shows the request without a key", async ({
  page,
}) => {
  await openChat(page, "?model=open-mistral-nemo");
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "open-mistral-nemo",
  );
  await page.getByLabel("Temperature", { exact: true }).fill("2");
  await send(page, "Hello?");
  const alert = page.getByRole("alert").filter({ hasText: "Invalid request" });
  await expect(alert).toContainText("temperature");
  await expect(alert).toContainText("1.5");
  await expect(page.getByLabel("Temperature", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await page.screenshot({ path: ".data/screenshots/playground-error.png", fullPage: true });

  // The same request would fail again: no Retry. Send works once the value is fixed.
  await expect(alert.getByRole("button", { name: /Retry/ })).toHaveCount(0);
  await page.getByLabel("Temperature", { exact: true }).fill("0.3");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await waitForAnswer(page);
  await expect(answers(page)).toHaveCount(1);

  await page.getByRole("button", { name: "View code" }).click();
  const dialog = page.getByRole("dialog", { name: "View code" });
  // It runs against this console with a console token, which a member can create.
  const origin = new URL(page.url()).origin;
  await expect(dialog).toContainText(`${origin}/v1/chat/completions`);
  await expect(dialog).toContainText("Authorization: Bearer $MISTRAL_CONSOLE_TOKEN");
  await expect(dialog).not.toContainText("MISTRAL_API_KEY");
  await expect(dialog.getByRole("link", { name: "Tokens page" })).toHaveAttribute(
    "href",
    "/settings/tokens",
  );
  await expect(dialog).toContainText('"temperature": 0.3');
  await dialog.getByRole("tab", { name: "Python" }).click();
  await expect(dialog).toContainText(`server_url="${origin}"`);
  await expect(dialog).toContainText('os.environ["MISTRAL_CONSOLE_TOKEN"]');
  // The Mistral API itself is one switch away.
  await dialog.getByLabel(/Call the Mistral API directly/).check();
  await expect(dialog).toContainText('os.environ["MISTRAL_API_KEY"]');
  await expect(dialog).not.toContainText("server_url");
  await expect(dialog).toContainText('model="open-mistral-nemo"');
  await dialog.getByRole("tab", { name: "TypeScript" }).click();
  await expect(dialog).toContainText("client.chat.stream(");
  await page.screenshot({ path: ".data/screenshots/playground-view-code.png" });
});

test("a model that is gone is flagged at once, with the nearest one a click away", async ({
  page,
}) => {
  await page.goto("/playground?model=mistral-large-2312");
  const warning = page.getByRole("alert").filter({ hasText: "is not available" });
  await expect(warning).toContainText("mistral-large-2312");
  await page.screenshot({ path: ".data/screenshots/playground-missing-model.png" });

  // Sending anyway fails with an answer no Retry can change.
  await send(page, "Hello?");
  const failed = page.getByRole("alert").filter({ hasText: "change it, then send again" });
  await expect(failed).toBeVisible();
  await expect(failed.getByRole("button", { name: /Retry/ })).toHaveCount(0);

  await warning.getByRole("button", { name: "Use mistral-large-latest" }).click();
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "mistral-large-latest",
  );
  await expect(warning).toHaveCount(0);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await waitForAnswer(page);
  await expect(answers(page)).toHaveCount(1);
});

// The next three replace one network answer (the true edge) to show errors the sandbox never gives.

test("a lost connection keeps the partial answer and Retry completes it", async ({ page }) => {
  await openChat(page);
  const chunk = (content: string) =>
    `data: ${JSON.stringify({
      id: "cut",
      object: "chat.completion.chunk",
      model: "mistral-small-latest",
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    })}\n\n`;
  // The stream ends without its [DONE]: the connection dropped mid-answer.
  await page.route(
    "**/v1/chat/completions",
    (route) =>
      route.fulfill({
        status: 200,
        headers: { "content-type": "text/event-stream" },
        body: chunk("The first half of an answer") + chunk(" that was cut"),
      }),
    { times: 1 },
  );
  await send(page, "Tell me about the Mistral wind.");
  const alert = page.getByRole("alert").filter({ hasText: "The answer was cut off" });
  await expect(alert).toContainText("The part of the answer that arrived is kept");
  const partial = answers(page).last();
  await expect(partial).toContainText("The first half of an answer that was cut");
  await expect(partial.getByText("Incomplete")).toBeVisible();

  await alert.getByRole("button", { name: "Retry" }).click();
  await waitForAnswer(page);
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).last()).toContainText("[sandbox]");
  await expect(alert).toHaveCount(0);
});

test("a 429 counts down its Retry-After before Retry is offered", async ({ page }) => {
  await openChat(page);
  await page.route(
    "**/v1/chat/completions",
    (route) =>
      route.fulfill({
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "2" },
        body: JSON.stringify({ message: "Requests rate limit exceeded" }),
      }),
    { times: 1 },
  );
  await send(page, "Hello?");
  const alert = page.getByRole("alert").filter({ hasText: "Rate limited" });
  await expect(alert).toContainText(/You can retry in [12] s/);
  await expect(alert.getByRole("button", { name: /Retry in/ })).toBeDisabled();
  await expect(alert.getByRole("button", { name: "Retry", exact: true })).toBeEnabled({
    timeout: 5_000,
  });
  await alert.getByRole("button", { name: "Retry", exact: true }).click();
  await waitForAnswer(page);
  await expect(answers(page)).toHaveCount(1);
});

test("a 401 says the server's key was rejected", async ({ page }) => {
  await openChat(page);
  await page.route(
    "**/v1/chat/completions",
    (route) =>
      route.fulfill({
        status: 401,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: "Unauthorized", request_id: "x" }),
      }),
    { times: 1 },
  );
  await send(page, "Hello?");
  const alert = page.getByRole("alert").filter({ hasText: "The Mistral API key was rejected" });
  await expect(alert).toContainText("MISTRAL_API_KEY");
  // The question is kept, ready to send again.
  await expect(messages(page)).toHaveCount(1);
});

// Issue 14: today's content chunks, end to end against the sandbox.

const chooseModel = (page: Page, id: string) =>
  page.getByRole("combobox", { name: "Model", exact: true }).selectOption(id);

test("a reasoning answer keeps every word, shows its thinking, and goes back whole", async ({
  page,
  request: api,
}) => {
  await openChat(page);
  await chooseModel(page, "magistral-small-latest");
  await expect(page.getByRole("group", { name: "Reasoning" })).toBeVisible();
  await page.getByLabel("Random seed").fill("7");
  const request = page.waitForRequest("**/v1/chat/completions");
  await send(page, "What is the capital of France?");
  const sent = (await request).postDataJSON() as Record<string, unknown>;
  await waitForAnswer(page);

  // The same request unstreamed: the whole answer, as the API gives it.
  const res = await api.post("/v1/chat/completions", {
    data: { ...sent, stream: false },
  });
  const plain = (await res.json()) as {
    choices: { message: { content: { type: string; text?: string }[] } }[];
  };
  const content = plain.choices[0].message.content;
  expect(content.map((c) => c.type)).toEqual(["thinking", "text"]);
  const words = (s: string) =>
    s
      .replace(/[*_`#>-]/g, " ")
      .split(/\s+/)
      .filter(Boolean);
  const expected = words(content[1].text!);
  const shown = words(await answerText(page));
  // Every word, the first ones (streamed in the same array as the last thinking chunk) included.
  expect(shown.slice(0, 6)).toEqual(expected.slice(0, 6));
  expect(shown.length).toBe(expected.length);

  const answer = answers(page).last();
  const thinking = answer.getByText(/^Thought for [\d.,]+ s$/);
  await expect(thinking).toBeVisible();
  await expect(answer.getByLabel("Answer metrics")).toContainText(/Thinking\s*[\d.,]+ s/);
  await thinking.click();
  await expect(answer.getByText(/The user asks: "What is the capital of France\?"/)).toBeVisible();
  await page.screenshot({ path: ".data/screenshots/playground-reasoning.png", fullPage: true });

  // The next turn sends the answer back exactly as the API gave it: thinking and text chunks.
  const next = page.waitForRequest("**/v1/chat/completions");
  await send(page, "And of Italy?");
  const body = (await next).postDataJSON() as { messages: { role: string; content: unknown }[] };
  expect(body.messages[1]).toEqual({ role: "assistant", content });
  await waitForAnswer(page);
});

test("a citation shows its title and opens its link", async ({ page, context }) => {
  const agent = SANDBOX_AGENTS.find((a) => a.style === "cited")!;
  // The sandbox's sources are not on the web: the new tab gets a stand-in page.
  await context.route("https://sandbox.invalid/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Source</title>A source" }),
  );
  await openAgent(page, agent.id);
  await send(page, "Where is the Louvre? It is in Paris.");
  await waitForAnswer(page);
  const answer = answers(page).last();
  const text = await answerText(page);
  // The text before the first source is kept, and each source is numbered where it came.
  expect(text).toMatch(/^\[sandbox\] Research assistant here/);
  expect(text).toMatch(/\[1\].+\[2\]$/s);
  const refs = answer.getByRole("list", { name: "References" }).getByRole("listitem");
  await expect(refs).toHaveText([/\[1\]\s*Sandbox source 1/, /\[2\]\s*Sandbox source 2/]);
  const link = refs.first().getByRole("link", { name: /Sandbox source 1/ });
  await expect(link).toHaveAttribute("href", "https://sandbox.invalid/source-1");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await page.screenshot({ path: ".data/screenshots/playground-citations.png", fullPage: true });
  const popup = page.waitForEvent("popup");
  await link.click();
  expect((await popup).url()).toBe("https://sandbox.invalid/source-1");
});

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("an image question to a vision model sends the image as an image_url chunk", async ({
  page,
}) => {
  await openChat(page);
  // Images are offered only to models whose card says vision.
  await chooseModel(page, "codestral-latest");
  await expect(page.getByRole("button", { name: "Add image" })).toHaveCount(0);
  await chooseModel(page, "pixtral-12b-latest");
  await chooseFiles(page.getByLabel("Image file"), {
    name: "dot.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await expect(page.getByRole("img", { name: "Image 1 to send" })).toBeVisible();
  const request = page.waitForRequest("**/v1/chat/completions");
  await send(page, "What is in this image?");
  const body = (await request).postDataJSON() as { messages: { content: unknown }[] };
  expect(body.messages[0].content).toEqual([
    { type: "text", text: "What is in this image?" },
    { type: "image_url", image_url: { url: `data:image/png;base64,${PNG.toString("base64")}` } },
  ]);
  await waitForAnswer(page);
  const question = page.getByRole("listitem", { name: "User message 1" });
  await expect(question.getByRole("img", { name: "Image 1" })).toBeVisible();
  await expect(answers(page).last()).toContainText("[sandbox]");
  await expect(page.getByText(/not supported/)).toHaveCount(0);
});

test("a structured-output answer fits its JSON schema, checked as typed and on arrival", async ({
  page,
}) => {
  await openChat(page);
  await page.getByText("Structured output", { exact: true }).click();
  await page.getByLabel("Answer with JSON that fits a schema").check();
  const schema = page.getByLabel("JSON schema", { exact: true });
  await schema.fill('{"type": "object",');
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  await schema.fill(
    JSON.stringify({
      type: "object",
      properties: { title: { type: "string" }, year: { type: "integer" } },
      required: ["title", "year"],
      additionalProperties: false,
    }),
  );
  await expect(page.getByText(/Not valid JSON/)).toHaveCount(0);
  const request = page.waitForRequest("**/v1/chat/completions");
  await send(page, "Name a famous novel and its year.");
  const body = (await request).postDataJSON() as { response_format: Record<string, unknown> };
  expect(body.response_format).toMatchObject({
    type: "json_schema",
    json_schema: { name: "book", strict: true, schema: { required: ["title", "year"] } },
  });
  await waitForAnswer(page);
  const answer = answers(page).last();
  const json = JSON.parse(await answer.getByTestId("json-answer").innerText()) as object;
  expect(Object.keys(json).sort()).toEqual(["title", "year"]);
  await expect(answer.getByText("✓ Fits the JSON schema")).toBeVisible();
});

test("any message can be checked with a moderation model", async ({ page }) => {
  await openChat(page);
  await page.getByLabel("Message", { exact: true }).fill("I will kill the dragon at dawn.");
  await page.getByRole("button", { name: "Add message" }).click();
  const request = page.waitForRequest("**/v1/chat/moderations");
  await page.getByRole("button", { name: "Moderate User message 1" }).click();
  const body = (await request).postDataJSON() as { model: string; input: unknown };
  expect(body.input).toEqual([{ role: "user", content: "I will kill the dragon at dawn." }]);
  const verdict = page.getByRole("status", { name: "Moderation" });
  // The sandbox scores "kill" as a threat, as the live model would.
  await expect(verdict).toContainText(/Flagged by .*violence and threats/);
  await expect(verdict).toContainText(body.model);
});
