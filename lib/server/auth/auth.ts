import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import { genericOAuth } from "better-auth/plugins";
import { openDatabase, type ConsoleDatabase } from "../db";
import { migrate } from "../db/migrations";
import type { AuthConfig } from "./config";
import { FIELD_LIMITS, PASSWORD_MIN } from "@/lib/console/fields";
import {
  createCredentialCache,
  sessionId,
  type CredentialCache,
  type Invalidation,
} from "./credentials";
import { pruneSignInFailures } from "./users";
import { SSO_PROVIDER_ID, syncSsoUser } from "../sso";

const DAY_S = 24 * 60 * 60;

/**
 * better-auth's options for this console: also what its schema check compares against.
 * `changed` hears of every write better-auth makes that changes what a credential may do (sign-out,
 * revoked sessions, profile and password changes), after it is committed. `signedOn` hears of each
 * user who has just completed a single sign-on (their groups then decide their team and role).
 */
export function authOptions(
  config: AuthConfig,
  database: ConsoleDatabase,
  secret: string,
  changed: (change: Invalidation) => Promise<void> = async () => {},
  signedOn: (userId: string) => Promise<void> = async () => {},
): BetterAuthOptions {
  const oidc = config.oidc;
  return {
    appName: "Mistral Console",
    basePath: "/api/auth",
    // Without CONSOLE_URL the console answers on whatever host it was reached at (localhost,
    // 127.0.0.1, a LAN name) and trusts only that same origin for sign-in, sign-out and every
    // callbackURL. No baseURL makes better-auth take it from each request; a dynamic one
    // ({ allowedHosts: ["*"] }) would also make "*" a trusted origin, an open redirect.
    baseURL: config.publicUrl ?? undefined,
    trustedOrigins: config.publicUrl
      ? [config.publicUrl]
      : (request) => {
          if (!request) return [];
          // Either scheme: behind a TLS-terminating proxy the server itself sees http.
          const host = request.headers.get("host") ?? new URL(request.url).host;
          return [`http://${host}`, `https://${host}`];
        },
    secret,
    database: { dialect: database.dialect, type: database.kind },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an admin (or the first-run setup), never by whoever arrives.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: FIELD_LIMITS.password,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        disabled: { type: "boolean", required: false, defaultValue: false, input: false },
        rateLimitPerMinute: { type: "number", required: false, input: false },
      },
    },
    session: { expiresIn: 7 * DAY_S, updateAge: DAY_S },
    rateLimit: {
      enabled: true,
      // In the database, so every instance behind a load balancer counts the same attempts.
      storage: "database",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: "console",
      useSecureCookies: config.publicUrl?.startsWith("https:") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // better-auth skips its Origin and callbackURL checks when NODE_ENV=test or TEST is set in
      // the environment: the console wants them always (and its tests exercise them).
      disableOriginCheck: false,
      // app/api/auth/[...all]/route.ts replaces X-Forwarded-For with the one client address it
      // resolved (lib/server/auth/client-ip.ts), so the per-address limit counts real clients.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    databaseHooks: {
      user: {
        create: {
          // Accounts the console makes are checked before; one made at a single sign-on comes
          // from the identity provider's profile, which nobody types here: cut, not refused.
          async before(user) {
            const data = { ...user, name: user.name.slice(0, FIELD_LIMITS.name) };
            if (typeof user.image === "string" && user.image.length > FIELD_LIMITS.image) {
              data.image = null;
            }
            checkUserFields(data);
            return { data };
          },
        },
        update: {
          async before(user) {
            checkUserFields(user);
            return { data: user };
          },
          async after(user) {
            if (user) await changed({ kind: "user", id: user.id });
          },
        },
        delete: {
          async after(user) {
            await changed({ kind: "user", id: user.id });
          },
        },
      },
      account: {
        // A new password: whatever better-auth does with the other sessions, none is remembered.
        update: {
          async after(account) {
            if (account) await changed({ kind: "user", id: account.userId });
          },
        },
      },
      session: {
        // Sign-out, revoke-session(s), a password change that revokes the other sessions.
        delete: {
          async after(session) {
            await changed({ kind: "session", id: sessionId(session.token) });
          },
        },
        create: {
          // A disabled account gets no session, whichever way it signs in.
          async before(session) {
            const user = await database.db
              .selectFrom("user")
              .select("disabled")
              .where("id", "=", session.userId)
              .executeTakeFirst();
            return user && !user.disabled ? { data: session } : false;
          },
        },
      },
    },
    hooks: {
      // After the callback of a single sign-on that signed someone in (created or linked their
      // account, stored its verified tokens, made the session). If their groups cannot be
      // applied, the sign-on fails closed: the new session goes, so nobody keeps a role or team
      // their directory has taken away.
      after: createAuthMiddleware(async (c) => {
        const session = c.context.newSession;
        if (c.path !== "/callback/:id" || c.params?.id !== SSO_PROVIDER_ID || !session) return;
        try {
          await signedOn(session.user.id);
        } catch (error) {
          await c.context.internalAdapter.deleteSession(session.session.token);
          deleteSessionCookie(c);
          c.context.logger.error(`single sign-on: groups not applied: ${String(error)}`);
          throw c.redirect(`${c.context.baseURL}/error?error=sso_sync_failed`);
        }
      }),
    },
    telemetry: { enabled: false },
    logger: { level: "error" },
    plugins: oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: SSO_PROVIDER_ID,
                discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret.reveal(),
                scopes: ["openid", "email", "profile"],
                pkce: true,
              },
            ],
          }),
        ]
      : [],
  };
}

/**
 * The console's limits on what better-auth stores for a user, however it got there (update-user,
 * change-email, a profile from single sign-on): refused, naming the field.
 */
function checkUserFields(user: Record<string, unknown>): void {
  for (const field of ["name", "email", "image"] as const) {
    const value = user[field];
    if (typeof value === "string" && value.length > FIELD_LIMITS[field]) {
      throw new APIError("BAD_REQUEST", {
        code: "FIELD_TOO_LONG",
        message: `${field} must be at most ${FIELD_LIMITS[field]} characters.`,
      });
    }
  }
}

export type Auth = ReturnType<typeof betterAuth>;

export interface AuthContext {
  config: AuthConfig;
  database: ConsoleDatabase;
  auth: Auth;
  /** Who recent credentials belong to (see credentials.ts); closed with the database. */
  credentials: CredentialCache;
}

/** The secret that signs cookies: CONSOLE_SECRET, else one generated once into the data folder. */
function loadSecret(config: AuthConfig, dataDir: string): string {
  if (config.secret) return config.secret.reveal();
  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

export async function createAuthContext(config: AuthConfig, dataDir: string): Promise<AuthContext> {
  const url = config.databaseUrl?.reveal() ?? null;
  const opened = openDatabase({ url, dataDir });
  await migrate(opened);
  const credentials = createCredentialCache(opened, url);
  const database: ConsoleDatabase = {
    ...opened,
    async close() {
      await credentials.close();
      await opened.close();
    },
  };
  // The sign-on hook needs the context the auth instance is part of: bound once both exist.
  const ctx = { config, database, credentials } as AuthContext;
  ctx.auth = betterAuth(
    authOptions(config, database, loadSecret(config, dataDir), credentials.invalidate, (userId) =>
      syncSsoUser(ctx, userId),
    ),
  );
  await pruneSignInFailures(ctx);
  return ctx;
}
