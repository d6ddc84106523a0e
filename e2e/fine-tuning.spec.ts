import type { components } from "@/lib/mistral/types";
import { expect, test } from "./test";
import {
  createJob,
  jobStatus,
  shot,
  unique,
  uploadFile,
  waitForStatus,
} from "./fine-tuning-helpers";

test("the wizard checks fields as you type, keeps the draft on reload and shows a server 422 on its field", async ({
  page,
  request,
}) => {
  const file = await uploadFile(request, `${unique("ft-err")}.jsonl`);
  // The Files page links here with ?file=: the file comes pre-selected for training.
  await page.goto(`/fine-tuning/new?file=${file.id}`);
  await expect(page).toHaveURL(/\/fine-tuning\/new$/);
  await page.getByRole("button", { name: "Model and type", exact: true }).click();
  await page.getByRole("radio", { name: /mistral-small-latest/ }).check();
  await page.getByRole("button", { name: "Next: Data" }).click();
  await expect(page.getByRole("checkbox", { name: `Train on ${file.filename}` })).toBeChecked();

  // Client-side rules from the spec, shown while typing.
  await page.getByRole("button", { name: "Next: Hyperparameters" }).click();
  const lr = page.getByLabel("Learning rate");
  await lr.fill("2");
  await expect(lr).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Must be at most 1.")).toBeVisible();
  await lr.fill("0.0002");
  await expect(page.getByText("Must be at most 1.")).toBeHidden();
  await page.getByRole("textbox", { name: "Training steps" }).fill("1.5");
  await expect(page.getByText("Enter a whole number.")).toBeVisible();
  await page.getByRole("textbox", { name: "Training steps" }).fill("12");
  await page.getByRole("button", { name: "Next: Extras" }).click();
  await page.getByLabel(/Suffix/).fill("x".repeat(19));
  await expect(page.getByText("At most 18 characters (19 now).")).toBeVisible();
  await page.getByRole("checkbox", { name: /Log the training metrics to Weights/ }).check();
  await page.getByLabel(/W&B API key/).fill("short");
  await expect(page.getByText("A W&B API key is exactly 40 characters (5 now).")).toBeVisible();
  await expect(page.getByLabel(/W&B API key/)).toHaveAttribute("type", "password");
  await shot(page, "wizard-field-errors");
  await page.getByRole("checkbox", { name: /Log the training metrics to Weights/ }).uncheck();
  await page.getByLabel(/Suffix/).fill("err-check");
  await expect(page.getByLabel("Model name preview")).toHaveText(
    /^ft:mistral-small-latest:err-check:\d{8}:xxxxxxxx$/,
  );

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByText("Your saved draft was restored.")).toBeVisible();
  await expect(page.getByLabel(/Suffix/)).toHaveValue("err-check");
  await page.getByRole("button", { name: "Hyperparameters", exact: true }).click();
  await expect(page.getByLabel("Learning rate")).toHaveValue("0.0002");

  // A value only the server can judge: the training file is deleted behind the wizard's back.
  expect((await request.delete(`/v1/files/${file.id}`)).status()).toBe(200);
  await page.getByRole("button", { name: "Review", exact: true }).click();
  const problems = page.getByRole("alert").filter({ hasText: "to fix" });
  await expect(problems).toContainText("training_files.0.file_id");
  await expect(problems).toContainText(`File '${file.id}' not found.`);
  await expect(page.getByRole("button", { name: "Create job" })).toBeDisabled();
  await shot(page, "wizard-server-422");
  await problems.getByRole("button", { name: "Fix in Data" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 5: Data" })).toBeVisible();
  await expect(
    page.getByText(`File '${file.id}' not found.`).or(page.getByText(/no longer exists/)),
  ).toBeVisible();
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: "Clear the form" }).click();
});

