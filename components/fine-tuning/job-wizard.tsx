"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch, type FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/api/errors";
import { useCreateJob, useDryRunQuery, useJob } from "@/lib/api/hooks/use-jobs";
import type { JobIn } from "@/lib/mistral/types";
import { clearDraft, loadDraft, saveDraft } from "@/lib/fine-tuning/draft-storage";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import {
  checkJobForm,
  emptyJobForm,
  jobFormFromJob,
  jobFormSchemaFor,
  locToKey,
  STEP_FIELDS,
  stepOf,
  STEPS,
  type Errors,
  type JobForm,
} from "@/lib/fine-tuning/form";
import { StepData } from "./step-data";
import { StepExtras } from "./step-extras";
import { StepHyperparameters } from "./step-hyperparameters";
import { StepModel } from "./step-model";
import { StepReview } from "./step-review";
import { useTunableModels } from "./use-tunable-models";
import { listErrors } from "./wizard-fields";
import { routes } from "@/lib/routes";

const LAST = STEPS.length - 1;
const HYPERPARAMETERS = STEPS.indexOf("Hyperparameters");

/** `value` once it has stayed the same for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A 422's field errors by field key, or null when the error is not one. */
function fieldErrors(error: unknown): Errors | null {
  if (!(error instanceof ApiError) || error.fields.length === 0) return null;
  const out: Errors = {};
  for (const f of error.fields) {
    const key = locToKey(f.loc) || "request";
    out[key] ??= f.msg;
  }
  return out;
}

interface Initial {
  form: JobForm;
  step: number;
  notice: string | null;
}

/** The wizard's starting point: a job to clone (once loaded), else the saved draft and ?file=. */
export function JobWizardLoader() {
  const params = useSearchParams();
  const router = useRouter();
  // Read once: the URL's parameters are dropped below, so a reload keeps the user's edits.
  const [cloneId] = useState(() => params.get("clone"));
  const clone = useJob(cloneId ?? "", { poll: false, enabled: !!cloneId });
  // A clone keeps its base model only if it is still offered, so the list is waited for.
  const { query: models, offered } = useTunableModels();
  const [initial, setInitial] = useState<Initial | null>(() => {
    if (cloneId) return null;
    const stored = loadDraft(window.localStorage);
    let form = stored?.form ?? emptyJobForm();
    const step = stored?.step ?? 0;
    const file = params.get("file");
    if (file) {
      if (!form.training_files.some((f) => f.file_id === file)) {
        form = {
          ...form,
          training_files: [...form.training_files, { file_id: file, weight: "1" }],
        };
      }
      return {
        form,
        step: form.model ? 1 : 0,
        notice: "The file you chose is selected for training.",
      };
    }
    return {
      form,
      step: Math.min(Math.max(step, 0), LAST),
      notice: stored?.savedAt ? "Your saved draft was restored." : null,
    };
  });
  const hasParams = params.has("clone") || params.has("file");
  const ready = !!initial || !!clone.data;
  useEffect(() => {
    if (hasParams && ready) router.replace(routes.newJob());
  }, [hasParams, ready, router]);

  if (initial) return <JobWizard initial={initial} />;
  if (clone.isError) {
    return (
      <div className="flex flex-col gap-3">
        <ErrorState error={clone.error} onRetry={() => clone.refetch()} />
        <div>
          <Button onClick={() => setInitial({ form: emptyJobForm(), step: 0, notice: null })}>
            Start from a blank form
          </Button>
        </div>
      </div>
    );
  }
  if (!clone.data || models.isPending) return <LoadingState label="Loading the job to clone…" />;
  const job = clone.data;
  const form = jobFormFromJob(job, offered);
  const baseGone = !form.model
    ? ` Its base model ${job.model} is no longer offered for fine-tuning: choose the base model again.`
    : "";
  return (
    <JobWizard
      initial={{
        form,
        step: 0,
        notice: `Filled from job ${jobDisplayName(job)}.${baseGone} API keys and tokens are never returned by the API: enter them again if the job used any.`,
      }}
    />
  );
}

/** Puts the cursor on the field with this key, on the step now shown. */
function focusField(key: string) {
  const fields = document.querySelectorAll<HTMLElement>("[data-field]");
  [...fields].find((el) => el.dataset.field === key)?.focus();
}

