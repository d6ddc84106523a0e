"use client";

import { Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { describeError } from "@/lib/api/errors";
import { formatNumber } from "@/lib/format";
import { isFineTuned, useModels, type ConsoleModel } from "@/lib/api/hooks/use-models";

export type ModelFilter = (m: ConsoleModel) => boolean;

export const chatModels: ModelFilter = (m) => m.capabilities?.completion_chat !== false;
export const fimModels: ModelFilter = (m) => m.capabilities?.completion_fim === true;
export const embeddingModels: ModelFilter = (m) =>
  m.id.includes("embed") || m.capabilities?.completion_chat === false;

function contextLabel(m: ConsoleModel) {
  const n = m.max_context_length;
  if (!n) return "";
  return n >= 1024 ? ` · ${formatNumber(Math.round(n / 1024))}k context` : ` · ${n} context`;
}

/** Models usable here, archived ones hidden; fine-tuned models grouped apart. */
export function usableModels(models: ConsoleModel[] | undefined, filter: ModelFilter) {
  return (models ?? []).filter((m) => !m.archived && filter(m));
}

export function ModelSelect({
  label = "Model",
  value,
  onChange,
  filter,
  description,
  error,
}: {
  label?: string;
  value: string;
  onChange: (id: string) => void;
  filter: ModelFilter;
  description?: string;
  error?: string;
}) {
  const models = useModels();
  const usable = usableModels(models.data, filter);
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
