// Conversations (/v1/conversations): start, list, get, append, restart, history, messages,
// delete; plain or streamed (SSE in today's event format). Each turn runs on the sandbox's chat
// generation, with the agent's (or the request's) instructions as the system message and the
// stored entries as the history. An agent speaks as it does on the agents completions route (the
// built-in sandbox agents included). With a web_search tool, or as the citing built-in agent, the
// answer cites (sandbox) sources as today's API does: text chunks around tool_reference chunks
// that carry each source's title and url.
import { randomUUID } from "node:crypto";
import type { ChatCompletionRequest } from "@/lib/mistral/seed-types";
import { type AgentData, resolveAgent } from "./agents-api";
import type { SandboxContext } from "./context";
import {
  conversationCompletion,
  findAgent,
  type GenerationContext,
  type SandboxAgent,
} from "./generation";
import { json, mistralError, validationError } from "./http";
import { pacedEvents } from "./sse";

type Json = Record<string, unknown>;

interface Entry extends Json {
  id: string;
  type: string;
  role?: string;
  content?: unknown;
}

/** What a conversation keeps besides its entries (ModelConversation / AgentConversation fields). */
interface ConversationData {
  agent_id?: string;
  agent_version?: number;
  model?: string;
  instructions?: string | null;
  tools?: { type: string }[];
  completion_args?: Json;
  name?: string | null;
  description?: string | null;
  metadata?: Json | null;
}

interface Turn {
  inputs: string | Entry[];
  stream?: boolean | null;
  store?: boolean | null;
  completion_args?: Json | null;
}

export interface StartRequest
  extends Turn, Omit<ConversationData, "agent_version" | "completion_args"> {
  agent_version?: number | string | null;
}

export interface RestartRequest extends Turn {
  from_entry_id: string;
  metadata?: Json | null;
  agent_version?: number | string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const entryId = () => `msg_${randomUUID().replace(/-/g, "")}`;

const notFound = (id: string) =>
  mistralError(
    404,
    `Conversation '${id}' not found.`,
    "invalid_request_error",
    "conversation_not_found",
  );

function load(ctx: SandboxContext, id: string) {
  const row = ctx.store.db.prepare("SELECT * FROM conversations WHERE id = ?").get(id) as
    { id: string; data: string; created_ms: number; updated_ms: number } | undefined;
  if (!row) return undefined;
  const entries = (
    ctx.store.db
      .prepare("SELECT entry FROM conversation_entries WHERE conversation_id = ? ORDER BY ordinal")
      .all(id) as { entry: string }[]
  ).map((e) => JSON.parse(e.entry) as Entry);
  return { ...row, data: JSON.parse(row.data) as ConversationData, entries };
}

function toConversation(row: {
  id: string;
  data: ConversationData;
  created_ms: number;
  updated_ms: number;
}) {
  const { data } = row;
  const common = {
    name: data.name ?? null,
    description: data.description ?? null,
    metadata: data.metadata ?? null,
    object: "conversation",
    id: row.id,
    created_at: iso(row.created_ms),
    updated_at: iso(row.updated_ms),
  };
  if (data.agent_id) {
    return { ...common, agent_id: data.agent_id, agent_version: data.agent_version ?? null };
  }
  return {
    ...common,
    instructions: data.instructions ?? null,
    tools: data.tools ?? [],
    completion_args: data.completion_args ?? {},
    model: data.model!,
  };
}

/** The inputs as entries: a string is one user message. */
function inputEntries(inputs: string | Entry[], now: number): Entry[] {
  const list: Json[] = typeof inputs === "string" ? [{ role: "user", content: inputs }] : inputs;
  return list.map((e) => ({
    object: "entry",
    type: "message.input",
    created_at: iso(now),
    completed_at: null,
    prefix: false,
    ...e,
    id: entryId(),
  })) as Entry[];
}

/** A content as plain text: a string, or the text of its chunks. */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((c: { text?: unknown }) => (typeof c?.text === "string" ? c.text : ""))
      .join("");
  }
  return "";
}

/** The chat messages a turn is generated from. */
function chatMessages(instructions: string | null | undefined, entries: Entry[]) {
  const messages: Json[] = instructions ? [{ role: "system", content: instructions }] : [];
  for (const e of entries) {
    if (e.type === "message.input" || e.type === "message.output") {
      messages.push({
        role: e.role === "assistant" ? "assistant" : "user",
        content: textOf(e.content),
      });
    }
  }
  return messages;
}