test("cancel journey: a validated job is cancelled after a confirmation @live", async ({
  page,
  request,
}) => {
  const file = await uploadFile(request, `${unique("ft-cancel")}.jsonl`);
  const suffix = unique("cancel");
  const job = await createJob(request, {
    model: "mistral-small-latest",
    training_files: [{ file_id: file.id, weight: 1 }],
    hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    suffix,
    auto_start: false,
  });
  await page.goto(`/fine-tuning/${job.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Job ${suffix}` })).toBeVisible();
  await expect(jobStatus(page)).toHaveText("VALIDATED");
  await page.getByRole("button", { name: "Cancel job" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel job ${suffix}?` });
  await expect(dialog).toBeVisible();
  await shot(page, "cancel-confirm");
  // Backing out leaves the job alone.
  await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(jobStatus(page)).toHaveText("VALIDATED");
  await page.getByRole("button", { name: "Cancel job" }).click();
  await page.getByRole("button", { name: "Yes, cancel the job" }).click();
  await expect(jobStatus(page)).toHaveText("CANCELLED");
  await expect(
    page.getByRole("status").filter({ hasText: `Job ${suffix} ended: CANCELLED` }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel job" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Start training" })).toBeHidden();
  await expect(page.getByRole("list").filter({ hasText: "CANCELLED" }).first()).toBeVisible();
  await shot(page, "cancelled");
});

test("clone opens the wizard filled with the job's settings", async ({ page, request }) => {
  const train = await uploadFile(request, `${unique("ft-clone-t")}.jsonl`);
  const valid = await uploadFile(request, `${unique("ft-clone-v")}.jsonl`, 5);
  const suffix = unique("clone");
  const job = await createJob(request, {
    model: "codestral-latest",
    training_files: [{ file_id: train.id, weight: 1 }],
    validation_files: [valid.id],
    hyperparameters: { training_steps: 7, learning_rate: 0.0003, fim_ratio: 0.5 },
    suffix,
    auto_start: false,
  });
  await page.goto(`/fine-tuning/${job.id}`);
  await page.getByRole("link", { name: "Clone", exact: true }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/new/);
  await expect(page.getByText(`Filled from job ${suffix}`)).toBeVisible();
  await expect(page.getByRole("radio", { name: /codestral-latest/ })).toBeChecked();
  await page.getByRole("button", { name: "Next: Data" }).click();
  await expect(page.getByRole("checkbox", { name: `Train on ${train.filename}` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Validate on ${valid.filename}` })).toBeChecked();
  await page.getByRole("button", { name: "Next: Hyperparameters" }).click();
  await expect(page.getByRole("textbox", { name: "Training steps" })).toHaveValue("7");
  await expect(page.getByLabel("Learning rate")).toHaveValue("0.0003");
  await expect(page.getByLabel("FIM ratio")).toHaveValue("0.5");
  await page.getByRole("button", { name: "Next: Extras" }).click();
  await expect(page.getByLabel(/Suffix/)).toHaveValue(suffix);
  await expect(
    page.getByRole("checkbox", { name: /Start training automatically/ }),
  ).not.toBeChecked();
  await shot(page, "clone");
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await expect(page.getByLabel("Dry-run figures")).toContainText("Training steps");
  await page.getByRole("button", { name: "Start over" }).click();
  await page.getByRole("button", { name: "Clear the form" }).click();
});

test("jobs list: filters in the URL, total, and comparing two jobs' loss curves @live", async ({
  page,
  request,
}) => {
  const since = new Date(Date.now() - 1000).toISOString();
  const file = await uploadFile(request, `${unique("ft-cmp")}.jsonl`);
  const val = await uploadFile(request, `${unique("ft-cmp-v")}.jsonl`, 4);
  const suffixes = [unique("cmpa"), unique("cmpb")];
  const jobs = [];
  for (const [i, suffix] of suffixes.entries()) {
    jobs.push(
      await createJob(request, {
        model: "ministral-8b-latest",
        training_files: [{ file_id: file.id, weight: 1 }],
        validation_files: [val.id],
        hyperparameters: { training_steps: 20 + i * 10, learning_rate: 0.0001 * (i + 1) },
        suffix,
        auto_start: true,
      }),
    );
  }
  for (const j of jobs) await waitForStatus(request, j.id, "SUCCESS");

  // A filter is a URL: open one directly.
  await page.goto(`/fine-tuning?suffix=${suffixes[0]}`);
  await expect(page.getByLabel("Suffix")).toHaveValue(suffixes[0]);
  await expect(page.getByText("Showing 1–1 of 1 jobs")).toBeVisible();
  await expect(page.getByRole("link", { name: suffixes[0], exact: true })).toBeVisible();

  // Choosing filters writes them to the URL.
  await page.goto("/fine-tuning");
  await page.getByRole("combobox", { name: "Status" }).selectOption("SUCCESS");
  await expect(page).toHaveURL(/status=SUCCESS/);
  await page.getByRole("combobox", { name: "Base model" }).selectOption("ministral-8b-latest");
  await expect(page).toHaveURL(/model=ministral-8b-latest/);
  await page.getByLabel("Created after").fill(toLocalInput(since));
  await expect(page).toHaveURL(/created_after=/);
  await expect(page.getByText(/Showing 1–\d+ of \d+ jobs/)).toBeVisible();
  for (const s of suffixes)
    await expect(page.getByRole("link", { name: s, exact: true })).toBeVisible();
  await shot(page, "list");

  for (const s of suffixes)
    await page.getByRole("checkbox", { name: `Select ${s} to compare` }).check();
  await page.getByRole("link", { name: "Compare 2 jobs" }).click();
  await expect(page).toHaveURL(
    new RegExp(`/fine-tuning/compare\\?jobs=${jobs[0].id},${jobs[1].id}`),
  );
  await expect(page.getByRole("heading", { level: 1, name: "Compare jobs" })).toBeVisible();
  const train = page.getByRole("figure").filter({ hasText: "Train loss" });
  await expect(train.getByTestId("chart-points")).toHaveText(/\d+ points/);
  for (const s of suffixes)
    await expect(train.locator(".recharts-legend-item").filter({ hasText: s })).toBeVisible();
  await expect(page.getByRole("figure").filter({ hasText: "Validation loss" })).toBeVisible();
  await shot(page, "compare");
});

