"use client";

import { useController } from "react-hook-form";
import { FINE_TUNEABLE_MODELS, type JobForm } from "@/lib/fine-tuning/form";

export function StepModel() {
  const { field, fieldState } = useController<JobForm, "model">({ name: "model" });
  const error = fieldState.error?.message;
  return (
    <fieldset aria-describedby={error ? "model-error" : undefined}>
      <legend className="mb-3 text-sm font-medium">Which model do you want to fine-tune?</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {FINE_TUNEABLE_MODELS.map((m, i) => {
          const checked = field.value === m.id;
          return (
            <label
              key={m.id}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
                checked ? "border-accent bg-accent-soft" : "border-border hover:bg-surface-2"
              }`}
            >
              <input
                type="radio"
                name={field.name}
                ref={i === 0 ? field.ref : undefined}
                value={m.id}
                checked={checked}
                data-field="model"
                onChange={() => field.onChange(m.id)}
                onBlur={field.onBlur}
                className="mt-1 accent-[var(--accent)]"
              />
              <span>
                <span className="block font-mono font-medium">{m.id}</span>
                <span className="mt-0.5 block text-muted">{m.blurb}</span>
              </span>
            </label>
          );
        })}
      </div>
      {error && (
        <p id="model-error" className="mt-2 text-xs text-danger">
          {error}
        </p>
      )}
    </fieldset>
  );
}
