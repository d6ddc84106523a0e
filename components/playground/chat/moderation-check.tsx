"use client";

import { useState } from "react";
import { api, unwrap } from "@/lib/api/client";
import { toApiError, type ApiError } from "@/lib/api/errors";
import { useModels } from "@/lib/api/hooks/use-models";
import { modelsFor } from "@/lib/mistral/capabilities";
import type { components } from "@/lib/mistral/schema.gen";
import { toApiMessage } from "@/lib/playground/request";
import type { ChatMessage } from "@/lib/playground/types";

type ModerationResponse = components["schemas"]["ModerationResponse"];

const FALLBACK_MODEL = "mistral-moderation-latest";

/** The first moderation model the models list offers (its card says `moderation`, not retired). */
function useModerationModel(): string {
  const models = useModels();
  return modelsFor(models.data, "moderation")[0]?.id ?? FALLBACK_MODEL;
}

export type ModerationState =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "done"; model: string; flagged: string[] }
  | { kind: "error"; error: ApiError };

/** Checks one message with a moderation model (`POST /v1/chat/moderations`). */
export function useModeration(message: ChatMessage) {
  const model = useModerationModel();
  const [state, setState] = useState<ModerationState>({ kind: "idle" });
  const check = async () => {
    setState({ kind: "checking" });
    try {
      const res: ModerationResponse = await unwrap(
        api.POST("/v1/chat/moderations", {
          body: { model, input: [toApiMessage(message)] },
        }),
      );
      const categories = res.results?.[0]?.categories ?? {};
      const flagged = Object.entries(categories)
        .filter(([, on]) => on)
        .map(([name]) => name);
      setState({ kind: "done", model: res.model ?? model, flagged });
    } catch (error) {
      setState({ kind: "error", error: toApiError(error) });
    }
  };
  return { state, check };
}

/** What the moderation model flagged in the message, if it was checked. */
export function ModerationResult({ state }: { state: ModerationState }) {
  if (state.kind === "idle") return null;
  return (
    <p role="status" aria-label="Moderation" className="text-xs">
      {state.kind === "checking" ? (
        <span className="text-muted">Checking with the moderation model…</span>
      ) : state.kind === "error" ? (
        <span className="text-danger">Moderation failed: {state.error.message}</span>
      ) : state.flagged.length ? (
        <>
          <span className="font-medium text-danger">Flagged</span> by {state.model}:{" "}
          {state.flagged.map((c) => c.replace(/_/g, " ")).join(", ")}
        </>
      ) : (
        <>
          <span className="font-medium text-success">Nothing flagged</span> by {state.model}
        </>
      )}
    </p>
  );
}
