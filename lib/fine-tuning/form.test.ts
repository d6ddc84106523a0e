import { describe, expect, it } from "vitest";
import type { FileSchema, JobOut } from "@/lib/mistral/types";
import {
  checkJobForm,
  dataWarnings,
  emptyJobForm,
  jobFormFromJob,
  locToKey,
  stepOf,
  type JobForm,
} from "./form";
import { loadDraft, saveDraft } from "./draft-storage";
import { previewModelName } from "./model-name";

type Hyperparameters = JobForm["hyperparameters"];

/** A form that breaks no rule, with `over` and the hyperparameters `hp` changed. */
const valid = (over: Partial<JobForm> = {}, hp: Partial<Hyperparameters> = {}): JobForm => {
  const form: JobForm = {
    ...emptyJobForm(),
    model: "mistral-small-latest",
    training_files: [{ file_id: "f1", weight: "1" }],
    ...over,
  };
  return { ...form, hyperparameters: { ...form.hyperparameters, ...hp } };
};
const validateDraft = (form: JobForm) => checkJobForm(form).errors ?? {};
const toJobIn = (form: JobForm) => {
  const { job } = checkJobForm(form);
  if (!job) throw new Error("the form breaks a rule");
  return job;
};
const wandbOf = (w: Partial<JobForm["integrations"][0]>): JobForm["integrations"] => [
  { project: "", name: "", run_name: "", api_key: "", ...w },
];

