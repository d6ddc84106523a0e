"use client";

import { useId } from "react";
import { useController, useFieldArray, useFormState, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import {
  emptyTarget,
  JOB_TYPES,
  LIMITS,
  LOSS_FUNCTIONS,
  parseLabels,
  type JobForm,
} from "@/lib/fine-tuning/form";
import { formatDay } from "@/lib/models/format";
import { type TunableModel, useTunableModels } from "./use-tunable-models";
import { TextField } from "./wizard-fields";

const choiceClass = (checked: boolean) =>
  `flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
    checked ? "border-accent bg-accent-soft" : "border-border hover:bg-surface-2"
  }`;

/** The first step: the base model (from /v1/models), the job type and a classifier's targets. */
export function StepModel() {
  const jobType = useWatch<JobForm, "job_type">({ name: "job_type" });
  return (
    <div className="flex flex-col gap-6">
      <BaseModelField />
      <JobTypeField />
      {jobType === "classifier" && <TargetsEditor />}
    </div>
  );
}

function BaseModelField() {
  const { field, fieldState } = useController<JobForm, "model">({ name: "model" });
  const { query, tunable } = useTunableModels();
  const error = fieldState.error?.message;
  return (
    <fieldset aria-describedby={error ? "model-error" : undefined}>
      <legend className="mb-1 text-sm font-medium">Which model do you want to fine-tune?</legend>
      <p className="mb-3 text-xs text-muted">
        The base models the API lists as fine-tunable today. Models past their deprecation date are
        not offered.
      </p>
      {query.isPending ? (
        <LoadingState label="Loading the fine-tunable models…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : tunable.length === 0 ? (
        <EmptyState title="No model can be fine-tuned here">
          The API lists no base model with the fine-tuning capability today.
        </EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
          {tunable.map((m, i) => (
            <ModelChoice
              key={m.id}
              model={m}
              checked={m.names.includes(field.value)}
              inputRef={i === 0 ? field.ref : undefined}
              name={field.name}
              onChoose={() => field.onChange(m.id)}
              onBlur={field.onBlur}
            />
          ))}
        </div>
      )}
      {error && (
        <p id="model-error" className="mt-2 text-xs text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function ModelChoice({
  model,
  checked,
  inputRef,
  name,
  onChoose,
  onBlur,
}: {
  model: TunableModel;
  checked: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
  name: string;
  onChoose: () => void;
  onBlur: () => void;
}) {
  const others = model.names.filter((n) => n !== model.id);
  const d = model.deprecation;
  return (
    <label className={choiceClass(checked)}>
      <input
        type="radio"
        name={name}
        ref={inputRef}
        value={model.id}
        checked={checked}
        data-field="model"
        onChange={onChoose}
        onBlur={onBlur}
        className="mt-1 accent-[var(--accent)]"
      />
      <span className="min-w-0">
        <span className="block font-mono font-medium break-all">{model.id}</span>
        {others.length > 0 && (
          <span className="block font-mono text-xs break-all text-muted">
            also {others.join(", ")}
          </span>
        )}
        {model.card.description && (
          <span className="mt-0.5 block text-muted">{model.card.description}</span>
        )}
        {d && (
          <span className="mt-1 block text-xs font-medium text-warning">
            Retires on {formatDay(d.at / 1000)}
            {d.replacement ? `: use ${d.replacement}` : ""}
          </span>
        )}
      </span>
    </label>
  );
}

function JobTypeField() {
  const { field } = useController<JobForm, "job_type">({ name: "job_type" });
  return (
    <fieldset>
      <legend className="mb-3 text-sm font-medium">What should the job train?</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {JOB_TYPES.map((t) => (
          <label key={t.id} className={choiceClass(field.value === t.id)}>
            <input
              type="radio"
              name={field.name}
              value={t.id}
              checked={field.value === t.id}
              data-field="job_type"
              onChange={() => field.onChange(t.id)}
              onBlur={field.onBlur}
              className="mt-1 accent-[var(--accent)]"
            />
            <span>
              <span className="block font-medium">{t.label}</span>
              <span className="mt-0.5 block text-muted">{t.blurb}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The classifier's targets: one head each, with its labels, weight and loss function. */
function TargetsEditor() {
  const { fields, append, remove } = useFieldArray<JobForm, "classifier_targets">({
    name: "classifier_targets",
  });
  // The list's own error (no target) sits at its path or, beside its items' errors, at `.root`.
  const { errors } = useFormState<JobForm>({ name: "classifier_targets" });
  const listError = errors.classifier_targets?.message ?? errors.classifier_targets?.root?.message;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium">Classifier targets</legend>
      <p className="text-xs text-muted">
        Each target is a question the classifier answers with one of its labels (or several, with
        the multi-class loss). Training samples are{" "}
        <code>{'{"text": …, "labels": {target: label}}'}</code>.
      </p>
      {listError && (
        <p role="alert" className="text-sm text-danger">
          {listError}
        </p>
      )}
      <ul className="flex flex-col gap-3">
        {fields.map((f, i) => (
          <TargetRow
            key={f.id}
            index={i}
            onRemove={fields.length > 1 ? () => remove(i) : undefined}
          />
        ))}
      </ul>
      {fields.length < LIMITS.targetsMax && (
        <div>
          <Button size="sm" onClick={() => append(emptyTarget())}>
            Add a target
          </Button>
        </div>
      )}
    </fieldset>
  );
}

function TargetRow({ index, onRemove }: { index: number; onRemove?: () => void }) {
  const labels = useWatch<JobForm, `classifier_targets.${number}.labels`>({
    name: `classifier_targets.${index}.labels`,
  });
  const loss = useController<JobForm, `classifier_targets.${number}.loss_function`>({
    name: `classifier_targets.${index}.loss_function`,
  });
  const chips = parseLabels(labels ?? "");
  // Named by position, so a row keeps its name while its target's name is typed.
  const title = `Target ${index + 1}`;
  const titleId = `${useId()}-title`;
  return (
    <li
      aria-labelledby={titleId}
      className="grid grid-cols-1 gap-3 rounded-lg border border-border p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]"
    >
      <p id={titleId} className="text-xs font-semibold text-muted sm:col-span-2">
        {title}
      </p>
      <TextField
        name={`classifier_targets.${index}.name`}
        label="Target name"
        placeholder="topic"
      />
      <div className="flex flex-col gap-1">
        <TextField
          name={`classifier_targets.${index}.labels`}
          label="Labels"
          description="Separated by commas."
          placeholder="sport, politics, culture"
        />
        {chips.length > 0 && (
          <ul aria-label={`Labels of ${title}`} className="flex flex-wrap gap-1">
            {chips.map((c, j) => (
              <li
                key={`${c}-${j}`}
                className="rounded-full border border-border bg-surface-2 px-2 py-0.5 text-xs"
              >
                {c}
              </li>
            ))}
          </ul>
        )}
      </div>
      <TextField
        name={`classifier_targets.${index}.weight`}
        label="Weight"
        description="Its share of the loss (1 by default)."
        inputMode="decimal"
      />
      <div className="flex flex-wrap items-end justify-between gap-2">
        <Field label="Loss function" className="min-w-56 flex-1">
          {(ids) => (
            <select
              {...ids}
              name={loss.field.name}
              data-field={loss.field.name}
              className={inputClass}
              value={loss.field.value}
              onChange={(e) => loss.field.onChange(e.target.value)}
              onBlur={loss.field.onBlur}
            >
              {LOSS_FUNCTIONS.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {onRemove && (
          <Button size="sm" variant="ghost" aria-label={`Remove ${title}`} onClick={onRemove}>
            Remove
          </Button>
        )}
      </div>
    </li>
  );
}
