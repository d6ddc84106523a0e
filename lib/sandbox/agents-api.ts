// Agents (/v1/agents): create, list, get, update (each update is a new version), delete, versions
// (list, get, switch the current one). Aliases are not simulated. Every version is kept whole.
import { randomUUID } from "node:crypto";
import type { SandboxContext } from "./context";
import type { SandboxAgent } from "./generation/agents";
import { json, mistralError, validationError } from "./http";

/** The fields of an agent its requests set (CreateAgentRequest / UpdateAgentRequest). */
const FIELDS = [
  "instructions",
  "tools",
  "completion_args",
  "guardrails",
  "model",
  "name",
  "description",
  "handoffs",
  "metadata",
  "version_message",
  "deployment_chat",
] as const;

export interface AgentData {
  model: string;
  name: string;
  instructions?: string | null;
  tools?: { type: string }[];
  completion_args?: Record<string, unknown>;
  description?: string | null;
  handoffs?: string[] | null;
  metadata?: Record<string, unknown> | null;
  guardrails?: unknown[] | null;
  version_message?: string | null;
  deployment_chat?: boolean;
}

interface AgentRow {
  id: string;
  version: number;
  created_ms: number;
  updated_ms: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const pick = (body: Record<string, unknown>) =>
  Object.fromEntries(FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));

export const agentNotFound = (id: string) =>
  mistralError(404, `Agent '${id}' not found.`, "invalid_request_error", "agent_not_found");

function row(ctx: SandboxContext, id: string): AgentRow | undefined {
  return ctx.store.db.prepare("SELECT * FROM agents WHERE id = ? AND deleted = 0").get(id) as
    AgentRow | undefined;
}

function versionData(ctx: SandboxContext, id: string, version: number) {
  return ctx.store.db
    .prepare("SELECT data, created_ms FROM agent_versions WHERE agent_id = ? AND version = ?")
    .get(id, version) as { data: string; created_ms: number } | undefined;
}

function versions(ctx: SandboxContext, id: string): number[] {
  return (
    ctx.store.db
      .prepare("SELECT version FROM agent_versions WHERE agent_id = ? ORDER BY version")
      .all(id) as { version: number }[]
  ).map((r) => r.version);
}

function toAgent(ctx: SandboxContext, r: AgentRow, version = r.version): Record<string, unknown> {
  const v = versionData(ctx, r.id, version)!;
  const data = JSON.parse(v.data) as AgentData;
  return {
    tools: [],
    completion_args: {},
    ...data,
    deployment_chat: data.deployment_chat ?? false,
    object: "agent",
    id: r.id,
    version,
    versions: versions(ctx, r.id),
    created_at: iso(r.created_ms),
    updated_at: iso(version === r.version ? r.updated_ms : v.created_ms),
    source: "api",
  };
}

/** The agent a conversation runs: its current version, or the one asked for. */
export function resolveAgent(
  ctx: SandboxContext,
  id: string,
  version?: number | string | null,
): { data: AgentData; version: number } | Response {
  const r = row(ctx, id);
  if (!r) return agentNotFound(id);
  const wanted = version == null ? r.version : Number(version);
  const v = Number.isInteger(wanted) ? versionData(ctx, id, wanted) : undefined;
  if (!v) return mistralError(404, `Agent '${id}' has no version ${String(version)}.`);
  return { data: JSON.parse(v.data) as AgentData, version: wanted };
}

/** An agent made through /v1/agents, as the agents completions route runs it (as the real API does). */
export function storedAgent(ctx: SandboxContext, id: string): SandboxAgent | undefined {
  const found = resolveAgent(ctx, id);
  if (found instanceof Response) return undefined;
  const { name, description, model } = found.data;
  return { id, name, description: description || "an agent made with the Agents API", model };
}

export function createAgent(ctx: SandboxContext, body: Record<string, unknown>): Response {
  const id = `ag_${randomUUID().replace(/-/g, "")}`;
  const now = ctx.now();
  const { db } = ctx.store;
  db.transaction(() => {
    db.prepare("INSERT INTO agents (id, version, created_ms, updated_ms) VALUES (?, 0, ?, ?)").run(
      id,
      now,
      now,
    );
    db.prepare(
      "INSERT INTO agent_versions (agent_id, version, data, created_ms) VALUES (?, 0, ?, ?)",
    ).run(id, JSON.stringify(pick(body)), now);
  })();
  return json(toAgent(ctx, row(ctx, id)!));
}

