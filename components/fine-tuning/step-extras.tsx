"use client";

import { useFormState, useWatch, type FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { emptyRepository, LIMITS, type JobForm } from "@/lib/fine-tuning/form";
import { previewModelName } from "@/lib/fine-tuning/model-name";
import { listErrors, TextField, useJobForm } from "./wizard-fields";

export function StepExtras() {
  const { register, setValue, getValues, clearErrors, trigger } = useJobForm();
  const { errors } = useFormState<JobForm>();
  const [model, suffix, wandbEnabled, apiKey] = useWatch<
    JobForm,
    ["model", "suffix", "wandb_enabled", "integrations.0.api_key"]
  >({ name: ["model", "suffix", "wandb_enabled", "integrations.0.api_key"] });
  const repositories = useWatch<JobForm, "repositories">({ name: "repositories" });
  // Repositories are completion training data: classifier jobs train on their files only.
  const classifier = useWatch<JobForm, "job_type">({ name: "job_type" }) === "classifier";
  // A new repository's empty fields are not errors yet: they are checked as they are typed in.
  const addRepository = () =>
    setValue("repositories", [...getValues("repositories"), emptyRepository()]);
  // The repositories after the removed one move up, and so do the errors shown on them.
  const removeRepository = (i: number) => {
    const moved = listErrors(errors).flatMap((e) => {
      const m = /^repositories\.(\d+)\.(.+)$/.exec(e.path);
      const j = Number(m?.[1]);
      return !m || j === i ? [] : [`repositories.${j > i ? j - 1 : j}.${m[2]}`];
    });
    setValue(
      "repositories",
      getValues("repositories").filter((_, j) => j !== i),
    );
    clearErrors("repositories");
    if (moved.length) void trigger(moved as FieldPath<JobForm>[]);
  };
  // The wizard renders in the browser only (it reads the saved draft), so "today" is the user's.
  const today = new Date();
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="suffix-h" className="flex flex-col gap-2">
        <h3 id="suffix-h" className="text-sm font-semibold">
          Name
        </h3>
        <TextField
          name="suffix"
          label={`Suffix (optional, ${suffix.length}/${LIMITS.suffixMax})`}
          placeholder="e.g. support-bot"
          className="max-w-md"
          description="Added to the fine-tuned model's name so you can tell it apart: letters, digits, -, _ and . only."
        />
        <p className="text-sm">
          Model name:{" "}
          <output aria-label="Model name preview" className="font-mono break-all">
            {previewModelName(model, suffix, today)}
          </output>
        </p>
        <p className="text-xs text-muted">
          The date is when training ends and the last part is assigned then.
        </p>
      </section>

      <section aria-labelledby="wandb-h" className="flex flex-col gap-3">
        <h3 id="wandb-h" className="text-sm font-semibold">
          Weights &amp; Biases
        </h3>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            {...register("wandb_enabled")}
            className="h-4 w-4 accent-[var(--accent)]"
          />
          Log the training metrics to Weights &amp; Biases
        </label>
        {wandbEnabled && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              name="integrations.0.project"
              label="W&B project"
              description="The project the run is created under."
            />
            <TextField
              name="integrations.0.name"
              label="Display name (optional)"
              description="Defaults to the job id."
            />
            <TextField name="integrations.0.run_name" label="Run name (optional)" />
            <TextField
              name="integrations.0.api_key"
              label={`W&B API key (${apiKey.length}/${LIMITS.wandbKeyLength})`}
              type="password"
              autoComplete="new-password"
              description="40 characters, from wandb.ai/authorize. Sent with the job only; never saved in this browser's draft."
            />
          </div>
        )}
      </section>

      {!classifier && (
        <section aria-labelledby="repos-h" className="flex flex-col gap-3">
          <h3 id="repos-h" className="text-sm font-semibold">
            GitHub repositories ({repositories.length}/{LIMITS.repositoriesMax})
          </h3>
          <p className="text-xs text-muted">
            Code repositories to train on as well. Tokens are sent with the job only and never saved
            in this browser&apos;s draft.
          </p>
          {repositories.map((_, i) => (
            <fieldset key={i} className="rounded-lg border border-border p-3">
              <legend className="px-1 text-xs font-medium">Repository {i + 1}</legend>
              <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
                <TextField name={`repositories.${i}.owner`} label="Owner" />
                <TextField name={`repositories.${i}.name`} label="Name" />
                <TextField
                  name={`repositories.${i}.ref`}
                  label="Ref (optional)"
                  placeholder="default branch"
                />
                <TextField name={`repositories.${i}.weight`} label="Weight" inputMode="decimal" />
                <TextField
                  name={`repositories.${i}.token`}
                  label="Token"
                  type="password"
                  autoComplete="new-password"
                  className="sm:col-span-2"
                />
              </div>
              <Button
                size="sm"
                variant="ghost"
                className="mt-2"
                onClick={() => removeRepository(i)}
              >
                Remove repository {i + 1}
              </Button>
            </fieldset>
          ))}
          <div>
            <Button
              size="sm"
              disabled={repositories.length >= LIMITS.repositoriesMax}
              onClick={addRepository}
            >
              Add a repository
            </Button>
          </div>
        </section>
      )}

      <section aria-labelledby="start-h" className="flex flex-col gap-2">
        <h3 id="start-h" className="text-sm font-semibold">
          Start
        </h3>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            {...register("auto_start")}
            className="mt-0.5 h-4 w-4 accent-[var(--accent)]"
          />
          <span>
            Start training automatically once the data is validated
            <span className="block text-xs text-muted">
              On by default. Untick it to have the job wait at VALIDATED so you can check its cost
              and tokens, then start it yourself from its page.
            </span>
          </span>
        </label>
      </section>
    </div>
  );
}
