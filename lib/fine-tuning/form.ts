// The wizard's form: its values, one zod schema with the spec's rules for every field (JobIn,
// TrainingParametersIn, ClassifierTargetIn, WandbIntegration, GithubRepositoryIn), and the JobIn it
// becomes. The base models come from GET /v1/models (their `fine_tuning` capability), not a list.
// Field keys are the API's own paths (`hyperparameters.learning_rate`, `repositories.2.token`),
// so a 422 `loc` from the server lands on the same field as a rule checked here.
import { z } from "zod";
import type { components, FileSchema, JobIn, JobOut } from "@/lib/mistral/types";

/** What a job trains: a chat/completion model, or a classifier with one head per target. */
export type JobType = NonNullable<JobIn["job_type"]>;
export type LossFunction = components["schemas"]["FTClassifierLossFunction"];

export const JOB_TYPES: { id: JobType; label: string; blurb: string }[] = [
  {
    id: "completion",
    label: "Completion",
    blurb: "Answers like the base model, in your data's style: conversations or plain text.",
  },
  {
    id: "classifier",
    label: "Classifier",
    blurb: "Labels text for one or more targets (topic, tone…): samples of text and labels.",
  },
];

export const LOSS_FUNCTIONS: { id: LossFunction; label: string }[] = [
  { id: "single_class", label: "Single class (one label per sample)" },
  { id: "multi_class", label: "Multi class (any number of labels)" },
];

export const LIMITS = {
  suffixMax: 18,
  repositoriesMax: 20,
  wandbKeyLength: 40,
  learningRate: { min: 1e-8, max: 1 },
  epochsMin: 0.01,
  /** The shortest training sequence, in tokens (`seq_len`, 2026-07-15 shapes). */
  seqLenMin: 100,
  targetsMax: 20,
} as const;

/** Spec defaults of TrainingParametersIn. */
export const DEFAULTS = {
  learningRate: "0.0001",
  weightDecay: "0.1",
  warmupFraction: "0.05",
  fimRatio: "0.9",
} as const;

/** One training file as typed: the weight is kept as text. */
export interface TrainingFileField {
  file_id: string;
  weight: string;
}
export interface RepositoryField {
  owner: string;
  name: string;
  ref: string;
  weight: string;
  token: string;
}
/** One classifier target as typed: labels as a comma-separated list, the weight as text. */
export interface TargetField {
  name: string;
  labels: string;
  weight: string;
  loss_function: LossFunction;
}
export interface WandbField {
  project: string;
  name: string;
  run_name: string;
  api_key: string;
}

/**
 * The wizard's form values. Fields are named and nested as in JobIn, so a 422's `loc`
 * (`["body", "hyperparameters", "learning_rate"]`) is the path of the field it is about. Numbers
 * are kept as typed (text) so a half-typed "0." or "1e-" is not lost; they become numbers in the
 * JobIn the schema outputs. `length` and `wandb_enabled` are the form's own choices.
 */
export interface JobForm {
  /** A base model id that /v1/models says can be fine-tuned; "" until one is chosen. */
  model: string;
  job_type: JobType;
  /** Classifier jobs only (kept while another type is chosen, so switching back restores them). */
  classifier_targets: TargetField[];
  training_files: TrainingFileField[];
  validation_files: string[];
  length: "steps" | "epochs";
  hyperparameters: {
    training_steps: string;
    epochs: string;
    learning_rate: string;
    weight_decay: string;
    warmup_fraction: string;
    /** Tokens per training sequence; empty for the service's default. */
    seq_len: string;
    fim_ratio: string;
  };
  suffix: string;
  wandb_enabled: boolean;
  /** The one W&B integration, kept while it is switched off so switching back restores it. */
  integrations: [WandbField];
  repositories: RepositoryField[];
  auto_start: boolean;
}

