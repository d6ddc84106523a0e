import { useMemo, useState } from "react";
import { defaultModelFor, modelsFor, type Task } from "@/lib/mistral/capabilities";
import { type ConsoleModel, useModels } from "./use-models";

/**
 * The models a picker offers for a task (capable, not archived, not past their deprecation date),
 * from the shared /v1/models query, and the one to preselect. `models` is empty while loading or
 * on error: read `query` for those states.
 */
export function useModelsFor(task: Task) {
  const query = useModels();
  // One "now" per mounted picker: a model retiring while the page is open stays until reload
  // rather than vanishing from under a selection.
  const [now] = useState(Date.now);
  const models = useMemo(
    () => modelsFor<ConsoleModel>(query.data, task, now),
    [query.data, task, now],
  );
  return { query, models, preferred: defaultModelFor(models) };
}
