"use client";

import { Field, inputClass } from "@/components/ui/field";
import type {
  ChatParams,
  ChatSettings,
  ReasoningEffort,
  ReasoningSettings,
} from "@/lib/playground/types";
import { ModelSelect } from "../model-select";
import { AgentSelect } from "./agent-select";
import { ParamsPanel } from "../params-panel";
import { StructuredOutput } from "./structured-output";
import { ToolsEditor } from "./tools-editor";

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
const AGENT_PARAMS: (keyof ChatParams)[] = ["maxTokens", "stop", "randomSeed", "jsonMode"];

const NO_REASONING: ReasoningSettings = { effort: null, promptMode: false };
const EFFORTS: ReasoningEffort[] = ["none", "minimal", "low", "medium", "high"];

function ReasoningControls({
  value,
  onChange,
  errorFor,
}: {
  value: ReasoningSettings;
  onChange: (value: ReasoningSettings) => void;
  errorFor: (field: string) => string | undefined;
}) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-border px-3 py-2">
      <legend className="px-1 text-sm font-medium">Reasoning</legend>
      <Field
        label="Reasoning effort"
        description="How long the model thinks before it answers; none answers at once."
        error={errorFor("reasoning_effort")}
      >
        {(ids) => (
          <select
            {...ids}
            className={inputClass}
            value={value.effort ?? ""}
            onChange={(e) =>
              onChange({ ...value, effort: (e.target.value || null) as ReasoningEffort | null })
            }
          >
            <option value="">Model default</option>
            {EFFORTS.map((x) => (
              <option key={x} value={x}>
                {x[0].toUpperCase() + x.slice(1)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="h-4 w-4 accent-[var(--accent)]"
          checked={value.promptMode}
          onChange={(e) => onChange({ ...value, promptMode: e.target.checked })}
        />
        Use the reasoning system prompt (prompt_mode)
      </label>
    </fieldset>
  );
}

/** What the conversation runs with: a model or an agent, its parameters and tools. */
export function SettingsAside({
  settings,
  model,
  onChange,
  comparing,
  reasons,
  errorFor,
  className = "",
}: {
  settings: ChatSettings;
  /** The model used (the chosen one, or the default when none is chosen yet). */
  model: string;
  onChange: (patch: Partial<ChatSettings>) => void;
  /** In compare mode each pane has its own model and parameters. */
  comparing: boolean;
  /** The model reasons (its card says so): its reasoning controls are offered. */
  reasons: boolean;
  /** The message of a 422 for a request field, if any. */
  errorFor: (field: string) => string | undefined;
  className?: string;
}) {
  const agent = settings.mode === "agent";
  return (
    <aside aria-label="Settings" className={`flex flex-col gap-5 ${className}`}>
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
                disabled={comparing && m === "agent"}
                onChange={() => onChange({ mode: m })}
              />
              {m === "model" ? "Model" : "Agent"}
            </label>
          ))}
        </div>
      </fieldset>
      {comparing ? (
        <p className="text-xs text-muted">Each pane has its own model and parameters.</p>
      ) : agent ? (
        <AgentSelect
          value={settings.agentId}
          // Another agent's versions are not this one's.
          onChange={(agentId) => onChange({ agentId, agentVersion: null })}
          version={settings.agentVersion ?? null}
          onVersion={(agentVersion) => onChange({ agentVersion })}
          error={errorFor("agent_id")}
        />
      ) : (
        <ModelSelect
          value={model}
          onChange={(id) => onChange({ model: id })}
          task="chat"
          error={errorFor("model")}
        />
      )}
      {!comparing && (
        <ParamsPanel
          params={settings.params}
          onChange={(params) => onChange({ params })}
          errorFor={errorFor}
          only={agent ? AGENT_PARAMS : CHAT_PARAMS}
        />
      )}
      {reasons && !comparing && (
        <ReasoningControls
          value={settings.reasoning ?? NO_REASONING}
          onChange={(reasoning) => onChange({ reasoning })}
          errorFor={errorFor}
        />
      )}
      <StructuredOutput
        value={settings.jsonSchema}
        onChange={(jsonSchema) => onChange({ jsonSchema })}
        error={errorFor("response_format")}
      />
      {/* An agent brings its own tools, set on the Agents page. */}
      {!agent && (
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
              onChange={(tools) => onChange({ tools })}
              toolChoice={settings.toolChoice}
              onToolChoice={(toolChoice) => onChange({ toolChoice })}
            />
          </div>
        </details>
      )}
    </aside>
  );
}