export const emptyJobForm = (): JobForm => ({
  model: "",
  job_type: "completion",
  classifier_targets: [emptyTarget()],
  training_files: [],
  validation_files: [],
  length: "steps",
  hyperparameters: {
    training_steps: "",
    epochs: "",
    learning_rate: DEFAULTS.learningRate,
    weight_decay: DEFAULTS.weightDecay,
    warmup_fraction: DEFAULTS.warmupFraction,
    seq_len: "",
    fim_ratio: DEFAULTS.fimRatio,
  },
  suffix: "",
  wandb_enabled: false,
  integrations: [{ project: "", name: "", run_name: "", api_key: "" }],
  repositories: [],
  // Most people want the job to train once its data checks out; waiting is the exception.
  auto_start: true,
});

export function emptyTarget(): TargetField {
  return { name: "", labels: "", weight: "1", loss_function: "single_class" };
}

/** A comma-separated list of labels as the API wants it: trimmed, without blanks. */
export function parseLabels(text: string): string[] {
  return text
    .split(",")
    .map((l) => l.trim())
    .filter(Boolean);
}

export const emptyRepository = (): RepositoryField => ({
  owner: "",
  name: "",
  ref: "",
  weight: "1",
  token: "",
});

export const STEPS = ["Model and type", "Data", "Hyperparameters", "Extras", "Review"] as const;

/** The form's top-level fields on each step but the last (Review shows them all). */
export const STEP_FIELDS: readonly (readonly (keyof JobForm)[])[] = [
  ["model", "job_type", "classifier_targets"],
  ["training_files", "validation_files"],
  ["length", "hyperparameters"],
  ["suffix", "wandb_enabled", "integrations", "repositories", "auto_start"],
];

/** Which wizard step shows the field with this key (errors about the request as a whole: Review). */
export function stepOf(key: string): number {
  const head = key.split(".")[0];
  const i = STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).includes(head));
  return i < 0 ? STEPS.length - 1 : i;
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
const stepsRule = optional(numberIn(1, Infinity, { integer: true }));
const epochsRule = optional(numberIn(LIMITS.epochsMin, Infinity));
const seqLenRule = optional(numberIn(LIMITS.seqLenMin, Infinity, { integer: true }));
const learningRateRule: Rule = (text) =>
  text.trim() === ""
    ? `Enter a learning rate (default ${DEFAULTS.learningRate}).`
    : numberIn(LIMITS.learningRate.min, LIMITS.learningRate.max)(text);
/**
 * The base model's rule. `offered` is every id /v1/models says can be fine-tuned now (aliases
 * included); unknown while the list loads, when only a missing choice is reported.
 */
const modelRule =
  (offered: readonly string[] | undefined): Rule =>
  (model) =>
    !model
      ? "Choose a base model."
      : !offered || offered.includes(model)
        ? undefined
        : `${model} is no longer offered for fine-tuning: choose the base model again.`;
const required =
  (message: string): Rule =>
  (text) =>
    text.trim() ? undefined : message;

