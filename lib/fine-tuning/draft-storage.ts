// The wizard's draft survives a reload in localStorage. Secrets (the W&B API key, GitHub tokens)
// are left out on purpose: localStorage is readable by any script on the origin and outlives
// the session, so they stay in memory only and the user types them again after a reload.
import { emptyJobForm, type JobForm } from "./form";

// v2: the form's fields are named as in JobIn. A v1 draft (the wizard's own names) is not read,
// but it is cleared with the current one, so signing out leaves no draft behind.
const KEY = "mistral-console:fine-tuning-draft:v2";
const RETIRED_KEYS = ["mistral-console:fine-tuning-draft:v1"];

export interface StoredDraft {
  form: JobForm;
  step: number;
  savedAt: number;
}

export function withoutSecrets(form: JobForm): JobForm {
  return {
    ...form,
    integrations: [{ ...form.integrations[0], api_key: "" }],
    repositories: form.repositories.map((r) => ({ ...r, token: "" })),
  };
}

export function saveDraft(
  storage: Storage,
  { form, step }: Pick<StoredDraft, "form" | "step">,
  now = Date.now(),
) {
  try {
    const value: StoredDraft = { form: withoutSecrets(form), step, savedAt: now };
    storage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the draft just will not survive a reload.
  }
}

/** The saved draft, merged over an empty form so a draft saved by an older version still loads. */
export function loadDraft(storage: Storage): StoredDraft | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (!parsed || typeof parsed !== "object" || !parsed.form) return null;
    const base = emptyJobForm();
    const f = parsed.form;
    return {
      form: {
        ...base,
        ...f,
        hyperparameters: { ...base.hyperparameters, ...f.hyperparameters },
        integrations: [{ ...base.integrations[0], ...f.integrations?.[0] }],
        training_files: Array.isArray(f.training_files) ? f.training_files : [],
        validation_files: Array.isArray(f.validation_files) ? f.validation_files : [],
        repositories: Array.isArray(f.repositories) ? f.repositories : [],
        job_type: f.job_type === "classifier" ? "classifier" : "completion",
        classifier_targets:
          Array.isArray(f.classifier_targets) && f.classifier_targets.length
            ? f.classifier_targets
            : base.classifier_targets,
      },
      step: typeof parsed.step === "number" ? parsed.step : 0,
      savedAt: typeof parsed.savedAt === "number" ? parsed.savedAt : 0,
    };
  } catch {
    return null;
  }
}

export function clearDraft(storage: Storage) {
  try {
    for (const key of [KEY, ...RETIRED_KEYS]) storage.removeItem(key);
  } catch {
    // nothing to clear
  }
}
