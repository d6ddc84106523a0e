// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { api } from "@/lib/api/client";
import { jobKeys } from "@/lib/api/hooks/use-jobs";
import { modelKeys } from "@/lib/api/hooks/use-models";
import type { Role } from "@/lib/auth/permissions";
import { viewFromParams, viewToFilters } from "@/lib/fine-tuning/filters";
import type { JobOut, JobsOut } from "@/lib/mistral/types";
import { fineTuningRetired } from "@/lib/sandbox";
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
  vi.restoreAllMocks();
});

function renderAs(role: Role, jobs: JobOut[], models: unknown[] = []) {
  const session: ConsoleSession = {
    user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
    authMode: "on",
  };
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, refetchOnMount: false, retry: false } },
  });
  const filters = viewToFilters(viewFromParams(new URLSearchParams()));
  client.setQueryData(modelKeys.list, models);
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

  it("offers as base models those the wizard offers: /v1/models' fine-tunable ones, not retired", () => {
    renderAs(
      "member",
      [],
      [
        { id: "open-mistral-7b", capabilities: { fine_tuning: true }, deprecation: "2025-03-30" },
        { id: "ministral-8b-latest", capabilities: { completion_chat: true, fine_tuning: true } },
        { id: "mistral-embed", capabilities: { completion_chat: false } },
      ],
    );
    const select = screen.getByRole("combobox", { name: "Base model" });
    const options = within(select)
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(options).toEqual(["Any model", "ministral-8b-latest"]);
  });

  it("shows each job's type, and a dash for a job from before types", () => {
    renderAs("member", [
      { ...job("job-c", "classify"), job_type: "classifier" } as JobOut,
      { ...job("job-t", "complete"), job_type: "completion" } as JobOut,
      job("job-old", "old"),
    ]);
    const table = screen.getByRole("table", { name: "Fine-tuning jobs" });
    const typeOf = (suffix: string) => {
      const row = within(table).getByText(suffix).closest("tr")!;
      const index = within(table)
        .getAllByRole("columnheader")
        .findIndex((h) => h.textContent === "Type");
      return within(row).getAllByRole("cell")[index].textContent;
    };
    expect(typeOf("classify")).toBe("Classifier");
    expect(typeOf("complete")).toBe("Completion");
    expect(typeOf("old")).toBe("—");
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

describe("JobsList once the API has retired its jobs routes (410)", () => {
  it("explains the retirement and lists the console's archive, each job marked Archived", async () => {
    const archived = [
      { ...job("job-mine", "mine"), archived_at: Date.UTC(2026, 6, 30) },
      { ...job("job-api", "from-api"), status: "RUNNING", archived_at: Date.UTC(2026, 6, 29) },
    ];
    const response = fineTuningRetired();
    vi.spyOn(api, "GET").mockImplementation(async () => {
      const body: unknown = await response.clone().json();
      return { error: body, response: response.clone() } as never;
    });
    const pages: string[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        const url = String(input);
        if (url.startsWith("/api/console/job-archive?")) {
          pages.push(url);
          return new Response(JSON.stringify({ object: "list", total: 2, data: archived }));
        }
        return new Response(JSON.stringify({ owners: OWNERS }));
      }),
    );
    const session: ConsoleSession = {
      user: { id: "u-member", email: "member@example.com", name: "member", role: "member" },
      authMode: "on",
    };
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <SessionProvider session={session}>
        <QueryClientProvider client={client}>
          <NuqsTestingAdapter>
            <JobsList />
          </NuqsTestingAdapter>
        </QueryClientProvider>
      </SessionProvider>,
    );
    const notice = await screen.findByRole("region", {
      name: "Fine-tuning training has been retired",
    });
    expect(notice.textContent).toContain("Mistral retired fine-tuning training in August 2026");
    expect(notice.textContent).toContain("the console's archive");
    expect(within(notice).getByRole("link", { name: "Models" }).getAttribute("href")).toBe(
      "/models",
    );
    const row = async (name: string) => screen.findByRole("row", { name: new RegExp(name) });
    expect(within(await row("mine")).getByText("Archived")).toBeTruthy();
    expect(within(await row("from-api")).getByText("Archived")).toBeTruthy();
    expect(screen.getByText("Showing 1–2 of 2 jobs")).toBeTruthy();
    expect(pages[0]).toBe("/api/console/job-archive?page=0&page_size=20");
    // The archive cannot be filtered, and nothing is polled or offered to create.
    expect(screen.queryByRole("search", { name: "Filter jobs" })).toBeNull();
    expect(screen.queryByText(/refreshing while jobs run/)).toBeNull();
    expect(screen.queryByRole("link", { name: "New job" })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText(/410/)).toBeNull();
  });
});
