import "server-only";
import { isIP } from "node:net";
import { z } from "zod";
import { parseHostList } from "@/lib/auth/host";
import { isEmailAddress, isValidPassword, PASSWORD_RULE } from "@/lib/console/fields";
import { ConfigError, readEnv, Secret } from "../config";
import { parseTrustedProxies } from "./client-ip";

export interface AuthConfig {
  /** "off": one local user with every permission, allowed only on a loopback address. */
  mode: "on" | "off";
  /** Signs session cookies; generated into the data folder when not given (single instance). */
  secret: Secret | null;
  /** postgres://… to share users, sessions, tokens and the audit log between instances. */
  databaseUrl: Secret | null;
  /** The console's public origin (https://console.example.com); else taken from each request. */
  publicUrl: string | null;
  /** CONSOLE_ALLOWED_HOSTS: more host names the console answers to (see lib/auth/host.ts). */
  allowedHosts: string[];
  admin: { email: string; password: Secret } | null;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: Secret;
    name: string;
    /** OIDC_GROUPS_CLAIM: the ID token / userinfo claim listing the user's groups. */
    groupsClaim: string;
  } | null;
  /** Default requests per minute per user on spending operations; null = no limit. */
  rateLimitPerMinute: number | null;
  /**
   * CONSOLE_BUDGET_DEFAULT_MAX_TOKENS: the completion tokens a call without `max_tokens`
   * reserves against its budgets until it settles.
   */
  budgetDefaultMaxTokens: number;
  /** TRUSTED_PROXIES: reverse proxies (IPs or CIDR ranges) whose X-Forwarded-For is believed. */
  trustedProxies: string[];
}

const url = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
      message: `${name} must be an http(s) URL`,
    });

const envSchema = z.object({
  CONSOLE_AUTH: z.enum(["on", "off"], { error: 'CONSOLE_AUTH must be "on" or "off"' }).optional(),
  CONSOLE_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.length >= 32, {
      message: "CONSOLE_SECRET must be at least 32 characters (try: openssl rand -base64 32)",
    }),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: "DATABASE_URL must be a postgres:// URL",
    }),
  CONSOLE_URL: url("CONSOLE_URL"),
  CONSOLE_ALLOWED_HOSTS: z
    .string()
    .optional()
    .refine((v) => parseHostList(v).bad.length === 0, {
      message:
        "CONSOLE_ALLOWED_HOSTS must be comma-separated host names without scheme or port (console.example.com, 10.0.0.5, [fd00::1])",
    }),
  CONSOLE_ADMIN_EMAIL: z
    .string()
    .optional()
    .refine((v) => v === undefined || isEmailAddress(v), {
      message: "CONSOLE_ADMIN_EMAIL must be an email address",
    }),
  CONSOLE_ADMIN_PASSWORD: z
    .string()
    .optional()
    .refine((v) => v === undefined || isValidPassword(v), {
      message: `CONSOLE_ADMIN_PASSWORD must be ${PASSWORD_RULE}`,
    }),
  OIDC_ISSUER: url("OIDC_ISSUER"),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().max(40, { message: "OIDC_NAME must be at most 40 characters" }).optional(),
  OIDC_GROUPS_CLAIM: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^[^\s]{1,100}$/.test(v), {
      message: "OIDC_GROUPS_CLAIM must be a claim name (1 to 100 characters, no spaces)",
    }),
  CONSOLE_RATE_LIMIT_PER_MINUTE: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^[1-9]\d{0,5}$/.test(v.trim()), {
      message: "CONSOLE_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 999999",
    }),
  CONSOLE_BUDGET_DEFAULT_MAX_TOKENS: z
    .string()
    .optional()
    .refine((v) => v === undefined || /^[1-9]\d{0,6}$/.test(v.trim()), {
      message: "CONSOLE_BUDGET_DEFAULT_MAX_TOKENS must be a whole number from 1 to 9999999",
    }),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => parseTrustedProxies(v).bad.length === 0, {
      message:
        "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges of your reverse proxies (10.0.0.5, 10.0.0.0/24, fd00::/64)",
    }),
});

