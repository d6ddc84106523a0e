// Every page route carries the security headers and its Content-Security-Policy, and renders under
// that policy without the browser blocking anything (a blocked script or style would break it).
import { expect, test } from "./test";
import { createJob, unique, uploadFile } from "./fine-tuning-helpers";

const EXPECTED_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

// The production build's policy, directive by directive: our own origin only, no eval.
const EXPECTED_CSP = {
  "default-src": "'self'",
  "script-src": "'self' 'unsafe-inline'",
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

test("every page carries the security headers and works under its CSP", async ({
  page,
  request,
}) => {
  const suffix = unique("csp");
  const file = await uploadFile(request, `${suffix}.jsonl`, 10);
  const job = await createJob(request, {
    model: "open-mistral-7b",
    training_files: [{ file_id: file.id, weight: 1 }],
    hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    suffix,
    auto_start: false,
  });

  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) {
      violations.push(`${page.url()}: ${message.text()}`);
    }
  });

  const pages: [path: string, status: number, heading: RegExp][] = [
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
  for (const [path, status, heading] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(status);
    const headers = await response!.allHeaders();
    expect(headers, path).toMatchObject(EXPECTED_HEADERS);
    expect(headers["x-powered-by"], path).toBeUndefined();
    expect(parseCsp(headers["content-security-policy"] ?? ""), path).toEqual(EXPECTED_CSP);
    // The page really rendered (its scripts ran under the policy).
    await expect(
      page.getByRole("heading", { level: 1, name: heading }).first(),
      path,
    ).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("API answers carry the headers too @live", async ({ request }) => {
  for (const path of ["/api/health", "/v1/models", "/v1/nope"]) {
    const res = await request.get(path);
    expect(res.headers(), path).toMatchObject(EXPECTED_HEADERS);
    expect(res.headers()["content-security-policy"], path).toContain("default-src 'self'");
  }
});
