"use client";

import { useImperativeHandle, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { buildChatRequest } from "@/lib/playground/request";
import {
  newId,
  type ChatMessage,
  type ChatParams,
  type ChatSettings,
} from "@/lib/playground/types";
import { AnswerView } from "../answer-view";
import { MetricsLine } from "../metrics-line";
import { chatModels, ModelSelect } from "../model-select";
import { ParamsPanel } from "../params-panel";
import { RunError } from "../run-error";
import { useRunView, useStreamRun } from "../use-stream-run";
import { ToolCallList } from "./message-item";

export interface Pane {
  id: string;
  model: string;
  params: ChatParams;
}

export interface PaneHandle {
  start: (messages: ChatMessage[]) => void;
  stop: () => void;
}

/** One side of a comparison: its own model and parameters, the shared conversation. */
export function ComparePane({
  ref,
  pane,
  index,
  system,
  settings,
  onChange,
  onRemove,
  onUse,
  onStreaming,
}: {
  ref: Ref<PaneHandle>;
  pane: Pane;
  index: number;
  system: string;
  settings: ChatSettings;
  onChange: (p: Pane) => void;
  onRemove?: () => void;
  onUse: (m: ChatMessage) => void;
  onStreaming: (id: string, streaming: boolean) => void;
}) {
  const run = useStreamRun();
  const view = useRunView(run.store);
  const name = `Pane ${index + 1}`;

  useImperativeHandle(
    ref,
    () => ({
      start: async (messages) => {
        const req = buildChatRequest({
          system,
          messages,
          // Each pane's own model; the reasoning controls are the main model's, not sent here.
          settings: {
            ...settings,
            mode: "model",
            model: pane.model,
            params: pane.params,
            reasoning: undefined,
          },
        });
        onStreaming(pane.id, true);
        await run.run(req.path, req.body, pane.model);
        onStreaming(pane.id, false);
      },
      stop: run.stop,
    }),
    [system, settings, pane, run, onStreaming],
  );

  const hasAnswer = view.answer.content !== "" || view.answer.toolCalls.length > 0;
  const use = () => {
    onUse({
      id: newId(),
      role: "assistant",
      content: view.answer.content,
      ...(view.answer.toolCalls.length ? { toolCalls: view.answer.toolCalls } : {}),
      ...(view.metrics
        ? { metrics: { ...view.metrics, ...(pane.params.jsonMode ? { json: true } : {}) } }
        : {}),
    });
    run.reset();
  };

  return (
    <section
      aria-label={name}
      className="flex min-w-0 flex-col gap-3 rounded-lg border border-border bg-surface p-3"
    >
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1">
          <ModelSelect
            label={`${name} model`}
            value={pane.model}
            onChange={(model) => onChange({ ...pane, model })}
            filter={chatModels}
            description=""
          />
        </div>
        {onRemove && (
          <Button
            size="sm"
            variant="ghost"
            className="h-9"
            aria-label={`Remove ${name}`}
            onClick={onRemove}
          >
            ✕
          </Button>
        )}
      </div>
      <details className="rounded-md border border-border px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium">
          Parameters{" "}
          <span className="text-xs font-normal text-muted">
            temperature {pane.params.temperature}
            {pane.params.maxTokens != null ? ` · max ${pane.params.maxTokens}` : ""}
            {pane.params.randomSeed != null ? ` · seed ${pane.params.randomSeed}` : ""}
          </span>
        </summary>
        <div className="mt-3">
          <ParamsPanel
            params={pane.params}
            onChange={(params) => onChange({ ...pane, params })}
            errorFor={(f) => (view.error?.status === 422 ? view.error.fieldMessage(f) : undefined)}
          />
        </div>
      </details>
      <div
        aria-live="off"
        aria-label={`${name} answer`}
        className="min-h-24 text-sm"
        data-testid="pane-answer"
      >
        {view.status === "idle" ? (
          <p className="text-xs text-muted">
            The answer of {pane.model || "this model"} appears here.
          </p>
        ) : (
          <>
            {view.answer.content && (
              <AnswerView
                text={view.answer.content}
                streaming={run.streaming}
                json={pane.params.jsonMode}
              />
            )}
            {view.answer.toolCalls.length > 0 && <ToolCallList calls={view.answer.toolCalls} />}
            {run.streaming && !hasAnswer && (
              <p className="text-xs text-muted">Waiting for the first token…</p>
            )}
          </>
        )}
      </div>
      {view.error && <RunError error={view.error} keptPartial={hasAnswer} />}
      {view.metrics && <MetricsLine metrics={view.metrics} />}
      <div className="flex gap-2">
        {run.streaming ? (
          <Button size="sm" variant="danger" onClick={run.stop} aria-label={`Stop ${name}`}>
            Stop
          </Button>
        ) : (
          hasAnswer && (
            <Button size="sm" onClick={use}>
              Use this answer
            </Button>
          )
        )}
      </div>
    </section>
  );
}
