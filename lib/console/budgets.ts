// /api/console/budgets: limits on tokens and/or money per user, team or console token, per UTC
// day or UTC calendar month (budgets.manage). Money is in nano-dollars (1 USD = 1e9), exact.
import { z } from "zod";

export const budgetsPath = "/api/console/budgets";
export const budgetPath = (id: string) => `${budgetsPath}/${encodeURIComponent(id)}`;

export const BUDGET_SCOPES = ["user", "team", "token"] as const;
export const budgetScope = z.enum(BUDGET_SCOPES, {
  error: `Choose one of ${BUDGET_SCOPES.join(", ")}.`,
});
export type BudgetScope = z.infer<typeof budgetScope>;

export const BUDGET_PERIODS = ["day", "month"] as const;
export const budgetPeriod = z.enum(BUDGET_PERIODS, { error: "Choose day or month." });
export type BudgetPeriod = z.infer<typeof budgetPeriod>;

/** The most either limit takes (tokens, or nano-dollars: $9,000,000). */
export const BUDGET_MAX = 9_000_000_000_000_000;
const limitRule = `Use a whole number from 1 to ${BUDGET_MAX}, or null for no limit.`;
const limit = z
  .number({ error: limitRule })
  .int({ error: limitRule })
  .min(1, { error: limitRule })
  .max(BUDGET_MAX, { error: limitRule })
  .nullable();
const softRule = "Use a whole percentage from 1 to 100.";
const softPercent = z
  .number({ error: softRule })
  .int({ error: softRule })
  .min(1, { error: softRule })
  .max(100, { error: softRule });

/** Where a budget stands in its current period. */
export const budgetStatus = z.object({
  budgetId: z.string(),
  scope: budgetScope,
  subjectId: z.string(),
  /** The user's email, the team's name or the token's name (and its owner's email). */
  subjectName: z.string(),
  period: budgetPeriod,
  periodStart: z.iso.datetime(),
  /** When the period ends and the budget starts again (UTC midnight, or the 1st of a month). */
  resetsAt: z.iso.datetime(),
  softPercent: z.number().int(),
  maxTokens: z.number().int().nullable(),
  /** Settled calls' tokens. */
  usedTokens: z.number().int(),
  /** Calls in flight: their worst case, until they settle. */
  reservedTokens: z.number().int(),
  /** maxTokens − used − reserved (never below 0); null without a token limit. */
  leftTokens: z.number().int().nullable(),
  maxCostNanos: z.number().int().nullable(),
  usedCostNanos: z.number().int(),
  reservedCostNanos: z.number().int(),
  leftCostNanos: z.number().int().nullable(),
  /** Used + reserved has reached the soft threshold of a limit. */
  warning: z.boolean(),
  /** A limit is reached: spending calls it covers are refused (429) until resetsAt. */
  exceeded: z.boolean(),
});
export type BudgetStatus = z.infer<typeof budgetStatus>;

export const budget = z.object({
  id: z.string(),
  scope: budgetScope,
  subjectId: z.string(),
  subjectName: z.string(),
  period: budgetPeriod,
  maxTokens: z.number().int().nullable(),
  maxCostNanos: z.number().int().nullable(),
  softPercent: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Its current period. */
  status: budgetStatus,
});
export type BudgetInfo = z.infer<typeof budget>;

/**
 * POST /api/console/budgets → 201 `{ budget }`. One budget per scope, subject and period (409
 * otherwise); at least one of the two limits. The subject is a user id, team id or token id.
 */
export const createBudgetBody = z
  .object({
    scope: budgetScope,
    subjectId: z.string({ error: "Choose whom the budget is for." }).min(1, {
      error: "Choose whom the budget is for.",
    }),
    period: budgetPeriod,
    maxTokens: limit.default(null),
    maxCostNanos: limit.default(null),
    softPercent: softPercent.default(80),
  })
  .refine((b) => b.maxTokens !== null || b.maxCostNanos !== null, {
    error: "Set a token limit, a cost limit, or both.",
    path: ["maxTokens"],
  });
export type CreateBudgetBody = z.input<typeof createBudgetBody>;

/** PATCH /api/console/budgets/{id} → `{ budget }`: only the fields sent change. DELETE → 204. */
export const updateBudgetBody = z.object({
  maxTokens: limit.optional(),
  maxCostNanos: limit.optional(),
  softPercent: softPercent.optional(),
});
export type UpdateBudgetBody = z.infer<typeof updateBudgetBody>;

/** GET /api/console/budgets: every budget, or those of one scope (and subject). */
export const budgetsQuery = z.object({
  scope: budgetScope.optional(),
  subject: z.string().optional(),
});
export type BudgetsQuery = z.input<typeof budgetsQuery>;

export const budgetsResponse = z.object({ budgets: z.array(budget) });
export const budgetResponse = z.object({ budget });
export type BudgetsResponse = z.infer<typeof budgetsResponse>;
export type BudgetResponse = z.infer<typeof budgetResponse>;

/** The `code` of the 429 a spending call gets at a budget's hard limit. */
export const BUDGET_EXCEEDED = "budget_exceeded";
