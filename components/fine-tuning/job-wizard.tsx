"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/lib/api/errors";
import { useCreateJob, useDryRunQuery, useJob } from "@/lib/api/hooks/use-jobs";
import { clearDraft, loadDraft, saveDraft } from "@/lib/fine-tuning/draft-storage";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import {
  draftFromJob,
  emptyDraft,
  locToKey,
  stepOf,
  STEPS,
  toJobIn,
  validateDraft,
  type Errors,
  type WizardDraft,
} from "@/lib/fine-tuning/form";
import { StepData } from "./step-data";
import { StepExtras } from "./step-extras";
import { StepHyperparameters } from "./step-hyperparameters";
import { StepModel } from "./step-model";
import { StepReview } from "./step-review";
import { WizardContext, type WizardApi } from "./wizard-fields";
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
  draft: WizardDraft;
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
  const [initial, setInitial] = useState<Initial | null>(() => {
    if (cloneId) return null;
    const stored = loadDraft(window.localStorage);
    let draft = stored?.draft ?? emptyDraft();
    const step = stored?.step ?? 0;
    const file = params.get("file");
    if (file) {
      if (!draft.trainingFiles.some((f) => f.fileId === file)) {
        draft = {
          ...draft,
          trainingFiles: [...draft.trainingFiles, { fileId: file, weight: "1" }],
        };
      }
      return {
        draft,
        step: draft.model ? 1 : 0,
        notice: "The file you chose is selected for training.",
      };
    }
    return {
      draft,
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
          <Button onClick={() => setInitial({ draft: emptyDraft(), step: 0, notice: null })}>
            Start from a blank form
          </Button>
        </div>
      </div>
    );
  }
  if (!clone.data) return <LoadingState label="Loading the job to clone…" />;
  const job = clone.data;
  return (
    <JobWizard
      initial={{
        draft: draftFromJob(job),
        step: 0,
        notice: `Filled from job ${jobDisplayName(job)}. API keys and tokens are never returned by the API: enter them again if the job used any.`,
      }}
    />
  );
}

function JobWizard({ initial }: { initial: Initial }) {
  const router = useRouter();
  const toast = useToast();
  const [state, setState] = useState({ draft: initial.draft, step: initial.step });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  const [createErrors, setCreateErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<string | null>(initial.notice);
  const [confirmReset, setConfirmReset] = useState(false);
  const created = useRef(false);
  const focusKey = useRef<string | null>(null);

  useEffect(() => {
    if (!created.current) saveDraft(window.localStorage, state.draft, state.step);
  }, [state]);

  const { draft, step } = state;
  const clientErrors = useMemo(() => validateDraft(draft), [draft]);
  const valid = Object.keys(clientErrors).length === 0;
  const jobIn = useMemo(() => (valid ? toJobIn(draft) : null), [draft, valid]);
  // Runs on the review step; its result stays attached to these exact settings, so its field
  // errors keep showing on the other steps until the user edits something.
  const dryRun = useDryRunQuery(jobIn, { enabled: step === LAST });
  // On the hyperparameters step, the steps typed are sized too (once typing pauses), so a number
  // of steps that makes far too many epochs is flagged where it is chosen.
  const settledJobIn = useSettled(jobIn, 700);
  const sizing = useDryRunQuery(settledJobIn, {
    enabled: step === HYPERPARAMETERS && draft.length === "steps" && settledJobIn === jobIn,
    scope: "sizing",
  });
  const create = useCreateJob();
  const serverErrors = useMemo(
    () => ({ ...fieldErrors(dryRun.error), ...createErrors }),
    [dryRun.error, createErrors],
  );

  const update = useCallback<WizardApi["update"]>((change, key) => {
    setState((s) => ({ ...s, draft: change(s.draft) }));
    // Server errors describe the request that was sent; any edit makes a new one.
    setCreateErrors((e) => (Object.keys(e).length ? {} : e));
    if (key) setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }, []);

  const errorOf = useCallback(
    (key: string) =>
      serverErrors[key] ??
      (touched.has(key) || revealed.has(stepOf(key)) ? clientErrors[key] : undefined),
    [serverErrors, touched, revealed, clientErrors],
  );

  // Leaving a step shows what is wrong on it from then on; arriving shows nothing new unless
  // the user came to fix a given field.
  const goTo = useCallback(
    (next: number, key?: string) => {
      setRevealed((r) => {
        const out = new Set(r).add(step);
        return key ? out.add(next) : out;
      });
      setState((s) => ({ ...s, step: next }));
      focusKey.current = key ?? null;
    },
    [step],
  );

  // After moving to a step for a given field, put the cursor on it.
  useEffect(() => {
    const key = focusKey.current;
    if (!key) return;
    focusKey.current = null;
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`);
    el?.focus();
  }, [step]);

  const next = () => {
    const stepErrors = Object.keys(clientErrors).filter((k) => stepOf(k) === step);
    if (stepErrors.length) {
      setRevealed((r) => new Set(r).add(step));
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(stepErrors[0])}"]`)?.focus();
      return;
    }
    goTo(step + 1);
  };

  const submit = () => {
    if (!jobIn) return;
    create.mutate(jobIn, {
      onSuccess: (job) => {
        created.current = true;
        clearDraft(window.localStorage);
        toast({ tone: "success", title: "Job created", body: jobDisplayName(job) });
        router.push(routes.job(job.id));
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        if (fields) setCreateErrors(fields);
      },
    });
  };

  const problems: Errors = { ...clientErrors, ...serverErrors };
  const api: WizardApi = { draft, update, errorOf };
  const stepHasError = (i: number) =>
    Object.keys(problems).some((k) => stepOf(k) === i && (revealed.has(i) || serverErrors[k]));

  return (
    <WizardContext.Provider value={api}>
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
              <Button variant="primary" onClick={next}>
                Next: {STEPS[step + 1]}
              </Button>
            ) : (
              <Button
                variant="primary"
                disabled={
                  !jobIn ||
                  !dryRun.isSuccess ||
                  create.isPending ||
                  Object.keys(serverErrors).length > 0
                }
                onClick={submit}
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
          setState({ draft: emptyDraft(), step: 0 });
          setTouched(new Set());
          setRevealed(new Set());
          setCreateErrors({});
          setNotice(null);
          setConfirmReset(false);
        }}
        title="Start over?"
        confirmLabel="Clear the form"
      >
        Every field of this draft goes back to its default.
      </ConfirmDialog>
    </WizardContext.Provider>
  );
}
