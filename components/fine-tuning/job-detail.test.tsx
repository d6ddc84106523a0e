// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { api } from "@/lib/api/client";
import { fileKeys } from "@/lib/api/hooks/use-files";
import { jobKeys } from "@/lib/api/hooks/use-jobs";
import type { Role } from "@/lib/auth/permissions";
import type { DetailedJobOut } from "@/lib/mistral/types";
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
const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
  const url = String(input);
  if (url.startsWith("/api/console/job-owners?")) {
    return new Response(JSON.stringify({ owners }), {
      headers: { "content-type": "application/json" },
    });
  }
  return new Response("{}", { status: 404 });
});

beforeEach(() => {
  owners = {};
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
