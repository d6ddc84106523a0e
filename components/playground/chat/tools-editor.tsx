"use client";

import { Button } from "@/components/ui/button";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import { toolIssue } from "@/lib/playground/request";
import { newId, type ToolChoice, type ToolDefinition } from "@/lib/playground/types";

const EXAMPLE: Omit<ToolDefinition, "id"> = {
  name: "get_weather",
  description: "The current weather in a city.",
  parameters: JSON.stringify(
    {
      type: "object",
      properties: {
        city: { type: "string", description: "The city, e.g. Paris" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      },
      required: ["city"],
    },
    null,
    2,
  ),
};

const EMPTY_SCHEMA = JSON.stringify({ type: "object", properties: {}, required: [] }, null, 2);

const CHOICES: { value: ToolChoice; label: string }[] = [
  { value: "auto", label: "auto: the model decides" },
  { value: "any", label: "any: the model must call a function" },
  { value: "none", label: "none: the model answers in text" },
];

/** Functions the model may call, checked as they are typed. */
export function ToolsEditor({
  tools,
  onChange,
  toolChoice,
  onToolChoice,
}: {
  tools: ToolDefinition[];
  onChange: (t: ToolDefinition[]) => void;
  toolChoice: ToolChoice;
  onToolChoice: (c: ToolChoice) => void;
}) {
  const set = (id: string, patch: Partial<ToolDefinition>) =>
    onChange(tools.map((t) => (t.id === id ? { ...t, ...patch } : t)));
  const add = (t: Omit<ToolDefinition, "id">) => onChange([...tools, { ...t, id: newId("t") }]);
  return (
    <div className="flex flex-col gap-3">
      {tools.length === 0 && (
        <p className="text-xs text-muted">
          No functions. Add one to let the model ask for a call; you then give its result.
        </p>
      )}
      {tools.map((t, i) => {
        const issue = toolIssue(t);
        return (
          <fieldset key={t.id} className="flex flex-col gap-2 rounded-md border border-border p-3">
            <legend className="px-1 text-xs font-medium text-muted">Function {i + 1}</legend>
            <Field label="Name" error={issue?.field === "name" ? issue.message : undefined}>
              {(ids) => (
                <input
                  {...ids}
                  className={`${inputClass} font-mono`}
                  value={t.name}
                  spellCheck={false}
                  onChange={(e) => set(t.id, { name: e.target.value })}
                />
              )}
            </Field>
            <Field label="Description">
              {(ids) => (
                <input
                  {...ids}
                  className={inputClass}
                  value={t.description}
                  onChange={(e) => set(t.id, { description: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="Parameters (JSON schema)"
              error={issue?.field === "parameters" ? issue.message : undefined}
            >
              {(ids) => (
                <textarea
                  {...ids}
                  className={`${textareaClass} min-h-32 font-mono text-xs`}
                  value={t.parameters}
                  spellCheck={false}
                  onChange={(e) => set(t.id, { parameters: e.target.value })}
                />
              )}
            </Field>
            <Button
              size="sm"
              variant="ghost"
              className="self-start"
              aria-label={`Remove function ${t.name || i + 1}`}
              onClick={() => onChange(tools.filter((x) => x.id !== t.id))}
            >
              Remove
            </Button>
          </fieldset>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          onClick={() =>
            add({ name: `function_${tools.length + 1}`, description: "", parameters: EMPTY_SCHEMA })
          }
        >
          Add function
        </Button>
        {!tools.some((t) => t.name === EXAMPLE.name) && (
          <Button size="sm" variant="ghost" onClick={() => add(EXAMPLE)}>
            Add example (get_weather)
          </Button>
        )}
      </div>
      {tools.length > 0 && (
        <Field
          label="Tool choice"
          description="Whether the model may, must or must not call a function."
        >
          {(ids) => (
            <select
              {...ids}
              className={inputClass}
              value={toolChoice}
              onChange={(e) => onToolChoice(e.target.value as ToolChoice)}
            >
              {CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
