// /api/console/setup: the first run, when the one-time token from the server log makes its
// holder the first admin (no sign-in needed; only while no account exists).
import { z } from "zod";
import { email, password, personName } from "./fields";
import { user } from "./users";

export const setupPath = "/api/console/setup";

/** POST /api/console/setup → 201 `{ user }`, signed in (the session cookie is set). */
export const setupBody = z.object({
  token: z
    .string({ error: "Paste the setup token from the server log." })
    .trim()
    .min(1, { error: "Paste the setup token from the server log." })
    .max(200, { error: "That is not a setup token (they are 32 characters)." }),
  email,
  name: personName,
  password,
});
export type SetupBody = z.infer<typeof setupBody>;

/** The setup form: the body, with the password typed twice. */
export const setupForm = setupBody
  .extend({ confirm: z.string() })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    error: "The two passwords differ.",
  });

export const setupResponse = z.object({ user });
