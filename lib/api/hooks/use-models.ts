import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FTModelOut, ModelCard } from "@/lib/mistral/types";
import { api, unwrap } from "../client";

/** A model as listed: base models are ModelCards, fine-tuned ones also carry `job`. */
export type ConsoleModel = ModelCard & { job?: string | null };

export const modelKeys = {
  all: ["models"] as const,
  detail: (id: string) => ["models", "detail", id] as const,
};

export function isFineTuned(m: Pick<ConsoleModel, "id" | "job">): boolean {
  return !!m.job || m.id.startsWith("ft:");
}

export function useModels() {
  return useQuery({
    queryKey: modelKeys.all,
    queryFn: async ({ signal }) =>
      ((await unwrap(api.GET("/v1/models", { signal }))).data ?? []) as ConsoleModel[],
  });
}

export function useModel(id: string) {
  return useQuery({
    queryKey: modelKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/v1/models/{model_id}", { params: { path: { model_id: id } }, signal })),
  });
}

/** The model list as it will look after `change`, so a write shows at once (and can roll back). */
function useOptimisticModels() {
  const qc = useQueryClient();
  return {
    async apply(change: (models: ConsoleModel[]) => ConsoleModel[]) {
      await qc.cancelQueries({ queryKey: modelKeys.all });
      const previous = qc.getQueryData<ConsoleModel[]>(modelKeys.all);
      if (previous) qc.setQueryData(modelKeys.all, change(previous));
      return { previous };
    },
    rollback(context?: { previous?: ConsoleModel[] }) {
      if (context?.previous) qc.setQueryData(modelKeys.all, context.previous);
    },
    settle() {
      return qc.invalidateQueries({ queryKey: modelKeys.all });
    },
  };
}

export function useUpdateModel() {
  const o = useOptimisticModels();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      name?: string | null;
      description?: string | null;
    }) =>
      unwrap(
        api.PATCH("/v1/fine_tuning/models/{model_id}", {
          params: { path: { model_id: id } },
          body,
        }),
      ) as Promise<FTModelOut>,
    onMutate: ({ id, ...body }) =>
      o.apply((ms) => ms.map((m) => (m.id === id ? { ...m, ...body } : m))),
    onError: (_e, _v, ctx) => o.rollback(ctx),
    onSettled: () => o.settle(),
  });
}

export function useArchiveModel() {
  const o = useOptimisticModels();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => {
      const params = { params: { path: { model_id: id } } };
      return archived
        ? unwrap(api.POST("/v1/fine_tuning/models/{model_id}/archive", params))
        : unwrap(api.DELETE("/v1/fine_tuning/models/{model_id}/archive", params));
    },
    onMutate: ({ id, archived }) =>
      o.apply((ms) => ms.map((m) => (m.id === id ? { ...m, archived } : m))),
    onError: (_e, _v, ctx) => o.rollback(ctx),
    onSettled: () => o.settle(),
  });
}

export function useDeleteModel() {
  const o = useOptimisticModels();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/v1/models/{model_id}", { params: { path: { model_id: id } } })),
    onMutate: (id) => o.apply((ms) => ms.filter((m) => m.id !== id)),
    onError: (_e, _v, ctx) => o.rollback(ctx),
    onSettled: () => o.settle(),
  });
}