/** Parses the team-access variables; throws ConfigError naming each bad one, never its value. */
export function parseAuthConfig(env: Record<string, string | undefined>): AuthConfig {
  const { input, parsed, problems } = readEnv(envSchema, env);
  const both = (a: string, b: string) => {
    if (Boolean(input[a]) !== Boolean(input[b])) problems.push(`${a} and ${b} go together`);
  };
  both("CONSOLE_ADMIN_EMAIL", "CONSOLE_ADMIN_PASSWORD");
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"];
  if (oidc.some((n) => input[n]) && !oidc.every((n) => input[n])) {
    problems.push("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together");
  }
  if (input.DATABASE_URL && !input.CONSOLE_SECRET) {
    problems.push(
      "CONSOLE_SECRET is required with DATABASE_URL: every instance must sign sessions with the same secret",
    );
  }
  if (!parsed.success || problems.length) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
  }
  const e = parsed.data;
  return {
    mode: e.CONSOLE_AUTH ?? "on",
    secret: e.CONSOLE_SECRET ? new Secret(e.CONSOLE_SECRET) : null,
    databaseUrl: e.DATABASE_URL ? new Secret(e.DATABASE_URL) : null,
    publicUrl: e.CONSOLE_URL ? new URL(e.CONSOLE_URL).origin : null,
    allowedHosts: parseHostList(e.CONSOLE_ALLOWED_HOSTS).hosts,
    admin:
      e.CONSOLE_ADMIN_EMAIL && e.CONSOLE_ADMIN_PASSWORD
        ? {
            email: e.CONSOLE_ADMIN_EMAIL.toLowerCase(),
            password: new Secret(e.CONSOLE_ADMIN_PASSWORD),
          }
        : null,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: new Secret(e.OIDC_CLIENT_SECRET),
            name: e.OIDC_NAME ?? "single sign-on",
            groupsClaim: e.OIDC_GROUPS_CLAIM ?? "groups",
          }
        : null,
    rateLimitPerMinute: e.CONSOLE_RATE_LIMIT_PER_MINUTE
      ? Number(e.CONSOLE_RATE_LIMIT_PER_MINUTE)
      : null,
    budgetDefaultMaxTokens: e.CONSOLE_BUDGET_DEFAULT_MAX_TOKENS
      ? Number(e.CONSOLE_BUDGET_DEFAULT_MAX_TOKENS)
      : BUDGET_DEFAULT_MAX_TOKENS,
    trustedProxies: parseTrustedProxies(e.TRUSTED_PROXIES).entries,
  };
}

/** What a call without `max_tokens` reserves when CONSOLE_BUDGET_DEFAULT_MAX_TOKENS is not set. */
export const BUDGET_DEFAULT_MAX_TOKENS = 4096;

let cached: AuthConfig | undefined;

export function getAuthConfig(): AuthConfig {
  cached ??= parseAuthConfig(process.env);
  return cached;
}

export function isLoopback(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === "localhost") return true;
  if (host === "::1") return true;
  if (host.startsWith("::ffff:")) return isLoopback(host.slice(7));
  return isIP(host) === 4 && host.startsWith("127.");
}

/**
 * CONSOLE_AUTH=off hands the key to anyone who can connect, so it is allowed only while every
 * address the server listens on is loopback. Throws ConfigError saying why otherwise.
 */
export function checkAuthOffAllowed(listening: string[]): void {
  if (listening.length === 0) {
    throw new ConfigError(
      "CONSOLE_AUTH=off: could not tell which address the server listens on, so it refuses to start without sign-in. Start it on loopback: next start -H 127.0.0.1",
    );
  }
  const open = listening.filter((a) => !isLoopback(a));
  if (open.length) {
    throw new ConfigError(
      `CONSOLE_AUTH=off is only allowed when the console listens on loopback (127.0.0.1 or ::1), but it listens on ${open.join(", ")}${
        open.some((a) => a === "0.0.0.0" || a === "::") ? " (every network interface)" : ""
      }. Start it with -H 127.0.0.1, or turn sign-in on.`,
    );
  }
}
