// Every page route carries the security headers and its Content-Security-Policy, and renders under
// that policy without the browser blocking anything (a blocked script or style would break it).
// Pages get their policy from proxy.ts, per request: a fresh script nonce and no 'unsafe-inline';
// the APIs and static files a fixed one from next.config.js (issue 9.14).
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { createJob, unique, uploadFile } from "./fine-tuning-helpers";
import { basePort, startOwnServer, untilHealthy } from "./own-server";

const EXPECTED_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

// The production build's policy, directive by directive: our own origin only, no eval, inline
// scripts only with this response's nonce.
const EXPECTED_CSP = {
  "default-src": "'self'",
  "script-src": expect.stringMatching(/^'self' 'nonce-[A-Za-z0-9+/]{22}=='$/),
  "style-src": "'self' 'unsafe-inline'",
  "img-src": "'self' data: blob:",
  "font-src": "'self' data:",
  "connect-src": "'self'",
  "worker-src": "'self' blob:",
  "frame-ancestors": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
  "object-src": "'none'",
};

const HSTS = "max-age=63072000; includeSubDomains";

function parseCsp(value: string): Record<string, string> {
  return Object.fromEntries(
    value
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name, sources.join(" ")];
      }),
  );
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/**
 * Collects what the policy blocks on `page`: every `securitypolicyviolation` (a blocked eval is one
 * even when the code catches its error) and the browser's console reports of them.
 */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__cspViolation", (report: string) => violations.push(report));
  // Init scripts run outside the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __cspViolation(r: string): void }).__cspViolation(
        `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to|unsafe-eval/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });
  return violations;
}

/** Opens `path` and checks its headers, its nonce on the scripts, and that it rendered. */
async function visit(page: Page, path: string, status: number, heading: RegExp) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const headers = await response!.allHeaders();
  expect(headers, path).toMatchObject(EXPECTED_HEADERS);
  expect(headers["x-powered-by"], path).toBeUndefined();
  // Plain http here: no HSTS (see the CONSOLE_URL=https test below).
  expect(headers["strict-transport-security"], path).toBeUndefined();
  const csp = parseCsp(headers["content-security-policy"] ?? "");
  expect(csp, path).toEqual(EXPECTED_CSP);
  expect(csp["script-src"], path).not.toContain("unsafe-inline");
  // Next put this response's nonce on its scripts (the page could not hydrate otherwise).
  expect(await response!.text(), path).toContain(`nonce="${nonceOf(csp["script-src"])}"`);
  // The page really rendered and its scripts ran under the policy (hydration, lazy chunks).
  await expect(page.getByRole("heading", { level: 1, name: heading }).first(), path).toBeVisible();
  await page.waitForLoadState("load");
  return nonceOf(csp["script-src"])!;
}

test("every page carries the security headers and works under its CSP", async ({
  page,
  request,
}) => {
  const suffix = unique("csp");
  const file = await uploadFile(request, `${suffix}.jsonl`, 10);
  const job = await createJob(request, {
    model: "mistral-small-latest",
    training_files: [{ file_id: file.id, weight: 1 }],
    hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    suffix,
    auto_start: false,
  });

  const violations = await watchViolations(page);

  const pages: [path: string, status: number, heading: RegExp][] = [
    ["/", 200, /Playground/], // redirected to the playground
    ["/playground", 200, /Playground/],
    ["/playground/fim", 200, /Playground/],
    ["/playground/embeddings", 200, /Playground/],
    ["/files", 200, /Files/],
    ["/fine-tuning", 200, /Fine-tuning/],
    ["/fine-tuning/new", 200, /./],
    [`/fine-tuning/${job.id}`, 200, new RegExp(`Job ${suffix}`)],
    [`/fine-tuning/compare?jobs=${job.id}`, 200, /./],
    ["/models", 200, /Models/],
    ["/models/mistral-small-latest", 200, /mistral-small-latest/],
    ["/no-such-page", 404, /This page does not exist/],
  ];
  const nonces = new Set<string>();
  for (const [path, status, heading] of pages) nonces.add(await visit(page, path, status, heading));
  // The playground again: a new nonce for every response, even of the same page.
  nonces.add(await visit(page, "/playground", 200, /Playground/));
  expect(nonces.size).toBe(pages.length + 1);
  expect(violations).toEqual([]);
});

test("the signed-out pages are covered too", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  const violations = await watchViolations(page);
  await visit(page, "/sign-in", 200, /Sign in/);
  // Setup is done on this console (its admin exists), which the page says.
  await visit(page, "/setup", 200, /Set ?up/i);
  // A signed-out page request is still sent to sign-in, under the same policy.
  await visit(page, "/files", 200, /Sign in/);
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  expect(violations).toEqual([]);
  await context.close();
});

test("API answers carry the headers too, with a policy that allows no inline script @live", async ({
  request,
}) => {
  for (const path of ["/api/health", "/v1/models", "/v1/nope"]) {
    const res = await request.get(path);
    expect(res.headers(), path).toMatchObject(EXPECTED_HEADERS);
    const csp = parseCsp(res.headers()["content-security-policy"] ?? "");
    expect(csp, path).toEqual({ ...EXPECTED_CSP, "script-src": "'self'" });
  }
});

test("HSTS is sent when CONSOLE_URL is https, set when the server starts", async ({ request }) => {
  // Its own console (port + 11), built as every other: the header comes from the environment
  // `next start` runs with, not from the build.
  const port = basePort() + 11;
  const origin = `http://127.0.0.1:${port}`;
  const server = startOwnServer({
    port,
    host: "127.0.0.1",
    env: { CONSOLE_AUTH: "off", CONSOLE_URL: `https://127.0.0.1:${port}` },
  });
  try {
    await untilHealthy(request, origin);
    for (const path of ["/playground", "/files", "/models"]) {
      const res = await request.get(`${origin}${path}`, { maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
      expect(res.headers()["strict-transport-security"], path).toBe(HSTS);
      expect(nonceOf(res.headers()["content-security-policy"]), path).toBeTruthy();
    }
  } finally {
    await server.kill();
  }
});
