// Who is signed in (/api/console/me), what the signed-out pages need (/api/console/auth-info),
// and the sign-in form (better-auth's POST /api/auth/sign-in/email).
import { z } from "zod";
import { PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { FIELD_LIMITS } from "./fields";

export const mePath = "/api/console/me";
export const authInfoPath = "/api/console/auth-info";

export const authMode = z.enum(["on", "off"]);
export type AuthMode = z.infer<typeof authMode>;

/** GET /api/console/me (any signed-in caller). */
export const meResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
  permissions: z.array(z.enum(PERMISSIONS)),
  authMode,
});
export type MeResponse = z.infer<typeof meResponse>;

/** GET /api/console/auth-info (public, answered on any host): nothing here is secret. */
export const authInfo = z.object({
  setupNeeded: z.boolean(),
  /** The single sign-on provider's name, when one is configured. */
  oidc: z.object({ name: z.string() }).nullable(),
  authMode,
});
export type AuthInfo = z.infer<typeof authInfo>;

/**
 * The sign-in form. Only presence and the length cap are checked here: a wrong password is
 * better-auth's to refuse (and count), whatever its length.
 */
export const signInForm = z.object({
  email: z.string().trim().min(1, { error: "Enter your email address." }),
  password: z
    .string()
    .min(1, { error: "Enter your password." })
    .max(FIELD_LIMITS.password, {
      error: `Passwords have at most ${FIELD_LIMITS.password} characters.`,
    }),
});
export type SignInForm = z.infer<typeof signInForm>;
