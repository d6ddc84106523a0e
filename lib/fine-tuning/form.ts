// The wizard's form: its draft state, the spec's rules for every field (JobIn,
// TrainingParametersIn, WandbIntegration, GithubRepositoryIn), and the JobIn it becomes.
// Field keys are the API's own paths (`hyperparameters.learning_rate`, `repositories.2.token`),
// so a 422 `loc` from the server lands on the same field as a rule checked here.
import type { components, FileSchema, JobIn, JobOut } from "@/lib/mistral/types";

export type FineTuneableModel = JobIn["model"];

/** The spec's FineTuneableModel enum, each with a line for the picker. */
export const FINE_TUNEABLE_MODELS: { id: FineTuneableModel; blurb: string }[] = [
  {
    id: "open-mistral-7b",
    blurb:
      "Mistral 7B: small, fast and cheap to tune; good for narrow classification or style tasks.",
  },
  {
    id: "open-mistral-nemo",
    blurb: "Mistral NeMo 12B: multilingual, 128k context, the cheapest per token to tune.",
  },
  {
    id: "mistral-small-latest",
    blurb: "Mistral Small: a stronger general model for support, extraction and routing.",
  },
  {
    id: "codestral-latest",
    blurb: "Codestral: code completion and fill-in-the-middle (the FIM ratio applies to it).",
  },
  {
    id: "mistral-large-latest",
    blurb: "Mistral Large: the most capable model, and the most expensive to tune.",
  },
];

export const LIMITS = {
  suffixMax: 18,
  repositoriesMax: 20,
  wandbKeyLength: 40,
  learningRate: { min: 1e-8, max: 1 },
  epochsMin: 0.01,
} as const;

/** Spec defaults of TrainingParametersIn. */
export const DEFAULTS = {
  learningRate: "0.0001",
  weightDecay: "0.1",
  warmupFraction: "0.05",
  fimRatio: "0.9",
} as const;

export interface TrainingFileDraft {
  fileId: string;
  weight: string;
}
export interface RepositoryDraft {
  owner: string;
  name: string;
  ref: string;
  weight: string;
  token: string;
}
export interface WandbDraft {
  project: string;
  name: string;
  runName: string;
  apiKey: string;
}

/** Numbers are kept as typed (strings) so a half-typed "0." or "1e-" is not lost. */
export interface WizardDraft {
  model: FineTuneableModel | "";
  trainingFiles: TrainingFileDraft[];
  validationFiles: string[];
  length: "steps" | "epochs";
  trainingSteps: string;
  epochs: string;
  learningRate: string;
  weightDecay: string;
  warmupFraction: string;
  fimRatio: string;
  suffix: string;
  wandbEnabled: boolean;
  wandb: WandbDraft;
  repositories: RepositoryDraft[];
  autoStart: boolean;
}

export const emptyDraft = (): WizardDraft => ({
  model: "",
  trainingFiles: [],
  validationFiles: [],
  length: "steps",
  trainingSteps: "",
  epochs: "",
  learningRate: DEFAULTS.learningRate,
  weightDecay: DEFAULTS.weightDecay,
  warmupFraction: DEFAULTS.warmupFraction,
  fimRatio: DEFAULTS.fimRatio,
  suffix: "",
  wandbEnabled: false,
  wandb: { project: "", name: "", runName: "", apiKey: "" },
  repositories: [],
  // Most people want the job to train once its data checks out; waiting is the exception.
  autoStart: true,
});

export const emptyRepository = (): RepositoryDraft => ({
  owner: "",
  name: "",
  ref: "",
  weight: "1",
  token: "",
});

export const STEPS = ["Base model", "Data", "Hyperparameters", "Extras", "Review"] as const;

/** Which wizard step shows the field with this key. */
export function stepOf(key: string): number {
  const head = key.split(".")[0];
  if (head === "model") return 0;
  if (head === "training_files" || head === "validation_files") return 1;
  if (head === "hyperparameters") return 2;
  if (["suffix", "integrations", "repositories", "auto_start"].includes(head)) return 3;
  return 4;
}

/** A 422 `loc` (`["body", "hyperparameters", "learning_rate"]`) as a field key. */
export function locToKey(loc: readonly (string | number)[]): string {
  const parts = loc[0] === "body" ? loc.slice(1) : loc;
  return parts.join(".");
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number typed, or undefined when the text is not one. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : undefined;
}

type Rule = (text: string) => string | undefined;

const numberIn =
  (min: number, max: number, opts: { integer?: boolean; exclusiveMin?: boolean } = {}): Rule =>
  (text) => {
    const n = parseNumber(text);
    if (n === undefined) return opts.integer ? "Enter a whole number." : "Enter a number.";
    if (opts.integer && !Number.isInteger(n)) return "Enter a whole number.";
    if (opts.exclusiveMin ? n <= min : n < min) {
      return opts.exclusiveMin ? `Must be greater than ${min}.` : `Must be at least ${min}.`;
    }
    if (n > max) return `Must be at most ${max}.`;
    return undefined;
  };

