// Fine-tuning after Mistral retired its training API (August 2026): every jobs route answers 410.
// A console runs two jobs while the sandbox still trains (it files them in its archive), then
// restarts on the same data folder with SANDBOX_FINE_TUNING=retired. Every fine-tuning page must
// explain the retirement, never show "Error 410" or a Retry for it, and still open the archived
// jobs with their checkpoints. Runs its own console (port+16, signed out) on a folder of its own.
import { rmSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import type { DetailedJobOut } from "@/lib/mistral/types";
import { basePort, startOwnServer, untilHealthy, type OwnServer } from "./own-server";
import { jsonl } from "./fine-tuning-helpers";

const port = basePort() + 16;
const origin = `http://127.0.0.1:${port}`;
const dataDir = `.data/e2e-${port}-retired`;
let server: OwnServer | undefined;

test.afterAll(async () => {
  await server?.kill();
});

const start = (fineTuning: "running" | "retired") =>
  startOwnServer({
    port,
    host: "127.0.0.1",
    env: { CONSOLE_AUTH: "off", CONSOLE_DATA_DIR: dataDir, SANDBOX_FINE_TUNING: fineTuning },
  });

/** Nothing on the page reads like the raw upstream error, and nothing offers to retry it. */
async function expectNoRaw410(page: Page) {
  await expect(page.getByText(/Error 410|\b410 Gone\b|\bGone\b/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  // (Inside the page: Next's route announcer is an alert of its own.)
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
}

const retiredNotice = (page: Page) =>
  page.getByRole("region", { name: "Fine-tuning training has been retired" });

test("after the retirement, the section explains it and the archived jobs stay readable", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  rmSync(dataDir, { recursive: true, force: true });

  // 1. While the API still trains: two jobs run to the end; their pages are read (as a user
  //    would), which files them with their checkpoints.
  server = start("running");
  await untilHealthy(request, origin);
  const upload = await request.post(`${origin}/v1/files`, {
    headers: { origin },
    multipart: {
      purpose: "fine-tune",
      file: {
        name: "retired.jsonl",
        mimeType: "application/jsonl",
        buffer: Buffer.from(jsonl(30)),
      },
    },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  const fileId = ((await upload.json()) as { id: string }).id;
  const jobs: DetailedJobOut[] = [];
  for (const suffix of ["kept-a", "kept-b"]) {
    const created = await request.post(`${origin}/v1/fine_tuning/jobs`, {
      headers: { origin },
      data: {
        model: "mistral-small-latest",
        suffix,
        training_files: [{ file_id: fileId }],
        hyperparameters: { training_steps: 10 },
        auto_start: true,
      },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { id } = (await created.json()) as { id: string };
    let job: DetailedJobOut | undefined;
    await expect
      .poll(
        async () => {
          job = (await (
            await request.get(`${origin}/v1/fine_tuning/jobs/${id}`)
          ).json()) as DetailedJobOut;
          return job.status;
        },
        { timeout: 60_000 },
      )
      .toBe("SUCCESS");
    expect(job!.checkpoints?.length).toBeGreaterThan(0);
    jobs.push(job!);
  }
  await server.kill();

  // 2. The same console, now that the API answers 410 on every jobs route.
  server = start("retired");
  await untilHealthy(request, origin);
  expect((await request.get(`${origin}/v1/fine_tuning/jobs`)).status()).toBe(410);
  const [a, b] = jobs as [DetailedJobOut, DetailedJobOut];

  // The list: the notice, then the archive, each job marked Archived; no New job.
  await page.goto(`${origin}/fine-tuning`);
  await expect(retiredNotice(page)).toContainText("retired fine-tuning training in August 2026");
  await expect(retiredNotice(page).getByRole("link", { name: "Models" })).toBeVisible();
  const rowA = page.getByRole("row", { name: /kept-a/ });
  await expect(rowA.getByText("Archived")).toBeVisible();
  await expect(page.getByRole("row", { name: /kept-b/ }).getByText("Archived")).toBeVisible();
  await expect(page.getByRole("link", { name: "New job" })).toHaveCount(0);
  // The header only explains the retirement: the archive has no filters to keep in the address.
  await expect(page.getByText("the jobs listed are the console's archive")).toBeVisible();
  await expect(page.getByText(/Filters are kept in the address/)).toHaveCount(0);
  await expectNoRaw410(page);

  // A job page: the archived copy with its checkpoints and loss chart; no Clone.
  await rowA.getByRole("link", { name: "kept-a", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/fine-tuning/${a.id}$`));
  await expect(page.getByRole("region", { name: "Status" }).getByText("Archived")).toBeVisible();
  await expect(page.getByTestId("job-status")).toContainText("SUCCESS");
  await expect(
    page.getByRole("heading", { name: `Checkpoints (${a.checkpoints!.length})` }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Clone" })).toHaveCount(0);
  await expectNoRaw410(page);

  // The wizard: the notice instead of a form.
  await page.goto(`${origin}/fine-tuning/new`);
  await expect(retiredNotice(page)).toContainText("No new job can be created");
  await expect(page.getByRole("navigation", { name: "Wizard steps" })).toHaveCount(0);
  await expectNoRaw410(page);

  // Compare: both jobs, from the archive.
  await page.goto(`${origin}/fine-tuning/compare?jobs=${a.id},${b.id}`);
  await expect(retiredNotice(page)).toBeVisible();
  const compared = page.getByRole("table", { name: "Compared jobs" });
  await expect(compared.getByRole("row")).toHaveCount(3);
  await expect(compared.getByText("Archived")).toHaveCount(2);
  await expectNoRaw410(page);

  // The fine-tuned model's page: its job link says the job is archived.
  await page.goto(`${origin}/models/${a.fine_tuned_model}`);
  await expect(page.getByRole("link", { name: a.id })).toBeVisible();
  await expect(page.getByText(/Archived: the API no longer serves fine-tuning jobs/)).toBeVisible();
  await expectNoRaw410(page);
});
