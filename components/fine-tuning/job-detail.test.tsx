// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { api } from "@/lib/api/client";
import { fileKeys } from "@/lib/api/hooks/use-files";
import { jobKeys } from "@/lib/api/hooks/use-jobs";
import type { Role } from "@/lib/auth/permissions";
import type { DetailedJobOut } from "@/lib/mistral/types";
import { fineTuningRetired } from "@/lib/sandbox";
import { JobDetail } from "./job-detail";

const JOB_ID = "0f9a3c1e-0000-4000-8000-000000000001";
const job = (over: Partial<DetailedJobOut> = {}) =>
  ({
    id: JOB_ID,
    object: "job",
    status: "RUNNING",
    auto_start: true,
    model: "open-mistral-7b",
    suffix: "support",
    fine_tuned_model: null,
    created_at: 1716963433,
    modified_at: 1716963533,
    training_files: [],
    validation_files: [],
    hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    integrations: [],
    repositories: [],
    events: [],
    checkpoints: [],
    metadata: null,
    trained_tokens: null,
    ...over,
  }) as DetailedJobOut;

let owners: Record<string, { userId: string; email: string }> = {};
/** The console's archive: job id -> the archived job (GET /api/console/job-archive/<id>). */
let archive: Record<string, unknown> = {};
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = String(input);
  if (url.startsWith("/api/console/job-owners?")) {
    return new Response(JSON.stringify({ owners }), {
      headers: { "content-type": "application/json" },
    });
  }
  const archived = url.match(/^\/api\/console\/job-archive\/(.+)$/);
  if (archived) {
    const found = archive[decodeURIComponent(archived[1]!)];
    return found
      ? new Response(JSON.stringify(found), { headers: { "content-type": "application/json" } })
      : new Response(JSON.stringify({ code: "not_found", message: "No copy" }), { status: 404 });
  }
  return new Response("{}", { status: 404 });
});

beforeEach(() => {
  owners = {};
  archive = {};
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const session = (role: Role): ConsoleSession => ({
  user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
  authMode: "on",
});

function renderAs(role: Role, data: DetailedJobOut = job()) {
  // The job and the files are already known and not refetched on mount; only the owner is asked.
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, refetchOnMount: false, retry: false } },
  });
  client.setQueryData(jobKeys.detail(JOB_ID), data);
  client.setQueryData(fileKeys.list, []);
  render(
    <SessionProvider session={session(role)}>
      <QueryClientProvider client={client}>
        <JobDetail id={JOB_ID} />
      </QueryClientProvider>
    </SessionProvider>,
  );
}

const cancel = () => screen.queryByRole("button", { name: "Cancel job" });
const clone = () => screen.queryByRole("link", { name: "Clone" });

describe("JobDetail by role and owner", () => {
  it("member: cancels and clones their own job, and is told they created it", async () => {
    owners = { [JOB_ID]: { userId: "u-member", email: "member@example.com" } };
    renderAs("member");
    expect((await screen.findByTestId("job-owner")).textContent).toBe(
      "Created by you (member@example.com)",
    );
    expect(cancel()).toBeTruthy();
    expect(clone()).toBeTruthy();
  });

  it("member: cannot cancel or start someone else's job, but can clone it", async () => {
    owners = { [JOB_ID]: { userId: "u-other", email: "other@example.com" } };
    renderAs("member", job({ status: "VALIDATED", auto_start: false }));
    expect((await screen.findByTestId("job-owner")).textContent).toBe(
      "Created by other@example.com",
    );
    expect(cancel()).toBeNull();
    expect(screen.queryByRole("button", { name: "Start training" })).toBeNull();
    expect(screen.getByText(/waits for its creator or an admin to start it/)).toBeTruthy();
    expect(clone()).toBeTruthy();
  });

  it("member: a job created outside the console is not theirs to cancel", async () => {
    renderAs("member");
    expect((await screen.findByTestId("job-owner")).textContent).toBe(
      "Created outside this console",
    );
    expect(cancel()).toBeNull();
  });

  it("viewer: no cancel, no clone, no playground link even on their own job", async () => {
    owners = { [JOB_ID]: { userId: "u-viewer", email: "viewer@example.com" } };
    renderAs("viewer", job({ status: "SUCCESS", fine_tuned_model: "ft:open-mistral-7b:x" }));
    await screen.findByTestId("job-owner");
    expect(cancel()).toBeNull();
    expect(clone()).toBeNull();
    expect(screen.getByRole("link", { name: "Open in Models" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Try in the Playground" })).toBeNull();
  });

  it("admin: cancels and starts anyone's job, without waiting for the owner", () => {
    owners = { [JOB_ID]: { userId: "u-other", email: "other@example.com" } };
    renderAs("admin");
    expect(cancel()).toBeTruthy();
    expect(clone()).toBeTruthy();
    cleanup();
    renderAs("admin", job({ status: "VALIDATED", auto_start: false }));
    expect(screen.getByRole("button", { name: "Start training" })).toBeTruthy();
  });
});

describe("JobDetail for a job that is not there", () => {
  function renderMissing(id: string, status: number, message: string) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    // The typed client's answer, as it arrives from the gateway.
    const body = { object: "error", message, type: "invalid_request_error" };
    vi.spyOn(api, "GET").mockResolvedValue({
      error: body,
      response: new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json" },
      }),
    } as never);
    render(
      <SessionProvider session={session("member")}>
        <QueryClientProvider client={client}>
          <JobDetail id={id} />
        </QueryClientProvider>
      </SessionProvider>,
    );
  }

  it("a malformed job URL says No such job, not the gateway's wording, with a way back", async () => {
    renderMissing("not-a-job", 404, "No API operation at /v1/fine_tuning/jobs/not-a-job for GET.");
    expect(await screen.findByText("No such job")).toBeTruthy();
    expect(screen.queryByText(/No API operation/)).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("link", { name: "Back to the jobs" }).getAttribute("href")).toBe(
      "/fine-tuning",
    );
  });

  it("an unknown job id is the same No such job", async () => {
    renderMissing(JOB_ID, 404, "Job not found");
    expect(await screen.findByText("No such job")).toBeTruthy();
  });

  it("other failures still say what went wrong, with a retry", async () => {
    renderMissing(JOB_ID, 403, "You may not read this job.");
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.queryByText("No such job")).toBeNull();
  });
});

