// The whole journey at a pace a person can watch: this spec needs a slow sandbox
// (SANDBOX_SPEED=4: about 3 s to validate and 12 s of training): as a *.slow.spec.ts it runs
// against the second, slower server of playwright.config.ts.
import { expect, test } from "@playwright/test";
import { chooseFiles } from "./test";
import { jobStatus, jsonl, shot, unique } from "./fine-tuning-helpers";

test("upload inline, wizard, dry run, create without auto start, start, watch the chart grow, open the model", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const fileName = `${unique("ft-live")}.jsonl`;
  const suffix = unique("live");

  await page.goto("/fine-tuning/new");
  await expect(page.getByRole("heading", { level: 1, name: "New fine-tuning job" })).toBeVisible();
  if (await page.getByRole("button", { name: "Start over" }).isVisible()) {
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Clear the form" }).click();
  }
  await page.getByRole("radio", { name: /mistral-small-latest/ }).check();
  await shot(page, "step-1-model");
  await page.getByRole("button", { name: "Next: Data" }).click();

  // Upload the training data inline: once uploaded it is selected for training.
  await page.getByRole("button", { name: "Upload a new file" }).click();
  await chooseFiles(page.getByLabel("Training files (.jsonl)"), {
    name: fileName,
    mimeType: "application/jsonl",
    buffer: Buffer.from(jsonl(40, "live")),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("checkbox", { name: `Train on ${fileName}` })).toBeChecked({
    timeout: 20_000,
  });
  await expect(page.getByRole("textbox", { name: `Weight of ${fileName}` })).toHaveValue("1");
  await shot(page, "step-2-data");
  await page.getByRole("button", { name: "Next: Hyperparameters" }).click();

  await page.getByRole("textbox", { name: "Training steps" }).fill("20");
  await expect(page.getByLabel("Learning rate")).toHaveValue("0.0001");
  await shot(page, "step-3-hyperparameters");
  await page.getByRole("button", { name: "Next: Extras" }).click();

  await page.getByLabel(/Suffix/).fill(suffix);
  await expect(page.getByLabel("Model name preview")).toContainText(
    `ft:mistral-small-latest:${suffix}:`,
  );
  // Auto-start is the default; this journey unticks it to start the job itself.
  const autoStart = page.getByRole("checkbox", { name: /Start training automatically/ });
  await expect(autoStart).toBeChecked();
  await autoStart.uncheck();
  await shot(page, "step-4-extras");
  await page.getByRole("button", { name: "Next: Review" }).click();
  await expect(page.getByText("The job waits at VALIDATED: start it yourself")).toBeVisible();

  // The dry run sizes the job before anything is created: 20 steps of 131,072 tokens.
  const figures = page.getByLabel("Dry-run figures");
  await expect(figures).toContainText("2,621,440");
  await expect(figures).toContainText("Expected duration");
  await expect(figures).toContainText("$");
  // The cost names its currency; no second line repeats it.
  await expect(figures).not.toContainText("Currency");
  await shot(page, "step-5-review");
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page).toHaveURL(/\/fine-tuning\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Job ${suffix}` })).toBeVisible();
  await expect(jobStatus(page)).toHaveText("VALIDATED", { timeout: 20_000 });
  await expect(page.getByText("The data is validated")).toBeVisible();
  await expect(page.getByRole("region", { name: "Cost and size" })).toContainText("2,621,440");
  await shot(page, "job-validated");

  await page.getByRole("button", { name: "Start training" }).click();
  await expect(jobStatus(page)).toHaveText("RUNNING");

  // Checkpoints arrive while the page polls: the chart gains points without a reload.
  const points = page
    .getByRole("figure")
    .filter({ hasText: "Loss" })
    .first()
    .getByTestId("chart-points");
  const count = async () => Number((await points.textContent())?.match(/\d+/)?.[0] ?? 0);
  await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await count();
  expect(first).toBeLessThan(10);
  await expect(jobStatus(page)).toHaveText("RUNNING");
  const bar = page.getByRole("progressbar", { name: "Training progress" });
  await expect(bar).toHaveAttribute("aria-valuemax", "20");
  // Smoothing and zoom chosen mid-run stay as they are while points keep arriving.
  await page.getByRole("slider", { name: "Smoothing" }).fill("0.8");
  await page.getByRole("textbox", { name: "Zoom from step" }).fill("4");
  await shot(page, "job-running");
  await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(first);
  await expect(jobStatus(page)).toHaveText("SUCCESS", { timeout: 30_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "20");
  await expect(
    page.getByRole("status").filter({ hasText: `Job ${suffix} succeeded` }),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: "Checkpoints" }).getByRole("row")).toHaveCount(11);
  await expect(page.getByRole("slider", { name: "Smoothing" })).toHaveValue("0.8");
  await expect(page.getByRole("textbox", { name: "Zoom from step" })).toHaveValue("4");
  await expect(points).toHaveText("9 points"); // steps 4..20 of 2..20
  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect(points).toHaveText("10 points");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let s = "";
    csv.on("data", (c) => (s += c));
    csv.on("end", () => resolve(s));
  });
  expect(text.split("\r\n")[0]).toBe(
    "step,created_at,train_loss,valid_loss,valid_mean_token_accuracy",
  );
  expect(text.trim().split("\r\n")).toHaveLength(11);
  await shot(page, "job-success");
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "job-success-dark");
  await page.emulateMedia({ colorScheme: "light" });

  const modelLink = page.getByRole("link", { name: "Open in Models" });
  const href = await modelLink.getAttribute("href");
  expect(decodeURIComponent(href!)).toMatch(
    new RegExp(`^/models\\?q=ft:mistral-small-latest:${suffix}:\\d{8}:[0-9a-f]{8}$`),
  );
  await modelLink.click();
  await expect(page).toHaveURL(
    /\/models\?q=ft%3Amistral-small-latest|\/models\?q=ft:mistral-small-latest/,
  );
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
});