describe("validateDraft: the spec's rules", () => {
  it("accepts a minimal draft with the spec's defaults", () => {
    expect(validateDraft(valid())).toEqual({});
  });

  it("requires a model and a training file", () => {
    const e = validateDraft(emptyJobForm());
    expect(e.model).toMatch(/base model/);
    expect(e.training_files).toMatch(/at least one/);
  });

  it("checks the learning rate bounds [1e-8, 1] and accepts scientific notation", () => {
    const lr = (v: string) =>
      validateDraft(valid({}, { learning_rate: v }))["hyperparameters.learning_rate"];
    expect(lr("1e-4")).toBeUndefined();
    expect(lr("1")).toBeUndefined();
    expect(lr("1.5")).toBe("Must be at most 1.");
    expect(lr("1e-9")).toBe("Must be at least 1e-8.");
    expect(lr("abc")).toBe("Enter a number.");
    expect(lr("")).toMatch(/Enter a learning rate/);
  });

  it("wants whole training steps of at least 1, and epochs of at least 0.01", () => {
    const e = (hp: Partial<Hyperparameters>, length: JobForm["length"] = "steps") =>
      validateDraft(valid({ length }, hp));
    expect(e({ training_steps: "2.5" })["hyperparameters.training_steps"]).toMatch(/whole/);
    expect(e({ training_steps: "0" })["hyperparameters.training_steps"]).toMatch(/at least 1/);
    expect(e({ training_steps: "" })["hyperparameters.training_steps"]).toBeUndefined();
    expect(e({ epochs: "0.001" }, "epochs")["hyperparameters.epochs"]).toMatch(/0.01/);
    // only the chosen length is checked
    expect(e({ training_steps: "-3", epochs: "2" }, "epochs")).toEqual({});
  });

  it("keeps fractions within [0, 1] and checks the FIM ratio only for codestral", () => {
    const e = (hp: Partial<Hyperparameters>, over: Partial<JobForm> = {}) =>
      validateDraft(valid(over, hp));
    expect(e({ weight_decay: "1.1" })["hyperparameters.weight_decay"]).toMatch(/at most 1/);
    expect(e({ warmup_fraction: "-0.1" })["hyperparameters.warmup_fraction"]).toMatch(/at least 0/);
    expect(e({ fim_ratio: "2" })["hyperparameters.fim_ratio"]).toBeUndefined();
    expect(
      e({ fim_ratio: "2" }, { model: "codestral-latest" })["hyperparameters.fim_ratio"],
    ).toBeDefined();
  });

  it("wants weights strictly above zero", () => {
    const e = validateDraft(valid({ training_files: [{ file_id: "f1", weight: "0" }] }));
    expect(e["training_files.0.weight"]).toBe("Must be greater than 0.");
  });

  it("limits the suffix to 18 characters", () => {
    expect(validateDraft(valid({ suffix: "x".repeat(18) })).suffix).toBeUndefined();
    expect(validateDraft(valid({ suffix: "x".repeat(19) })).suffix).toMatch(/18/);
    expect(validateDraft(valid({ suffix: ` ${"x".repeat(18)} ` })).suffix).toBeUndefined();
  });

  it("allows only letters, digits, '-', '_' and '.' in the suffix, naming what else it found", () => {
    expect(validateDraft(valid({ suffix: "Support-bot_v1.2" })).suffix).toBeUndefined();
    const e = (suffix: string) => validateDraft(valid({ suffix })).suffix;
    expect(e("<svg onload=x>")).toMatch(/^The suffix may use only letters.*\(not "<", spaces, "="/);
    expect(e("=1+1")).toMatch(/suffix.*"=", "\+"/);
    expect(e("ab\u202Ecd")).toMatch(/U\+202E/);
    expect(e("ab\u200Bcd")).toMatch(/U\+200B/);
    expect(e("modèle")).toMatch(/U\+00E8/);
  });

  it("checks W&B only when enabled: a project and a 40-character key", () => {
    const integrations = wandbOf({ api_key: "short" });
    expect(validateDraft(valid({ integrations }))).toEqual({});
    const e = validateDraft(valid({ wandb_enabled: true, integrations }));
    expect(e["integrations.0.project"]).toBeDefined();
    expect(e["integrations.0.api_key"]).toMatch(/40 characters \(5 now\)/);
    const ok = wandbOf({ project: "p", api_key: "k".repeat(40) });
    expect(validateDraft(valid({ wandb_enabled: true, integrations: ok }))).toEqual({});
  });

  it("checks each repository and allows at most 20", () => {
    const repo = { owner: "o", name: "n", ref: "", weight: "1", token: "t" };
    expect(validateDraft(valid({ repositories: [repo] }))).toEqual({});
    const e = validateDraft(valid({ repositories: [{ ...repo, token: "", weight: "-1" }] }));
    expect(Object.keys(e).sort()).toEqual(["repositories.0.token", "repositories.0.weight"]);
    expect(validateDraft(valid({ repositories: Array(21).fill(repo) })).repositories).toBeDefined();
  });
});

describe("seq_len (today's training parameters)", () => {
  it("is optional, a whole number of at least 100 tokens, sent as a number and cloned back", () => {
    expect(validateDraft(valid({}, { seq_len: "" }))).toEqual({});
    expect(validateDraft(valid({}, { seq_len: "99" }))["hyperparameters.seq_len"]).toBe(
      "Must be at least 100.",
    );
    expect(validateDraft(valid({}, { seq_len: "512.5" }))["hyperparameters.seq_len"]).toBe(
      "Enter a whole number.",
    );
    expect(toJobIn(valid()).hyperparameters).not.toHaveProperty("seq_len");
    const job = toJobIn(valid({}, { seq_len: "4096" }));
    expect(job.hyperparameters).toMatchObject({ seq_len: 4096 });
    const cloned = jobFormFromJob({
      id: "j",
      training_files: [],
      auto_start: true,
      ...job,
    } as unknown as JobOut);
    expect(cloned.hyperparameters.seq_len).toBe("4096");
  });
});

describe("base models from /v1/models", () => {
  const offered = ["mistral-small-latest", "mistral-small-2603", "codestral-latest"];

  it("accepts any name /v1/models offers for fine-tuning, aliases included", () => {
    expect(checkJobForm(valid(), offered).errors).toBeUndefined();
    expect(checkJobForm(valid({ model: "mistral-small-2603" }), offered).errors).toBeUndefined();
  });

  it("says a base that is no longer offered must be chosen again", () => {
    const e = checkJobForm(valid({ model: "open-mistral-7b" }), offered).errors ?? {};
    expect(e.model).toBe(
      "open-mistral-7b is no longer offered for fine-tuning: choose the base model again.",
    );
  });

  it("only asks for a choice while the list is not known", () => {
    expect(checkJobForm(valid({ model: "open-mistral-7b" })).errors).toBeUndefined();
    expect(checkJobForm(valid({ model: "" })).errors?.model).toBe("Choose a base model.");
  });

  it("a clone keeps an offered base and leaves a retired one to choose again", () => {
    const job = { id: "j", training_files: [], auto_start: true, hyperparameters: {} };
    const clone = (model: string) =>
      jobFormFromJob({ ...job, model } as unknown as JobOut, offered);
    expect(clone("codestral-latest").model).toBe("codestral-latest");
    const retired = clone("open-mistral-7b");
    expect(retired.model).toBe("");
    expect(retired.training_files).toEqual([]);
    expect(retired.auto_start).toBe(true);
  });
});

describe("classifier jobs", () => {
  const classifier = (targets: Partial<JobForm["classifier_targets"][0]>[]) =>
    valid({
      job_type: "classifier",
      classifier_targets: targets.map((t) => ({
        name: "topic",
        labels: "sport, politics",
        weight: "1",
        loss_function: "single_class" as const,
        ...t,
      })),
    });

  it("sends job_type and the targets, labels split on commas, and no FIM ratio or repositories", () => {
    const body = toJobIn({
      ...classifier([
        { name: " topic ", labels: " sport, politics ,, culture" },
        { name: "tone", labels: "calm,angry", weight: "0.5", loss_function: "multi_class" },
      ]),
      model: "codestral-latest",
      repositories: [{ owner: "o", name: "n", ref: "", weight: "1", token: "t" }],
    });
    expect(body.job_type).toBe("classifier");
    expect(body.classifier_targets).toEqual([
      {
        name: "topic",
        labels: ["sport", "politics", "culture"],
        weight: 1,
        loss_function: "single_class",
      },
      { name: "tone", labels: ["calm", "angry"], weight: 0.5, loss_function: "multi_class" },
    ]);
    expect(body.hyperparameters).not.toHaveProperty("fim_ratio");
    expect(body).not.toHaveProperty("repositories");
    // A completion job sends no targets, even when some were typed before switching.
    expect(toJobIn({ ...classifier([{}]), job_type: "completion" })).not.toHaveProperty(
      "classifier_targets",
    );
  });

  it("names the field of each target rule it breaks", () => {
    const e = validateDraft(
      classifier([
        { name: "" },
        { name: "topic", labels: " , " },
        { name: "topic", labels: "a, b, a", weight: "-1" },
      ]),
    );
    expect(e).toEqual({
      "classifier_targets.0.name": "Enter the target's name.",
      "classifier_targets.1.labels": "Enter at least one label, separated by commas.",
      "classifier_targets.2.name": 'Another target is already named "topic".',
      "classifier_targets.2.labels": 'The label "a" is listed twice.',
      "classifier_targets.2.weight": "Must be at least 0.",
    });
    expect(validateDraft(classifier([]))["classifier_targets"]).toBe(
      "A classifier job needs at least one target.",
    );
    expect(stepOf("classifier_targets.2.labels")).toBe(0);
  });

  it("checks targets only for classifier jobs", () => {
    expect(validateDraft({ ...classifier([{ name: "" }]), job_type: "completion" })).toEqual({});
  });

  it("a classifier job clones with its type and targets", () => {
    const form = jobFormFromJob({
      id: "j",
      model: "ministral-8b-latest",
      job_type: "classifier",
      auto_start: true,
      training_files: ["a"],
      hyperparameters: { training_steps: 5, learning_rate: 0.0001 },
      classifier_targets: [
        { name: "topic", labels: ["sport", "politics"], weight: 2, loss_function: "multi_class" },
      ],
    } as unknown as JobOut);
    expect(form.job_type).toBe("classifier");
    expect(form.classifier_targets).toEqual([
      { name: "topic", labels: "sport, politics", weight: "2", loss_function: "multi_class" },
    ]);
  });
});

describe("server errors land on the wizard's fields", () => {
  it("maps a 422 loc to a field key and its step", () => {
    const key = locToKey(["body", "hyperparameters", "learning_rate"]);
    expect(key).toBe("hyperparameters.learning_rate");
    expect(stepOf(key)).toBe(2);
    expect(stepOf(locToKey(["body", "training_files", 0, "file_id"]))).toBe(1);
    expect(stepOf("integrations.0.api_key")).toBe(3);
    expect(stepOf("model")).toBe(0);
  });
});

describe("toJobIn", () => {
  it("sends the numbers, omits empty optional fields and the FIM ratio for non-code models", () => {
    const body = toJobIn(
      valid({ suffix: " support ", auto_start: false }, { training_steps: "25", weight_decay: "" }),
    );
    expect(body).toEqual({
      model: "mistral-small-latest",
      job_type: "completion",
      training_files: [{ file_id: "f1", weight: 1 }],
      hyperparameters: { learning_rate: 0.0001, training_steps: 25, warmup_fraction: 0.05 },
      suffix: "support",
      auto_start: false,
    });
  });

  it("auto-starts by default: a new job trains once validated unless the user unticks it", () => {
    expect(emptyJobForm().auto_start).toBe(true);
    expect(toJobIn(valid({}, { training_steps: "25" })).auto_start).toBe(true);
  });

  it("sends integrations and repositories with their secrets", () => {
    const body = toJobIn(
      valid(
        {
          model: "codestral-latest",
          length: "epochs",
          wandb_enabled: true,
          integrations: wandbOf({ project: "p", run_name: "r", api_key: "k".repeat(40) }),
          repositories: [{ owner: "o", name: "n", ref: "", weight: "2", token: "t" }],
          validation_files: ["v1"],
        },
        { epochs: "1.5" },
      ),
    );
    expect(body.hyperparameters).toMatchObject({ epochs: 1.5, fim_ratio: 0.9 });
    expect(body.hyperparameters.training_steps).toBeUndefined();
    expect(body.integrations).toEqual([
      { type: "wandb", project: "p", name: null, run_name: "r", api_key: "k".repeat(40) },
    ]);
    expect(body.repositories).toEqual([
      { type: "github", owner: "o", name: "n", ref: null, weight: 2, token: "t" },
    ]);
    expect(body.validation_files).toEqual(["v1"]);
  });
});

describe("jobFormFromJob (clone)", () => {
  it("fills the draft from a job, without secrets", () => {
    const job = {
      id: "j",
      model: "codestral-latest",
      auto_start: false,
      status: "SUCCESS",
      job_type: "completion",
      created_at: 0,
      modified_at: 0,
      training_files: ["a", "b"],
      validation_files: ["c"],
      hyperparameters: {
        training_steps: 40,
        learning_rate: 0.0002,
        weight_decay: 0.2,
        warmup_fraction: 0.1,
        epochs: 3.1,
        fim_ratio: 0.5,
      },
      suffix: "abc",
      integrations: [{ type: "wandb", project: "p", name: "n", run_name: null }],
      repositories: [
        {
          type: "github",
          owner: "o",
          name: "r",
          ref: "main",
          weight: 1,
          commit_id: "x".repeat(40),
        },
      ],
    } as JobOut;
    const d = jobFormFromJob(job);
    expect(d).toMatchObject({
      model: "codestral-latest",
      training_files: [
        { file_id: "a", weight: "1" },
        { file_id: "b", weight: "1" },
      ],
      validation_files: ["c"],
      length: "steps",
      hyperparameters: { training_steps: "40", learning_rate: "0.0002", fim_ratio: "0.5" },
      suffix: "abc",
      wandb_enabled: true,
      auto_start: false,
    });
    expect(d.integrations[0].api_key).toBe("");
    expect(d.repositories[0]).toEqual({
      owner: "o",
      name: "r",
      ref: "main",
      weight: "1",
      token: "",
    });
    // the secrets must be typed again before the job can be created
    expect(Object.keys(validateDraft(d)).sort()).toEqual([
      "integrations.0.api_key",
      "repositories.0.token",
    ]);
  });
});

describe("dataWarnings", () => {
  const file = (id: string, bytes: number) =>
    [id, { id, bytes, filename: `${id}.jsonl` } as FileSchema] as const;
  it("warns when validation data exceeds min(1 MB, 5% of training) and on shared files", () => {
    const files = new Map([file("t", 10_000_000), file("v", 600_000), file("small", 400_000)]);
    expect(
      dataWarnings(
        valid({ training_files: [{ file_id: "t", weight: "1" }], validation_files: ["small"] }),
        files,
      ),
    ).toEqual([]);
    const [w] = dataWarnings(
      valid({ training_files: [{ file_id: "t", weight: "1" }], validation_files: ["v"] }),
      files,
    );
    expect(w).toMatch(/500,000 bytes/);
    const both = dataWarnings(
      valid({ training_files: [{ file_id: "t", weight: "1" }], validation_files: ["t"] }),
      files,
    );
    expect(both.some((x) => x.includes("t.jsonl is both"))).toBe(true);
  });
});

describe("draft storage", () => {
  it("survives a round trip without keeping secrets", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    } as Storage;
    const d = valid({
      suffix: "s",
      wandb_enabled: true,
      integrations: wandbOf({ project: "p", api_key: "k".repeat(40) }),
      repositories: [{ owner: "o", name: "n", ref: "", weight: "1", token: "secret" }],
    });
    saveDraft(storage, { form: d, step: 3 }, 42);
    expect([...store.values()].join()).not.toContain("secret");
    expect([...store.values()].join()).not.toContain("k".repeat(40));
    const back = loadDraft(storage)!;
    expect(back.step).toBe(3);
    expect(back.form.suffix).toBe("s");
    expect(back.form.integrations[0]).toEqual({
      project: "p",
      name: "",
      run_name: "",
      api_key: "",
    });
    expect(back.form.repositories[0].token).toBe("");
  });
});

describe("previewModelName", () => {
  it("shows ft:<model>:<suffix>:<YYYYMMDD>:<8 hex>", () => {
    const day = new Date("2026-03-04T10:00:00Z");
    expect(previewModelName("mistral-small-latest", "support", day)).toBe(
      "ft:mistral-small-latest:support:20260304:xxxxxxxx",
    );
    expect(previewModelName("", "", day)).toBe("ft:<model>:xxxxxxxx:20260304:xxxxxxxx");
  });
});