interface ConversationAgent {
  data: AgentData;
  version: number;
  /** Who answers, as the generation knows agents. */
  speaker: SandboxAgent;
}

/** The agent a conversation runs: one made through /v1/agents, or a built-in sandbox agent. */
function agentOf(
  ctx: SandboxContext,
  id: string,
  version?: number | string | null,
): ConversationAgent | Response {
  const builtIn = findAgent(id);
  if (builtIn) {
    // A built-in agent has one version, 0.
    if (version != null && Number(version) !== 0) {
      return mistralError(404, `Agent '${id}' has no version ${String(version)}.`);
    }
    const { model, name, description } = builtIn;
    return { data: { model, name, description }, version: 0, speaker: builtIn };
  }
  const found = resolveAgent(ctx, id, version);
  if (found instanceof Response) return found;
  const { model, name, description } = found.data;
  return {
    ...found,
    speaker: { id, name, model, description: description || "an agent made with the Agents API" },
  };
}

/** A sandbox source an answer cites, as today's API sends a search result (ToolReferenceChunk). */
function sourceChunk(tool: string, n: number | string): Json {
  return {
    type: "tool_reference",
    tool,
    title: `Sandbox source ${n}`,
    url: `https://sandbox.invalid/source-${n}`,
    favicon: null,
    description: "A simulated source: the sandbox does not search the web.",
  };
}

/** The answer's content as an output entry holds it: reference chunks become cited sources. */
function outputContent(content: string | Json[], search: string | undefined): string | Json[] {
  if (Array.isArray(content)) {
    return content.flatMap((c) =>
      c.type === "reference"
        ? (c.reference_ids as (number | string)[]).map((n) =>
            sourceChunk(search ?? "web_search", n),
          )
        : [c],
    );
  }
  // With web search, the answer cites one (sandbox) source between two text chunks.
  return search
    ? [
        { type: "text", text: content },
        sourceChunk(search, 1),
        { type: "text", text: " (sandbox source)" },
      ]
    : content;
}

