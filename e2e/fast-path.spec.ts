// In production (`next start`) /v1 is answered by the fast path in front of Next
// (lib/server/fast-path.ts), with the route handler's own checks; pages, /api and the URLs Next
// redirects still reach Next unchanged.
import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./test";

const MARK = "x-console-fast-path";

test("/v1 is answered by the fast path; pages, /api and Next's redirects are not", async ({
  request,
}) => {
  const models = await request.get("/v1/models");
  expect(models.status()).toBe(200);
  expect(models.headers()[MARK]).toBe("1");
  expect(((await models.json()) as { object: string }).object).toBe("list");
  // next.config.js's headers, as Next would have sent them.
  expect(models.headers()["x-frame-options"]).toBe("DENY");
  expect(models.headers()["content-security-policy"]).toContain("script-src 'self';");

  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(health.headers()[MARK]).toBeUndefined();

  const page = await request.get("/models");
  expect(page.status()).toBe(200);
  expect(page.headers()[MARK]).toBeUndefined();
  // proxy.ts ran: the page's policy carries a fresh nonce.
  expect(page.headers()["content-security-policy"]).toMatch(/'nonce-[A-Za-z0-9+/]+=*'/);

  const slashes = await request.get("/v1//models", { maxRedirects: 0 });
  expect(slashes.status()).toBe(308);
  expect(slashes.headers()[MARK]).toBeUndefined();
});

test("the fast path checks who is calling as the route handler does", async ({ baseURL }) => {
  // No cookies: a context made in a test otherwise inherits the project's signed-in storage.
  const anonymous = await playwrightRequest.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  try {
    const res = await anonymous.get("/v1/models");
    expect(res.status()).toBe(401);
    expect(res.headers()[MARK]).toBe("1");
    expect(await res.json()).toMatchObject({ object: "error", code: "unauthenticated" });
    // A cookie-less write with a foreign token is refused the same way.
    const write = await anonymous.post("/v1/chat/completions", {
      headers: { authorization: "Bearer mc_not-a-token", origin: "https://evil.example" },
      data: { model: "mistral-small-latest", messages: [{ role: "user", content: "hi" }] },
    });
    expect(write.status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }
});

test("a stream through the fast path arrives event by event and stopping it stops the generation", async ({
  page,
}) => {
  await page.goto("/models");
  const aborted = async () =>
    (
      (await (await page.request.get("/api/health")).json()) as {
        sandbox?: { abortedGenerations?: number };
      }
    ).sandbox?.abortedGenerations ?? NaN;
  const before = await aborted();
  // The page's own fetch, as the playground streams: read one chunk, then stop.
  const first = await page.evaluate(async () => {
    const controller = new AbortController();
    const res = await fetch("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        model: "mistral-small-latest",
        stream: true,
        max_tokens: 4000,
        messages: [{ role: "user", content: "Write a very long story about a lighthouse." }],
      }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    controller.abort();
    return {
      status: res.status,
      mark: res.headers.get("x-console-fast-path"),
      text: new TextDecoder().decode(value),
    };
  });
  expect(first.status).toBe(200);
  expect(first.mark).toBe("1");
  expect(first.text).toMatch(/^data: \{/);
  await expect.poll(aborted, { timeout: 10_000 }).toBeGreaterThan(before);
});
