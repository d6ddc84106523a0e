"use client";

import { memo, useState, useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import type { ToolCall } from "@/lib/mistral/types";
import { formatNumber } from "@/lib/format";
import { citedText, type Citation } from "@/lib/playground/content";
import { checkAnswer } from "@/lib/playground/json-schema";
import type { ChatMessage, Role } from "@/lib/playground/types";
import { AnswerView } from "../answer-view";
import { MetricsLine } from "../metrics-line";
import { ModerationResult, useModeration } from "./moderation-check";
import type { RunStore } from "../use-stream-run";

export const ROLE_LABEL: Record<Role, string> = {
  user: "User",
  assistant: "Assistant",
  tool: "Tool",
};

export interface MessageActions {
  save: (id: string, patch: Partial<ChatMessage>) => void;
  saveAndResend: (id: string, patch: Partial<ChatMessage>) => void;
  remove: (id: string) => void;
}

export function argumentsText(call: ToolCall): string {
  const a = call.function.arguments;
  if (typeof a !== "string") return JSON.stringify(a, null, 2);
  try {
    return JSON.stringify(JSON.parse(a), null, 2);
  } catch {
    return a;
  }
}

export function ToolCallList({ calls }: { calls: ToolCall[] }) {
  return (
    <ul aria-label="Tool calls" className="flex flex-col gap-2">
      {calls.map((c, i) => (
        <li key={c.id ?? i} className="rounded-md border border-border bg-surface-2 px-3 py-2">
          <p className="text-xs text-muted">
            Calls <span className="font-mono font-semibold text-text">{c.function.name}</span>
            {c.id && c.id !== "null" && <span className="font-mono"> · id {c.id}</span>}
          </p>
          <pre className="mt-1 overflow-x-auto font-mono text-xs">{argumentsText(c)}</pre>
        </li>
      ))}
    </ul>
  );
}

function Editor({
  message,
  onCancel,
  actions,
}: {
  message: ChatMessage;
  onCancel: () => void;
  actions: MessageActions;
}) {
  const [role, setRole] = useState<Role>(message.role);
  const [content, setContent] = useState(message.content);
  const [prefix, setPrefix] = useState(!!message.prefix);
  const [name, setName] = useState(message.name ?? "");
  const [callId, setCallId] = useState(message.toolCallId ?? "");
  const patch = (): Partial<ChatMessage> => ({
    role,
    content,
    ...(role === "assistant" ? { prefix } : {}),
    ...(role === "tool" ? { name: name || undefined, toolCallId: callId || undefined } : {}),
  });
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <Field label="Role">
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              <option value="user">User</option>
              <option value="assistant">Assistant</option>
              <option value="tool">Tool</option>
            </select>
          )}
        </Field>
        {role === "tool" && (
          <div className="grid grid-cols-2 gap-3">
            <Field label="Function name">
              {(ids) => (
                <input
                  {...ids}
                  className={inputClass}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              )}
            </Field>
            <Field label="Tool call ID">
              {(ids) => (
                <input
                  {...ids}
                  className={inputClass}
                  value={callId}
                  onChange={(e) => setCallId(e.target.value)}
                />
              )}
            </Field>
          </div>
        )}
      </div>
      <Field label="Content">
        {(ids) => (
          <textarea
            {...ids}
            className={`${textareaClass} min-h-24 font-mono`}
            value={content}
            autoFocus
            onChange={(e) => setContent(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") onCancel();
            }}
          />
        )}
      </Field>
      {role === "assistant" && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-4 w-4 accent-[var(--accent)]"
            checked={prefix}
            onChange={(e) => setPrefix(e.target.checked)}
          />
          Prefix: the next answer must start with this text
        </label>
      )}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={() => actions.save(message.id, patch())}>
          Save
        </Button>
        {role === "user" && (
          <Button size="sm" onClick={() => actions.saveAndResend(message.id, patch())}>
            Save and resend
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** A reasoning model's thinking, folded away once the answer starts. */
function ThinkingBlock({
  text,
  streaming,
  ms,
}: {
  text: string;
  streaming: boolean;
  ms?: number | null;
}) {
  const [open, setOpen] = useState<boolean | null>(null);
  return (
    <details
      className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm"
      open={open ?? streaming}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== (open ?? streaming)) setOpen(now);
      }}
    >
      <summary className="cursor-pointer text-muted">
        {streaming
          ? "Thinking…"
          : ms != null
            ? `Thought for ${formatNumber(ms / 1000, 1)} s`
            : "Thinking"}
      </summary>
      <p className="mt-2 whitespace-pre-wrap text-muted">{text}</p>
    </details>
  );
}

