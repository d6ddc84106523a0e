// /api/console/usage: what was spent through the console (usage.read_own; everyone's with usage.read_all).
import { z } from "zod";
import { queryInt } from "./fields";
import { usageUnit } from "./audit";

export const usagePath = "/api/console/usage";

export const USAGE_DAYS_MAX = 366;

/**
 * Whole UTC days: today and the `days - 1` before it. `user` needs usage.read_all; `team` needs
 * usage.read_all or being that team's admin; `token` narrows to one console token. `format=csv` answers the token rows as a CSV
 * attachment (with cost).
 */
export const usageQuery = z.object({
  days: queryInt(1, USAGE_DAYS_MAX).default(30),
  user: z.string().optional(),
  team: z.string().optional(),
  /** One console token's calls (the caller's own, or any with usage.read_all). */
  token: z.string().optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
export type UsageQuery = z.input<typeof usageQuery>;

/** Tokens per UTC day, model and user. */
export const usageRow = z.object({
  day: z.iso.date(),
  model: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  requests: z.number().int(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  totalTokens: z.number(),
  /** The team the calls were made in (null: in none). Optional: older consoles leave it out. */
  teamId: z.string().nullable().optional(),
  /** The console token the calls were made with (null: a signed-in browser). Optional as teamId. */
  tokenId: z.string().nullable().optional(),
  /** Nano-dollars, priced when each call settled; null when none of them had a price. */
  costNanos: z.number().int().nullable().optional(),
});
export type UsageRow = z.infer<typeof usageRow>;

/** Calls billed in another unit than tokens (OCR pages, transcribed audio seconds). */
export const unitUsageRow = z.object({
  day: z.iso.date(),
  /** The operation's label (`ocr`, `audio.transcriptions`). */
  operation: z.string(),
  model: z.string().nullable(),
  userId: z.string(),
  userEmail: z.string(),
  unit: usageUnit.exclude(["tokens"]),
  requests: z.number().int(),
  quantity: z.number(),
  teamId: z.string().nullable().optional(),
  costNanos: z.number().int().nullable().optional(),
});
export type UnitUsageRow = z.infer<typeof unitUsageRow>;

export const usageResponse = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  rows: z.array(usageRow),
  units: z.array(unitUsageRow),
  /** Whom the caller may pick: everyone with usage.read_all, else only themselves. */
  users: z.array(z.object({ id: z.string(), email: z.string() })),
  /** The teams the caller may pick: every team with usage.read_all, else those they admin. */
  teams: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  /** The console tokens whose calls the rows may name (revoked ones are gone: their id only). */
  tokens: z.array(z.object({ id: z.string(), name: z.string(), userEmail: z.string() })).optional(),
});
export type UsageResponse = z.infer<typeof usageResponse>;
