import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components, FTModelOut, ModelCard } from "@/lib/mistral/types";
import { api, unwrap } from "../client";

type FTModelCard = components["schemas"]["FTModelCard"];

/**
 * A model as the pages read it: today's base or fine-tuned card in one shape, the fine-tuned
 * fields (`job`, `root`, `archived`) optional. `type` is optional too: the sandbox still answers
 * in the seed's shape, which has none (isFineTuned copes).
 */
export type ConsoleModel = Omit<components["schemas"]["BaseModelCard"], "type"> &
  Partial<Pick<FTModelCard, "job" | "root" | "archived">> & { type?: ModelCard["type"] };

export const modelKeys = {
  all: ["models"] as const,
  list: ["models", "list"] as const,
  detail: (id: string) => ["models", "detail", id] as const,
};

/** Every write to a model uses this key, so the list refetches once when the last one settles. */
const writeKey = ["models", "write"] as const;

const modelPath = (id: string) => ({ params: { path: { model_id: id } } });

export function isFineTuned(m: Pick<ConsoleModel, "id" | "job"> & { type?: unknown }): boolean {
  if (m.type === "fine-tuned") return true;
  if (m.type === "base") return false;
  return !!m.job || m.id.startsWith("ft:");
}

export function useModels() {
  return useQuery({
    queryKey: modelKeys.list,
    queryFn: async ({ signal }) =>
      ((await unwrap(api.GET("/v1/models", { signal }))).data ?? []) as ConsoleModel[],
  });
}

export function useModel(id: string) {
  return useQuery({
    queryKey: modelKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/v1/models/{model_id}", { ...modelPath(id), signal }),
      ) as Promise<ConsoleModel>,
  });
}

// ---------------------------------------------------------------------------------------------
// Optimistic writes. Each change is applied to the cached list and the model's detail at once and,
// if the server refuses it, undone for that model only: other changes made meanwhile (a bulk
// action runs several at a time) are kept.

export type ModelChange =
  | { kind: "update"; id: string; name?: string | null; description?: string | null }
  | { kind: "archive"; id: string; archived: boolean }
  | { kind: "delete"; id: string };

/** What is needed to undo one change: the model as it was and where it stood in the list. */
export interface Undo {
  id: string;
  before?: ConsoleModel;
  index: number;
}

function patchFor(change: ModelChange): Partial<ConsoleModel> {
  if (change.kind === "update") {
    const patch: Partial<ConsoleModel> = {};
    if (change.name !== undefined) patch.name = change.name;
    if (change.description !== undefined) patch.description = change.description;
    return patch;
  }
  if (change.kind === "archive") return { archived: change.archived };
  return {};
}

export async function applyChange(qc: QueryClient, change: ModelChange): Promise<Undo> {
  await qc.cancelQueries({ queryKey: modelKeys.list });
  const list = qc.getQueryData<ConsoleModel[]>(modelKeys.list);
  const index = list?.findIndex((m) => m.id === change.id) ?? -1;
  const before =
    (index >= 0 ? list?.[index] : undefined) ??
    qc.getQueryData<ConsoleModel>(modelKeys.detail(change.id));
  if (list && index >= 0) {
    qc.setQueryData<ConsoleModel[]>(
      modelKeys.list,
      change.kind === "delete"
        ? list.filter((m) => m.id !== change.id)
        : list.map((m) => (m.id === change.id ? { ...m, ...patchFor(change) } : m)),
    );
  }
  if (change.kind !== "delete") {
    qc.setQueryData<ConsoleModel>(modelKeys.detail(change.id), (m) =>
      m ? { ...m, ...patchFor(change) } : m,
    );
  }
  return { id: change.id, before, index };
}

export function undoChange(qc: QueryClient, undo: Undo | undefined): void {
  if (!undo?.before) return;
  const before = undo.before;
  qc.setQueryData<ConsoleModel[]>(modelKeys.list, (list) => {
    if (!list) return list;
    if (list.some((m) => m.id === undo.id)) {
      return list.map((m) => (m.id === undo.id ? before : m));
    }
    const next = [...list];
    next.splice(Math.min(Math.max(undo.index, 0), next.length), 0, before);
    return next;
  });
  qc.setQueryData<ConsoleModel>(modelKeys.detail(undo.id), (m) => (m ? before : m));
}

/** Refetch the list once no other write is in flight (otherwise it would show a stale state). */
function settle(qc: QueryClient) {
  if (qc.isMutating({ mutationKey: writeKey }) <= 1) {
    return qc.invalidateQueries({ queryKey: modelKeys.all });
  }
}

export function sendChange(change: ModelChange): Promise<unknown> {
  const params = modelPath(change.id);
  switch (change.kind) {
    case "update": {
      const body: { name?: string | null; description?: string | null } = {};
      if (change.name !== undefined) body.name = change.name;
      if (change.description !== undefined) body.description = change.description;
      return unwrap(
        api.PATCH("/v1/fine_tuning/models/{model_id}", { ...params, body }),
      ) as Promise<FTModelOut>;
    }
    case "archive":
      return change.archived
        ? unwrap(api.POST("/v1/fine_tuning/models/{model_id}/archive", params))
        : unwrap(api.DELETE("/v1/fine_tuning/models/{model_id}/archive", params));
    case "delete":
      return unwrap(api.DELETE("/v1/models/{model_id}", params));
  }
}

/** One write to one model, shown at once and rolled back (for that model) if refused. */
export function useModelChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: writeKey,
    mutationFn: sendChange,
    onMutate: (change) => applyChange(qc, change),
    onError: (_e, _change, undo) => undoChange(qc, undo),
    onSuccess: (_data, change) => {
      if (change.kind === "delete") qc.removeQueries({ queryKey: modelKeys.detail(change.id) });
    },
    onSettled: () => settle(qc),
  });
}

export function useUpdateModel() {
  const m = useModelChange();
  return {
    ...m,
    mutate: (v: { id: string; name?: string | null; description?: string | null }) =>
      m.mutate({ kind: "update", ...v }),
  };
}

export function useArchiveModel() {
  const m = useModelChange();
  return {
    ...m,
    mutate: (v: { id: string; archived: boolean }) => m.mutate({ kind: "archive", ...v }),
  };
}

export function useDeleteModel() {
  const m = useModelChange();
  return { ...m, mutate: (id: string) => m.mutate({ kind: "delete", id }) };
}

export interface BulkResult {
  id: string;
  ok: boolean;
  error?: unknown;
}

/**
 * Runs one change per model, a few at a time. Every model gets its own result: one refusal is
 * rolled back for that model alone and does not stop or hide the others.
 */
export function useBulkModelChange() {
  const qc = useQueryClient();
  return async function run(
    changes: ModelChange[],
    onProgress?: (done: number, total: number) => void,
    concurrency = 4,
  ): Promise<BulkResult[]> {
    const results: BulkResult[] = new Array(changes.length);
    const undos = await Promise.all(changes.map((c) => applyChange(qc, c)));
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < changes.length) {
        const i = next++;
        try {
          await sendChange(changes[i]);
          results[i] = { id: changes[i].id, ok: true };
          if (changes[i].kind === "delete") {
            qc.removeQueries({ queryKey: modelKeys.detail(changes[i].id) });
          }
        } catch (error) {
          undoChange(qc, undos[i]);
          results[i] = { id: changes[i].id, ok: false, error };
        }
        onProgress?.(++done, changes.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, changes.length) }, worker));
    if (!qc.isMutating({ mutationKey: writeKey })) {
      await qc.invalidateQueries({ queryKey: modelKeys.all });
    }
    return results;
  };
}
