"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useStickToBottom } from "use-stick-to-bottom";
import { Button } from "@/components/ui/button";
import { Field, textareaClass } from "@/components/ui/field";
import { useModels, type ConsoleModel } from "@/lib/api/hooks/use-models";
import {
  addMessage,
  addToolResults,
  conversationIssue,
  deleteMessage,
  lastAnswer,
  pendingToolCalls,
  truncateAfter,
  updateMessage,
  withoutLastAnswer,
} from "@/lib/playground/messages";
import { buildAgentTurn } from "@/lib/playground/agent-conversation";
import { buildChatRequest } from "@/lib/playground/request";
import type { SnippetRequest } from "@/lib/playground/snippets";
import { newId, type ChatMessage, type ChatSettings } from "@/lib/playground/types";
import { MissingModel } from "../missing-model";
import { usableModels } from "../model-select";
import { PARAM_FIELDS } from "../params-panel";
import { RunError } from "../run-error";
import { ComparePane, type Pane, type PaneHandle } from "./compare-pane";
import { Composer, EMPTY_DRAFT, type Draft } from "./composer";
import { ConversationHeader } from "./conversation-header";
import { ConversationList } from "./conversation-list";
import { LocalImport } from "./local-import";
import { MessageItem, type MessageActions } from "./message-item";
import { SettingsAside } from "./settings-aside";
import { ToolResultsForm } from "./tool-results";
import { settingsIssue, useChatRun } from "./use-chat-run";
import { useConversations } from "./use-conversations";

const PREFERRED_MODEL = "mistral-small-latest";

function defaultChatModel(models: ConsoleModel[] | undefined): string {
  const usable = usableModels(models, "chat");
  return (usable.find((m) => m.id === PREFERRED_MODEL) ?? usable[0])?.id ?? "";
}

