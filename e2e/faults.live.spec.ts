// The console in live mode against a fake Mistral API (e2e/fake-upstream.ts) that fails on
// command: what a user sees when the upstream breaks, hangs, answers garbage or rate-limits, and
// what the gateway does about it. UPSTREAM_TIMEOUT_MS and STREAM_IDLE_TIMEOUT_MS are 3 s here.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { CANARY_KEY } from "./canary";

const port = Number(process.env.E2E_PORT ?? 3100);
const UPSTREAM = `http://127.0.0.1:${port + 3}`;
const LOG = `.data/e2e-${port + 2}.log`;
const CHAT = "/v1/chat/completions";

// One fake upstream with one fault queue: these tests take turns, in one worker, in order (and
// each starts from a reset upstream, so one failing does not stop the others).
test.describe.configure({ mode: "default" });

async function fault(request: APIRequestContext, mode: string, path = CHAT, times = 1) {
  expect((await request.post(`${UPSTREAM}/__fault`, { data: { mode, path, times } })).ok()).toBe(
    true,
  );
}

async function attempts(request: APIRequestContext): Promise<Record<string, number>> {
  return (await (await request.get(`${UPSTREAM}/__stats`)).json()) as Record<string, number>;
}

const logLines = (pattern: RegExp) =>
  readFileSync(LOG, "utf8")
    .split("\n")
    .filter((line) => pattern.test(line));

// Every answer the browser gets from the console is checked for the key, bodies included.
const seen: Promise<string>[] = [];

test.beforeEach(async ({ page, request }) => {
  await request.post(`${UPSTREAM}/__reset`);
  page.on("response", (response) => {
    if (!response.url().startsWith(`http://127.0.0.1:${port + 2}`)) return;
    seen.push(
      response
        .body()
        .then((b) => `${response.url()}\n${JSON.stringify(response.headers())}\n${b.toString()}`)
        .catch(() => `${response.url()}\n${JSON.stringify(response.headers())}`),
    );
  });
});

test.afterEach(async () => {
  const texts = await Promise.all(seen.splice(0));
  expect(texts.filter((t) => t.includes(CANARY_KEY))).toEqual([]);
});

async function openChat(page: Page) {
  await page.goto("/playground");
  await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Model", exact: true })).toHaveValue(
    "mistral-small-latest",
  );
}

async function send(page: Page, text: string) {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

const answers = (page: Page) => page.getByRole("listitem", { name: /^Assistant message/ });
const alertWith = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });

test("a stream the upstream breaks off: the partial answer stays, one log line, still healthy", async ({
  page,
  request,
}) => {
  await openChat(page);
  const before = logLines(/broke off/).length;
  await fault(request, "cut");
  await send(page, "Tell me about the mistral.");

  const alert = alertWith(page, "The answer was cut off");
  await expect(alert).toContainText("The part of the answer that arrived is kept");
  const partial = answers(page).last();
  await expect(partial).toContainText("The mistral is a strong cold");
  await expect(partial).not.toContainText("Rhone");
  await expect(partial.getByText("Incomplete")).toBeVisible();

  // Reported once by the gateway, naming the call, and the console carries on.
  await expect.poll(() => logLines(/broke off/).length).toBe(before + 1);
  expect(logLines(/broke off/).at(-1)).toContain(`POST ${CHAT}`);
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", backend: "live" });

  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(answers(page).last()).toContainText("through the Rhone valley");
  await expect(alert).toHaveCount(0);
  // Still exactly one line: nothing else went wrong.
  await page.waitForTimeout(200);
  expect(logLines(/broke off/).length).toBe(before + 1);
});

test("an upstream that hangs is a 504 within seconds; a stream gone quiet is cut after the idle time", async ({
  page,
  request,
}) => {
  await openChat(page);
  await fault(request, "hang");
  const start = Date.now();
  await send(page, "Are you there?");
  const timeout = alertWith(page, "Upstream timed out");
  await expect(timeout).toContainText("did not answer within 3 s", { timeout: 8_000 });
  const waited = Date.now() - start;
  expect(waited).toBeGreaterThanOrEqual(2_500);
  expect(waited).toBeLessThan(8_000);

  // Headers and a first chunk, then silence: closed after STREAM_IDLE_TIMEOUT_MS.
  const before = logLines(/sent nothing for 3000 ms/).length;
  await fault(request, "idle");
  await timeout.getByRole("button", { name: "Retry" }).click();
  await expect(answers(page).last()).toContainText("The mistral is");
  const cut = alertWith(page, "The answer was cut off");
  await expect(cut).toBeVisible({ timeout: 8_000 });
  await expect(answers(page).last().getByText("Incomplete")).toBeVisible();
  await expect.poll(() => logLines(/sent nothing for 3000 ms/).length).toBe(before + 1);
});

