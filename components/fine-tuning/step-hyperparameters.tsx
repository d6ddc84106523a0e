"use client";

import { useController, useWatch } from "react-hook-form";
import { DEFAULTS, LIMITS, parseNumber, usesFim, type JobForm } from "@/lib/fine-tuning/form";
import { formatNumber } from "@/lib/format";
import { EpochsWarning } from "./epochs-warning";
import { TextField } from "./wizard-fields";

/**
 * `stepsEpochs`: how many epochs the typed training steps make, from a dry run of the current
 * settings (undefined while there is none).
 */
export function StepHyperparameters({ stepsEpochs }: { stepsEpochs?: number | null }) {
  const { field: length } = useController<JobForm, "length">({ name: "length" });
  const [model, jobType, typed] = useWatch<JobForm, ["model", "job_type", "hyperparameters"]>({
    name: ["model", "job_type", "hyperparameters"],
  });
  const epochs = length.value === "epochs" ? parseNumber(typed.epochs) : stepsEpochs;
  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-medium">How long to train</legend>
        <div className="flex gap-4 text-sm">
          {(
            [
              ["steps", "Training steps"],
              ["epochs", "Epochs"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name={length.name}
                value={value}
                checked={length.value === value}
                onChange={() => length.onChange(value)}
                onBlur={length.onBlur}
                className="accent-[var(--accent)]"
              />
              {label}
            </label>
          ))}
        </div>
        {length.value === "steps" ? (
          <TextField
            name="hyperparameters.training_steps"
            label="Training steps"
            inputMode="numeric"
            placeholder="Service default"
            className="max-w-md"
            description="How many times the weights are updated, each on one batch of your data. A whole number, at least 1. Leave empty for the service's default; the review step shows how many epochs this makes."
          />
        ) : (
          <TextField
            name="hyperparameters.epochs"
            label="Epochs"
            inputMode="decimal"
            placeholder="Service default"
            className="max-w-md"
            description={`Complete passes over the training data (at least ${LIMITS.epochsMin}). More epochs fit the data more closely, and can over-fit it.`}
          />
        )}
        {length.value === "steps" && stepsEpochs != null && (
          <p className="text-xs text-muted">
            With this data, {typed.training_steps || "the default number of"} steps make{" "}
            {formatNumber(stepsEpochs, 2)} epochs.
          </p>
        )}
        <EpochsWarning epochs={epochs} />
      </fieldset>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          name="hyperparameters.learning_rate"
          label="Learning rate"
          inputMode="decimal"
          description={`How far the weights move at each step. Between 1e-8 and 1; default ${DEFAULTS.learningRate}. Too high makes the loss jump around or diverge; too low learns slowly.`}
        />
        <TextField
          name="hyperparameters.weight_decay"
          label="Weight decay"
          inputMode="decimal"
          placeholder={`Default ${DEFAULTS.weightDecay}`}
          description={`Advanced. Keeps the weights small to reduce over-fitting. Between 0 and 1; default ${DEFAULTS.weightDecay}.`}
        />
        <TextField
          name="hyperparameters.warmup_fraction"
          label="Warm-up fraction"
          inputMode="decimal"
          placeholder={`Default ${DEFAULTS.warmupFraction}`}
          description={`Advanced. The share of the steps during which the learning rate ramps up from near zero, which steadies the start. Between 0 and 1; default ${DEFAULTS.warmupFraction}.`}
        />
        <TextField
          name="hyperparameters.seq_len"
          label="Sequence length"
          inputMode="numeric"
          placeholder="Service default"
          description={`Advanced. The tokens in each training sequence: longer examples are cut to it. A whole number, at least ${LIMITS.seqLenMin}; empty for the service's default.`}
        />
        {jobType === "completion" && usesFim(model) ? (
          <TextField
            name="hyperparameters.fim_ratio"
            label="FIM ratio"
            inputMode="decimal"
            placeholder={`Default ${DEFAULTS.fimRatio}`}
            description={`Codestral only. The share of examples trained as fill-in-the-middle (code before and after a gap) instead of plain completion. Between 0 and 1; default ${DEFAULTS.fimRatio}.`}
          />
        ) : (
          <p className="self-center text-xs text-muted">
            The FIM (fill-in-the-middle) ratio applies to Codestral only.
          </p>
        )}
      </div>
    </div>
  );
}
