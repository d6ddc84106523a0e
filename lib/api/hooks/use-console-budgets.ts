import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  budgetPath,
  budgetsPath,
  type BudgetInfo,
  type BudgetResponse,
  type BudgetsResponse,
  type CreateBudgetBody,
  type UpdateBudgetBody,
} from "@/lib/console/budgets";
import { consoleFetch } from "../client";
import { consoleMeUsageKeys } from "./use-console-me-usage";

// Budgets per user, team or console token (/api/console/budgets, budgets.manage).
export const consoleBudgetKeys = {
  all: ["console", "budgets"] as const,
  list: () => [...consoleBudgetKeys.all, "list"] as const,
};

export function useConsoleBudgets({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consoleBudgetKeys.list(),
    queryFn: ({ signal }) =>
      consoleFetch<BudgetsResponse>(budgetsPath, { signal }).then((r) => r.budgets),
    enabled,
    // Used and reserved move with every call: keep the numbers fresh while the page is open.
    refetchInterval: 15_000,
  });
}

/** Each write refreshes the budgets, and the admin's own usage page (a budget may be theirs). */
function useBudgetsMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: consoleBudgetKeys.all });
      void qc.invalidateQueries({ queryKey: consoleMeUsageKeys.all });
    },
  });
}

export const useCreateBudget = () =>
  useBudgetsMutation((body: CreateBudgetBody) =>
    consoleFetch<BudgetResponse>(budgetsPath, { json: body }).then((r) => r.budget),
  );

export const useUpdateBudget = () =>
  useBudgetsMutation(({ id, patch }: { id: string; patch: UpdateBudgetBody }) =>
    consoleFetch<BudgetResponse>(budgetPath(id), { method: "PATCH", json: patch }).then(
      (r) => r.budget,
    ),
  );

export const useDeleteBudget = () =>
  useBudgetsMutation((b: BudgetInfo) => consoleFetch<void>(budgetPath(b.id), { method: "DELETE" }));