function toLocalInput(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

test("the jobs list refreshes itself while a job on screen is unfinished", async ({
  page,
  request,
}) => {
  const file = await uploadFile(request, `${unique("ft-poll")}.jsonl`);
  const suffix = unique("poll");
  const job = await createJob(request, {
    model: "mistral-small-latest",
    training_files: [{ file_id: file.id, weight: 1 }],
    hyperparameters: { training_steps: 10 },
    suffix,
    auto_start: false,
  });
  await waitForStatus(request, job.id, "VALIDATED");
  await page.goto(`/fine-tuning?suffix=${suffix}`);
  const row = page.getByRole("row").filter({ hasText: suffix });
  await expect(row).toContainText("VALIDATED");
  await expect(page.getByText("refreshing while jobs run")).toBeVisible();
  // Started elsewhere (another tab, the API): the list catches up without a reload.
  expect((await request.post(`/v1/fine_tuning/jobs/${job.id}/start`)).status()).toBe(200);
  await expect(row).toContainText("SUCCESS", { timeout: 15_000 });
  await expect(row.getByRole("link", { name: /^ft:mistral-small-latest:/ })).toBeVisible();
  await expect(page.getByText("refreshing while jobs run")).toBeHidden();
});

test("the wizard offers as base models those /v1/models marks fine-tunable", async ({ page }) => {
  const res = await page.request.get("/v1/models");
  expect(res.status()).toBe(200);
  const cards = ((await res.json()) as { data: ModelCard[] }).data;
  const now = Date.now();
  const tunable = cards.filter(
    (m) =>
      m.capabilities.fine_tuning &&
      m.type !== "fine-tuned" &&
      !(m.deprecation && Date.parse(m.deprecation) <= now),
  );
  expect(tunable.length).toBeGreaterThan(0);
  await page.goto("/fine-tuning/new");
  const group = page.getByRole("group", { name: "Which model do you want to fine-tune?" });
  await expect(group.getByRole("radio").first()).toBeVisible();
  const offered = await group
    .getByRole("radio")
    .evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));
  // One choice per model: each tunable card is offered under exactly one of its names...
  for (const m of tunable) {
    const names = [m.id, ...(m.aliases ?? [])];
    expect(
      offered.filter((o) => names.includes(o)),
      m.id,
    ).toHaveLength(1);
  }
  // ...and nothing else is offered (the retired 2024 bases included).
  const ids = tunable.map((m) => m.id);
  for (const o of offered) expect(ids, o).toContain(o);
  expect(offered).not.toContain("open-mistral-7b");
  expect(offered).not.toContain("open-mistral-nemo");
  await shot(page, "wizard-base-models");
});

interface ModelCard {
  id: string;
  type?: string;
  aliases?: string[];
  deprecation?: string | null;
  capabilities: { fine_tuning?: boolean };
}

