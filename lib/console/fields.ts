// The rules of the fields a person types, shared by the console's routes, its forms and the
// better-auth endpoints it fronts: one place each, so the browser and the server never disagree.
import { z } from "zod";

/** The longest value the console takes for each field a user can set, on every route. */
export const FIELD_LIMITS = { name: 100, email: 254, password: 128, image: 2048 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_RULE = `${PASSWORD_MIN} to ${FIELD_LIMITS.password} characters`;

/** An account's password: 12 to 128 characters (spaces count; nothing is trimmed). */
export const password = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `Use ${PASSWORD_RULE}.` })
  .max(FIELD_LIMITS.password, { error: `Use ${PASSWORD_RULE}.` });

/** Whether a string passes the password rule (CONSOLE_ADMIN_PASSWORD is checked with it too). */
export const isValidPassword = (value: string) => password.safeParse(value).success;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, trimmed and lower-cased: the account's identity. */
export const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, { error: "Enter an email address." })
  .max(FIELD_LIMITS.email, { error: `Use at most ${FIELD_LIMITS.email} characters.` })
  .regex(EMAIL, { error: "Enter an email address (name@example.com)." })
  .toLowerCase();

export const isEmailAddress = (value: string) => EMAIL.test(value);

/** A person's display name. */
export const personName = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, { error: "Enter a name." })
  .max(FIELD_LIMITS.name, { error: `Use at most ${FIELD_LIMITS.name} characters.` });

/**
 * The 422 a route answers for input its schema refuses: the first problem, `param` naming the
 * field by its path (`messages.3.role`, `rateLimitPerMinute`), the message saying what is wrong.
 */
export function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue.path.map(String).join(".") || "body";
  return { field, message: `${field}: ${issue.message}` };
}

/** The part of a route's field message a form shows under that field (without "field: "). */
export function fieldMessage(message: string, field: string): string {
  return message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
}

/** A query parameter holding a whole number from `min` (to `max`, when there is one). */
export function queryInt(min: number, max?: number) {
  const message = `Use a whole number from ${min}${max === undefined ? " up" : ` to ${max}`}.`;
  const int = z.number().int().min(min, { error: message });
  return z
    .string()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(max === undefined ? int : int.max(max, { error: message }));
}
