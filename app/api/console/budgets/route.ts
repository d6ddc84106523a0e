import { budgetsQuery, createBudgetBody } from "@/lib/console/budgets";
import { consoleRoute } from "@/lib/server/auth/route";
import { createBudget, listBudgets } from "@/lib/server/budgets";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "budgets.manage",
  query: budgetsQuery,
  handler: async ({ ctx, query }) => ({ budgets: await listBudgets(ctx, query) }),
});

export const POST = consoleRoute({
  permission: "budgets.manage",
  body: createBudgetBody,
  status: 201,
  handler: async ({ ctx, body }) => ({ budget: await createBudget(ctx, body) }),
  audit: {
    operation: "budgets.create",
    target: ({ result: { budget } }) => `${budget.scope} ${budget.subjectName} (${budget.period})`,
  },
});
