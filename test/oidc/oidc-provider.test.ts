// Single sign-on against a real, certified OpenID provider (oidc-provider) run in the test: the
// console sends the browser there, the user logs in and consents on the provider's interaction
// pages (driven here with fetch and a cookie jar, as a browser would), and the console creates or
// updates the account. The directory groups the provider releases decide the user's team and
// role at each sign-on; the provider's ID token must carry its key's signature, its issuer and
// the console's nonce. Groups come from userinfo (on SQLite and PostgreSQL) or from the ID token.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryAudit } from "@/lib/server/auth/audit";
import { parseAuthConfig } from "@/lib/server/auth/config";
import { authenticate } from "@/lib/server/auth/principal";
import { replaceRules } from "@/lib/server/sso";
import { createTeam } from "@/lib/server/teams";
import type { SsoRule } from "@/lib/console/sso";
import { addUser, CONSOLE, createTestAuth, DATABASES, type TestAuth } from "../auth/harness";

const CLIENT_ID = "mistral-console";
const CLIENT_SECRET = "oidc-provider-client-secret-for-tests";

interface DirectoryEntry {
  email: string;
  name: string;
  groups: string[];
}

/**
 * Where the provider releases the groups: in userinfo only (oidc-provider's default keeps an ID
 * token minimal when an access token comes with it), or in the ID token only (userinfo leaves them
 * out, so the console must take them from the token).
 */
type GroupsIn = "userinfo" | "id_token";

/** Rewrites the ID token of the next code exchanges: its claims, and the key that signs it. */
type Forgery = (claims: JWTPayload) => { claims: JWTPayload; key: CryptoKey };

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/**
 * oidc-provider with one confidential client (the console), an account store, and minimal login
 * and consent pages: GET shows which prompt is pending, POST …/login with `login=<sub>` logs in,
 * POST …/confirm grants what the console asked for. `forge` intercepts the token endpoint (the
 * provider itself answers on a second, internal address) to tamper with the ID token.
 */
