// /api/console/me/usage: what the caller has used and what is left (session or console token;
// usage.read_own). Every budget that applies to them, and their usage per model and per day.
import { z } from "zod";
import { budgetStatus } from "./budgets";
import { queryInt } from "./fields";
import { teamRef } from "./teams";
import { USAGE_DAYS_MAX } from "./usage";

export const meUsagePath = "/api/console/me/usage";

/** Whole UTC days: today and the `days - 1` before it. */
export const meUsageQuery = z.object({ days: queryInt(1, USAGE_DAYS_MAX).default(30) });
export type MeUsageQuery = z.input<typeof meUsageQuery>;

export const modelUsage = z.object({
  model: z.string(),
  requests: z.number().int(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  totalTokens: z.number(),
  /** Null when none of these calls had a price (tokens only, never an invented cost). */
  costNanos: z.number().int().nullable(),
});
export type ModelUsage = z.infer<typeof modelUsage>;

export const dayUsage = z.object({
  day: z.iso.date(),
  requests: z.number().int(),
  totalTokens: z.number(),
  costNanos: z.number().int().nullable(),
});
export type DayUsage = z.infer<typeof dayUsage>;

export const meUsageResponse = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  team: teamRef.nullable(),
  /** The console token this was asked with, when it was (its own budget applies). */
  tokenId: z.string().nullable(),
  /** The user's, their team's and (asked with a token) the token's budgets, current period. */
  budgets: z.array(budgetStatus),
  /** Some budget passed its soft threshold: the banner shows. */
  warning: z.boolean(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  byModel: z.array(modelUsage),
  byDay: z.array(dayUsage),
});
export type MeUsageResponse = z.infer<typeof meUsageResponse>;
