// The pages' security headers (issue 9.14): a per-request script nonce instead of 'unsafe-inline',
// and HSTS decided at run time by CONSOLE_URL. The production build is checked in
// e2e/security-headers.spec.ts; this checks the functions and proxy.ts itself.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy, createNonce, strictTransportSecurity } from "./csp";

function parseCsp(value: string | null): Record<string, string> {
  return Object.fromEntries(
    (value ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name, sources.join(" ")];
      }),
  );
}

afterEach(() => vi.unstubAllEnvs());

describe("the pages' Content-Security-Policy", () => {
  it("allows inline scripts by nonce only, and eval only in development", () => {
    const nonce = createNonce();
    const prod = parseCsp(contentSecurityPolicy({ nonce }));
    expect(prod["script-src"]).toBe(`'self' 'nonce-${nonce}'`);
    expect(parseCsp(contentSecurityPolicy({ nonce, dev: true }))["script-src"]).toBe(
      `'self' 'nonce-${nonce}' 'unsafe-eval'`,
    );
    expect(prod).toMatchObject({
      "default-src": "'self'",
      "object-src": "'none'",
      "base-uri": "'self'",
      "frame-ancestors": "'none'",
    });
    expect(() => contentSecurityPolicy({ nonce: "x' 'unsafe-inline" })).toThrow();
  });

  it("makes a new unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("is the static policy of next.config.js (APIs, static files) plus the nonce", async () => {
    const config = createRequire(import.meta.url)("../next.config.js") as {
      headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    const [all] = await config.headers();
    const fallback = all.headers.find((h) => h.key === "Content-Security-Policy")!.value;
    const page = parseCsp(contentSecurityPolicy({ nonce: createNonce() }));
    expect(parseCsp(fallback)).toEqual({ ...page, "script-src": "'self'" });
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent only when CONSOLE_URL is https", () => {
    expect(strictTransportSecurity("https://console.example.com")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(strictTransportSecurity("HTTPS://console.example.com/")).not.toBeNull();
    expect(strictTransportSecurity("http://console.example.com")).toBeNull();
    expect(strictTransportSecurity("")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });
});

describe("proxy.ts", () => {
  const request = (url: string, cookie?: string) =>
    new NextRequest(url, { headers: cookie ? { cookie } : {} });
  const nonceOf = (res: Response) =>
    /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

  it("gives every page a fresh nonce, on the response and on the request Next renders", () => {
    vi.stubEnv("CONSOLE_AUTH", "off");
    const a = proxy(request("http://localhost:3000/playground"));
    const b = proxy(request("http://localhost:3000/playground"));
    expect(nonceOf(a)).toBeTruthy();
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(parseCsp(a.headers.get("content-security-policy"))["script-src"]).not.toContain(
      "unsafe-inline",
    );
    // NextResponse.next({ request: { headers } }) hands these to the page being rendered.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(a));
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(
      a.headers.get("content-security-policy"),
    );
  });

  it("sends HSTS when CONSOLE_URL is https, read at request time", () => {
    vi.stubEnv("CONSOLE_AUTH", "off");
    vi.stubEnv("CONSOLE_URL", "http://console.example.com");
    const plain = proxy(request("http://console.example.com/files"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("CONSOLE_URL", "https://console.example.com");
    const secure = proxy(request("https://console.example.com/files"));
    expect(secure.headers.get("strict-transport-security")).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("still sends signed-out pages to sign-in, but never sign-in or setup themselves", () => {
    vi.stubEnv("CONSOLE_AUTH", "");
    const out = proxy(request("http://localhost:3000/files?x=1"));
    expect(out.status).toBe(307);
    expect(out.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Ffiles%3Fx%3D1");
    expect(nonceOf(out)).toBeTruthy();
    expect(proxy(request("http://localhost:3000/")).headers.get("location")).toBe(
      "http://localhost:3000/sign-in",
    );
    for (const path of ["/sign-in", "/sign-in?next=%2Ffiles", "/setup"]) {
      const res = proxy(request(`http://localhost:3000${path}`));
      expect(res.headers.get("location"), path).toBeNull();
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
      expect(nonceOf(res), path).toBeTruthy();
    }
    const signedIn = proxy(request("http://localhost:3000/files", "console.session_token=abc"));
    expect(signedIn.headers.get("x-middleware-next")).toBe("1");
  });

  it("runs on every page, ids with dots included, and skips only APIs and static files", () => {
    // The matcher is a plain regular expression group, so it can be checked as one.
    const matches = (path: string) => new RegExp(`^${config.matcher[0]}$`).test(path);
    for (const page of [
      "/",
      "/files",
      "/sign-in",
      "/models/mistral-large-2.1",
      "/models/ft:a:b.c",
    ]) {
      expect(matches(page), page).toBe(true);
    }
    for (const other of ["/v1/models", "/api/health", "/_next/static/x.js", "/favicon.ico"]) {
      expect(matches(other), other).toBe(false);
    }
  });
});
