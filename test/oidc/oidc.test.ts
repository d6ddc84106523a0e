// Single sign-on end to end against a fake OpenID Connect provider (the true edge: a real HTTP
// server with discovery, a signed ID token and JWKS): the console sends the browser to the
// provider, takes the code back, creates the account as a viewer and signs it in.
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthContext, type AuthContext } from "@/lib/server/auth/auth";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { authenticate } from "@/lib/server/auth/principal";

const CONSOLE = "http://console.test";
const CLIENT_ID = "mistral-console";
const CLIENT_SECRET = "idp-client-secret-for-tests";

interface Grant {
  nonce: string | null;
  sub: string;
  email: string;
  name: string;
}

async function startIdp() {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  const grants = new Map<string, Grant>();
  const tokenRequests: URLSearchParams[] = [];
  let issuer = "";
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (url.pathname === "/token" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      tokenRequests.push(form);
      const grant = grants.get(form.get("code") ?? "");
      if (!grant) return json(400, { error: "invalid_grant" });
      const idToken = await new SignJWT({
        email: grant.email,
        email_verified: true,
        name: grant.name,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      })
        .setProtectedHeader({ alg: "RS256", kid: "k1" })
        .setIssuer(issuer)
        .setAudience(CLIENT_ID)
        .setSubject(grant.sub)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      return json(200, {
        access_token: `at-${grant.sub}`,
        id_token: idToken,
        token_type: "Bearer",
        expires_in: 300,
      });
    }
    if (url.pathname === "/userinfo") {
      const grant = [...grants.values()].find(
        (g) => req.headers.authorization === `Bearer at-${g.sub}`,
      );
      return grant
        ? json(200, { sub: grant.sub, email: grant.email, name: grant.name, email_verified: true })
        : json(401, { error: "invalid_token" });
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    grants,
    tokenRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("OpenID Connect single sign-on", () => {
  let idp: Awaited<ReturnType<typeof startIdp>>;
  let ctx: AuthContext;

  beforeAll(async () => {
    idp = await startIdp();
    ctx = await createAuthContext(
      parseAuthConfig({
        CONSOLE_URL: CONSOLE,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_NAME: "Acme SSO",
      }),
      mkdtempSync(path.join(os.tmpdir(), "console-oidc-")),
    );
  });

  afterAll(async () => {
    await ctx?.database.close();
    await idp?.close();
  });

  async function startSignIn() {
    const response = await ctx.auth.handler(
      new Request(`${CONSOLE}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: CONSOLE },
        body: JSON.stringify({ provider: "oidc", callbackURL: "/playground" }),
      }),
    );
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    return { authorize: new URL(url), cookies: cookiesOf(response) };
  }

  it("sends the browser to the provider and signs the user in as a viewer on return", async () => {
    const { authorize, cookies } = await startSignIn();
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${idp.issuer}/authorize`);
    expect(authorize.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${CONSOLE}/api/auth/callback/oidc`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("scope")?.split(" ")).toEqual(
      expect.arrayContaining(["openid", "email", "profile"]),
    );

    idp.grants.set("code-1", {
      nonce: authorize.searchParams.get("nonce"),
      sub: "user-1",
      email: "grace@example.com",
      name: "Grace Hopper",
    });
    const callback = new URL(authorize.searchParams.get("redirect_uri")!);
    callback.searchParams.set("code", "code-1");
    callback.searchParams.set("state", authorize.searchParams.get("state")!);
    const back = await ctx.auth.handler(new Request(callback, { headers: { cookie: cookies } }));
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).toBe("/playground");
    // The code was exchanged with the client's secret and the PKCE verifier.
    const exchange = idp.tokenRequests.at(-1)!;
    expect(exchange.get("code")).toBe("code-1");
    expect(exchange.get("code_verifier")).toBeTruthy();

    const session = cookiesOf(back);
    expect(session).toMatch(/console\.session_token=/);
    const authn = await authenticate(
      ctx,
      new Request(`${CONSOLE}/v1/models`, { headers: { cookie: session } }),
    );
    expect(authn).toMatchObject({
      ok: true,
      principal: {
        email: "grace@example.com",
        name: "Grace Hopper",
        role: "viewer",
        via: "session",
      },
    });
  });

  it("refuses a return whose state does not match the one the console issued", async () => {
    const { authorize, cookies } = await startSignIn();
    idp.grants.set("code-2", {
      nonce: authorize.searchParams.get("nonce"),
      sub: "user-2",
      email: "mallory@example.com",
      name: "Mallory",
    });
    const callback = new URL(`${CONSOLE}/api/auth/callback/oidc`);
    callback.searchParams.set("code", "code-2");
    callback.searchParams.set("state", "forged-state");
    const back = await ctx.auth.handler(new Request(callback, { headers: { cookie: cookies } }));
    expect(back.headers.get("location") ?? "").toMatch(/error/);
    expect(cookiesOf(back)).not.toMatch(/console\.session_token=[^;]+/);
    const users = await ctx.database.db
      .selectFrom("user")
      .select("email")
      .where("email", "=", "mallory@example.com")
      .execute();
    expect(users).toEqual([]);
  });
});
