// Hardening of who may reach the console from a browser: with sign-in off, a foreign page cannot
// write (Origin is checked for every cookie or local write), and a page on a rebound DNS name
// cannot read or write either (the Host must be one of the console's own) on /v1, /api/* and pages.
// The checks do not depend on the database, so this file runs on SQLite only.
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/console/me/route";
import * as setupRoute from "@/app/api/console/setup/route";
import * as usersRoute from "@/app/api/console/users/route";
import { parseHostList } from "@/lib/auth/host";
import { listUsers } from "@/lib/server/auth/users";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { proxy } from "@/proxy";
import {
  bodyOf,
  clearAuthContext,
  createTestAuth,
  guardedFake,
  signedIn,
  tokenFor,
  trainingFile,
  useAuthContext,
  type Guarded,
  type TestAuth,
} from "./harness";

const OWN = "http://127.0.0.1:3000";
const EVIL = "https://evil.example";
const JOB = "0f3c9a52-6b1e-4d7a-9c2e-1a2b3c4d5e6f";

/** A request as a browser sends it: to `url`, with this Host and Origin. */
function browser(
  url: string,
  init: { method?: string; origin?: string | null; host?: string; body?: BodyInit } & {
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(init.headers);
  headers.set("host", init.host ?? new URL(url).host);
  if (init.origin !== null) headers.set("origin", init.origin ?? new URL(url).origin);
  return new Request(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body,
  });
}

const newUser = (email: string) =>
  JSON.stringify({
    email,
    name: "Mallory",
    password: "correct horse battery staple",
    role: "admin",
  });

