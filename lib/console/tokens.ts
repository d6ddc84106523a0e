// /api/console/tokens: personal console tokens (tokens.manage_own; every user's with tokens.manage_any).
import { z } from "zod";

export const tokensPath = "/api/console/tokens";
export const tokenPath = (id: string) => `${tokensPath}/${encodeURIComponent(id)}`;

export const TOKEN_NAME_MAX = 64;

export const token = z.object({
  id: z.string(),
  name: z.string(),
  /** The secret's first characters (`mc_AbC1…`), to tell tokens apart. */
  prefix: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TokenInfo = z.infer<typeof token>;

/** GET /api/console/tokens: `?all=1` lists every user's tokens (tokens.manage_any). */
export const tokensQuery = z.object({
  all: z.enum(["0", "1"], { error: "Use 1 for every user's tokens, or leave it out." }).optional(),
});

/** POST /api/console/tokens → 201 `{ token, secret }`: the secret is shown this once. */
export const createTokenBody = z.object({
  name: z
    .string({ error: "Name the token." })
    .trim()
    .min(1, { error: "Name the token." })
    .max(TOKEN_NAME_MAX, { error: `Use at most ${TOKEN_NAME_MAX} characters.` }),
});
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const tokensResponse = z.object({ tokens: z.array(token) });
export const createdToken = z.object({ token, secret: z.string() });
export type TokensResponse = z.infer<typeof tokensResponse>;
export type CreatedToken = z.infer<typeof createdToken>;