/** A text field checked by `rule`, whose message names what is wrong. */
const ruled = (rule: Rule) =>
  z.string().superRefine((text, ctx) => {
    const message = rule(text);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/** Checks `text` against `rule` when a rule depends on another field; the issue goes at `path`. */
function check(ctx: z.RefinementCtx, path: (string | number)[], rule: Rule, text: string) {
  const message = rule(text);
  if (message) ctx.addIssue({ code: "custom", path, message });
}

/**
 * The job form's schema: the spec's rules for every field (JobIn, TrainingParametersIn,
 * ClassifierTargetIn, WandbIntegration, GithubRepositoryIn) as the wizard words them, and, once
 * they all hold, the JobIn the form becomes. `offered`: the fine-tunable base model ids, once known.
 */
export const jobFormSchemaFor = (offered?: readonly string[]) =>
  z
    .object({
      model: ruled(modelRule(offered)),
      job_type: z.enum(["completion", "classifier"]),
      // Checked below, for classifier jobs only.
      classifier_targets: z.array(
        z.object({
          name: z.string(),
          labels: z.string(),
          weight: z.string(),
          loss_function: z.enum(["single_class", "multi_class"]),
        }),
      ),
      training_files: z
        .array(z.object({ file_id: z.string(), weight: ruled(weightRule) }))
        .min(1, "Choose at least one training file."),
      validation_files: z
        .array(z.string())
        .refine((ids) => new Set(ids).size === ids.length, "A validation file is listed twice."),
      length: z.enum(["steps", "epochs"]),
      hyperparameters: z.object({
        // training_steps, epochs and fim_ratio count only in some cases: checked below.
        training_steps: z.string(),
        epochs: z.string(),
        learning_rate: ruled(learningRateRule),
        weight_decay: ruled(fractionRule),
        warmup_fraction: ruled(fractionRule),
        seq_len: ruled(seqLenRule),
        fim_ratio: z.string(),
      }),
      suffix: ruled(suffixRule),
      wandb_enabled: z.boolean(),
      integrations: z.tuple([
        z.object({
          project: z.string(),
          name: z.string(),
          run_name: z.string(),
          api_key: z.string(),
        }),
      ]),
      repositories: z
        .array(
          z.object({
            owner: ruled(required("Enter the owner.")),
            name: ruled(required("Enter the repository name.")),
            ref: z.string(),
            weight: ruled(weightRule),
            // Not trimmed: a token is sent exactly as pasted.
            token: z.string().min(1, "Enter a GitHub token that can read it."),
          }),
        )
        .max(LIMITS.repositoriesMax, `At most ${LIMITS.repositoriesMax} repositories.`),
      auto_start: z.boolean(),
    })
    .superRefine((form, ctx) => {
      const seen = new Set<string>();
      form.training_files.forEach((f, i) => {
        if (seen.has(f.file_id)) {
          ctx.addIssue({
            code: "custom",
            path: ["training_files", i, "file_id"],
            message: "This file is already in the list.",
          });
        }
        seen.add(f.file_id);
      });
      const hp = form.hyperparameters;
      if (form.length === "steps") {
        check(ctx, ["hyperparameters", "training_steps"], stepsRule, hp.training_steps);
      } else {
        check(ctx, ["hyperparameters", "epochs"], epochsRule, hp.epochs);
      }
      if (form.job_type === "completion" && usesFim(form.model)) {
        check(ctx, ["hyperparameters", "fim_ratio"], fractionRule, hp.fim_ratio);
      }
      if (form.job_type === "classifier") checkTargets(ctx, form.classifier_targets);
      if (form.wandb_enabled) {
        const wandb = form.integrations[0];
        check(
          ctx,
          ["integrations", 0, "project"],
          required("Enter the W&B project."),
          wandb.project,
        );
        if (wandb.api_key.length !== LIMITS.wandbKeyLength) {
          ctx.addIssue({
            code: "custom",
            path: ["integrations", 0, "api_key"],
            message: `A W&B API key is exactly ${LIMITS.wandbKeyLength} characters (${wandb.api_key.length} now).`,
          });
        }
      }
    })
    .transform((form) => toJobIn(form));

/** The rules of the classifier targets (ClassifierTargetIn, and what the service refuses). */
function checkTargets(ctx: z.RefinementCtx, targets: TargetField[]) {
  if (targets.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["classifier_targets"],
      message: "A classifier job needs at least one target.",
    });
  }
  if (targets.length > LIMITS.targetsMax) {
    ctx.addIssue({
      code: "custom",
      path: ["classifier_targets"],
      message: `At most ${LIMITS.targetsMax} targets.`,
    });
  }
  const names = new Set<string>();
  targets.forEach((t, i) => {
    const name = t.name.trim();
    if (!name) {
      ctx.addIssue({
        code: "custom",
        path: ["classifier_targets", i, "name"],
        message: "Enter the target's name.",
      });
    } else if (names.has(name)) {
      ctx.addIssue({
        code: "custom",
        path: ["classifier_targets", i, "name"],
        message: `Another target is already named "${name}".`,
      });
    }
    names.add(name);
    const labels = parseLabels(t.labels);
    if (labels.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["classifier_targets", i, "labels"],
        message: "Enter at least one label, separated by commas.",
      });
    } else if (new Set(labels).size !== labels.length) {
      const twice = labels.find((l, j) => labels.indexOf(l) !== j);
      ctx.addIssue({
        code: "custom",
        path: ["classifier_targets", i, "labels"],
        message: `The label "${twice}" is listed twice.`,
      });
    }
    // ClassifierTargetIn's weight: minimum 0.
    check(ctx, ["classifier_targets", i, "weight"], numberIn(0, Infinity), t.weight);
  });
}