test("a 502 with an HTML page or garbage shows a readable error, not a crash", async ({
  page,
  request,
}) => {
  // The models page: every try (the gateway's and the page's own retries) gets nginx's page.
  await fault(request, "html502", "/v1/models", 100);
  await page.goto("/models");
  const alert = alertWith(page, "Upstream unreachable");
  await expect(alert).toContainText(
    "The Mistral API answered 502 Bad Gateway with a body that is not JSON (text/html).",
    { timeout: 20_000 },
  );
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  await expect(page.getByText("nginx")).toHaveCount(0);
  // Once the upstream is back, Retry shows the list.
  await request.post(`${UPSTREAM}/__reset`);
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("open-mistral-nemo").first()).toBeVisible();
  await expect(alert).toHaveCount(0);

  // The playground: a chat answered with binary garbage.
  await openChat(page);
  await fault(request, "garbage502");
  await send(page, "Hello?");
  await expect(alertWith(page, "Upstream unreachable")).toContainText(
    "not JSON (application/octet-stream)",
  );
  await expect(page.getByLabel("Message", { exact: true })).toBeEditable();
});

test("a 429 counts down its Retry-After; the chat is not retried on its own", async ({
  page,
  request,
}) => {
  await openChat(page);
  await fault(request, "429");
  await send(page, "Hello?");
  const alert = alertWith(page, "Rate limited");
  await expect(alert).toContainText(/You can retry in [23] s/);
  await expect(alert.getByRole("button", { name: /Retry in [23] s/ })).toBeDisabled();
  await expect(alert.getByRole("button", { name: "Retry", exact: true })).toBeEnabled({
    timeout: 5_000,
  });
  expect((await attempts(request))[`POST ${CHAT}`]).toBe(1);
  await alert.getByRole("button", { name: "Retry", exact: true }).click();
  await expect(answers(page).last()).toContainText("through the Rhone valley");
  expect((await attempts(request))[`POST ${CHAT}`]).toBe(2);
});

test("the gateway retries a read with backoff and never a write", async ({ request }) => {
  // Two 503s, then the list: the caller sees only the list.
  await fault(request, "503", "/v1/models", 2);
  const start = Date.now();
  const list = await request.get("/v1/models");
  expect(list.status()).toBe(200);
  expect(Date.now() - start).toBeGreaterThanOrEqual(700); // 250 ms, then 500 ms
  expect((await attempts(request))["GET /v1/models"]).toBe(3);

  // A write that fails is the caller's to retry: one attempt, the 503 passed on.
  await fault(request, "503", CHAT, 2);
  const chat = await request.post(CHAT, {
    // As the console's own pages send it (CONSOLE_AUTH=off checks the Origin of writes).
    headers: { origin: `http://127.0.0.1:${port + 2}` },
    data: { model: "mistral-small-latest", messages: [{ role: "user", content: "Hi" }] },
  });
  expect(chat.status()).toBe(503);
  expect((await attempts(request))[`POST ${CHAT}`]).toBe(1);

  // A read told to wait longer than the gateway will (Retry-After: 3) gets the 429 at once.
  await fault(request, "429", "/v1/models");
  const limited = await request.get("/v1/models");
  expect(limited.status()).toBe(429);
  expect(limited.headers()["retry-after"]).toBe("3");
  expect((await attempts(request))["GET /v1/models"]).toBe(4);

  // The answers above went through the gateway too: none holds the key.
  for (const res of [list, chat, limited]) {
    expect(`${JSON.stringify(res.headers())}${await res.text()}`).not.toContain(CANARY_KEY);
  }
});

test("the key is in no page, answer or log line of the live console", async ({ page, request }) => {
  for (const path of [
    "/playground",
    "/playground/fim",
    "/playground/embeddings",
    "/files",
    "/fine-tuning",
    "/models",
    "/models/mistral-small-latest",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.content(), path).not.toContain(CANARY_KEY);
  }
  for (const path of ["/api/health", "/v1/models", "/v1/models/nope", "/v1/files"]) {
    const res = await request.get(path);
    expect(`${JSON.stringify(res.headers())}\n${await res.text()}`, path).not.toContain(CANARY_KEY);
  }
  // The fake upstream only lets the canary in: the console did send it, and logged it nowhere.
  const log = readFileSync(LOG, "utf8");
  expect(log).toContain("backend: live");
  expect(log).not.toContain(CANARY_KEY);
});
