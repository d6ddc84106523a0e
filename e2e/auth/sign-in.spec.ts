// The sign-in page, sign-out, per-account throttling and the Origin check on cookie writes.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { ADMIN } from "./admin";
import {
  adminContext,
  clientAddress,
  createUser,
  newContext,
  screenshot,
  signInPage,
  userContext,
} from "./fixtures";

test("sign in from a page, sign out, and the old cookie is dead @postgres", async ({
  page,
  baseURL,
}) => {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
  await page.goto("/models");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmodels$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password-at-all");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Invalid email or password" }),
  ).toBeVisible();
  await screenshot(page, "sign-in-wrong-password");

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/models$/);
  const models = await page.context().request.get("/v1/models");
  expect(models.status()).toBe(200);
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The cookie the browser held before signing out no longer opens anything.
  const old = await newContext(baseURL!);
  const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await old.get("/v1/models", { headers: { cookie: cookieHeader } });
  expect(res.status()).toBe(401);
  expect(((await res.json()) as { code: string }).code).toBe("unauthenticated");
  await old.dispose();
});

test("five wrong passwords pause the account: 429 with Retry-After, the page says wait @postgres", async ({
  page,
  baseURL,
}) => {
  const admin = await adminContext(baseURL!);
  const user = await createUser(admin, "member", "throttled");
  // Each guess from its own address: only the per-account limit is under test.
  for (let i = 0; i < 5; i++) {
    const guess = await newContext(baseURL!);
    const res = await guess.post("/api/auth/sign-in/email", {
      data: { email: user.email, password: `wrong-password-${i}` },
    });
    expect(res.status(), await res.text()).toBe(401);
    await guess.dispose();
  }
  const right = await newContext(baseURL!);
  const res = await right.post("/api/auth/sign-in/email", {
    data: { email: user.email, password: user.password },
  });
  expect(res.status()).toBe(429);
  const retryAfter = Number(res.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(0);
  await right.dispose();

  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const notice = page.getByRole("alert").filter({ hasText: "paused for this account" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/Try again in \d+/);
  await screenshot(page, "sign-in-throttled");
  await expect(page).toHaveURL(/\/sign-in/);
  await admin.dispose();
});

test("cookie writes from another origin, or with no origin, are refused", async ({ baseURL }) => {
  const admin = await adminContext(baseURL!);
  const user = await createUser(admin, "member");
  const member = await userContext(baseURL!, user);
  const chat = {
    model: "mistral-small-latest",
    messages: [{ role: "user", content: "hi" }],
    max_tokens: 5,
  };

  const evil = await member.post("/v1/chat/completions", {
    headers: { origin: "http://evil.example" },
    data: chat,
  });
  expect(evil.status()).toBe(403);
  expect(((await evil.json()) as { code: string }).code).toBe("cross_site");

  // The same cookies with no Origin at all: a new context without the default Origin header.
  const state = await member.storageState();
  const bare = await playwrightRequest.newContext({ baseURL, storageState: state });
  const none = await bare.post("/v1/chat/completions", { data: chat });
  expect(none.status()).toBe(403);
  expect(((await none.json()) as { code: string }).code).toBe("cross_site");
  // Reads need no Origin.
  expect((await bare.get("/v1/models")).status()).toBe(200);
  // And with the console's own Origin the same write goes through.
  const own = await member.post("/v1/chat/completions", { data: chat });
  expect(own.status()).toBe(200);

  // Login CSRF: a sign-in posted from another site.
  const csrf = await newContext(baseURL!);
  const signIn = await csrf.post("/api/auth/sign-in/email", {
    headers: { origin: "http://evil.example" },
    data: { email: user.email, password: user.password },
  });
  expect(signIn.status()).toBe(403);
  expect(((await signIn.json()) as { code: string }).code).toBe("cross_site");

  await Promise.all([bare.dispose(), csrf.dispose(), member.dispose(), admin.dispose()]);
});

test("a real page on another origin cannot write with the session", async ({ page, baseURL }) => {
  const admin = await adminContext(baseURL!);
  const user = await createUser(admin, "member");
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": clientAddress() });
  await signInPage(page, baseURL!, user);
  const tokens = async () => {
    const res = await page.context().request.get("/api/console/tokens");
    expect(res.status()).toBe(200);
    return ((await res.json()) as { tokens: { name: string }[] }).tokens.map((t) => t.name);
  };
  expect(await tokens()).toEqual([]);

  // Another port of the same host is another origin but the same site: the browser sends the
  // console's cookie along, so only the Origin check stands in the way. Then a foreign site,
  // whose cross-site POST the browser sends without the (SameSite=Lax) cookie at all.
  const consoleUrl = new URL(baseURL!);
  const sameSite = `http://127.0.0.1:${Number(consoleUrl.port) + 50}`;
  for (const evil of [sameSite, "http://evil.example"]) {
    await page.route(`${evil}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<!doctype html><title>evil</title>" }),
    );
    await page.goto(`${evil}/attack`);
    // A form posted by the attacker's page: a top-level navigation, so its answer is not hidden
    // from the test by the console's Cross-Origin-Resource-Policy (as a fetch's would be).
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${baseURL}/api/console/tokens`),
      page.evaluate((target) => {
        const form = document.createElement("form");
        form.method = "POST";
        form.action = target;
        form.enctype = "text/plain";
        const input = document.createElement("input");
        input.name = '{"name":"planted","x":"';
        input.value = '"}';
        form.append(input);
        document.body.append(form);
        form.submit();
      }, `${baseURL}/api/console/tokens`),
    ]);
    const body = (await response.json()) as { code?: string };
    if (evil === sameSite) {
      expect(response.status(), evil).toBe(403);
      expect(body.code, evil).toBe("cross_site");
    } else {
      expect([401, 403], evil).toContain(response.status());
    }
  }
  expect(await tokens()).toEqual([]);
  await admin.dispose();
});
