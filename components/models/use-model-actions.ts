"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import {
  type ConsoleModel,
  modelKeys,
  type ModelChange,
  useModelChange,
} from "@/lib/api/hooks/use-models";
import { modelLabel } from "@/lib/models/format";

/** How the user knows the model: its display name from what the page holds, else its id. */
function knownAs(qc: QueryClient, id: string): string {
  const model =
    qc.getQueryData<ConsoleModel>(modelKeys.detail(id)) ??
    qc.getQueryData<ConsoleModel[]>(modelKeys.list)?.find((m) => m.id === id);
  return model ? modelLabel(model) : id;
}

function verb(change: ModelChange): { doing: string; done: string } {
  switch (change.kind) {
    case "update":
      return change.name !== undefined
        ? { doing: "rename", done: "Renamed" }
        : { doing: "update the description of", done: "Description saved for" };
    case "archive":
      return change.archived
        ? { doing: "archive", done: "Archived" }
        : { doing: "unarchive", done: "Unarchived" };
    case "delete":
      return { doing: "delete", done: "Deleted" };
  }
}

/**
 * Changes to one model with the feedback a user needs: the table shows the change at once; if the
 * server refuses it, the change is undone and a toast says what happened and what to do.
 */
export function useModelActions() {
  const toast = useToast();
  const qc = useQueryClient();
  const mutation = useModelChange();
  const { mutate } = mutation;
  const run = useCallback(
    (change: ModelChange, options: { onSuccess?: () => void; quiet?: boolean } = {}) => {
      const { doing, done } = verb(change);
      // Read before the change: a rename shows the new name at once.
      const before = knownAs(qc, change.id);
      const renamed = change.kind === "update" && change.name ? ` to ${change.name.trim()}` : "";
      mutate(change, {
        onSuccess: () => {
          options.onSuccess?.();
          if (!options.quiet) {
            toast({
              tone: "success",
              title: `${done} ${before}${renamed}`,
              body:
                change.kind === "archive" && change.archived
                  ? 'Archived models are hidden; turn on "Show archived" to see them.'
                  : undefined,
            });
          }
        },
        onError: (error) => {
          const { title, hint } = describeError(error);
          toast({
            tone: "error",
            title: `Could not ${doing} ${before}`,
            body: `${title}: ${hint} The change was undone.`,
          });
        },
      });
    },
    [mutate, toast, qc],
  );
  return { run, pending: mutation.isPending };
}