/** The schema while the fine-tunable models are not known: only a missing model is reported. */
export const jobFormSchema = jobFormSchemaFor();

export type Errors = Record<string, string>;

/** The job the form makes, or every rule it breaks by field key (the first message of each). */
export function checkJobForm(
  form: JobForm,
  offered?: readonly string[],
): { job: JobIn; errors?: undefined } | { job?: undefined; errors: Errors } {
  const result = jobFormSchemaFor(offered).safeParse(form);
  if (result.success) return { job: result.data };
  const errors: Errors = {};
  for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return { errors };
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
export function dataWarnings(
  form: Pick<JobForm, "training_files" | "validation_files">,
  files: ReadonlyMap<string, FileSchema>,
): string[] {
  const out: string[] = [];
  const training = form.training_files.map((f) => f.file_id);
  const both = form.validation_files.filter((id) => training.includes(id));
  for (const id of both) {
    out.push(
      `${files.get(id)?.filename ?? id} is both a training and a validation file: validation metrics on data the model trained on say little.`,
    );
  }
  const bytes = (ids: string[]) => ids.reduce((sum, id) => sum + (files.get(id)?.bytes ?? 0), 0);
  const train = bytes(training);
  const valid = bytes(form.validation_files);
  const limit = validationLimit(train);
  if (form.validation_files.length && train > 0 && valid > limit) {
    out.push(
      `Validation data (${valid.toLocaleString("en-US")} bytes) is more than min(1 MB, 5% of the training data) = ${Math.floor(limit).toLocaleString("en-US")} bytes: validation will slow training down. Use a smaller sample.`,
    );
  }
  return out;
}

const num = (text: string) => parseNumber(text);
const optNum = (text: string) => (text.trim() === "" ? undefined : num(text));

/** The request body for a form that breaks no rule (the schema's output). */
function toJobIn(form: JobForm): JobIn {
  const typed = form.hyperparameters;
  const classifier = form.job_type === "classifier";
  // Classifier jobs share these hyperparameters but have no FIM ratio (nor repositories).
  const hp: components["schemas"]["CompletionTrainingParametersIn"] = {
    learning_rate: num(typed.learning_rate),
  };
  const length = form.length === "steps" ? optNum(typed.training_steps) : optNum(typed.epochs);
  if (length !== undefined) hp[form.length === "steps" ? "training_steps" : "epochs"] = length;
  const wd = optNum(typed.weight_decay);
  if (wd !== undefined) hp.weight_decay = wd;
  const wf = optNum(typed.warmup_fraction);
  if (wf !== undefined) hp.warmup_fraction = wf;
  const seqLen = optNum(typed.seq_len);
  if (seqLen !== undefined) hp.seq_len = seqLen;
  if (!classifier && usesFim(form.model)) {
    const fim = optNum(typed.fim_ratio);
    if (fim !== undefined) hp.fim_ratio = fim;
  }
  const job: JobIn = {
    model: form.model,
    job_type: form.job_type,
    training_files: form.training_files.map((f) => ({ file_id: f.file_id, weight: num(f.weight) })),
    hyperparameters: hp,
    auto_start: form.auto_start,
  };
  if (classifier) {
    job.classifier_targets = form.classifier_targets.map((t) => ({
      name: t.name.trim(),
      labels: parseLabels(t.labels),
      weight: num(t.weight),
      loss_function: t.loss_function,
    }));
  }
  if (form.validation_files.length) job.validation_files = [...form.validation_files];
  if (form.suffix.trim()) job.suffix = form.suffix.trim();
  if (form.wandb_enabled) {
    const wandb = form.integrations[0];
    job.integrations = [
      {
        type: "wandb",
        project: wandb.project.trim(),
        name: wandb.name.trim() || null,
        run_name: wandb.run_name.trim() || null,
        api_key: wandb.api_key,
      },
    ];
  }
  if (!classifier && form.repositories.length) {
    job.repositories = form.repositories.map((r) => ({
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

type TargetOut = components["schemas"]["ClassifierTargetOut"];

/**
 * The form filled with a job's settings, for "Clone". Secrets (W&B key, GitHub tokens) are never
 * sent back by the API, so they stay empty and the user enters them again. A base model that is
 * not in `offered` (the fine-tunable ids, when known) is left to choose again.
 */
export function jobFormFromJob(job: JobOut, offered?: readonly string[]): JobForm {
  const hp = job.hyperparameters;
  // Only completion jobs have a FIM ratio and repositories; a classifier job clones without them.
  const fimRatio = "fim_ratio" in hp ? hp.fim_ratio : null;
  const seqLen = "seq_len" in hp ? hp.seq_len : null;
  const repositories = "repositories" in job ? job.repositories : null;
  const trainingFiles = job.training_files.map((f) =>
    typeof f === "string"
      ? { file_id: f, weight: "1" }
      : // The live API may return objects with weights; keep them when it does.
        {
          file_id: (f as { file_id: string }).file_id,
          weight: text((f as { weight?: number }).weight, "1"),
        },
  );
  const wandb = job.integrations?.find((i) => i.type === "wandb" || !i.type);
  const model = !offered || offered.includes(job.model) ? job.model : "";
  const targets = "classifier_targets" in job ? (job.classifier_targets as TargetOut[]) : null;
  return {
    ...emptyJobForm(),
    model,
    job_type: job.job_type === "classifier" ? "classifier" : "completion",
    classifier_targets: targets?.length
      ? targets.map((t) => ({
          name: t.name,
          labels: t.labels.join(", "),
          weight: text(t.weight, "1"),
          loss_function: t.loss_function ?? "single_class",
        }))
      : [emptyTarget()],
    training_files: trainingFiles,
    validation_files: [...(job.validation_files ?? [])],
    // The API fills both in; what the user asked for is usually the steps.
    length: hp.training_steps != null || hp.epochs == null ? "steps" : "epochs",
    hyperparameters: {
      training_steps: text(hp.training_steps),
      epochs: text(hp.epochs),
      learning_rate: text(hp.learning_rate, DEFAULTS.learningRate),
      weight_decay: text(hp.weight_decay),
      warmup_fraction: text(hp.warmup_fraction),
      seq_len: text(seqLen),
      fim_ratio: text(fimRatio, DEFAULTS.fimRatio),
    },
    suffix: job.suffix ?? "",
    wandb_enabled: !!wandb,
    integrations: [
      {
        project: wandb?.project ?? "",
        name: wandb?.name ?? "",
        run_name: wandb?.run_name ?? "",
        api_key: "",
      },
    ],
    repositories: (repositories ?? []).map((r) => ({
      owner: r.owner,
      name: r.name,
      ref: r.ref ?? "",
      weight: text(r.weight, "1"),
      token: "",
    })),
    auto_start: job.auto_start,
  };
}
