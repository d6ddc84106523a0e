"use client";

import { Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/api/errors";
import { formatNumber } from "@/lib/format";
import { isFineTuned, useModels, type ConsoleModel } from "@/lib/api/hooks/use-models";
import { deprecationOf, modelsFor, type Task } from "@/lib/mistral/capabilities";
import { formatDay } from "@/lib/models/format";

function contextLabel(m: ConsoleModel) {
  const n = m.max_context_length;
  if (!n) return "";
  return n >= 1024 ? ` · ${formatNumber(Math.round(n / 1024))}k context` : ` · ${n} context`;
}

/** A model deprecated later still shows, with the date it stops being served. */
function deprecationLabel(m: ConsoleModel) {
  const d = deprecationOf(m);
  return d ? ` · retires ${formatDay(d.at)}` : "";
}

/**
 * The models that can do the task (from their capabilities), archived and retired ones hidden;
 * the picker groups fine-tuned models apart.
 */
export function usableModels(models: ConsoleModel[] | undefined, task: Task) {
  return modelsFor(models, task);
}

export function ModelSelect({
  label = "Model",
  value,
  onChange,
  task,
  description,
  error,
}: {
  label?: string;
  value: string;
  onChange: (id: string) => void;
  task: Task;
  description?: string;
  error?: string;
}) {
  const models = useModels();
  const usable = usableModels(models.data, task);
  const base = usable.filter((m) => !isFineTuned(m));
  const tuned = usable.filter((m) => isFineTuned(m));
  const known = usable.some((m) => m.id === value);
  const selected = usable.find((m) => m.id === value);
  const loadError = models.error ? describeError(models.error) : null;
  return (
    <Field
      label={label}
      description={
        loadError
          ? undefined
          : (description ??
            (selected
              ? `${formatNumber(selected.max_context_length)} tokens of context${selected.description ? `. ${selected.description}` : ""}`
              : undefined))
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
            disabled={models.isPending && !value}
          >
            {models.isPending && <option value={value}>{value || "Loading models…"}</option>}
            {!models.isPending && !value && <option value="">Choose a model</option>}
            {!models.isPending && value && !known && (
              <option value={value}>{value} (not available)</option>
            )}
            {base.length > 0 && (
              <optgroup label="Base models">
                {base.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id}
                    {contextLabel(m)}
                    {deprecationLabel(m)}
                  </option>
                ))}
              </optgroup>
            )}
            {tuned.length > 0 && (
              <optgroup label="Fine-tuned models">
                {tuned.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name && m.name !== m.id ? `${m.name} (${m.id})` : m.id}
                    {contextLabel(m)}
                    {deprecationLabel(m)}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {models.error && (
            <Button size="sm" className="h-9" onClick={() => models.refetch()}>
              Retry
            </Button>
          )}
        </div>
      )}
    </Field>
  );
}
