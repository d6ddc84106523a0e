// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { jobKeys } from "@/lib/api/hooks/use-jobs";
import type { Role } from "@/lib/auth/permissions";
import { viewFromParams, viewToFilters } from "@/lib/fine-tuning/filters";
import type { JobOut, JobsOut } from "@/lib/mistral/types";
import { JobsList } from "./jobs-list";

const job = (id: string, suffix: string) =>
  ({
    id,
    object: "job",
    status: "SUCCESS",
    auto_start: true,
    model: "open-mistral-7b",
    suffix,
    fine_tuned_model: null,
    created_at: 1716963433,
    modified_at: 1716963533,
    training_files: [],
    hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
    trained_tokens: null,
  }) as unknown as JobOut;

const OWNERS = {
  "job-mine": { userId: "u-member", email: "member@example.com" },
  "job-theirs": { userId: "u-admin", email: "admin@example.com" },
};

beforeEach(() => {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify({ owners: OWNERS }))),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAs(role: Role, jobs: JobOut[]) {
  const session: ConsoleSession = {
    user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
    authMode: "on",
  };
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, refetchOnMount: false, retry: false } },
  });
  const filters = viewToFilters(viewFromParams(new URLSearchParams()));
  client.setQueryData(jobKeys.list(filters), {
    object: "list",
    total: jobs.length,
    data: jobs,
  } as JobsOut);
  render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>
        <NuqsTestingAdapter>
          <JobsList />
        </NuqsTestingAdapter>
      </QueryClientProvider>
    </SessionProvider>,
  );
}

describe("JobsList", () => {
  it("says who created each job: you, a teammate, or nobody known", async () => {
    renderAs("member", [
      job("job-mine", "mine"),
      job("job-theirs", "theirs"),
      job("job-api", "from-api"),
    ]);
    const row = (name: string) => screen.getByRole("row", { name: new RegExp(name) });
    expect(await within(row("mine")).findByText("You")).toBeTruthy();
    expect(within(row("theirs")).getByText("admin@example.com")).toBeTruthy();
    expect(within(row("from-api")).getByTitle("Created outside this console")).toBeTruthy();
  });

  it("an empty list offers New job to a member, not to a viewer", () => {
    renderAs("member", []);
    expect(screen.getByRole("link", { name: "New job" })).toBeTruthy();
    cleanup();
    renderAs("viewer", []);
    expect(screen.getByText("No fine-tuning jobs yet")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "New job" })).toBeNull();
  });
});
