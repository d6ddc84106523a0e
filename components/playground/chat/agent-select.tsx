"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { describeError } from "@/lib/api/errors";
import { useAgents } from "@/lib/api/hooks/use-agents";
import { routes } from "@/lib/routes";

/**
 * Picks the agent a conversation runs with, among those GET /v1/agents lists, and the version
 * it pins (by default none: the agent's current version when the conversation starts).
 */
export function AgentSelect({
  value,
  onChange,
  version,
  onVersion,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  version: number | null;
  onVersion: (version: number | null) => void;
  error?: string;
}) {
  const agents = useAgents();
  const list = agents.data ?? [];
  const selected = list.find((a) => a.id === value);
  const loadError = agents.error ? describeError(agents.error) : null;
  return (
    <>
      <Field
        label="Agent"
        description={
          <>
            {selected
              ? `${selected.model}${selected.description ? `. ${selected.description}` : ""}. `
              : ""}
            It brings its own model, instructions and tools: no system prompt or tools are sent.{" "}
            <Link href={routes.agents()} className="text-accent hover:underline">
              Manage agents
            </Link>
          </>
        }
        error={loadError ? `${loadError.title}: ${loadError.hint}` : error}
      >
        {(ids) => (
          <div className="flex gap-2">
            <select
              {...ids}
              className={inputClass}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            >
              {agents.isPending && <option value={value}>{value || "Loading agents…"}</option>}
              {!agents.isPending && !value && (
                <option value="">{list.length ? "Choose an agent" : "No agent yet"}</option>
              )}
              {!agents.isPending && value && !selected && (
                <option value={value}>{value} (not listed)</option>
              )}
              {list.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} · {a.model}
                </option>
              ))}
            </select>
            {agents.error && (
              <Button size="sm" className="h-9" onClick={() => agents.refetch()}>
                Retry
              </Button>
            )}
          </div>
        )}
      </Field>
      {selected && (
        <Field
          label="Version"
          description="A pinned version keeps answering the same way after the agent is edited or switched."
        >
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              value={version ?? ""}
              onChange={(e) => onVersion(e.target.value === "" ? null : Number(e.target.value))}
            >
              <option value="">Current (version {selected.version})</option>
              {version != null && !selected.versions.includes(version) && (
                <option value={version}>Version {version} (not listed)</option>
              )}
              {[...selected.versions]
                .sort((a, b) => b - a)
                .map((v) => (
                  <option key={v} value={v}>
                    Version {v}
                    {v === selected.version ? " (current)" : ""}
                  </option>
                ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}
