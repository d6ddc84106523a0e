"use client";

import { useCallback, useState } from "react";
import type { ApiError } from "@/lib/api/errors";
import { withPrefix } from "@/lib/playground/content";
import { readSchema } from "@/lib/playground/json-schema";
import { conversationIssue } from "@/lib/playground/messages";
import { buildChatRequest, toolIssue } from "@/lib/playground/request";
import { afterAgentTurn, buildAgentTurn } from "@/lib/playground/agent-conversation";
import {
  newId,
  type ChatMessage,
  type ChatSettings,
  type Conversation,
} from "@/lib/playground/types";
import { useStreamRun } from "../use-stream-run";
import type { useConversations } from "./use-conversations";

export interface Failure {
  error: ApiError;
  /** The messages to send again on Retry (none after Stop). */
  retryList?: ChatMessage[];
  partial: boolean;
}

export function settingsIssue(s: ChatSettings, model: string): string | null {
  if (s.mode === "agent" && !s.agentId.trim()) return "Choose an agent first.";
  if (s.mode === "model" && !model) return "Choose a model first.";
  // An agent brings its own tools (set on the Agents page): the playground's are not sent.
  if (s.mode === "model" && s.tools.some((t) => toolIssue(t))) {
    return "Fix the function definitions first (see Tools).";
  }
  if (s.jsonSchema && "issue" in readSchema(s.jsonSchema.schema)) {
    return "Fix the JSON schema first (see Structured output).";
  }
  return null;
}

/** How an agent is named in the answer's metrics until its model is known. */
function agentLabel(s: ChatSettings): string {
  return `agent ${s.agentId.trim()}${s.agentVersion != null ? ` (version ${s.agentVersion})` : ""}`;
}

/** Sends the whole list to the chat completions endpoint. */
function runChatRequest(
  run: ReturnType<typeof useStreamRun>,
  current: Conversation,
  list: ChatMessage[],
  model: string,
  reasons: boolean,
  label: string,
) {
  const req = buildChatRequest({
    system: current.system,
    messages: list,
    settings: {
      ...current.settings,
      model,
      reasoning: reasons ? current.settings.reasoning : undefined,
    },
  });
  return run.run(req.path, req.body, label);
}

/** The answer's content after a prefix: the API's answer starts with the prefix itself. */
function joinPrefix(prefix: string, content: string) {
  return content.startsWith(prefix) ? content : prefix + content;
}

const NO_METRICS = {
  model: "",
  ttftMs: null,
  tokensPerSecond: null,
  usage: null,
  finishReason: null,
};

/**
 * Sends the open conversation and adds the streamed answer to it: the answer streams in
 * `pending` (shown from `run.store`), then lands in the conversation under the same id.
 * `issue` says why a list cannot be sent; `failure` what went wrong with a sent one.
 */
export function useChatRun(
  convs: ReturnType<typeof useConversations>,
  model: string,
  /** Whether the model reasons (its card's capability): the reasoning controls are sent only then. */
  reasons: boolean,
) {
  const run = useStreamRun();
  const [issue, setIssue] = useState<string | null>(null);
  /** The id the streaming answer will keep once it is added to the list. */
  const [pending, setPending] = useState<ChatMessage | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  const clearNotes = () => {
    setIssue(null);
    setFailure(null);
    run.reset();
  };

  const runChat = useCallback(
    async (list: ChatMessage[]) => {
      const current = convs.current;
      const problem = conversationIssue(list) ?? settingsIssue(current.settings, model);
      convs.updateNow((x) => ({ ...x, messages: list }));
      if (problem) {
        setIssue(problem);
        return;
      }
      setIssue(null);
      setFailure(null);
      const agentMode = current.settings.mode === "agent";
      const label = agentMode ? agentLabel(current.settings) : model;
      const schemaText = current.settings.jsonSchema?.schema;
      const read = schemaText ? readSchema(schemaText) : null;
      const schema = read && "schema" in read ? read.schema : undefined;
      const json = current.settings.params.jsonMode || !!schema;
      const replyId = newId();
      setPending({
        id: replyId,
        role: "assistant",
        content: "",
        ...(json ? { metrics: { ...NO_METRICS, json } } : {}),
      });
      // Agent mode runs through the conversations API: only what is new is sent (see
      // buildAgentTurn); chat sends the whole list each time.
      const turn = agentMode
        ? buildAgentTurn({ messages: list, settings: current.settings, upstream: current.upstream })
        : null;
      const { answer, error, metrics } = turn
        ? await run.runConversation(turn.request.path, turn.request.body, label)
        : await runChatRequest(run, current, list, model, reasons, label);
      setPending(null);
      const got = answer.chunks.length > 0 || answer.toolCalls.length > 0;
      let messages = list;
      let reply: ChatMessage | null = null;
      if (got) {
        const last = list[list.length - 1];
        const prefix = last?.prefix ? last.content : "";
        reply = {
          id: replyId,
          role: "assistant",
          content: joinPrefix(prefix, answer.content),
          ...(answer.chunked ? { chunks: withPrefix(prefix, answer.chunks) } : {}),
          ...(answer.toolCalls.length ? { toolCalls: answer.toolCalls } : {}),
          ...(answer.thinking ? { thinking: answer.thinking } : {}),
          metrics: { ...metrics, ...(json ? { json } : {}), ...(schema ? { schema } : {}) },
        };
        messages = last?.prefix ? [...list.slice(0, -1), reply] : [...list, reply];
      }
      // The upstream conversation the next turn continues; unchanged when this one never started.
      const upstream = turn && afterAgentTurn(turn, current.settings, answer, reply);
      convs.updateNow((x) => ({ ...x, messages, ...(upstream ? { upstream } : {}) }));
      if (error) {
        setFailure({
          error,
          partial: got,
          retryList: error.kind === "aborted" ? undefined : list,
        });
      }
    },
    [convs, model, reasons, run],
  );

  return { run, runChat, pending, issue, setIssue, failure, clearNotes };
}