describe("CONSOLE_AUTH=off", () => {
  let t: TestAuth;
  let g: Guarded;

  beforeAll(async () => {
    // No CONSOLE_URL: the local console as `CONSOLE_AUTH=off npm run dev -- -H 127.0.0.1` runs it.
    t = await createTestAuth("sqlite", { CONSOLE_AUTH: "off", CONSOLE_URL: undefined });
    g = await guardedFake(t.ctx);
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  it("refuses /v1 writes from a foreign page: upload, job start and cancel, delete", async () => {
    const writes = [
      browser(`${OWN}/v1/files`, { origin: EVIL, body: trainingFile() }),
      browser(`${OWN}/v1/fine_tuning/jobs/${JOB}/start`, {
        origin: EVIL,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "a=b",
      }),
      browser(`${OWN}/v1/fine_tuning/jobs/${JOB}/cancel`, { origin: EVIL, method: "POST" }),
      // Origin "null": a sandboxed frame or a page that hides its referrer.
      browser(`${OWN}/v1/files/00000000-0000-4000-8000-000000000001`, {
        origin: "null",
        method: "DELETE",
      }),
      // curl or an old browser: no Origin and no token is not a page of this console either.
      browser(`${OWN}/v1/files/00000000-0000-4000-8000-000000000001`, {
        origin: null,
        method: "DELETE",
      }),
    ];
    for (const request of writes) {
      const response = await g.gateway(request);
      expect(response.status, `${request.method} ${request.url}`).toBe(403);
      expect(await bodyOf(response)).toMatchObject({ object: "error", code: "cross_site" });
    }
    expect(g.fake!.received).toHaveLength(0);
  });

  it("refuses a foreign page's text/plain POST to /api/console/users (no admin is made)", async () => {
    const created = await usersRoute.POST(
      browser(`${OWN}/api/console/users`, {
        origin: EVIL,
        headers: { "content-type": "text/plain" },
        body: newUser("mallory@evil.example"),
      }),
    );
    expect(created.status).toBe(403);
    expect(await bodyOf(created)).toMatchObject({ code: "cross_site" });
    expect((await listUsers(t.ctx)).map((u) => u.email)).not.toContain("mallory@evil.example");
  });

  it("accepts the same writes from its own page, and an SDK's (Bearer, no Origin)", async () => {
    const own = [
      browser(`${OWN}/v1/files`, { body: trainingFile() }),
      browser(`${OWN}/v1/fine_tuning/jobs/${JOB}/start`, { method: "POST" }),
      browser(`${OWN}/v1/fine_tuning/jobs/${JOB}/cancel`, { method: "POST" }),
      browser("http://localhost:3000/v1/files/00000000-0000-4000-8000-000000000001", {
        method: "DELETE",
      }),
      browser(`${OWN}/v1/files/00000000-0000-4000-8000-000000000002`, {
        method: "DELETE",
        origin: null,
        headers: { authorization: "Bearer anything" },
      }),
    ];
    for (const request of own) {
      const response = await g.gateway(request);
      expect(response.status, `${request.method} ${request.url}`).toBe(200);
      await response.text();
    }
    const created = await usersRoute.POST(
      browser(`${OWN}/api/console/users`, {
        headers: { "content-type": "application/json" },
        body: newUser("alice@example.com"),
      }),
    );
    expect(created.status).toBe(201);
  });

  it("refuses a rebound Host on reads and writes of /v1 and /api, saying which setting allows it", async () => {
    const rebound = "http://rebind.example:3000";
    const before = g.fake!.received.length;
    for (const request of [
      browser(`${rebound}/v1/files`),
      browser(`${rebound}/v1/files/00000000-0000-4000-8000-000000000001`, { method: "DELETE" }),
      browser(`${rebound}/v1/no-such-path`),
    ]) {
      const response = await g.gateway(request);
      expect(response.status, `${request.method} ${request.url}`).toBe(403);
      const body = await bodyOf(response);
      expect(body).toMatchObject({ object: "error", code: "unknown_host" });
      expect(String(body.message)).toContain("rebind.example");
      expect(String(body.message)).toContain("CONSOLE_ALLOWED_HOSTS");
    }
    expect(g.fake!.received.length).toBe(before);

    const routes: [string, Promise<Response>][] = [
      ["users GET", usersRoute.GET(browser(`${rebound}/api/console/users`))],
      ["me GET", meRoute.GET(browser(`${rebound}/api/console/me`))],
      [
        "users POST",
        usersRoute.POST(
          browser(`${rebound}/api/console/users`, {
            headers: { "content-type": "application/json" },
            body: newUser("rebound@evil.example"),
          }),
        ),
      ],
      ["auth", authRoute.GET(browser(`${rebound}/api/auth/get-session`))],
    ];
    for (const [name, pending] of routes) {
      const response = await pending;
      expect(response.status, name).toBe(403);
      expect(await bodyOf(response), name).toMatchObject({ code: "unknown_host" });
    }
  });

  it("answers to loopback names with any port, and to CONSOLE_ALLOWED_HOSTS", async () => {
    for (const url of [
      "http://localhost:3000",
      "http://127.0.0.1",
      "http://127.1.2.3:8080",
      "http://[::1]:3000",
    ]) {
      const response = await g.gateway(browser(`${url}/v1/models`));
      expect(response.status, url).toBe(200);
      await response.text();
    }
    const named = await createTestAuth("sqlite", {
      CONSOLE_AUTH: "off",
      CONSOLE_URL: undefined,
      CONSOLE_ALLOWED_HOSTS: "Console.LAN, 10.0.0.5",
    });
    const gw = await guardedFake(named.ctx);
    try {
      for (const url of ["http://console.lan:3000", "http://10.0.0.5:3000", OWN]) {
        const response = await gw.gateway(browser(`${url}/v1/models`));
        expect(response.status, url).toBe(200);
        await response.text();
      }
      const other = await gw.gateway(browser("http://other.lan:3000/v1/models"));
      expect(other.status).toBe(403);
    } finally {
      await gw.close();
      await named.close();
    }
  });

  describe("pages (proxy.ts)", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    const page = (url: string) =>
      proxy(new NextRequest(url, { headers: { host: new URL(url).host } }));

    it("refuses a rebound Host and serves loopback", async () => {
      vi.stubEnv("CONSOLE_AUTH", "off");
      vi.stubEnv("CONSOLE_URL", "");
      vi.stubEnv("CONSOLE_ALLOWED_HOSTS", "");
      const rebound = page("http://rebind.example:3000/files");
      expect(rebound.status).toBe(403);
      expect(await bodyOf(rebound)).toMatchObject({ code: "unknown_host" });
      expect(page("http://rebind.example:3000/setup").status).toBe(403);
      const own = page("http://127.0.0.1:3000/files");
      expect(own.status).toBe(200);
      expect(own.headers.get("x-middleware-next")).toBe("1");
    });

    it("with sign-in on: any host without CONSOLE_URL; with it, its host, loopback and the list", async () => {
      vi.stubEnv("CONSOLE_AUTH", "on");
      vi.stubEnv("CONSOLE_URL", "");
      vi.stubEnv("CONSOLE_ALLOWED_HOSTS", "");
      // Signed out: the usual way to sign-in, from whatever name the LAN knows it by.
      expect(page("http://10.0.0.5:3000/files").status).toBe(307);
      vi.stubEnv("CONSOLE_URL", "https://console.example.com");
      vi.stubEnv("CONSOLE_ALLOWED_HOSTS", "console.lan");
      expect(page("http://10.0.0.5:3000/files").status).toBe(403);
      expect(page("http://10.0.0.5:3000/sign-in").status).toBe(403);
      expect(page("https://console.example.com/files").status).toBe(307);
      expect(page("http://console.lan:3000/sign-in").status).toBe(200);
      expect(page("http://localhost:3000/sign-in").status).toBe(200);
    });
  });
});

describe("sign-in on", () => {
  let t: TestAuth;
  let g: Guarded;
  let token: string;

  beforeAll(async () => {
    t = await createTestAuth("sqlite", { CONSOLE_URL: undefined });
    g = await guardedFake(t.ctx);
    token = (await tokenFor(t.ctx, await signedIn(t.ctx, "member"))).secret;
    useAuthContext(t.ctx);
  });

  afterAll(async () => {
    clearAuthContext();
    await g?.close();
    await t?.close();
  });

  it("without CONSOLE_URL or CONSOLE_ALLOWED_HOSTS, answers on any host (cookies are host-bound)", async () => {
    const response = await g.gateway(
      browser("http://10.0.0.5:3000/v1/models", {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(response.status).toBe(200);
  });

  it("with CONSOLE_URL, refuses other hosts", async () => {
    const pinned = await createTestAuth("sqlite", { CONSOLE_URL: "https://console.example.com" });
    const gw = await guardedFake(pinned.ctx);
    try {
      const foreign = await gw.gateway(browser("http://10.0.0.5:3000/v1/models"));
      expect(foreign.status).toBe(403);
      expect(await bodyOf(foreign)).toMatchObject({ code: "unknown_host" });
      const own = await gw.gateway(browser("https://console.example.com/v1/models"));
      expect(own.status).toBe(401);
    } finally {
      await gw.close();
      await pinned.close();
    }
  });

  it("/api/console/setup refuses a foreign Origin before looking at the token", async () => {
    const body = JSON.stringify({
      token: "not-the-token",
      email: "mallory@evil.example",
      name: "Mallory",
      password: "correct horse battery staple",
    });
    const foreign = await setupRoute.POST(
      browser(`${OWN}/api/console/setup`, {
        origin: EVIL,
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    expect(foreign.status).toBe(403);
    expect(await bodyOf(foreign)).toMatchObject({ code: "cross_site" });
    const own = await setupRoute.POST(
      browser(`${OWN}/api/console/setup`, {
        headers: { "content-type": "application/json" },
        body,
      }),
    );
    // Past the Origin check: refused for what it is (someone exists already), not as cross-site.
    expect((await bodyOf(own)).code).not.toBe("cross_site");
  });
});

describe("CONSOLE_ALLOWED_HOSTS", () => {
  it("takes comma-separated host names, any case; refuses a scheme or a port, naming the variable", () => {
    expect(
      parseAuthConfig({ CONSOLE_ALLOWED_HOSTS: " Console.LAN ,10.0.0.5,, [FD00::1]" }).allowedHosts,
    ).toEqual(["console.lan", "10.0.0.5", "[fd00::1]"]);
    expect(parseAuthConfig({}).allowedHosts).toEqual([]);
    for (const bad of ["https://console.lan", "console.lan:3000", "console.lan/x", "a b"]) {
      expect(() => parseAuthConfig({ CONSOLE_ALLOWED_HOSTS: bad }), bad).toThrow(
        /CONSOLE_ALLOWED_HOSTS must be/,
      );
    }
    expect(parseHostList("user@127.0.0.1").hosts).toEqual([]);
  });
});
