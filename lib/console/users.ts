// /api/console/users: who may use the console, and as what (users.manage).
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { email, password, personName } from "./fields";
import { teamRef } from "./teams";

export const usersPath = "/api/console/users";
export const userPath = (id: string) => `${usersPath}/${encodeURIComponent(id)}`;

export const role = z.enum(ROLES, { error: `Choose one of ${ROLES.join(", ")}.` });

/** Per-user cap on spending calls a minute; null = the console's default. */
export const RATE_LIMIT_MAX = 999_999;
export const rateLimitPerMinute = z
  .number({ error: `Use a whole number from 1 to ${RATE_LIMIT_MAX}, or null for the default.` })
  .int({ error: `Use a whole number from 1 to ${RATE_LIMIT_MAX}.` })
  .min(1, { error: `Use a whole number from 1 to ${RATE_LIMIT_MAX}.` })
  .max(RATE_LIMIT_MAX, { error: `Use a whole number from 1 to ${RATE_LIMIT_MAX}.` })
  .nullable();

export const user = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** One of ROLES; a hand-edited row may hold another, which grants nothing. */
  role: z.string(),
  createdAt: z.iso.datetime(),
  disabled: z.boolean(),
  rateLimitPerMinute: z.number().int().nullable(),
  /** The team they are in, and their role there. Optional: older consoles leave it out. */
  team: teamRef.nullable().optional(),
});
export type UserInfo = z.infer<typeof user>;

/** POST /api/console/users → 201 `{ user }`. */
export const createUserBody = z.object({
  email,
  name: personName,
  password,
  role,
});
export type CreateUserBody = z.infer<typeof createUserBody>;

/** PATCH /api/console/users/{id} → `{ user }`: only the fields sent change. */
export const updateUserBody = z.object({
  role: role.optional(),
  disabled: z.boolean({ error: "Use true or false." }).optional(),
  rateLimitPerMinute: rateLimitPerMinute.optional(),
});
export type UpdateUserBody = z.infer<typeof updateUserBody>;

/** What the Users page's per-user limit box holds: empty for the default, else the number. */
export const rateLimitInput = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    if (!/^\d+$/.test(v)) {
      ctx.addIssue({ code: "custom", message: `Use a whole number from 1 to ${RATE_LIMIT_MAX}.` });
      return z.NEVER;
    }
    return Number(v);
  })
  .pipe(rateLimitPerMinute);

export const usersResponse = z.object({ users: z.array(user) });
export const userResponse = z.object({ user });
export type UsersResponse = z.infer<typeof usersResponse>;
export type UserResponse = z.infer<typeof userResponse>;
