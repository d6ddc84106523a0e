"use client";

import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ApiError, toApiError } from "@/lib/api/errors";
import { streamCompletion, streamConversation, type StreamPath } from "@/lib/api/stream";
import {
  applyChunk,
  applyConversationEvent,
  emptyAnswer,
  type StreamedAnswer,
} from "@/lib/playground/accumulate";
import {
  endMeter,
  markToken,
  startMeter,
  timeToFirstToken,
  tokensPerSecond,
  type Meter,
} from "@/lib/playground/metrics";
import type { AnswerMetrics } from "@/lib/playground/types";

export type RunStatus = "idle" | "streaming" | "done" | "stopped" | "error";

export interface RunView {
  status: RunStatus;
  answer: StreamedAnswer;
  error: ApiError | null;
  /** Set when the run has ended. */
  metrics: AnswerMetrics | null;
}

export interface RunResult {
  answer: StreamedAnswer;
  /** Null when the stream ended normally; kind "aborted" when the user pressed Stop. */
  error: ApiError | null;
  metrics: AnswerMetrics;
}

const IDLE: RunView = { status: "idle", answer: emptyAnswer(), error: null, metrics: null };

export function metricsOf(
  answer: StreamedAnswer,
  meter: Meter,
  fallbackModel: string,
  partial: boolean,
  thinkingMs: number | null = null,
): AnswerMetrics {
  return {
    model: answer.model ?? fallbackModel,
    ttftMs: timeToFirstToken(meter),
    // One chunk (e.g. a whole tool call) has no duration to measure a rate over.
    tokensPerSecond:
      answer.deltas < 2
        ? null
        : tokensPerSecond(meter, answer.usage?.completion_tokens, answer.content),
    usage: answer.usage,
    finishReason: answer.finishReason,
    ...(thinkingMs != null ? { thinkingMs } : {}),
    ...(partial ? { partial: true } : {}),
  };
}

/**
 * Holds the view of the run outside React state, so only the components that show the answer
 * re-render on each frame; the rest of the page subscribes to the status alone.
 */
export class RunStore {
  view: RunView = IDLE;
  private listeners = new Set<() => void>();
  set(view: RunView) {
    this.view = view;
    this.listeners.forEach((l) => l());
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
  get = () => this.view;
  status = () => this.view.status;
}

/** The whole view of a run: re-renders the caller on every streamed frame. */
export function useRunView(store: RunStore): RunView {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * Runs one streamed completion (or conversation turn) at a time. Chunks are folded as they arrive but the view is
 * published at most once per animation frame, so a fast stream never re-renders more often than
 * the screen refreshes. Stop aborts the fetch (the gateway then aborts the upstream) and keeps
 * what arrived.
 */
export function useStreamRun() {
  const [store] = useState(() => new RunStore());
  const status = useSyncExternalStore(store.subscribe, store.status, store.status);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  /** Folds what `open` streams into the answer, one step per streamed chunk or event. */
  const drive = useCallback(
    async (
      open: (signal: AbortSignal) => AsyncIterable<(a: StreamedAnswer) => StreamedAnswer>,
      fallbackModel: string,
    ): Promise<RunResult> => {
      controller.current?.abort();
      const ctrl = new AbortController();
      controller.current = ctrl;
      let answer = emptyAnswer();
      let meter = startMeter(performance.now());
      let frame = 0;
      // A reasoning model thinks from its first thinking token to its first answer token.
      let thoughtFrom: number | null = null;
      let thoughtTo: number | null = null;
      const flush = () => {
        frame = 0;
        store.set({ status: "streaming", answer, error: null, metrics: null });
      };
      store.set({ status: "streaming", answer, error: null, metrics: null });
      let error: ApiError | null = null;
      try {
        for await (const step of open(ctrl.signal)) {
          const before = answer.deltas;
          answer = step(answer);
          if (answer.deltas > before) {
            const now = performance.now();
            meter = markToken(meter, now);
            if (thoughtFrom == null && answer.thinking) thoughtFrom = now;
            if (thoughtFrom != null && thoughtTo == null && answer.content) thoughtTo = now;
          }
          if (!frame) frame = requestAnimationFrame(flush);
        }
      } catch (e) {
        error = ctrl.signal.aborted
          ? new ApiError("Stopped: the answer so far is kept.", { kind: "aborted" })
          : toApiError(e);
      }
      if (frame) cancelAnimationFrame(frame);
      meter = endMeter(meter, performance.now());
      if (controller.current === ctrl) controller.current = null;
      const thinkingMs = thoughtFrom == null ? null : (thoughtTo ?? meter.end!) - thoughtFrom;
      const metrics = metricsOf(answer, meter, fallbackModel, !!error, thinkingMs);
      store.set({
        status: error ? (error.kind === "aborted" ? "stopped" : "error") : "done",
        answer,
        error,
        metrics,
      });
      return { answer, error, metrics };
    },
    [store],
  );

  /** A chat, agents or FIM completion. */
  const run = useCallback(
    (path: StreamPath, body: object, fallbackModel: string) =>
      drive(async function* (signal) {
        for await (const chunk of streamCompletion(path, body, { signal })) {
          yield (a: StreamedAnswer) => applyChunk(a, chunk);
        }
      }, fallbackModel),
    [drive],
  );

  /** A turn of a conversation (/v1/conversations: start, append or restart). */
  const runConversation = useCallback(
    (path: string, body: object, fallbackModel: string) =>
      drive(async function* (signal) {
        for await (const event of streamConversation(path, body, { signal })) {
          yield (a: StreamedAnswer) => applyConversationEvent(a, event);
        }
      }, fallbackModel),
    [drive],
  );

  const stop = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => store.set(IDLE), [store]);

  return {
    store,
    status,
    run,
    runConversation,
    stop,
    reset,
    streaming: status === "streaming",
  };
}