export function JobWizard({ initial }: { initial: Initial }) {
  const router = useRouter();
  const toast = useToast();
  // Fields are checked as they change; a step's untouched fields when the user leaves it (Next)
  // or reaches Review. The schema's output is the JobIn to send.
  // The base models offered come from /v1/models: the rules check against the list once known.
  const { offered } = useTunableModels();
  const form = useForm<JobForm, readonly string[] | undefined, JobIn>({
    context: offered,
    resolver: (values, offeredNow, options) =>
      zodResolver(jobFormSchemaFor(offeredNow))(values, offeredNow, options),
    defaultValues: initial.form,
    mode: "onChange",
  });
  const { clearErrors, control, formState, setError, subscribe, trigger } = form;
  const [step, setStep] = useState(initial.step);
  const [notice, setNotice] = useState<string | null>(initial.notice);
  const [confirmReset, setConfirmReset] = useState(false);
  const created = useRef(false);
  const focusKey = useRef<string | null>(null);

  // The values as text: a stable dependency that changes with any edit.
  const valuesText = JSON.stringify(useWatch({ control }));
  const checked = useMemo(
    () => checkJobForm(JSON.parse(valuesText) as JobForm, offered),
    [valuesText, offered],
  );
  const jobIn = checked.job ?? null;

  useEffect(() => {
    if (!created.current) {
      saveDraft(window.localStorage, { form: JSON.parse(valuesText) as JobForm, step });
    }
  }, [valuesText, step]);

  // A draft's base model that is no longer offered is flagged as soon as the list says so.
  const offeredKey = offered?.join(",");
  useEffect(() => {
    if (offeredKey !== undefined && form.getValues("model")) void trigger("model");
  }, [offeredKey, form, trigger]);

  // Runs on the review step; a 422 from it goes onto the fields it names.
  const dryRun = useDryRunQuery(jobIn, { enabled: step === LAST });
  // On the hyperparameters step, the steps typed are sized too (once typing pauses), so a number
  // of steps that makes far too many epochs is flagged where it is chosen.
  const settledJobIn = useSettled(jobIn, 700);
  const sizing = useDryRunQuery(settledJobIn, {
    enabled:
      step === HYPERPARAMETERS && form.getValues("length") === "steps" && settledJobIn === jobIn,
    scope: "sizing",
  });
  const create = useCreateJob();

  // Server errors describe the request that was sent; any edit makes a new one, so they go.
  const serverKeys = useRef<string[]>([]);
  const showServerErrors = useCallback(
    (error: unknown): boolean => {
      const fields = fieldErrors(error);
      if (!fields) return false;
      for (const [key, message] of Object.entries(fields)) {
        setError(key as FieldPath<JobForm>, { type: "server", message });
      }
      serverKeys.current = Object.keys(fields);
      return true;
    },
    [setError],
  );
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (!name || serverKeys.current.length === 0) return;
          clearErrors(serverKeys.current as FieldPath<JobForm>[]);
          serverKeys.current = [];
        },
      }),
    [subscribe, clearErrors],
  );

  // An error shown on a field that no rule reports any more (W&B switched off, another base
  // model, the duplicate removed) goes; new ones appear only as fields are checked.
  const shown = listErrors(formState.errors);
  useEffect(() => {
    const current = checked.errors ?? {};
    const stale = shown.filter((e) => e.type !== "server" && !(e.key in current));
    if (stale.length) clearErrors(stale.map((e) => e.path as FieldPath<JobForm>));
  }, [checked, shown, clearErrors]);

  // Review checks every field (arriving there, or opening a draft saved there); the dry run's
  // 422 goes onto its fields once that is done, as checking replaces the form's errors.
  const [reviewChecked, setReviewChecked] = useState(false);
  useEffect(() => {
    if (step !== LAST) return;
    let current = true;
    void trigger().then(() => current && setReviewChecked(true));
    return () => {
      current = false;
    };
  }, [step, trigger]);
  // Before paint: the review never flashes the 422 as a failed dry run before listing it.
  useLayoutEffect(() => {
    if (reviewChecked) showServerErrors(dryRun.error);
  }, [reviewChecked, dryRun.error, showServerErrors]);

  // Leaving a step checks its fields; moving to a step for a given field puts the cursor on it.
  const goTo = useCallback(
    (next: number, key?: string) => {
      if (step < LAST) void trigger(STEP_FIELDS[step]);
      setReviewChecked(false);
      setStep(next);
      focusKey.current = key ?? null;
    },
    [step, trigger],
  );

  useEffect(() => {
    const key = focusKey.current;
    if (!key) return;
    focusKey.current = null;
    focusField(key);
  }, [step]);

  const next = async () => {
    if (!(await trigger(STEP_FIELDS[step]))) {
      const first = listErrors(form.formState.errors).find((e) => stepOf(e.key) === step);
      if (first) focusField(first.key);
      return;
    }
    goTo(step + 1);
  };

  // The schema's output is the JobIn: the typed numbers become numbers here.
  const createJob = (job: JobIn) =>
    create.mutate(job, {
      onSuccess: (made) => {
        created.current = true;
        clearDraft(window.localStorage);
        toast({ tone: "success", title: "Job created", body: jobDisplayName(made) });
        router.push(routes.job(made.id));
      },
      onError: (error) => void showServerErrors(error),
    });

  const problems: Errors = {};
  for (const e of shown) problems[e.key] ??= e.message;
  const stepHasError = (i: number) => shown.some((e) => stepOf(e.key) === i);

  return (
    <FormProvider {...form}>
      <div className="flex flex-col gap-5">
        {notice && (
          <div
            role="status"
            className="flex items-start justify-between gap-2 rounded-md border border-info/40 bg-info-soft px-3 py-2 text-sm"
          >
            <span>{notice}</span>
            <button
              aria-label="Dismiss"
              className="text-muted hover:text-text"
              onClick={() => setNotice(null)}
            >
              ✕
            </button>
          </div>
        )}
        <nav aria-label="Wizard steps">
          <ol className="flex flex-wrap gap-1">
            {STEPS.map((label, i) => (
              <li key={label}>
                <button
                  type="button"
                  aria-current={i === step ? "step" : undefined}
                  onClick={() => goTo(i)}
                  className={`flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium ${
                    i === step
                      ? "bg-accent-soft text-accent"
                      : "text-muted hover:bg-surface-2 hover:text-text"
                  }`}
                >
                  <span
                    aria-hidden
                    className={`grid h-5 w-5 place-items-center rounded-full text-xs ${
                      stepHasError(i)
                        ? "bg-danger text-white"
                        : i === step
                          ? "bg-accent text-accent-fg"
                          : "bg-surface-2"
                    }`}
                  >
                    {stepHasError(i) ? "!" : i + 1}
                  </span>
                  {label}
                  {stepHasError(i) && <span className="sr-only"> (has errors)</span>}
                </button>
              </li>
            ))}
          </ol>
        </nav>

        <section
          aria-labelledby="step-title"
          className="rounded-xl border border-border bg-surface p-5"
        >
          <h2 id="step-title" className="mb-4 text-base font-semibold">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}
          </h2>
          {step === 0 && <StepModel />}
          {step === 1 && <StepData />}
          {step === HYPERPARAMETERS && (
            <StepHyperparameters
              stepsEpochs={settledJobIn === jobIn ? sizing.data?.epochs : undefined}
            />
          )}
          {step === 3 && <StepExtras />}
          {step === LAST && <StepReview problems={problems} dryRun={dryRun} goTo={goTo} />}
          {step === LAST && create.isError && !fieldErrors(create.error) && (
            <div className="mt-4">
              <ErrorState error={create.error} />
            </div>
          )}
        </section>

        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex items-center gap-2">
            <Button variant="ghost" onClick={() => setConfirmReset(true)}>
              Start over
            </Button>
            <span className="text-xs text-muted">Draft saved in this browser</span>
          </div>
          <div className="flex gap-2">
            {step > 0 && <Button onClick={() => goTo(step - 1)}>Back</Button>}
            {step < LAST ? (
              <Button variant="primary" onClick={() => void next()}>
                Next: {STEPS[step + 1]}
              </Button>
            ) : (
              <Button
                variant="primary"
                disabled={!jobIn || !dryRun.isSuccess || create.isPending || shown.length > 0}
                onClick={() => void form.handleSubmit(createJob)()}
              >
                {create.isPending ? "Creating…" : "Create job"}
              </Button>
            )}
          </div>
        </div>
      </div>
      <ConfirmDialog
        open={confirmReset}
        onClose={() => setConfirmReset(false)}
        onConfirm={() => {
          clearDraft(window.localStorage);
          form.reset(emptyJobForm());
          serverKeys.current = [];
          setReviewChecked(false);
          setStep(0);
          setNotice(null);
          setConfirmReset(false);
        }}
        title="Start over?"
        confirmLabel="Clear the form"
      >
        Every field of this draft goes back to its default.
      </ConfirmDialog>
    </FormProvider>
  );
}