interface Generated {
  /** What the turn outputs: the search it ran (a tool.execution entry) when it cites, then the message. */
  outputs: Entry[];
  entry: Entry;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** One assistant turn from the sandbox's chat generation. */
async function generate(
  data: ConversationData,
  runAgent: ConversationAgent | null,
  entries: Entry[],
  completionArgs: Json | null | undefined,
  gen: GenerationContext,
  now: number,
): Promise<Generated | Response> {
  const agent = runAgent?.data;
  const model = agent?.model ?? data.model!;
  const args = {
    ...(agent?.completion_args ?? data.completion_args ?? {}),
    ...(completionArgs ?? {}),
  };
  const request = {
    model,
    messages: chatMessages(agent?.instructions ?? data.instructions, entries),
    ...(typeof args.temperature === "number" ? { temperature: args.temperature } : {}),
    ...(typeof args.max_tokens === "number" ? { max_tokens: args.max_tokens } : {}),
    ...(typeof args.random_seed === "number" ? { random_seed: args.random_seed } : {}),
  } as unknown as ChatCompletionRequest;
  const res = await conversationCompletion(
    request,
    { ...gen, signal: new AbortController().signal },
    runAgent?.speaker,
  );
  if (!res.ok) return res;
  const body = (await res.json()) as {
    choices: { message: { content: string | Json[] } }[];
    usage: Generated["usage"];
  };
  const tools = agent?.tools ?? data.tools ?? [];
  const search = tools.find((t) => t.type === "web_search" || t.type === "web_search_premium");
  const content = outputContent(body.choices[0].message.content, search?.type);
  const cites = Array.isArray(content) && content.some((c) => c.type === "tool_reference");
  // An answer citing sources searched first: today's API records the search as an entry.
  const searched: Entry[] = cites
    ? [
        {
          object: "entry",
          type: "tool.execution",
          created_at: iso(now),
          completed_at: iso(now),
          agent_id: data.agent_id ?? null,
          model,
          id: `tool_exec_${randomUUID().replace(/-/g, "")}`,
          name: search?.type ?? "web_search",
          arguments: JSON.stringify({ query: lastInput(entries) }),
          info: {},
        },
      ]
    : [];
  const entry: Entry = {
    object: "entry",
    type: "message.output",
    created_at: iso(now),
    completed_at: iso(now),
    agent_id: data.agent_id ?? null,
    model,
    id: entryId(),
    role: "assistant",
    content,
  };
  return { outputs: [...searched, entry], entry, usage: body.usage };
}

/** The text of the last user input (what a search looks for). */
function lastInput(entries: Entry[]): string {
  const last = entries.findLast((e) => e.type === "message.input" && e.role !== "assistant");
  return last ? textOf(last.content).slice(0, 200) : "";
}

/** Runs a turn, stores it (unless store is false) and answers plain or streamed. */
async function runTurn(
  ctx: SandboxContext,
  gen: GenerationContext,
  conversation: {
    id: string;
    data: ConversationData;
    created_ms: number;
    history: Entry[];
    isNew: boolean;
  },
  turn: Turn,
): Promise<Response> {
  const now = ctx.now();
  const { data } = conversation;
  let agent: ConversationAgent | null = null;
  if (data.agent_id) {
    const found = agentOf(ctx, data.agent_id, data.agent_version);
    if (found instanceof Response) return found;
    agent = found;
  }
  const inputs = inputEntries(turn.inputs, now);
  const generated = await generate(
    data,
    agent,
    [...conversation.history, ...inputs],
    turn.completion_args,
    gen,
    now,
  );
  if (generated instanceof Response) return generated;
  if (turn.store !== false) {
    const { db } = ctx.store;
    db.transaction(() => {
      if (conversation.isNew) {
        db.prepare(
          "INSERT INTO conversations (id, data, created_ms, updated_ms) VALUES (?, ?, ?, ?)",
        ).run(conversation.id, JSON.stringify(data), conversation.created_ms, now);
        conversation.history.forEach((e, i) =>
          db
            .prepare(
              "INSERT INTO conversation_entries (conversation_id, ordinal, entry) VALUES (?, ?, ?)",
            )
            .run(conversation.id, i, JSON.stringify(e)),
        );
      } else {
        db.prepare("UPDATE conversations SET updated_ms = ? WHERE id = ?").run(
          now,
          conversation.id,
        );
      }
      const insert = db.prepare(
        "INSERT INTO conversation_entries (conversation_id, ordinal, entry) VALUES (?, (SELECT COUNT(*) FROM conversation_entries WHERE conversation_id = ?), ?)",
      );
      for (const e of [...inputs, ...generated.outputs])
        insert.run(conversation.id, conversation.id, JSON.stringify(e));
    })();
  }
  const usage = { ...generated.usage, connector_tokens: null, connectors: null };
  if (!turn.stream) {
    return json({
      object: "conversation.response",
      conversation_id: conversation.id,
      outputs: generated.outputs,
      usage,
      guardrails: null,
    });
  }
  return streamTurn(conversation.id, generated.outputs, usage, now, gen);
}

/**
 * Today's conversation events: started, a search the agent ran (tool.execution.started, done),
 * the message in deltas (a word each, at the sandbox's token pace), done with the usage. The turn
 * is already stored: a client that leaves early still finds the whole answer in the history.
 */
function streamTurn(
  conversationId: string,
  outputs: Entry[],
  usage: Json,
  now: number,
  gen: GenerationContext,
): Response {
  const at = iso(now);
  const events: Json[] = [
    { type: "conversation.response.started", created_at: at, conversation_id: conversationId },
  ];
  const entry = outputs[outputs.length - 1];
  const outputIndex = outputs.length - 1;
  for (const [i, run] of outputs.slice(0, -1).entries()) {
    const common = { created_at: at, output_index: i, id: run.id, name: run.name };
    events.push(
      {
        type: "tool.execution.started",
        ...common,
        model: run.model,
        agent_id: run.agent_id,
        arguments: run.arguments,
      },
      { type: "tool.execution.done", ...common, info: run.info },
    );
  }
  const chunks = typeof entry.content === "string" ? [entry.content] : (entry.content as Json[]);
  let contentIndex = 0;
  for (const chunk of chunks) {
    const pieces =
      typeof chunk === "string"
        ? (chunk.match(/\S+\s*|\s+/g) ?? [""])
        : chunk.type === "text"
          ? (String(chunk.text).match(/\S+\s*|\s+/g) ?? [""])
          : [chunk];
    for (const piece of pieces) {
      events.push({
        type: "message.output.delta",
        created_at: at,
        output_index: outputIndex,
        id: entry.id,
        content_index: contentIndex,
        model: entry.model,
        agent_id: entry.agent_id,
        role: "assistant",
        content: piece,
      });
    }
    contentIndex++;
  }
  events.push({ type: "conversation.response.done", created_at: at, usage });
  return pacedEvents(
    events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`),
    gen,
  );
}

export async function startConversation(
  ctx: SandboxContext,
  gen: GenerationContext,
  body: StartRequest,
): Promise<Response> {
  if (!body.agent_id === !body.model) {
    return validationError([
      {
        loc: ["body"],
        msg: "Value error, Exactly one of agent_id or model must be provided",
        type: "value_error",
      },
    ]);
  }
  let agentVersion: number | undefined;
  if (body.agent_id) {
    const agent = agentOf(ctx, body.agent_id, body.agent_version);
    if (agent instanceof Response) return agent;
    agentVersion = agent.version;
  }
  const data: ConversationData = body.agent_id
    ? { agent_id: body.agent_id, agent_version: agentVersion }
    : {
        model: body.model!,
        instructions: body.instructions ?? null,
        tools: body.tools ?? [],
        completion_args: body.completion_args ?? {},
      };
  Object.assign(data, {
    name: body.name ?? null,
    description: body.description ?? null,
    metadata: body.metadata ?? null,
  });
  const id = `conv_${randomUUID().replace(/-/g, "")}`;
  return runTurn(ctx, gen, { id, data, created_ms: ctx.now(), history: [], isNew: true }, body);
}

export async function appendConversation(
  ctx: SandboxContext,
  gen: GenerationContext,
  id: string,
  body: Turn,
): Promise<Response> {
  const found = load(ctx, id);
  if (!found) return notFound(id);
  return runTurn(ctx, gen, { ...found, history: found.entries, isNew: false }, body);
}

/** A new conversation with the history up to and including `from_entry_id`, then the inputs. */
export async function restartConversation(
  ctx: SandboxContext,
  gen: GenerationContext,
  id: string,
  body: RestartRequest,
): Promise<Response> {
  const found = load(ctx, id);
  if (!found) return notFound(id);
  const at = found.entries.findIndex((e) => e.id === body.from_entry_id);
  if (at < 0) {
    return mistralError(400, `Entry '${body.from_entry_id}' is not in conversation '${id}'.`);
  }
  const data: ConversationData = {
    ...found.data,
    ...(body.metadata !== undefined ? { metadata: body.metadata } : {}),
    ...(body.agent_version != null && found.data.agent_id
      ? { agent_version: Number(body.agent_version) }
      : {}),
  };
  const newId = `conv_${randomUUID().replace(/-/g, "")}`;
  return runTurn(
    ctx,
    gen,
    {
      id: newId,
      data,
      created_ms: ctx.now(),
      history: found.entries.slice(0, at + 1),
      isNew: true,
    },
    body,
  );
}

export function getConversation(ctx: SandboxContext, id: string): Response {
  const found = load(ctx, id);
  return found ? json(toConversation(found)) : notFound(id);
}

export function listConversations(ctx: SandboxContext, query: URLSearchParams): Response {
  const page = Number(query.get("page") ?? 0);
  const pageSize = Number(query.get("page_size") ?? 100);
  if (!Number.isInteger(page) || page < 0 || !Number.isInteger(pageSize) || pageSize < 1) {
    return validationError([
      { loc: ["query", "page"], msg: "Input should be a valid integer", type: "int_parsing" },
    ]);
  }
  const rows = ctx.store.db
    .prepare("SELECT * FROM conversations ORDER BY rowid DESC LIMIT ? OFFSET ?")
    .all(pageSize, page * pageSize) as {
    id: string;
    data: string;
    created_ms: number;
    updated_ms: number;
  }[];
  return json(
    rows.map((r) => toConversation({ ...r, data: JSON.parse(r.data) as ConversationData })),
  );
}

export function conversationHistory(ctx: SandboxContext, id: string): Response {
  const found = load(ctx, id);
  if (!found) return notFound(id);
  return json({ object: "conversation.history", conversation_id: id, entries: found.entries });
}

export function conversationMessages(ctx: SandboxContext, id: string): Response {
  const found = load(ctx, id);
  if (!found) return notFound(id);
  return json({
    object: "conversation.messages",
    conversation_id: id,
    messages: found.entries.filter(
      (e) => e.type === "message.input" || e.type === "message.output",
    ),
  });
}

export function deleteConversation(ctx: SandboxContext, id: string): Response {
  const { db } = ctx.store;
  const changes = db.transaction(() => {
    db.prepare("DELETE FROM conversation_entries WHERE conversation_id = ?").run(id);
    return db.prepare("DELETE FROM conversations WHERE id = ?").run(id).changes;
  })();
  return changes ? new Response(null, { status: 204 }) : notFound(id);
}
