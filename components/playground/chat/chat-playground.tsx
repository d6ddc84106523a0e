"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import { useModels, type ConsoleModel } from "@/lib/api/hooks/use-models";
import type { ApiError } from "@/lib/api/errors";
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
import { buildChatRequest, toolIssue } from "@/lib/playground/request";
import { exportFileName, exportJson, exportMarkdown } from "@/lib/playground/storage";
import { download } from "@/lib/ui/download";
import {
  newId,
  type ChatMessage,
  type ChatParams,
  type ChatSettings,
  type Role,
} from "@/lib/playground/types";
import { ViewCodeButton } from "../code-dialog";
import { MissingModel } from "../missing-model";
import { chatModels, ModelSelect, usableModels } from "../model-select";
import { PARAM_FIELDS, ParamsPanel } from "../params-panel";
import { RunError } from "../run-error";
import { useStreamRun } from "../use-stream-run";
import { ComparePane, type Pane, type PaneHandle } from "./compare-pane";
import { ConversationList } from "./conversation-list";
import { LocalImport } from "./local-import";
import { MessageItem, type MessageActions } from "./message-item";
import { ToolResultsForm } from "./tool-results";
import { ToolsEditor } from "./tools-editor";
import { useConversations } from "./use-conversations";

const PREFERRED_MODEL = "mistral-small-latest";

function defaultChatModel(models: ConsoleModel[] | undefined): string {
  const usable = usableModels(models, chatModels);
  return (usable.find((m) => m.id === PREFERRED_MODEL) ?? usable[0])?.id ?? "";
}