test("a classifier job: type, targets, dry run review shows them, created job page shows type and targets", async ({
  page,
  request,
}) => {
  const name = `${unique("ft-cls")}.jsonl`;
  const lines = Array.from({ length: 30 }, (_, i) =>
    JSON.stringify({
      text: `Message ${i}: the match ended ${i % 4}-1 after extra time.`,
      labels: { topic: i % 2 ? "sport" : "politics", tone: ["calm"] },
    }),
  ).join("\n");
  const upload = await request.post("/v1/files", {
    multipart: {
      purpose: "fine-tune",
      file: { name, mimeType: "application/jsonl", buffer: Buffer.from(lines) },
    },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const file = (await upload.json()) as { id: string; filename: string };
  const suffix = unique("cls");

  await page.goto(`/fine-tuning/new?file=${file.id}`);
  await page.getByRole("button", { name: "Model and type", exact: true }).click();
  await page.getByRole("radio", { name: /ministral-8b-latest/ }).check();
  await page.getByRole("radio", { name: /Classifier/ }).check();
  const editor = page.getByRole("group", { name: "Classifier targets" });
  await editor.getByRole("textbox", { name: "Target name" }).fill("topic");
  await editor.getByRole("textbox", { name: "Labels" }).fill("sport, politics");
  await editor.getByRole("button", { name: "Add a target" }).click();
  const second = editor.getByRole("listitem", { name: "Target 2" });
  await second.getByRole("textbox", { name: "Target name" }).fill("topic");
  await expect(editor.getByText('Another target is already named "topic".')).toBeVisible();
  await second.getByRole("textbox", { name: "Target name" }).fill("tone");
  await second.getByRole("textbox", { name: "Labels" }).fill("calm, angry");
  await second.getByRole("combobox", { name: "Loss function" }).selectOption("multi_class");
  await expect(editor.getByRole("list", { name: "Labels of Target 2" })).toContainText("angry");
  await shot(page, "wizard-classifier-targets");

  await page.getByRole("button", { name: "Next: Data" }).click();
  await expect(page.getByRole("checkbox", { name: `Train on ${file.filename}` })).toBeChecked();
  await page.getByRole("button", { name: "Next: Hyperparameters" }).click();
  await page.getByRole("textbox", { name: "Training steps" }).fill("10");
  await page.getByRole("button", { name: "Next: Extras" }).click();
  await expect(page.getByRole("heading", { name: /GitHub repositories/ })).toHaveCount(0);
  await page.getByLabel(/Suffix/).fill(suffix);
  await page.getByRole("button", { name: "Next: Review" }).click();

  await expect(page.getByLabel("Dry-run figures")).toContainText("Training steps");
  const targets = page.getByRole("list", { name: "Classifier targets" });
  await expect(targets).toContainText("topic: sport, politics · weight 1 · Single class");
  await expect(targets).toContainText("tone: calm, angry · weight 1 · Multi class");
  await expect(
    page.getByText("Job type", { exact: true }).locator("xpath=following-sibling::dd[1]"),
  ).toHaveText("Classifier");
  await shot(page, "wizard-classifier-review");
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Job ${suffix}` })).toBeVisible();
  await expect(page).toHaveURL(/\/fine-tuning\/[0-9a-f-]{36}$/);
  const jobId = page.url().split("/").at(-1)!;
  const job = (await (
    await request.get(`/v1/fine_tuning/jobs/${jobId}`)
  ).json()) as components["schemas"]["ClassifierDetailedJobOut"];
  expect(job.job_type).toBe("classifier");
  expect(job.classifier_targets).toEqual([
    { name: "topic", labels: ["sport", "politics"], weight: 1, loss_function: "single_class" },
    { name: "tone", labels: ["calm", "angry"], weight: 1, loss_function: "multi_class" },
  ]);
  await expect(
    page.getByText("Job type", { exact: true }).locator("xpath=following-sibling::*[1]"),
  ).toHaveText("Classifier");
  const section = page.getByRole("region", { name: "Classifier targets" });
  await expect(section).toContainText("topic");
  await expect(section).toContainText("Labels: sport, politics");
  await expect(section).toContainText("Labels: calm, angry");
  await shot(page, "classifier-job");

  // The jobs list says what each job trains.
  await page.goto(`/fine-tuning?suffix=${suffix}`);
  const row = page.getByRole("row").filter({ hasText: suffix });
  await expect(row.getByRole("cell", { name: "Classifier", exact: true })).toBeVisible();
});
