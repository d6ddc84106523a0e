import { expect, type APIRequestContext, type Page } from "@playwright/test";
import type { DetailedJobOut, FileSchema, JobIn, JobOut } from "@/lib/mistral/types";

/** A short unique tag: tests share one sandbox, so everything they create is named apart. */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1296).toString(36)}`;

export function jsonl(lines: number, topic = "support"): string {
  return Array.from({ length: lines }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `Question ${i} about ${topic}: how do I reset my password?` },
        { role: "assistant", content: `Answer ${i}: open Settings, then Security, then Reset.` },
      ],
    }),
  ).join("\n");
}

export async function uploadFile(
  request: APIRequestContext,
  name: string,
  lines = 30,
): Promise<FileSchema> {
  const res = await request.post("/v1/files", {
    multipart: {
      purpose: "fine-tune",
      file: { name, mimeType: "application/jsonl", buffer: Buffer.from(jsonl(lines, name)) },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as FileSchema;
}

export async function createJob(request: APIRequestContext, body: JobIn): Promise<JobOut> {
  const res = await request.post("/v1/fine_tuning/jobs", { data: body });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as JobOut;
}

export async function waitForStatus(
  request: APIRequestContext,
  id: string,
  status: string,
  timeout = 30_000,
): Promise<DetailedJobOut> {
  let job: DetailedJobOut | undefined;
  await expect
    .poll(
      async () => {
        job = (await (await request.get(`/v1/fine_tuning/jobs/${id}`)).json()) as DetailedJobOut;
        return job.status;
      },
      { timeout },
    )
    .toBe(status);
  return job!;
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `.data/screenshots/fine-tuning-${name}.png`, fullPage: true });

export const jobStatus = (page: Page) => page.getByTestId("job-status");
