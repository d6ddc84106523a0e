// Security review "9. Hardening", item 5: better-auth's per-address sign-in limit (10 a minute)
// counts each real client: the socket peer, or behind TRUSTED_PROXIES the address they forward.
// The sign-in route is served here the way `next start` serves it: a real HTTP server with the
// console's peer stamp in front, Next's own `x-forwarded-for ??= socket address`, then the route.
// Clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3, ...).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import { ConfigError } from "@/lib/server/config";
import { clientAddress, parseTrustedProxies, trustedProxyList } from "@/lib/server/auth/client-ip";
import { installFront } from "@/lib/server/http-front";
import { parseAuthConfig } from "@/lib/server/auth/config";
import {
  addUser,
  clearAuthContext,
  CONSOLE,
  createTestAuth,
  DATABASES,
  PASSWORD,
  useAuthContext,
  type TestAuth,
} from "./harness";

describe("TRUSTED_PROXIES", () => {
  it("takes IP addresses and CIDR ranges, and names the variable when one is not", () => {
    const config = parseAuthConfig({ TRUSTED_PROXIES: " 10.0.0.5, 10.1.0.0/16 ,fd00::/64,::1" });
    expect(config.trustedProxies).toEqual(["10.0.0.5", "10.1.0.0/16", "fd00::/64", "::1"]);
    expect(parseAuthConfig({}).trustedProxies).toEqual([]);
    for (const bad of ["proxy.local", "10.0.0.0/33", "10.0.0.1/8/2", "10.0.0.300", "fd00::/129"]) {
      expect(() => parseAuthConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
      expect(() => parseAuthConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES/);
    }
    expect(parseTrustedProxies("10.0.0.1, nope").bad).toEqual(["nope"]);
  });

  it("the client is the rightmost hop that is not a trusted proxy", () => {
    const none = trustedProxyList([]);
    const proxies = trustedProxyList(["10.0.0.0/8", "::1"]);
    // Without trusted proxies the last hop (the socket peer) is the client, whatever came before.
    expect(clientAddress("6.6.6.6, 203.0.113.7", none)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", none)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 198.51.100.1, 10.0.0.2", proxies)).toBe("198.51.100.1");
    expect(clientAddress("6.6.6.6, 198.51.100.1, 10.0.0.3, ::ffff:10.0.0.2", proxies)).toBe(
      "198.51.100.1",
    );
    // A request from the proxy itself.
    expect(clientAddress("10.0.0.2", proxies)).toBe("10.0.0.2");
    // Garbage left of a trusted hop does not choose the bucket: the last good hop does.
    expect(clientAddress("not-an-ip, 10.0.0.2", proxies)).toBe("10.0.0.2");
    expect(clientAddress(null, proxies)).toBeNull();
    expect(clientAddress("garbage", none)).toBeNull();
  });
});

/** The sign-in route behind a real HTTP server, as `next start` runs it. */
async function serve(): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    // What Next 16 does (node_modules/next/dist/server/base-server.js): only when absent.
    req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const response = await authRoute.POST(
      new Request(`${CONSOLE}${req.url}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  installFront([server]);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.each(DATABASES)("the per-address sign-in limit on %s", (kind) => {
  let t: TestAuth;
  let port: number;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // 127.0.0.9 stands for the reverse proxy in front of the console.
    t = await createTestAuth(kind, { TRUSTED_PROXIES: "127.0.0.9" });
    useAuthContext(t.ctx);
    ({ port, close } = await serve());
  });

  afterAll(async () => {
    await close();
    clearAuthContext();
    await t.close();
  });

  /** A sign-in from the socket address `from`, with the X-Forwarded-For it chooses to send. */
  function signIn(from: string, body: object, forwardedFor?: string): Promise<number> {
    const headers: Record<string, string> = { origin: CONSOLE, "content-type": "application/json" };
    if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port,
          localAddress: from,
          method: "POST",
          path: "/api/auth/sign-in/email",
          headers,
          agent: false,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify(body));
    });
  }

  // Sign-ins without a password: refused before any hashing, but the per-address limit counts them.
  const junk = (i: number) => ({ email: `nobody-${i}@example.com` });

  it("two clients have their own buckets, and a spoofed X-Forwarded-For changes nothing", async () => {
    const user = await addUser(t.ctx, "viewer", "real");
    for (let i = 0; i < 10; i++) {
      // Each junk sign-in claims another address: an untrusted peer's header is ignored.
      expect(await signIn("127.0.0.2", junk(i), `198.51.100.${i + 1}`)).toBe(400);
    }
    expect(await signIn("127.0.0.2", { email: user.email, password: PASSWORD })).toBe(429);
    expect(
      await signIn("127.0.0.2", { email: user.email, password: PASSWORD }, "198.51.100.200"),
    ).toBe(429);
    // The real admin at another address is not locked out by someone else's junk.
    expect(await signIn("127.0.0.3", { email: user.email, password: PASSWORD })).toBe(200);
    expect(await signIn("127.0.0.3", { email: user.email, password: PASSWORD }, "127.0.0.2")).toBe(
      200,
    );
  });

  it("behind a trusted proxy the forwarded client address is used", async () => {
    const user = await addUser(t.ctx, "viewer", "proxied");
    for (let i = 0; i < 10; i++) {
      // A client's own X-Forwarded-For comes first, the proxy appends the address it saw.
      expect(await signIn("127.0.0.9", junk(i), `6.6.6.${i}, 203.0.113.5`)).toBe(400);
    }
    expect(
      await signIn("127.0.0.9", { email: user.email, password: PASSWORD }, "203.0.113.5"),
    ).toBe(429);
    // Another client behind the same proxy has its own bucket.
    expect(
      await signIn("127.0.0.9", { email: user.email, password: PASSWORD }, "203.0.113.6"),
    ).toBe(200);
  });
});

describe("the front layer's peer stamp", () => {
  it("appends the socket address to whatever X-Forwarded-For the client sent", async () => {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers["x-forwarded-for"] as string | undefined);
      res.end();
    });
    // Twice (route bundles may each call it): still one entry per request.
    installFront([server]);
    installFront([server]);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const get = (headers: Record<string, string>) =>
      new Promise<void>((resolve) =>
        http
          .get({ host: "127.0.0.1", port, localAddress: "127.0.0.5", headers, agent: false }, (r) =>
            r.resume().on("end", resolve),
          )
          .end(),
      );
    await get({});
    await get({ "x-forwarded-for": "6.6.6.6" });
    await new Promise((resolve) => server.close(resolve));
    expect(seen).toEqual(["127.0.0.5", "6.6.6.6, 127.0.0.5"]);
  });
});