const optional =
  (rule: Rule): Rule =>
  (text) =>
    text.trim() === "" ? undefined : rule(text);

const weightRule = numberIn(0, Infinity, { exclusiveMin: true });
const fractionRule = optional(numberIn(0, 1));

export type Errors = Record<string, string>;

/** Every rule of the spec that the draft breaks, by field key. */
export function validateDraft(d: WizardDraft): Errors {
  const e: Errors = {};
  const set = (key: string, msg: string | undefined) => {
    if (msg) e[key] = msg;
  };
  if (!d.model) e.model = "Choose a base model.";
  else if (!FINE_TUNEABLE_MODELS.some((m) => m.id === d.model)) {
    e.model = `"${d.model}" cannot be fine-tuned.`;
  }

  if (d.trainingFiles.length === 0) e.training_files = "Choose at least one training file.";
  const seen = new Set<string>();
  d.trainingFiles.forEach((f, i) => {
    if (seen.has(f.fileId)) set(`training_files.${i}.file_id`, "This file is already in the list.");
    seen.add(f.fileId);
    set(`training_files.${i}.weight`, weightRule(f.weight));
  });
  if (new Set(d.validationFiles).size !== d.validationFiles.length) {
    e.validation_files = "A validation file is listed twice.";
  }

  if (d.length === "steps") {
    set(
      "hyperparameters.training_steps",
      optional(numberIn(1, Infinity, { integer: true }))(d.trainingSteps),
    );
  } else {
    set("hyperparameters.epochs", optional(numberIn(LIMITS.epochsMin, Infinity))(d.epochs));
  }
  set(
    "hyperparameters.learning_rate",
    d.learningRate.trim() === ""
      ? "Enter a learning rate (default 0.0001)."
      : numberIn(LIMITS.learningRate.min, LIMITS.learningRate.max)(d.learningRate),
  );
  set("hyperparameters.weight_decay", fractionRule(d.weightDecay));
  set("hyperparameters.warmup_fraction", fractionRule(d.warmupFraction));
  if (usesFim(d.model)) set("hyperparameters.fim_ratio", fractionRule(d.fimRatio));

  set("suffix", suffixRule(d.suffix));

  if (d.wandbEnabled) {
    if (!d.wandb.project.trim()) e["integrations.0.project"] = "Enter the W&B project.";
    if (d.wandb.apiKey.length !== LIMITS.wandbKeyLength) {
      e["integrations.0.api_key"] =
        `A W&B API key is exactly ${LIMITS.wandbKeyLength} characters (${d.wandb.apiKey.length} now).`;
    }
  }

  if (d.repositories.length > LIMITS.repositoriesMax) {
    e.repositories = `At most ${LIMITS.repositoriesMax} repositories.`;
  }
  d.repositories.forEach((r, i) => {
    if (!r.owner.trim()) e[`repositories.${i}.owner`] = "Enter the owner.";
    if (!r.name.trim()) e[`repositories.${i}.name`] = "Enter the repository name.";
    if (!r.token) e[`repositories.${i}.token`] = "Enter a GitHub token that can read it.";
    set(`repositories.${i}.weight`, weightRule(r.weight));
  });
  return e;
}

/**
 * The suffix becomes part of the model's id (`ft:<model>:<suffix>:<date>:<hex>`), which goes into
 * URLs, file names and the audit CSV: like the API, allow up to 18 letters, digits, `-`, `_`, `.`.
 * It is sent trimmed, so surrounding spaces do not count.
 */
export function suffixRule(suffix: string): string | undefined {
  const s = suffix.trim();
  if (s.length > LIMITS.suffixMax) {
    return `The suffix is at most ${LIMITS.suffixMax} characters (${s.length} now).`;
  }
  const bad = [...new Set(s.replace(/[A-Za-z0-9._-]/g, ""))];
  if (bad.length === 0) return undefined;
  // Invisible and look-alike characters (zero-width, right-to-left marks) are named by code point.
  const shown = bad
    .slice(0, 3)
    .map((c) =>
      c === " "
        ? "spaces"
        : /^[\x21-\x7e]$/.test(c)
          ? `"${c}"`
          : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
    );
  return `The suffix may use only letters (A-Z, a-z), digits, "-", "_" and "." (not ${shown.join(", ")}${bad.length > 3 ? ", …" : ""}).`;
}

export const usesFim = (model: string) => model.startsWith("codestral");

/** Validation data larger than this is flagged: min(1 MB, 5% of the training data). */
export function validationLimit(trainingBytes: number): number {
  return Math.min(1_000_000, trainingBytes * 0.05);
}