export function ChatPlayground({
  initialModel,
  initialAgent,
}: {
  initialModel?: string;
  /** Opens in agent mode with this agent (the Agents page's "Open in playground"). */
  initialAgent?: string;
}) {
  const convs = useConversations(initialModel, initialAgent);
  const c = convs.current;
  const settings = c.settings;
  const models = useModels();
  const model = settings.model || defaultChatModel(models.data);
  const agent = settings.mode === "agent";
  const card = models.data?.find((m) => m.id === model || m.aliases?.includes(model));
  // What the chosen model's card says it can do (an agent's model is not known here).
  const reasons = !agent && !!card?.capabilities?.reasoning;
  const vision = !agent && !!card?.capabilities?.vision;
  const chat = useChatRun(convs, model, reasons);
  const { run, pending, issue, setIssue, failure, clearNotes } = chat;
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [panes, setPanes] = useState<Pane[] | null>(null);
  const [paneStreams, setPaneStreams] = useState<Set<string>>(() => new Set());
  const handles = useRef(new Map<string, PaneHandle>());
  // Keeps the newest text in view while it streams, unless the user scrolled up to read.
  const { scrollRef, contentRef, scrollToBottom } = useStickToBottom({
    initial: "instant",
    resize: "instant",
  });

  // Fetch the Markdown renderer while the user types, not when the first token arrives.
  useEffect(() => {
    void import("../markdown");
  }, []);
  /** Sends the list; its answer is followed to the bottom, even if the user had scrolled up. */
  const runChat = (list: ChatMessage[]) => {
    void scrollToBottom("instant");
    void chat.runChat(list);
  };
  const busy = run.streaming || paneStreams.size > 0;
  const setSettings = (patch: Partial<ChatSettings>) =>
    convs.update((x) => ({ ...x, settings: { ...x.settings, ...patch } }));

  // Message actions keep one identity so the (memoized) list does not re-render as an answer streams.
  const latest = useRef({ runChat, messages: c.messages, updateNow: convs.updateNow });
  useLayoutEffect(() => {
    latest.current = { runChat, messages: c.messages, updateNow: convs.updateNow };
  });
  const actions = useMemo<MessageActions>(
    () => ({
      save: (id, patch) =>
        latest.current.updateNow((x) => ({ ...x, messages: updateMessage(x.messages, id, patch) })),
      saveAndResend: (id, patch) => {
        const edited = updateMessage(latest.current.messages, id, patch);
        latest.current.runChat(truncateAfter(edited, id));
      },
      remove: (id) =>
        latest.current.updateNow((x) => ({ ...x, messages: deleteMessage(x.messages, id) })),
    }),
    [],
  );

  // Images go only to a model that takes them.
  const images = vision ? draft.images : [];
  /** The conversation with the draft added (when there is one); the draft is emptied. */
  const takeDraft = (): ChatMessage[] => {
    setDraft({ ...draft, text: "", images: [] });
    return draft.text.trim() || images.length
      ? addMessage(c.messages, draft.role, draft.text, images)
      : c.messages;
  };

  const send = () => {
    if (busy) return;
    const list = takeDraft();
    if (panes) {
      const problem =
        conversationIssue(list) ?? settingsIssue({ ...settings, mode: "model" }, model);
      convs.updateNow((x) => ({ ...x, messages: list }));
      setIssue(problem);
      if (problem) return;
      for (const p of panes) handles.current.get(p.id)?.start(list);
      return;
    }
    runChat(list);
  };

  const onPaneStreaming = useCallback((id: string, on: boolean) => {
    setPaneStreams((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const startCompare = () => {
    const others = usableModels(models.data, "chat").filter((m) => m.id !== model);
    setPanes([
      { id: newId("p"), model, params: settings.params },
      { id: newId("p"), model: others[0]?.id ?? model, params: settings.params },
    ]);
    setSettings({ mode: "model" });
  };

  const waiting = pendingToolCalls(c.messages);
  const answer = lastAnswer(c.messages);
  const fieldError = (field: string) =>
    failure?.error.status === 422 ? failure.error.fieldMessage(field) : undefined;
  const paramField422 =
    failure?.error.status === 422 &&
    Object.values(PARAM_FIELDS).some((f) => failure.error.fieldMessage(f));
  const chatUsable = usableModels(models.data, "chat");
  // Known at once from /v1/models, before any Send fails with "Invalid model".
  const missingModel =
    !agent && !panes && !!models.data && !!model && !chatUsable.some((m) => m.id === model);
  // The request Send would make; after an answer, the one that produced it (what Regenerate sends).
  const codeRequest = (): SnippetRequest => {
    const messages =
      draft.text.trim() || images.length
        ? addMessage(c.messages, draft.role, draft.text, images)
        : answer
          ? withoutLastAnswer(c.messages)
          : c.messages;
    if (agent) {
      const { request } = buildAgentTurn({ messages, settings, upstream: c.upstream });
      return {
        kind: `conversation.${request.kind}`,
        body: request.body,
        ...(request.kind !== "start" ? { conversationId: request.conversationId } : {}),
      };
    }
    const { body } = buildChatRequest({
      system: c.system,
      messages,
      settings: { ...settings, model, reasoning: reasons ? settings.reasoning : undefined },
    });
    return { kind: "chat", body };
  };

  return (
    <div
      className={`grid gap-6 ${
        panes
          ? "xl:grid-cols-[13rem_minmax(0,1fr)]"
          : "lg:grid-cols-[minmax(0,1fr)_19rem] xl:grid-cols-[13rem_minmax(0,1fr)_19rem]"
      }`}
    >
      <div className={panes ? "xl:row-span-2" : "lg:col-span-2 xl:col-span-1"}>
        <ConversationList
          list={convs.list}
          currentId={c.id}
          onOpen={(x) => {
            void convs.open(x);
            clearNotes();
          }}
          onNew={() => {
            convs.startNew(model);
            clearNotes();
            setPanes(null);
          }}
          disabled={busy || convs.opening}
          loading={convs.listState.isPending}
          error={convs.listState.error?.message ?? null}
        />
        {convs.saveError && (
          <p role="alert" className="mt-2 text-xs text-danger">
            {convs.saveError}
          </p>
        )}
      </div>

      <section aria-label="Conversation" className="flex min-w-0 flex-col gap-4">
        <LocalImport />
        {missingModel && (
          <MissingModel
            model={model}
            available={chatUsable}
            onSwitch={(id) => {
              setSettings({ model: id });
              clearNotes();
            }}
          />
        )}
        {convs.openError && (
          <p
            role="alert"
            className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
          >
            {convs.openError}
          </p>
        )}
        <ConversationHeader
          conversation={c}
          busy={busy}
          request={codeRequest}
          comparing={!!panes}
          onCompare={(on) => (on ? startCompare() : setPanes(null))}
          onRename={convs.rename}
          onDelete={() => {
            void convs.remove(c.id);
            clearNotes();
          }}
        />

        {!agent && (
          <Field
            label="System prompt"
            description="Instructions the model follows for the whole conversation."
          >
            {(ids) => (
              <textarea
                {...ids}
                className={`${textareaClass} min-h-16`}
                value={c.system}
                placeholder="You are a helpful assistant."
                onChange={(e) => {
                  const system = e.target.value;
                  convs.update((x) => ({ ...x, system }));
                }}
              />
            )}
          </Field>
        )}

        <div
          ref={scrollRef}
          className="max-h-[65vh] min-h-40 overflow-y-auto rounded-lg border border-border bg-bg"
        >
          <div ref={contentRef} className="flex min-h-40 flex-col gap-3 p-3">
            {c.messages.length === 0 && !pending ? (
              <p className="m-auto max-w-sm py-8 text-center text-sm text-muted">
                No messages yet. Write one below and press Send (Ctrl+Enter). Every message can be
                edited, deleted or turned into a prefix later.
              </p>
            ) : (
              <ol aria-label="Messages" className="flex flex-col gap-3">
                {/* One keyed list, so the streamed answer keeps its element when it is added. */}
                {(pending ? [...c.messages, pending] : c.messages).map((m, i) => (
                  <MessageItem
                    key={m.id}
                    message={m}
                    index={i}
                    locked={busy}
                    actions={actions}
                    live={m === pending ? run.store : undefined}
                  />
                ))}
              </ol>
            )}
          </div>
        </div>

        {failure && (
          <RunError
            key={`${failure.error.message}-${c.updatedAt}`}
            error={failure.error}
            keptPartial={failure.partial}
            onRetry={failure.retryList ? () => runChat(failure.retryList!) : undefined}
            note={paramField422 ? "The parameter in question is marked on the right." : undefined}
          />
        )}
        {issue && (
          <p
            role="alert"
            className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
          >
            {issue}
          </p>
        )}

        {waiting.length > 0 && !busy && !panes && (
          <ToolResultsForm
            key={waiting.map((p) => p.id).join()}
            calls={waiting}
            onSubmit={(results) => runChat(addToolResults(c.messages, results))}
          />
        )}

        {panes && (
          <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-[repeat(auto-fit,minmax(20rem,1fr))]">
            {panes.map((p, i) => (
              <ComparePane
                key={p.id}
                ref={(h) => {
                  if (h) handles.current.set(p.id, h);
                  else handles.current.delete(p.id);
                }}
                pane={p}
                index={i}
                system={c.system}
                settings={settings}
                onChange={(next) =>
                  setPanes((ps) => ps?.map((x) => (x.id === p.id ? next : x)) ?? null)
                }
                onRemove={
                  panes.length > 2 && !busy
                    ? () => setPanes((ps) => ps?.filter((x) => x.id !== p.id) ?? null)
                    : undefined
                }
                onUse={(m) => convs.updateNow((x) => ({ ...x, messages: [...x.messages, m] }))}
                onStreaming={onPaneStreaming}
              />
            ))}
            {panes.length < 4 && !busy && (
              <Button
                className="self-start justify-self-start"
                onClick={() =>
                  setPanes((ps) => [
                    ...(ps ?? []),
                    { id: newId("p"), model, params: settings.params },
                  ])
                }
              >
                Add pane
              </Button>
            )}
          </div>
        )}

        <Composer
          draft={draft}
          onDraft={setDraft}
          busy={busy}
          onSend={send}
          onStop={() => {
            run.stop();
            handles.current.forEach((h) => h.stop());
          }}
          onRegenerate={!panes && answer ? () => runChat(withoutLastAnswer(c.messages)) : undefined}
          onAdd={() => convs.updateNow((x) => ({ ...x, messages: takeDraft() }))}
          vision={vision}
        />
      </section>

      <SettingsAside
        settings={settings}
        model={model}
        onChange={setSettings}
        comparing={!!panes}
        reasons={reasons}
        errorFor={fieldError}
        className={panes ? "xl:col-start-2" : ""}
      />
    </div>
  );
}
