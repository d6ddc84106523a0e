// Shared helpers for the signed-in consoles (auth-sqlite, auth-postgres): the admin from the
// environment creates throwaway users of each role; every cookie write carries the Origin header.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Page,
} from "@playwright/test";
import { ADMIN } from "./admin";

export type Role = "viewer" | "member" | "admin";
export type User = { id: string; email: string; name: string; role: Role; password: string };

/** A unique email: two workers and two projects share each console's database. */
export function uniqueEmail(prefix: string): string {
  const project = test.info().project.name;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${project}-${Date.now()}-${random}@example.com`;
}

/**
 * A client address of its own for each context: with no proxy in front, better-auth puts every
 * sign-in into one shared bucket of 10 a minute, so the suite acts as distinct clients would
 * behind a proxy (X-Forwarded-For).
 */
export function clientAddress(): string {
  const n = () => 1 + Math.floor(Math.random() * 250);
  return `10.${n()}.${n()}.${n()}`;
}

/** A request context on the console at `baseURL`, with the console's Origin on every request. */
export function newContext(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL, "x-forwarded-for": clientAddress() },
  });
}

/** Signs `request` in (the session cookie lands in its cookie jar). */
export async function signIn(
  request: APIRequestContext,
  baseURL: string,
  email: string,
  password: string,
): Promise<void> {
  const res = await request.post(`${baseURL}/api/auth/sign-in/email`, {
    headers: { origin: baseURL },
    data: { email, password },
  });
  expect(res.status(), `sign in ${email}: ${await res.text()}`).toBe(200);
}

/** A request context signed in as the admin from the environment. */
export async function adminContext(baseURL: string): Promise<APIRequestContext> {
  const ctx = await newContext(baseURL);
  await signIn(ctx, baseURL, ADMIN.email, ADMIN.password);
  return ctx;
}

/** The admin creates a user of `role` with a unique email. */
export async function createUser(
  admin: APIRequestContext,
  role: Role,
  prefix: string = role,
): Promise<User> {
  const email = uniqueEmail(prefix);
  const password = `pw-${Math.random().toString(36).slice(2)}-e2e-long`;
  const name = `${role} ${email.slice(0, 12)}`;
  const res = await admin.post("/api/console/users", { data: { email, name, password, role } });
  expect(res.status(), `create ${role}: ${await res.text()}`).toBe(201);
  const { user } = (await res.json()) as { user: Omit<User, "password"> };
  return { ...user, password };
}

/** A request context signed in as `user`. */
export async function userContext(baseURL: string, user: User): Promise<APIRequestContext> {
  const ctx = await newContext(baseURL);
  await signIn(ctx, baseURL, user.email, user.password);
  return ctx;
}

/** Signs the page's browser context in (through its own request, so the cookie is the page's). */
export async function signInPage(
  page: Page,
  baseURL: string,
  user: { email: string; password: string },
) {
  await signIn(page.context().request, baseURL, user.email, user.password);
}

/** A small valid fine-tuning file. */
export function jsonl(lines = 3, topic = "e2e"): string {
  return Array.from({ length: lines }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `q ${i} ${topic}` },
        { role: "assistant", content: `a ${i} ${topic}` },
      ],
    }),
  ).join("\n");
}

export async function uploadFile(
  request: APIRequestContext,
  name = `${uniqueEmail("file").split("@")[0]}.jsonl`,
  lines = 10,
): Promise<{ id: string; filename: string }> {
  const res = await request.post("/v1/files", {
    multipart: {
      purpose: "fine-tune",
      file: { name, mimeType: "application/jsonl", buffer: Buffer.from(jsonl(lines, name)) },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { id: string; filename: string };
}

export const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: `.data/screens/${test.info().project.name}-${name}.png`, fullPage });