/** Advice that does not block creating the job. */
export function dataWarnings(d: WizardDraft, files: ReadonlyMap<string, FileSchema>): string[] {
  const out: string[] = [];
  const both = d.validationFiles.filter((id) => d.trainingFiles.some((f) => f.fileId === id));
  for (const id of both) {
    out.push(
      `${files.get(id)?.filename ?? id} is both a training and a validation file: validation metrics on data the model trained on say little.`,
    );
  }
  const bytes = (ids: string[]) => ids.reduce((sum, id) => sum + (files.get(id)?.bytes ?? 0), 0);
  const train = bytes(d.trainingFiles.map((f) => f.fileId));
  const valid = bytes(d.validationFiles);
  const limit = validationLimit(train);
  if (d.validationFiles.length && train > 0 && valid > limit) {
    out.push(
      `Validation data (${valid.toLocaleString("en-US")} bytes) is more than min(1 MB, 5% of the training data) = ${Math.floor(limit).toLocaleString("en-US")} bytes: validation will slow training down. Use a smaller sample.`,
    );
  }
  return out;
}

const num = (text: string) => parseNumber(text);
const optNum = (text: string) => (text.trim() === "" ? undefined : num(text));

/** The request body for the draft (call only when validateDraft finds nothing). */
export function toJobIn(d: WizardDraft): JobIn {
  // The wizard makes completion jobs (classifier jobs have other hyperparameters).
  const hp: components["schemas"]["CompletionTrainingParametersIn"] = {
    learning_rate: num(d.learningRate),
  };
  if (d.length === "steps") {
    const steps = optNum(d.trainingSteps);
    if (steps !== undefined) hp.training_steps = steps;
  } else {
    const epochs = optNum(d.epochs);
    if (epochs !== undefined) hp.epochs = epochs;
  }
  const wd = optNum(d.weightDecay);
  if (wd !== undefined) hp.weight_decay = wd;
  const wf = optNum(d.warmupFraction);
  if (wf !== undefined) hp.warmup_fraction = wf;
  if (usesFim(d.model)) {
    const fim = optNum(d.fimRatio);
    if (fim !== undefined) hp.fim_ratio = fim;
  }
  const job: JobIn = {
    model: d.model as FineTuneableModel,
    training_files: d.trainingFiles.map((f) => ({ file_id: f.fileId, weight: num(f.weight) })),
    hyperparameters: hp,
    auto_start: d.autoStart,
  };
  if (d.validationFiles.length) job.validation_files = [...d.validationFiles];
  if (d.suffix.trim()) job.suffix = d.suffix.trim();
  if (d.wandbEnabled) {
    job.integrations = [
      {
        type: "wandb",
        project: d.wandb.project.trim(),
        name: d.wandb.name.trim() || null,
        run_name: d.wandb.runName.trim() || null,
        api_key: d.wandb.apiKey,
      },
    ];
  }
  if (d.repositories.length) {
    job.repositories = d.repositories.map((r) => ({
      type: "github",
      owner: r.owner.trim(),
      name: r.name.trim(),
      ref: r.ref.trim() || null,
      weight: num(r.weight),
      token: r.token,
    }));
  }
  return job;
}

const text = (v: number | null | undefined, fallback = "") => (v == null ? fallback : String(v));

/**
 * A draft with a job's settings, for "Clone". Secrets (W&B key, GitHub tokens) are never sent
 * back by the API, so they stay empty and the user enters them again.
 */
export function draftFromJob(job: JobOut): WizardDraft {
  const hp = job.hyperparameters;
  // Only completion jobs have a FIM ratio and repositories; a classifier job clones without them.
  const fimRatio = "fim_ratio" in hp ? hp.fim_ratio : null;
  const repositories = "repositories" in job ? job.repositories : null;
  const trainingFiles = job.training_files.map((f) =>
    typeof f === "string"
      ? { fileId: f, weight: "1" }
      : // The live API may return objects with weights; keep them when it does.
        {
          fileId: (f as { file_id: string }).file_id,
          weight: text((f as { weight?: number }).weight, "1"),
        },
  );
  const wandb = job.integrations?.find((i) => i.type === "wandb" || !i.type);
  const model = FINE_TUNEABLE_MODELS.some((m) => m.id === job.model) ? job.model : "";
  return {
    ...emptyDraft(),
    model,
    trainingFiles,
    validationFiles: [...(job.validation_files ?? [])],
    // The API fills both in; what the user asked for is usually the steps.
    length: hp.training_steps != null || hp.epochs == null ? "steps" : "epochs",
    trainingSteps: text(hp.training_steps),
    epochs: text(hp.epochs),
    learningRate: text(hp.learning_rate, DEFAULTS.learningRate),
    weightDecay: text(hp.weight_decay),
    warmupFraction: text(hp.warmup_fraction),
    fimRatio: text(fimRatio, DEFAULTS.fimRatio),
    suffix: job.suffix ?? "",
    wandbEnabled: !!wandb,
    wandb: {
      project: wandb?.project ?? "",
      name: wandb?.name ?? "",
      runName: wandb?.run_name ?? "",
      apiKey: "",
    },
    repositories: (repositories ?? []).map((r) => ({
      owner: r.owner,
      name: r.name,
      ref: r.ref ?? "",
      weight: text(r.weight, "1"),
      token: "",
    })),
    autoStart: job.auto_start,
  };
}
