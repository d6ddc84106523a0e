// The wizard's draft survives a reload in localStorage. Secrets (the W&B API key, GitHub tokens)
// are left out on purpose: localStorage is readable by any script on the origin and outlives
// the session, so they stay in memory only and the user types them again after a reload.
import { emptyDraft, type WizardDraft } from "./form";

const KEY = "mistral-console:fine-tuning-draft:v1";

export interface StoredDraft {
  draft: WizardDraft;
  step: number;
  savedAt: number;
}

export function withoutSecrets(draft: WizardDraft): WizardDraft {
  return {
    ...draft,
    wandb: { ...draft.wandb, apiKey: "" },
    repositories: draft.repositories.map((r) => ({ ...r, token: "" })),
  };
}

export function saveDraft(storage: Storage, draft: WizardDraft, step: number, now = Date.now()) {
  try {
    const value: StoredDraft = { draft: withoutSecrets(draft), step, savedAt: now };
    storage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the draft just will not survive a reload.
  }
}

/** The saved draft, merged over an empty one so a draft saved by an older version still loads. */
export function loadDraft(storage: Storage): StoredDraft | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (!parsed || typeof parsed !== "object" || !parsed.draft) return null;
    const base = emptyDraft();
    const d = parsed.draft;
    return {
      draft: {
        ...base,
        ...d,
        wandb: { ...base.wandb, ...d.wandb },
        trainingFiles: Array.isArray(d.trainingFiles) ? d.trainingFiles : [],
        validationFiles: Array.isArray(d.validationFiles) ? d.validationFiles : [],
        repositories: Array.isArray(d.repositories) ? d.repositories : [],
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
    storage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}
