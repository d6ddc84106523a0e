"use client";

import { FINE_TUNEABLE_MODELS } from "@/lib/fine-tuning/form";
import { useWizard } from "./wizard-fields";

export function StepModel() {
  const { draft, update, errorOf } = useWizard();
  const error = errorOf("model");
  return (
    <fieldset aria-describedby={error ? "model-error" : undefined}>
      <legend className="mb-3 text-sm font-medium">Which model do you want to fine-tune?</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        {FINE_TUNEABLE_MODELS.map((m) => {
          const checked = draft.model === m.id;
          return (
            <label
              key={m.id}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent ${
                checked ? "border-accent bg-accent-soft" : "border-border hover:bg-surface-2"
              }`}
            >
              <input
                type="radio"
                name="model"
                value={m.id}
                checked={checked}
                data-field="model"
                onChange={() => update((d) => ({ ...d, model: m.id }), "model")}
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