function settingsIssue(s: ChatSettings, model: string): string | null {
  if (s.mode === "agent" && !s.agentId.trim()) return "Enter an agent ID first.";
  if (s.mode === "model" && !model) return "Choose a model first.";
  if (s.tools.some((t) => toolIssue(t))) return "Fix the function definitions first (see Tools).";
  return null;
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

interface Failure {
  error: ApiError;
  /** The messages to send again on Retry (none after Stop). */
  retryList?: ChatMessage[];
  partial: boolean;
}

// Today's chat and agents requests take no min_tokens (only FIM does): the field is not offered.
const CHAT_PARAMS: (keyof ChatParams)[] = [
  "temperature",
  "topP",
  "maxTokens",
  "stop",
  "randomSeed",
  "safePrompt",
  "jsonMode",
];

export function ChatPlayground({ initialModel }: { initialModel?: string }) {
  const convs = useConversations(initialModel);
  const c = convs.current;
  const settings = c.settings;
  const models = useModels();
  const model = settings.model || defaultChatModel(models.data);
  const run = useStreamRun();
  const [draft, setDraft] = useState("");
  const [draftRole, setDraftRole] = useState<Role>("user");
  const [issue, setIssue] = useState<string | null>(null);
  /** The id the streaming answer will keep once it is added to the list. */
  const [pending, setPending] = useState<ChatMessage | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [panes, setPanes] = useState<Pane[] | null>(null);
  const [paneStreams, setPaneStreams] = useState<Set<string>>(() => new Set());
  const handles = useRef(new Map<string, PaneHandle>());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);

  const clearNotes = () => {
    setIssue(null);
    setFailure(null);
    run.reset();
  };
  // Fetch the Markdown renderer while the user types, not when the first token arrives.
  useEffect(() => {
    void import("../markdown");
  }, []);
  const busy = run.streaming || paneStreams.size > 0;
  const setSettings = (patch: Partial<ChatSettings>) =>
    convs.update((x) => ({ ...x, settings: { ...x.settings, ...patch } }));

  const runChat = useCallback(
    async (list: ChatMessage[]) => {
      const current = convs.current;
      const problem = conversationIssue(list) ?? settingsIssue(current.settings, model);
      convs.update((x) => ({ ...x, messages: list }), true);
      if (problem) {
        setIssue(problem);
        return;
      }
      setIssue(null);
      setFailure(null);
      stuck.current = true;
      const req = buildChatRequest({
        system: current.system,
        messages: list,
        settings: { ...current.settings, model },
      });
      const label =
        current.settings.mode === "agent" ? `agent ${current.settings.agentId.trim()}` : model;
      const json = current.settings.params.jsonMode;
      const replyId = newId();
      setPending({
        id: replyId,
        role: "assistant",
        content: "",
        ...(json ? { metrics: { ...NO_METRICS, json } } : {}),
      });
      const { answer, error, metrics } = await run.run(req.path, req.body, label);
      setPending(null);
      const got = answer.content !== "" || answer.toolCalls.length > 0;
      let messages = list;
      if (got) {
        const last = list[list.length - 1];
        const reply: ChatMessage = {
          id: replyId,
          role: "assistant",
          content: last?.prefix ? joinPrefix(last.content, answer.content) : answer.content,
          ...(answer.toolCalls.length ? { toolCalls: answer.toolCalls } : {}),
          ...(answer.thinking ? { thinking: answer.thinking } : {}),
          metrics: { ...metrics, ...(json ? { json } : {}) },
        };
        messages = last?.prefix ? [...list.slice(0, -1), reply] : [...list, reply];
      }
      convs.update((x) => ({ ...x, messages }), true);
      if (error) {
        setFailure({
          error,
          partial: got,
          retryList: error.kind === "aborted" ? undefined : list,
        });
      }
    },
    [convs, model, run],
  );

  // Message actions keep one identity so the (memoized) list does not re-render as an answer streams.
  const latest = useRef({ runChat, messages: c.messages, update: convs.update });
  useLayoutEffect(() => {
    latest.current = { runChat, messages: c.messages, update: convs.update };
  });
  const actions = useMemo<MessageActions>(
    () => ({
      save: (id, patch) =>
        latest.current.update(
          (x) => ({ ...x, messages: updateMessage(x.messages, id, patch) }),
          true,
        ),
      saveAndResend: (id, patch) => {
        const edited = updateMessage(latest.current.messages, id, patch);
        void latest.current.runChat(truncateAfter(edited, id));
      },
      remove: (id) =>
        latest.current.update((x) => ({ ...x, messages: deleteMessage(x.messages, id) }), true),
    }),
    [],
  );

  const addDraft = (): ChatMessage[] => {
    const text = draft;
    setDraft("");
    return text.trim() ? addMessage(c.messages, draftRole, text) : c.messages;
  };

  const send = () => {
    if (busy) return;
    const list = addDraft();
    if (panes) {
      const problem =
        conversationIssue(list) ?? settingsIssue({ ...settings, mode: "model" }, model);
      convs.update((x) => ({ ...x, messages: list }), true);
      setIssue(problem);
      if (problem) return;
      for (const p of panes) handles.current.get(p.id)?.start(list);
      return;
    }
    void runChat(list);
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
    const others = usableModels(models.data, chatModels).filter((m) => m.id !== model);
    setPanes([
      { id: newId("p"), model, params: settings.params },
      { id: newId("p"), model: others[0]?.id ?? model, params: settings.params },
    ]);
    setSettings({ mode: "model" });
  };

  // Keep the newest text in view while streaming, unless the user scrolled up to read.
  const keepInView = useCallback(() => {
    const el = scroller.current;
    if (el && stuck.current) el.scrollTop = el.scrollHeight;
  }, []);

  // ...and when the finished answer lands (its metrics line adds height).
  useLayoutEffect(keepInView, [c.messages, keepInView]);

  const waiting = pendingToolCalls(c.messages);
  const answer = lastAnswer(c.messages);
  const fieldError = (field: string) =>
    failure?.error.status === 422 ? failure.error.fieldMessage(field) : undefined;
  const paramField422 =
    failure?.error.status === 422 &&
    Object.values(PARAM_FIELDS).some((f) => failure.error.fieldMessage(f));
  const agent = settings.mode === "agent";
  const chatUsable = usableModels(models.data, chatModels);
  // Known at once from /v1/models, before any Send fails with "Invalid model".
  const missingModel =
    !agent && !panes && !!models.data && !!model && !chatUsable.some((m) => m.id === model);
  // The request Send would make; after an answer, the one that produced it (what Regenerate sends).
  const requestBody = () =>
    buildChatRequest({
      system: c.system,
      messages: draft.trim()
        ? addMessage(c.messages, draftRole, draft)
        : answer
          ? withoutLastAnswer(c.messages)
          : c.messages,
      settings: { ...settings, model },
    }).body;

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
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="min-w-0 basis-full truncate text-base font-semibold">{c.title}</h2>
          <div className="flex flex-wrap gap-1 [&_button]:px-2">
            <Button size="sm" variant="ghost" onClick={() => setRenaming(c.title)} disabled={busy}>
              Rename
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                download({
                  fileName: exportFileName(c, "json"),
                  text: exportJson(c),
                  type: "application/json",
                })
              }
            >
              Export JSON
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() =>
                download({
                  fileName: exportFileName(c, "md"),
                  text: exportMarkdown(c),
                  type: "text/markdown",
                })
              }
            >
              Export Markdown
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setDeleting(true)} disabled={busy}>
              Delete
            </Button>
            <ViewCodeButton kind={agent ? "agents" : "chat"} body={requestBody} />
            <Button
              size="sm"
              aria-pressed={!!panes}
              disabled={busy}
              onClick={() => (panes ? setPanes(null) : startCompare())}
            >
              {panes ? "Leave compare" : "Compare"}
            </Button>
          </div>
        </div>

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
          ref={scroller}
          onScroll={(e) => {
            const el = e.currentTarget;
            stuck.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
          }}
          className="flex max-h-[65vh] min-h-40 flex-col gap-3 overflow-y-auto rounded-lg border border-border bg-bg p-3"
        >
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
                  onGrow={m === pending ? keepInView : undefined}
                />
              ))}
            </ol>
          )}
        </div>

        {failure && (
          <RunError
            key={`${failure.error.message}-${c.updatedAt}`}
            error={failure.error}
            keptPartial={failure.partial}
            onRetry={failure.retryList ? () => void runChat(failure.retryList!) : undefined}
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
            onSubmit={(results) => void runChat(addToolResults(c.messages, results))}
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
                onUse={(m) => convs.update((x) => ({ ...x, messages: [...x.messages, m] }), true)}
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

        <form
          aria-label="New message"
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <Field label="Message" description="Ctrl+Enter (⌘+Enter on a Mac) sends.">
            {(ids) => (
              <textarea
                {...ids}
                className={`${textareaClass} min-h-20`}
                value={draft}
                placeholder="Ask something…"
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    send();
                  }
                }}
              />
            )}
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            {/* Two elements with their own keys: were Stop the Send node with another type, the
                click that stops would land on a submit button and send the draft. */}
            {busy ? (
              <Button
                key="stop"
                type="button"
                variant="danger"
                onClick={() => {
                  run.stop();
                  handles.current.forEach((h) => h.stop());
                }}
              >
                Stop
              </Button>
            ) : (
              <Button key="send" type="submit" variant="primary">
                Send
              </Button>
            )}
            {!panes && answer && !busy && (
              <Button onClick={() => void runChat(withoutLastAnswer(c.messages))}>
                Regenerate
              </Button>
            )}
            <span className="ml-auto flex items-center gap-2">
              <label className="text-sm text-muted" htmlFor="draft-role">
                As
              </label>
              <select
                id="draft-role"
                className={`${inputClass} h-8 w-auto`}
                value={draftRole}
                onChange={(e) => setDraftRole(e.target.value as Role)}
              >
                <option value="user">User</option>
                <option value="assistant">Assistant</option>
                <option value="tool">Tool</option>
              </select>
              <Button
                size="sm"
                disabled={!draft.trim() || busy}
                onClick={() => convs.update((x) => ({ ...x, messages: addDraft() }), true)}
              >
                Add message
              </Button>
            </span>
          </div>
        </form>
      </section>

      <aside
        aria-label="Settings"
        className={`flex flex-col gap-5 ${panes ? "xl:col-start-2" : ""}`}
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Run with</legend>
          <div className="flex gap-4 text-sm">
            {(["model", "agent"] as const).map((m) => (
              <label key={m} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="run-with"
                  className="accent-[var(--accent)]"
                  checked={settings.mode === m}
                  disabled={!!panes && m === "agent"}
                  onChange={() => setSettings({ mode: m })}
                />
                {m === "model" ? "Model" : "Agent"}
              </label>
            ))}
          </div>
        </fieldset>
        {panes ? (
          <p className="text-xs text-muted">Each pane has its own model and parameters.</p>
        ) : agent ? (
          <Field
            label="Agent ID"
            description="An agent made in La Plateforme (ag:…). It brings its own model and instructions, so no system prompt is sent."
          >
            {(ids) => (
              <input
                {...ids}
                className={`${inputClass} font-mono`}
                value={settings.agentId}
                placeholder="ag:…"
                spellCheck={false}
                onChange={(e) => setSettings({ agentId: e.target.value })}
              />
            )}
          </Field>
        ) : (
          <ModelSelect
            value={model}
            onChange={(id) => setSettings({ model: id })}
            filter={chatModels}
            error={fieldError("model")}
          />
        )}
        {!panes && (
          <ParamsPanel
            params={settings.params}
            onChange={(params) => setSettings({ params })}
            errorFor={fieldError}
            only={agent ? ["maxTokens", "stop", "randomSeed", "jsonMode"] : CHAT_PARAMS}
          />
        )}
        <details
          open={settings.tools.length > 0}
          className="rounded-md border border-border px-3 py-2"
        >
          <summary className="cursor-pointer text-sm font-medium">
            Tools {settings.tools.length > 0 && `(${settings.tools.length})`}
          </summary>
          <div className="mt-3">
            <ToolsEditor
              tools={settings.tools}
              onChange={(tools) => setSettings({ tools })}
              toolChoice={settings.toolChoice}
              onToolChoice={(toolChoice) => setSettings({ toolChoice })}
            />
          </div>
        </details>
      </aside>

      <Dialog
        open={renaming != null}
        onClose={() => setRenaming(null)}
        title="Rename conversation"
        footer={
          <>
            <Button onClick={() => setRenaming(null)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={!renaming?.trim()}
              onClick={() => {
                convs.rename(renaming ?? "");
                setRenaming(null);
              }}
            >
              Rename
            </Button>
          </>
        }
      >
        <Field label="Name">
          {(ids) => (
            <input
              {...ids}
              className={inputClass}
              value={renaming ?? ""}
              autoFocus
              onChange={(e) => setRenaming(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && renaming?.trim()) {
                  convs.rename(renaming);
                  setRenaming(null);
                }
              }}
            />
          )}
        </Field>
      </Dialog>
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => {
          void convs.remove(c.id);
          clearNotes();
          setDeleting(false);
        }}
        title="Delete this conversation?"
      >
        “{c.title}” and its {c.messages.length} messages are deleted from your account, on every
        device. Export it first to keep a copy.
      </ConfirmDialog>
    </div>
  );
}