export function listAgents(ctx: SandboxContext, query: URLSearchParams): Response {
  const page = Number(query.get("page") ?? 0);
  const pageSize = Number(query.get("page_size") ?? 20);
  if (!Number.isInteger(page) || page < 0) {
    return validationError([
      { loc: ["query", "page"], msg: "Input should be a valid integer", type: "int_parsing" },
    ]);
  }
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    return validationError([
      { loc: ["query", "page_size"], msg: "Input should be a valid integer", type: "int_parsing" },
    ]);
  }
  const name = query.get("name");
  const search = query.get("search")?.toLowerCase();
  const ids = query.getAll("id");
  const rows = ctx.store.db
    .prepare("SELECT * FROM agents WHERE deleted = 0 ORDER BY rowid DESC")
    .all() as AgentRow[];
  const agents = rows
    .filter((r) => ids.length === 0 || ids.includes(r.id))
    .map((r) => toAgent(ctx, r))
    .filter((a) => name === null || a.name === name)
    .filter((a) => !search || String(a.name).toLowerCase().includes(search));
  return json(agents.slice(page * pageSize, (page + 1) * pageSize));
}

export function getAgent(ctx: SandboxContext, id: string, version: string | null): Response {
  const r = row(ctx, id);
  if (!r) return agentNotFound(id);
  if (version === null) return json(toAgent(ctx, r));
  const v = Number(version);
  if (!Number.isInteger(v) || !versionData(ctx, id, v)) {
    return mistralError(404, `Agent '${id}' has no version ${version}.`);
  }
  return json(toAgent(ctx, r, v));
}

/** PATCH: the changed fields over the current version, stored as a new version. */
export function updateAgent(
  ctx: SandboxContext,
  id: string,
  body: Record<string, unknown>,
): Response {
  const r = row(ctx, id);
  if (!r) return agentNotFound(id);
  const current = JSON.parse(versionData(ctx, id, r.version)!.data) as Record<string, unknown>;
  const next = Math.max(...versions(ctx, id)) + 1;
  const now = ctx.now();
  const { db } = ctx.store;
  db.transaction(() => {
    db.prepare(
      "INSERT INTO agent_versions (agent_id, version, data, created_ms) VALUES (?, ?, ?, ?)",
    ).run(id, next, JSON.stringify({ ...current, ...pick(body) }), now);
    db.prepare("UPDATE agents SET version = ?, updated_ms = ? WHERE id = ?").run(next, now, id);
  })();
  return json(toAgent(ctx, row(ctx, id)!));
}

/** PATCH /version?version=N: makes an existing version the current one. */
export function switchAgentVersion(
  ctx: SandboxContext,
  id: string,
  version: string | null,
): Response {
  const r = row(ctx, id);
  if (!r) return agentNotFound(id);
  const v = Number(version);
  if (version === null || !Number.isInteger(v)) {
    return validationError([
      { loc: ["query", "version"], msg: "Input should be a valid integer", type: "int_parsing" },
    ]);
  }
  if (!versionData(ctx, id, v)) return mistralError(404, `Agent '${id}' has no version ${v}.`);
  ctx.store.db
    .prepare("UPDATE agents SET version = ?, updated_ms = ? WHERE id = ?")
    .run(v, ctx.now(), id);
  return json(toAgent(ctx, row(ctx, id)!));
}

export function listAgentVersions(ctx: SandboxContext, id: string): Response {
  const r = row(ctx, id);
  if (!r) return agentNotFound(id);
  return json(
    versions(ctx, id)
      .reverse()
      .map((v) => toAgent(ctx, r, v)),
  );
}

export function deleteAgent(ctx: SandboxContext, id: string): Response {
  const { changes } = ctx.store.db
    .prepare("UPDATE agents SET deleted = 1 WHERE id = ? AND deleted = 0")
    .run(id);
  return changes ? new Response(null, { status: 204 }) : agentNotFound(id);
}
