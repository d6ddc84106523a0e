import { updateBudgetBody } from "@/lib/console/budgets";
import { consoleRoute } from "@/lib/server/auth/route";
import { deleteBudget, updateBudget } from "@/lib/server/budgets";

export const dynamic = "force-dynamic";

export const PATCH = consoleRoute({
  permission: "budgets.manage",
  body: updateBudgetBody,
  handler: async ({ ctx, params, body }) => ({ budget: await updateBudget(ctx, params.id, body) }),
  audit: {
    operation: "budgets.update",
    target: ({ result: { budget } }) => `${budget.scope} ${budget.subjectName} (${budget.period})`,
  },
});

export const DELETE = consoleRoute({
  permission: "budgets.manage",
  status: 204,
  handler: ({ ctx, params }) => deleteBudget(ctx, params.id),
  audit: { operation: "budgets.delete", target: ({ params }) => params.id },
});
