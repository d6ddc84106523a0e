// The budget dialog's form: what a person types (text) checked and turned into the contract's
// body, each refusal under the field it is about.
import { z } from "zod";
import {
  BUDGET_MAX,
  budgetPeriod,
  budgetScope,
  createBudgetBody,
  type BudgetInfo,
} from "@/lib/console/budgets";
import { usdToNanos } from "@/lib/console/prices";

const TOKENS_RULE = `Use a whole number of tokens from 1 to ${BUDGET_MAX.toLocaleString("en-US")}, or leave it empty for no token limit.`;
const COST_RULE =
  "Use an amount in US dollars such as 25 or 0.50 (up to 9 decimals), or leave it empty for no cost limit.";
const SOFT_RULE = "Use a whole percentage from 1 to 100.";

/** Thousands separators and spaces are fine to type ("1,000,000"). */
const digits = (v: string) => v.replace(/[\s,_]/g, "");

const tokensText = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const n = /^\d+$/.test(digits(v)) ? Number(digits(v)) : NaN;
    if (!(n >= 1 && n <= BUDGET_MAX)) {
      ctx.addIssue({ code: "custom", message: TOKENS_RULE });
      return z.NEVER;
    }
    return n;
  });

const costText = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const nanos = usdToNanos(digits(v.replace(/^\$/, "")));
    if (nanos === null || nanos < 1 || nanos > BUDGET_MAX) {
      ctx.addIssue({ code: "custom", message: COST_RULE });
      return z.NEVER;
    }
    return nanos;
  });

const softText = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!(n >= 1 && n <= 100)) {
      ctx.addIssue({ code: "custom", message: SOFT_RULE });
      return z.NEVER;
    }
    return n;
  });

/** The form's fields carry the body's names, so a server refusal naming one lands under it. */
export const budgetForm = z
  .object({
    scope: budgetScope,
    subjectId: createBudgetBody.shape.subjectId,
    period: budgetPeriod,
    maxTokens: tokensText,
    maxCostNanos: costText,
    softPercent: softText,
  })
  .refine((b) => b.maxTokens !== null || b.maxCostNanos !== null, {
    error: "Set a token limit, a cost limit, or both.",
    path: ["maxTokens"],
  });
export type BudgetFormValues = z.input<typeof budgetForm>;
export type BudgetFormOutput = z.output<typeof budgetForm>;
export const BUDGET_FIELDS = Object.keys(budgetForm.shape);

/** Nano-dollars back to the dollars an admin typed ("25", "0.5"). */
export function nanosToUsdText(nanos: number): string {
  const whole = Math.floor(nanos / 1e9);
  const frac = String(nanos % 1e9)
    .padStart(9, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

/** The form's starting values: empty, or those of the budget being edited. */
export function budgetFormDefaults(b?: BudgetInfo): BudgetFormValues {
  return {
    scope: b?.scope ?? "team",
    subjectId: b?.subjectId ?? "",
    period: b?.period ?? "month",
    maxTokens: b?.maxTokens != null ? String(b.maxTokens) : "",
    maxCostNanos: b?.maxCostNanos != null ? nanosToUsdText(b.maxCostNanos) : "",
    softPercent: String(b?.softPercent ?? 80),
  };
}
