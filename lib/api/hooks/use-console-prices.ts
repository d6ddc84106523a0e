import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  pricePath,
  pricesPath,
  type PriceResponse,
  type PricesResponse,
  type PutPriceBody,
} from "@/lib/console/prices";
import { consoleFetch } from "../client";

// What each model costs (/api/console/prices: anyone signed in reads, prices.manage writes).
export const consolePriceKeys = {
  all: ["console", "prices"] as const,
  list: () => [...consolePriceKeys.all, "list"] as const,
};

export function useConsolePrices({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consolePriceKeys.list(),
    queryFn: ({ signal }) =>
      consoleFetch<PricesResponse>(pricesPath, { signal }).then((r) => r.prices),
    enabled,
  });
}

function usePricesMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => void qc.invalidateQueries({ queryKey: consolePriceKeys.all }),
  });
}

/** Sets every price of one model (null: unknown). */
export const usePutPrice = () =>
  usePricesMutation((body: PutPriceBody) =>
    consoleFetch<PriceResponse>(pricesPath, { method: "PUT", json: body }).then((r) => r.price),
  );

/** Forgets a model's prices: its calls show tokens only from then on. */
export const useDeletePrice = () =>
  usePricesMutation((model: string) => consoleFetch<void>(pricePath(model), { method: "DELETE" }));
