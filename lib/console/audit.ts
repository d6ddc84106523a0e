// /api/console/audit: who did what through the console, and what it consumed (audit.read).
import { z } from "zod";
import { queryInt } from "./fields";

export const auditPath = "/api/console/audit";

export const AUDIT_PAGE_MAX = 500;

/** The unit a spending call is billed in. */
export const usageUnit = z.enum(["tokens", "pages", "audio_seconds"]);
export type UsageUnit = z.infer<typeof usageUnit>;

/** Who counted a call's tokens: the API, or (an estimate, for a stream cut short) the console. */
export const usageSource = z.enum(["upstream", "console"]);
export type UsageSource = z.infer<typeof usageSource>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  userId: z.string(),
  userEmail: z.string(),
  via: z.enum(["session", "token", "local"]),
  /** The console token the call was made with, when it was. */
  tokenId: z.string().nullable(),
  /** The operation's label (`chat.completions`, `users.create`, …). */
  operation: z.string(),
  method: z.string(),
  path: z.string(),
  /** The file, job or model id, or the model a completion used. */
  target: z.string().nullable(),
  /** The HTTP status; null while the call is in flight. */
  status: z.number().int().nullable(),
  model: z.string().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  totalTokens: z.number().nullable(),
  usageSource: usageSource.nullable(),
  /** What a spending call consumed, in the unit it is billed in. */
  usageUnit: usageUnit.nullable(),
  usageQuantity: z.number().nullable(),
  durationMs: z.number().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const time = z.string().transform((value, ctx) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: "custom", message: "Use a date or time (ISO 8601)." });
    return z.NEVER;
  }
  return ms;
});

/**
 * GET /api/console/audit: newest first, filtered; `before` (an entry id, the last answer's
 * `nextBefore`) pages back. `format=csv` answers every matching entry as a CSV attachment.
 */
export const auditQuery = z.object({
  user: z.string().optional(),
  operation: z.string().optional(),
  /** Part of the target, any case. */
  target: z.string().optional(),
  from: time.optional(),
  /** Exclusive. */
  to: time.optional(),
  before: z
    .string()
    .regex(/^\d+$/, { error: "Use an entry id (the last page's nextBefore)." })
    .transform(Number)
    .optional(),
  limit: queryInt(1, AUDIT_PAGE_MAX).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPage>;
