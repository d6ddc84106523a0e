"use client";

import { Button } from "@/components/ui/button";
import { emptyRepository, LIMITS, type RepositoryDraft } from "@/lib/fine-tuning/form";
import { previewModelName } from "@/lib/fine-tuning/model-name";
import { TextField, useWizard } from "./wizard-fields";

export function StepExtras() {
  const { draft, update } = useWizard();
  // The wizard renders in the browser only (it reads the saved draft), so "today" is the user's.
  const today = new Date();
  const setWandb = (field: keyof typeof draft.wandb, key: string) => (value: string) =>
    update((d) => ({ ...d, wandb: { ...d.wandb, [field]: value } }), key);
  const setRepo = (i: number, field: keyof RepositoryDraft) => (value: string) =>
    update(
      (d) => ({
        ...d,
        repositories: d.repositories.map((r, j) => (j === i ? { ...r, [field]: value } : r)),
      }),
      `repositories.${i}.${field}`,
    );
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="suffix-h" className="flex flex-col gap-2">
        <h3 id="suffix-h" className="text-sm font-semibold">
          Name
        </h3>
        <TextField
          fieldKey="suffix"
          label={`Suffix (optional, ${draft.suffix.length}/${LIMITS.suffixMax})`}
          value={draft.suffix}
          onChange={(v) => update((d) => ({ ...d, suffix: v }), "suffix")}
          placeholder="e.g. support-bot"
          className="max-w-md"
          description="Added to the fine-tuned model's name so you can tell it apart: letters, digits, -, _ and . only."
        />
        <p className="text-sm">
          Model name:{" "}
          <output aria-label="Model name preview" className="font-mono break-all">
            {previewModelName(draft.model, draft.suffix, today)}
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
            checked={draft.wandbEnabled}
            onChange={(e) => update((d) => ({ ...d, wandbEnabled: e.target.checked }))}
            className="h-4 w-4 accent-[var(--accent)]"
          />
          Log the training metrics to Weights &amp; Biases
        </label>
        {draft.wandbEnabled && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              fieldKey="integrations.0.project"
              label="W&B project"
              value={draft.wandb.project}
              onChange={setWandb("project", "integrations.0.project")}
              description="The project the run is created under."
            />
            <TextField
              fieldKey="integrations.0.name"
              label="Display name (optional)"
              value={draft.wandb.name}
              onChange={setWandb("name", "integrations.0.name")}
              description="Defaults to the job id."
            />
            <TextField
              fieldKey="integrations.0.run_name"
              label="Run name (optional)"
              value={draft.wandb.runName}
              onChange={setWandb("runName", "integrations.0.run_name")}
            />
            <TextField
              fieldKey="integrations.0.api_key"
              label={`W&B API key (${draft.wandb.apiKey.length}/${LIMITS.wandbKeyLength})`}
              type="password"
              autoComplete="new-password"
              value={draft.wandb.apiKey}
              onChange={setWandb("apiKey", "integrations.0.api_key")}
              description="40 characters, from wandb.ai/authorize. Sent with the job only; never saved in this browser's draft."
            />
          </div>
        )}
      </section>

      <section aria-labelledby="repos-h" className="flex flex-col gap-3">
        <h3 id="repos-h" className="text-sm font-semibold">
          GitHub repositories ({draft.repositories.length}/{LIMITS.repositoriesMax})
        </h3>
        <p className="text-xs text-muted">
          Code repositories to train on as well. Tokens are sent with the job only and never saved
          in this browser&apos;s draft.
        </p>
        {draft.repositories.map((r, i) => (
          <fieldset key={i} className="rounded-lg border border-border p-3">
            <legend className="px-1 text-xs font-medium">Repository {i + 1}</legend>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
              <TextField
                fieldKey={`repositories.${i}.owner`}
                label="Owner"
                value={r.owner}
                onChange={setRepo(i, "owner")}
              />
              <TextField
                fieldKey={`repositories.${i}.name`}
                label="Name"
                value={r.name}
                onChange={setRepo(i, "name")}
              />
              <TextField
                fieldKey={`repositories.${i}.ref`}
                label="Ref (optional)"
                placeholder="default branch"
                value={r.ref}
                onChange={setRepo(i, "ref")}
              />
              <TextField
                fieldKey={`repositories.${i}.weight`}
                label="Weight"
                inputMode="decimal"
                value={r.weight}
                onChange={setRepo(i, "weight")}
              />
              <TextField
                fieldKey={`repositories.${i}.token`}
                label="Token"
                type="password"
                autoComplete="new-password"
                value={r.token}
                onChange={setRepo(i, "token")}
                className="sm:col-span-2"
              />
            </div>
            <Button
              size="sm"
              variant="ghost"
              className="mt-2"
              onClick={() =>
                update((d) => ({ ...d, repositories: d.repositories.filter((_, j) => j !== i) }))
              }
            >
              Remove repository {i + 1}
            </Button>
          </fieldset>
        ))}
        <div>
          <Button
            size="sm"
            disabled={draft.repositories.length >= LIMITS.repositoriesMax}
            onClick={() =>
              update((d) => ({ ...d, repositories: [...d.repositories, emptyRepository()] }))
            }
          >
            Add a repository
          </Button>
        </div>
      </section>

      <section aria-labelledby="start-h" className="flex flex-col gap-2">
        <h3 id="start-h" className="text-sm font-semibold">
          Start
        </h3>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.autoStart}
            onChange={(e) => update((d) => ({ ...d, autoStart: e.target.checked }))}
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