/** What the answer's numbered citations refer to. */
function CitationList({ citations }: { citations: Citation[] }) {
  return (
    <ol aria-label="References" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
      {citations.map((c) => (
        <li key={c.n}>
          <span className="font-semibold text-text">[{c.n}]</span>{" "}
          {c.url ? (
            // A source the model cites: opened apart from the console, which it cannot reach.
            <a
              href={c.url}
              target="_blank"
              rel="noopener noreferrer"
              className="text-accent underline underline-offset-2"
            >
              {c.title || c.url}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : c.title ? (
            c.title
          ) : (
            <>
              reference <span className="font-mono">{String(c.id)}</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Whether a structured-output answer fits the schema it was asked to fit. */
function SchemaVerdict({ schema, text }: { schema: Record<string, unknown>; text: string }) {
  const verdict = checkAnswer(schema, text);
  return verdict.ok ? (
    <p className="text-xs font-medium text-success">✓ Fits the JSON schema</p>
  ) : (
    <p className="text-xs font-medium text-danger">
      ✗ Does not fit the JSON schema: {verdict.error}
    </p>
  );
}

function ImageList({ images }: { images: string[] }) {
  return (
    <ul aria-label="Images" className="flex flex-wrap gap-2">
      {images.map((src, i) => (
        <li key={i}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL the user chose */}
          <img
            src={src}
            alt={`Image ${i + 1}`}
            className="h-24 w-auto rounded-md border border-border object-contain"
          />
        </li>
      ))}
    </ul>
  );
}

const noSubscribe = () => () => {};
const noView = () => null;

/**
 * One message of the list, shown or edited in place. With `live`, it shows the answer streaming
 * in; the finished answer then takes its place under the same key, so React keeps the rendered
 * Markdown instead of parsing the whole answer again.
 */
export const MessageItem = memo(function MessageItem({
  message,
  index,
  locked,
  actions,
  live,
}: {
  message: ChatMessage;
  index: number;
  /** While an answer streams the list cannot change. */
  locked: boolean;
  actions: MessageActions;
  live?: RunStore;
}) {
  const [editing, setEditing] = useState(false);
  const view = useSyncExternalStore(
    live?.subscribe ?? noSubscribe,
    live?.get ?? noView,
    live?.get ?? noView,
  );
  const streaming = view?.status === "streaming";
  // A conversation's agent may run a server-side tool (web search…) before it answers.
  const running = streaming ? view.answer.toolRuns?.findLast((r) => !r.done) : undefined;
  const shown: ChatMessage = view
    ? {
        ...message,
        content: view.answer.content,
        ...(view.answer.toolCalls.length ? { toolCalls: view.answer.toolCalls } : {}),
        ...(view.answer.thinking ? { thinking: view.answer.thinking } : {}),
        ...(view.answer.chunked ? { chunks: view.answer.chunks } : {}),
      }
    : message;
  // In Markdown the brackets are escaped: "[1](…)" would otherwise read as a link.
  const json = !!shown.metrics?.json;
  const cited = shown.chunks
    ? citedText(shown.chunks, json ? undefined : (n) => `\\[${n}\\]`)
    : null;
  const moderation = useModeration(message);
  const label = live ? "Answer in progress" : `${ROLE_LABEL[message.role]} message ${index + 1}`;
  return (
    <li
      aria-label={label}
      aria-busy={streaming || undefined}
      className={`rounded-lg border px-4 py-3 ${
        live
          ? "border-accent/40 bg-surface"
          : message.role === "user"
            ? "border-border bg-surface-2"
            : "border-border bg-surface"
      }`}
    >
      <div className="mb-2 flex min-h-8 flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <span className="text-xs font-semibold tracking-wide text-muted uppercase">
            {ROLE_LABEL[message.role]}
            {streaming && " · streaming"}
          </span>
          {message.role === "tool" && message.name && (
            <span className="font-mono text-xs text-muted">{message.name}</span>
          )}
          {message.prefix && <Badge tone="info">Prefix</Badge>}
          {message.metrics?.partial && <Badge tone="warning">Incomplete</Badge>}
        </div>
        {!editing && !live && (
          <div className="flex items-center gap-1">
            <CopyButton text={message.content} label={`Copy ${label}`} />
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Moderate ${label}`}
              disabled={moderation.state.kind === "checking"}
              onClick={() => void moderation.check()}
            >
              Moderate
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Edit ${label}`}
              disabled={locked}
              onClick={() => setEditing(true)}
            >
              Edit
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete ${label}`}
              disabled={locked}
              onClick={() => actions.remove(message.id)}
            >
              Delete
            </Button>
          </div>
        )}
      </div>
      {editing ? (
        <Editor
          message={message}
          onCancel={() => setEditing(false)}
          actions={{
            save: (id, p) => {
              setEditing(false);
              actions.save(id, p);
            },
            saveAndResend: (id, p) => {
              setEditing(false);
              actions.saveAndResend(id, p);
            },
            remove: actions.remove,
          }}
        />
      ) : (
        <div className="flex flex-col gap-2">
          {shown.role === "assistant" && shown.thinking ? (
            <ThinkingBlock
              text={shown.thinking}
              streaming={streaming && !shown.content}
              ms={message.metrics?.thinkingMs}
            />
          ) : null}
          {running ? (
            <p role="status" className="text-sm text-muted">
              Running {running.name.replace(/_/g, " ")}…
            </p>
          ) : null}
          {shown.role === "assistant" ? (
            shown.content ? (
              <AnswerView text={cited?.text ?? shown.content} streaming={streaming} json={json} />
            ) : streaming && !shown.toolCalls && !shown.thinking ? (
              <p className="text-sm text-muted">Waiting for the first token…</p>
            ) : null
          ) : (
            <p
              className={`text-sm whitespace-pre-wrap ${message.role === "tool" ? "font-mono" : ""}`}
            >
              {message.content ||
                (message.images?.length ? null : <span className="text-muted italic">Empty</span>)}
            </p>
          )}
          {message.images?.length ? <ImageList images={message.images} /> : null}
          {message.metrics?.schema && !live && message.content ? (
            <SchemaVerdict schema={message.metrics.schema} text={message.content} />
          ) : null}
          {cited?.citations.length ? <CitationList citations={cited.citations} /> : null}
          {shown.toolCalls?.length ? <ToolCallList calls={shown.toolCalls} /> : null}
          {message.metrics && !live && <MetricsLine metrics={message.metrics} />}
          <ModerationResult state={moderation.state} />
        </div>
      )}
    </li>
  );
});