describe("JobDetail once the API has retired its jobs routes (410)", () => {
  const LAST_SEEN = Date.UTC(2026, 6, 30, 12, 0, 0);

  function renderRetired(id: string) {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const response = fineTuningRetired();
    vi.spyOn(api, "GET").mockImplementation(async () => {
      const body: unknown = await response.clone().json();
      return { error: body, response: response.clone() } as never;
    });
    client.setQueryData(fileKeys.list, []);
    render(
      <SessionProvider session={session("member")}>
        <QueryClientProvider client={client}>
          <JobDetail id={id} />
        </QueryClientProvider>
      </SessionProvider>,
    );
  }

  it("shows the archived copy with its checkpoints, marked archived and last seen; no actions", async () => {
    owners = { [JOB_ID]: { userId: "u-member", email: "member@example.com" } };
    archive[JOB_ID] = {
      ...job({ status: "RUNNING" }),
      checkpoints: [
        {
          step_number: 5,
          created_at: 1716963500,
          metrics: { train_loss: 1.25, valid_loss: 1.5, valid_mean_token_accuracy: 0.5 },
        },
      ],
      archived_at: LAST_SEEN,
    };
    renderRetired(JOB_ID);
    expect(await screen.findByRole("heading", { name: "Job support" })).toBeTruthy();
    expect(
      screen.getByRole("region", { name: "Fine-tuning training has been retired" }).textContent,
    ).toContain("archived copy");
    const status = screen.getByRole("region", { name: "Status" });
    expect(within(status).getByText("Archived")).toBeTruthy();
    expect(status.textContent).toContain("30 Jul 2026, 12:00:00 UTC");
    expect(status.textContent).not.toContain("updates every few seconds");
    expect(screen.getByRole("heading", { name: "Checkpoints (1)" })).toBeTruthy();
    // The member's own running job: nothing to cancel, start or clone once it is archived.
    expect(cancel()).toBeNull();
    expect(clone()).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText(/410/)).toBeNull();
  });

  it("a job the console never saw: says so and why, with no error and no Retry", async () => {
    renderRetired(JOB_ID);
    const notice = await screen.findByRole("region", {
      name: "Fine-tuning training has been retired",
    });
    expect(notice.textContent).toContain("The console has no copy of the job");
    expect(notice.textContent).toContain("August 2026");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
    expect(screen.queryByText(/410/)).toBeNull();
  });
});

describe("JobDetail of a classifier job", () => {
  it("shows its type and targets, and no repositories section", () => {
    const { repositories: _none, ...completion } = job({ status: "SUCCESS" }) as DetailedJobOut & {
      repositories?: unknown;
    };
    void _none;
    renderAs("viewer", {
      ...completion,
      job_type: "classifier",
      classifier_targets: [
        { name: "topic", labels: ["sport", "politics"], weight: 2, loss_function: "single_class" },
      ],
    } as unknown as DetailedJobOut);
    expect(screen.getByText("Job type").nextSibling?.textContent).toBe("Classifier");
    const targets = screen.getByRole("region", { name: "Classifier targets" });
    expect(targets.textContent).toContain("topic · weight 2 · single class loss");
    expect(targets.textContent).toContain("Labels: sport, politics");
    expect(screen.queryByRole("region", { name: "Repositories" })).toBeNull();
  });

  it("a completion job keeps its repositories section", () => {
    renderAs("viewer", { ...job({ status: "SUCCESS" }), job_type: "completion" } as DetailedJobOut);
    expect(screen.getByText("Job type").nextSibling?.textContent).toBe("Completion");
    expect(screen.getByRole("region", { name: "Repositories" })).toBeTruthy();
  });
});
