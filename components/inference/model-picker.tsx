"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { describeError } from "@/lib/api/errors";
import { isFineTuned } from "@/lib/api/hooks/use-models";
import { useModelsFor } from "@/lib/api/hooks/use-models-for";
import { deprecationOf, TASK_LABELS, type Task } from "@/lib/mistral/capabilities";
import { formatDay } from "@/lib/models/format";

/**
 * A labelled choice among the models that can do `task` (lib/mistral/capabilities): retired
 * models are not offered, models retiring later say when and what replaces them. The `-latest`
 * model is chosen once the list arrives when nothing is.
 */
export function ModelPicker({
  task,
  value,
  onChange,
  label = "Model",
  error,
  name,
}: {
  task: Task;
  value: string;
  onChange: (id: string) => void;
  label?: string;
  error?: string;
  name?: string;
}) {
  const { query, models, preferred } = useModelsFor(task);
  useEffect(() => {
    if (!value && preferred) onChange(preferred.id);
  }, [value, preferred, onChange]);

  const base = models.filter((m) => !isFineTuned(m));
  const tuned = models.filter((m) => isFineTuned(m));
  const selected = models.find((m) => m.id === value);
  const deprecation = selected ? deprecationOf(selected) : null;
  const loadError = query.error ? describeError(query.error) : null;
  const none = query.isSuccess && models.length === 0;
  const option = (m: (typeof models)[number]) => {
    const d = deprecationOf(m);
    const name = m.name && m.name !== m.id ? `${m.name} (${m.id})` : m.id;
    return (
      <option key={m.id} value={m.id}>
        {d ? `${name} · retires ${formatDay(d.at / 1000)}` : name}
      </option>
    );
  };
  return (
    <Field
      label={label}
      error={
        loadError
          ? `${loadError.title}: ${loadError.hint}`
          : none
            ? `No model available for ${TASK_LABELS[task].toLowerCase()} on this console.`
            : error
      }
      description={
        deprecation
          ? `Retires on ${formatDay(deprecation.at / 1000)}${deprecation.replacement ? `: use ${deprecation.replacement}` : ""}.`
          : (selected?.description ?? undefined)
      }
    >
      {(ids) => (
        <div className="flex gap-2">
          <select
            {...ids}
            name={name}
            className={inputClass}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            disabled={query.isPending}
          >
            {query.isPending && <option value={value}>{value || "Loading models…"}</option>}
            {!query.isPending && !value && <option value="">Choose a model</option>}
            {!query.isPending && value && !selected && (
              <option value={value}>{value} (not available)</option>
            )}
            {base.length > 0 && <optgroup label="Base models">{base.map(option)}</optgroup>}
            {tuned.length > 0 && <optgroup label="Fine-tuned models">{tuned.map(option)}</optgroup>}
          </select>
          {query.error && (
            <Button size="sm" className="h-9" onClick={() => query.refetch()}>
              Retry
            </Button>
          )}
        </div>
      )}
    </Field>
  );
}