async function startProvider(groupsIn: GroupsIn) {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const { privateKey: strangerKey } = await generateKeyPair("RS256");
  const directory = new Map<string, DirectoryEntry>();
  const front = http.createServer();
  const inner = http.createServer();
  const issuer = await listen(front);
  const innerUrl = await listen(inner);
  const provider = new Provider(issuer, {
    conformIdTokenClaims: groupsIn === "userinfo",
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${CONSOLE}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: "idp-key", alg: "RS256" }] },
    cookies: { keys: ["oidc-provider-cookie-key-for-tests"] },
    // Groups come with the profile scope (the console asks for openid, email and profile).
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    features: { devInteractions: { enabled: false } },
    // Refuses an authorization request without a PKCE challenge (the console always sends one).
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const entry = directory.get(sub);
      if (!entry) return undefined;
      return {
        accountId: sub,
        // Read at each sign-on: a group changed in the directory shows in the next one.
        claims: async (use: "id_token" | "userinfo") => ({
          sub,
          email_verified: true,
          email: entry.email,
          name: entry.name,
          ...(use === groupsIn ? { groups: entry.groups } : {}),
        }),
      };
    },
  });
  const callback = provider.callback();
  inner.on("request", callback);
  const state = { forge: null as Forgery | null, userinfoLeft: Infinity };

  front.on("request", async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", issuer);
      const page = /^\/interaction\/([^/]+)(?:\/(login|confirm))?$/.exec(url.pathname);
      if (page) {
        const details = await provider.interactionDetails(req, res);
        if (req.method === "GET") {
          res.writeHead(200, { "content-type": "application/json" });
          return res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
        }
        if (page[2] === "login") {
          const sub = (await readForm(req)).get("login") ?? "";
          return await provider.interactionFinished(
            req,
            res,
            { login: { accountId: sub } },
            { mergeWithLastSubmission: false },
          );
        }
        const asked = details.prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
        };
        const grant = details.grantId
          ? (await provider.Grant.find(details.grantId))!
          : new provider.Grant({
              accountId: details.session!.accountId,
              clientId: String(details.params.client_id),
            });
        if (asked.missingOIDCScope) grant.addOIDCScope(asked.missingOIDCScope.join(" "));
        if (asked.missingOIDCClaims) grant.addOIDCClaims(asked.missingOIDCClaims);
        const grantId = await grant.save();
        return await provider.interactionFinished(
          req,
          res,
          { consent: { grantId } },
          { mergeWithLastSubmission: true },
        );
      }
      // oidc-provider's userinfo endpoint, answering while it has answers left.
      if (url.pathname === "/me" && state.userinfoLeft-- <= 0) {
        res.writeHead(503, { "content-type": "application/json" });
        return res.end(JSON.stringify({ error: "temporarily_unavailable" }));
      }
      if (state.forge && url.pathname === "/token") {
        const form = await readForm(req);
        const answer = await fetch(`${innerUrl}/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: form,
        });
        const tokens = (await answer.json()) as Record<string, unknown>;
        if (typeof tokens.id_token === "string") {
          const { claims, key } = state.forge(decodeJwt(tokens.id_token));
          tokens.id_token = await new SignJWT(claims)
            .setProtectedHeader({ alg: "RS256", kid: "idp-key" })
            .sign(key);
        }
        res.writeHead(answer.status, { "content-type": "application/json" });
        return res.end(JSON.stringify(tokens));
      }
      callback(req, res);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });

  const close = (server: http.Server) =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    issuer,
    directory,
    providerKey: privateKey,
    strangerKey,
    /** Tamper with the ID tokens of the next sign-ons (null: leave them alone). */
    /** Userinfo answers `n` more requests, then 503 (Infinity: always). */
    userinfoAnswers(n: number) {
      state.userinfoLeft = n;
    },
    forge(forgery: Forgery | null) {
      state.forge = forgery;
    },
    close: () => Promise.all([close(front), close(inner)]),
  };
}

/** Cookies per origin, as a browser keeps them (path and expiry aside: every test is short). */
class Browser {
  private jars = new Map<string, Map<string, string>>();
  private static count = 0;
  /** Its own client address: better-auth limits requests per address. */
  readonly address = `10.77.${(Browser.count >> 8) & 255}.${Browser.count++ & 255}`;

  cookieFor(url: URL): string {
    return [...(this.jars.get(url.origin) ?? new Map<string, string>())]
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
  }

  keep(url: URL, response: Response): void {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [k, v] = a.trim().split("=");
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        return k.toLowerCase() === "expires" && Date.parse(v) < Date.now();
      });
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
  }
}

describe.each([
  ...DATABASES.map((kind) => [kind, "userinfo"] as const),
  ["sqlite", "id_token"] as const,
])("single sign-on with oidc-provider on %s, groups in %s", (kind, groupsIn) => {
  let idp: Awaited<ReturnType<typeof startProvider>>;
  let t: TestAuth;
  let research: string;
  let platform: string;

  beforeAll(async () => {
    idp = await startProvider(groupsIn);
    t = await createTestAuth(kind, {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
    });
    research = (await createTeam(t.ctx, "Research")).id;
    platform = (await createTeam(t.ctx, "Platform")).id;
    const rules: SsoRule[] = [
      { group: "ml-leads", teamId: research, teamRole: "admin", role: "member" },
      { group: "ml", teamId: research, teamRole: "member", role: "member" },
      { group: "infra", teamId: platform, teamRole: "member", role: null },
      { group: "console-admins", teamId: null, teamRole: null, role: "admin" },
    ];
    await replaceRules(t.ctx, rules);
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** A request to the console (its better-auth handler) or to the provider (over HTTP). */
  async function visit(browser: Browser, url: URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = browser.cookieFor(url);
    if (cookie) headers.set("cookie", cookie);
    if (url.origin === CONSOLE) headers.set("x-forwarded-for", browser.address);
    const response =
      url.origin === CONSOLE
        ? await t.ctx.auth.handler(new Request(url, { ...init, headers }))
        : await fetch(url, { ...init, headers, redirect: "manual" });
    browser.keep(url, response);
    return response;
  }

  /**
   * Clicks "Sign in with single sign-on" and goes wherever the redirects lead, logging in as
   * `sub` and consenting on the provider's pages when it asks. Ends back at the console: the
   * page it sends the browser to, and the session cookie if one was set.
   */
  async function signOn(browser: Browser, sub: string) {
    const start = await visit(browser, new URL(`${CONSOLE}/api/auth/sign-in/social`), {
      method: "POST",
      headers: { "content-type": "application/json", origin: CONSOLE },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/playground" }),
    });
    expect(start.status).toBe(200);
    let url = new URL(((await start.json()) as { url: string }).url);
    for (let hops = 0; hops < 20; hops++) {
      let response = await visit(browser, url);
      if (response.status === 200 && url.pathname.startsWith("/interaction/")) {
        const { uid, prompt } = (await response.json()) as { uid: string; prompt: string };
        const action = prompt === "login" ? "login" : "confirm";
        response = await visit(browser, new URL(`/interaction/${uid}/${action}`, url), {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ login: sub }),
        });
      }
      const location = response.headers.get("location");
      if (!location) throw new Error(`${url} answered ${response.status} without a redirect`);
      const next = new URL(location, url);
      // Back at one of the console's pages, or at better-auth's error page.
      if (
        next.origin === CONSOLE &&
        (!next.pathname.startsWith("/api/auth/") || next.pathname === "/api/auth/error")
      ) {
        return { landed: location, cookie: browser.cookieFor(new URL(CONSOLE)) };
      }
      url = next;
    }
    throw new Error("too many redirects");
  }

  /** Who the console says the session cookie belongs to. */
  async function whoIs(cookie: string) {
    const authn = await authenticate(
      t.ctx,
      new Request(`${CONSOLE}/api/console/me`, { headers: { cookie } }),
    );
    return authn.ok ? authn.principal : null;
  }

  async function teamOf(email: string) {
    return t.ctx.database.db
      .selectFrom("team_member")
      .innerJoin("user", "user.id", "team_member.user_id")
      .select(["team_member.team_id as teamId", "team_member.team_role as teamRole"])
      .where("user.email", "=", email)
      .executeTakeFirst();
  }

  it("a new user lands in the team and role their groups map to; a changed group moves them at their next sign-in", async () => {
    idp.directory.set("ada", {
      email: "ada@example.com",
      name: "Ada Lovelace",
      groups: ["ml", "staff"],
    });
    const first = await signOn(new Browser(), "ada");
    expect(first.landed).toBe("/playground");
    expect(await whoIs(first.cookie)).toMatchObject({
      email: "ada@example.com",
      name: "Ada Lovelace",
      role: "member",
    });
    expect(await teamOf("ada@example.com")).toEqual({ teamId: research, teamRole: "member" });

    // The directory moves her to infra and makes her a console admin.
    idp.directory.set("ada", {
      email: "ada@example.com",
      name: "Ada Lovelace",
      groups: ["infra", "console-admins"],
    });
    // Still signed in on the first browser until then: nothing changes without a sign-in.
    expect(await whoIs(first.cookie)).toMatchObject({ role: "member" });
    const again = await signOn(new Browser(), "ada");
    expect(await whoIs(again.cookie)).toMatchObject({ email: "ada@example.com", role: "admin" });
    // The credential cache forgot the old role: her first session is an admin at once too.
    expect(await whoIs(first.cookie)).toMatchObject({ role: "admin" });
    expect(await teamOf("ada@example.com")).toEqual({ teamId: platform, teamRole: "member" });

    const entries = await queryAudit(t.ctx, { operation: "user.sso_sync", limit: 10 });
    const ada = entries.filter((e) => e.userEmail === "ada@example.com");
    expect(ada.map((e) => e.target)).toEqual([
      "ada@example.com: role member → admin; team Research (member) → Platform (member)",
      "ada@example.com: role viewer → member; team no team → Research (member)",
    ]);

    // Her groups stop matching: she loses the team and drops to viewer.
    idp.directory.set("ada", { email: "ada@example.com", name: "Ada", groups: ["staff"] });
    const third = await signOn(new Browser(), "ada");
    expect(await whoIs(third.cookie)).toMatchObject({ role: "viewer" });
    expect(await teamOf("ada@example.com")).toBeUndefined();
  });

  it("the first matching rule with a team decides the team, the highest role among them the role", async () => {
    idp.directory.set("linus", {
      email: "linus@example.com",
      name: "Linus",
      groups: ["infra", "ml-leads"],
    });
    const { cookie } = await signOn(new Browser(), "linus");
    expect(await whoIs(cookie)).toMatchObject({ role: "member" });
    // ml-leads comes first in the list, so Research (as its admin), not Platform.
    expect(await teamOf("linus@example.com")).toEqual({ teamId: research, teamRole: "admin" });
  });

  it("a user whose groups match no rule is a viewer in no team, and nothing is audited", async () => {
    idp.directory.set("grace", {
      email: "grace@example.com",
      name: "Grace",
      groups: ["marketing"],
    });
    const { landed, cookie } = await signOn(new Browser(), "grace");
    expect(landed).toBe("/playground");
    expect(await whoIs(cookie)).toMatchObject({ email: "grace@example.com", role: "viewer" });
    expect(await teamOf("grace@example.com")).toBeUndefined();
    const entries = await queryAudit(t.ctx, { operation: "user.sso_sync", limit: 50 });
    expect(entries.filter((e) => e.userEmail === "grace@example.com")).toEqual([]);
  });

  // Only where the console reads the groups from userinfo: it asks after better-auth did.
  if (groupsIn === "userinfo") {
    it("fails the sign-in, keeping no new session, when the groups cannot be read", async () => {
      idp.directory.set("hopper", {
        email: "hopper@example.com",
        name: "Grace Hopper",
        groups: ["console-admins"],
      });
      expect(await whoIs((await signOn(new Browser(), "hopper")).cookie)).toMatchObject({
        role: "admin",
      });
      // Removed from the admins, but the console cannot learn it: no admin session comes of it.
      idp.directory.set("hopper", { email: "hopper@example.com", name: "G", groups: [] });
      idp.userinfoAnswers(1);
      try {
        const { landed, cookie } = await signOn(new Browser(), "hopper");
        expect(landed).toMatch(/error=sso_sync_failed/);
        expect(cookie).not.toMatch(/console\.session_token=/);
      } finally {
        idp.userinfoAnswers(Infinity);
      }
      const sessions = await t.ctx.database.db
        .selectFrom("session")
        .innerJoin("user", "user.id", "session.userId")
        .select("session.id")
        .where("user.email", "=", "hopper@example.com")
        .execute();
      expect(sessions).toHaveLength(1);
      // Once it can, the next sign-in applies the change.
      const { cookie } = await signOn(new Browser(), "hopper");
      expect(await whoIs(cookie)).toMatchObject({ role: "viewer" });
    });
  }

  it("never touches a password account that signs on with the same email", async () => {
    const owner = await addUser(t.ctx, "admin", "owner");
    idp.directory.set("owner", { email: owner.email, name: "Owner", groups: ["infra"] });
    // The provider vouches for the email, so better-auth links the sign-on to the account; its
    // groups (infra: Platform, no role) change nothing: a password account is the console's own.
    const { landed, cookie } = await signOn(new Browser(), "owner");
    expect(landed).toBe("/playground");
    expect(await whoIs(cookie)).toMatchObject({ email: owner.email, role: "admin" });
    expect(await teamOf(owner.email)).toBeUndefined();
  });

  it("refuses a return whose state is not the one the console issued", async () => {
    idp.directory.set("mallory", { email: "mallory@example.com", name: "M", groups: ["ml"] });
    const browser = new Browser();
    const start = await visit(browser, new URL(`${CONSOLE}/api/auth/sign-in/social`), {
      method: "POST",
      headers: { "content-type": "application/json", origin: CONSOLE },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/playground" }),
    });
    const authorize = new URL(((await start.json()) as { url: string }).url);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    const back = new URL(`${CONSOLE}/api/auth/callback/oidc?code=stolen&state=forged-state`);
    const response = await visit(browser, back);
    expect(response.headers.get("location")).toMatch(/error=/);
    expect(browser.cookieFor(back)).not.toMatch(/console\.session_token=/);
    const users = await t.ctx.database.db
      .selectFrom("user")
      .select("email")
      .where("email", "=", "mallory@example.com")
      .execute();
    expect(users).toEqual([]);
  });

  describe("the ID token is verified", () => {
    afterAll(() => idp.forge(null));

    it.each([
      ["signed by the provider's key, unchanged (the tampering itself breaks nothing)", true],
      ["signed by another key", false],
      ["from another issuer", false],
      ["for another sign-in (nonce)", false],
    ])("%s", async (what, accepted) => {
      const sub = `forged-${what.length}-${accepted}`;
      const email = `${sub}@example.com`;
      idp.directory.set(sub, { email, name: "Mallory", groups: ["console-admins"] });
      idp.forge((claims) =>
        what.startsWith("signed by another")
          ? { claims, key: idp.strangerKey }
          : what.startsWith("from another issuer")
            ? { claims: { ...claims, iss: "http://127.0.0.1:1" }, key: idp.providerKey }
            : what.startsWith("for another")
              ? { claims: { ...claims, nonce: "someone-elses" }, key: idp.providerKey }
              : { claims, key: idp.providerKey },
      );
      const { landed, cookie } = await signOn(new Browser(), sub);
      const users = await t.ctx.database.db
        .selectFrom("user")
        .select(["email", "role"])
        .where("email", "=", email)
        .execute();
      if (accepted) {
        expect(landed).toBe("/playground");
        expect(await whoIs(cookie)).toMatchObject({ email, role: "admin" });
      } else {
        expect(landed).toMatch(/error/);
        expect(cookie).not.toMatch(/console\.session_token=/);
        expect(users).toEqual([]);
      }
    });
  });
});

describe("OIDC_GROUPS_CLAIM", () => {
  const sso = {
    OIDC_ISSUER: "https://idp.example",
    OIDC_CLIENT_ID: "c",
    OIDC_CLIENT_SECRET: "s",
  };

  it("defaults to groups, takes another claim name, refuses one with spaces", () => {
    expect(parseAuthConfig(sso).oidc?.groupsClaim).toBe("groups");
    expect(parseAuthConfig({ ...sso, OIDC_GROUPS_CLAIM: "roles" }).oidc?.groupsClaim).toBe("roles");
    expect(() => parseAuthConfig({ ...sso, OIDC_GROUPS_CLAIM: "my groups" })).toThrow(
      /OIDC_GROUPS_CLAIM must be a claim name/,
    );
  });
});
