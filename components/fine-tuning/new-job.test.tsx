// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { api } from "@/lib/api/client";
import type { Role } from "@/lib/auth/permissions";
import { fineTuningRetired } from "@/lib/sandbox";
import { NewJob } from "./new-job";
import { NewJobLink } from "./new-job-link";

// The wizard itself is not under test here: only whether it is offered.
vi.mock("./job-wizard", () => ({ JobWizardLoader: () => <form aria-label="Job wizard" /> }));

/** The jobs API as the gateway answers it: running (an empty list) or retired (410). */
function jobsApi(state: "running" | "retired") {
  const response =
    state === "running"
      ? new Response(JSON.stringify({ object: "list", total: 0, data: [] }))
      : fineTuningRetired();
  vi.spyOn(api, "GET").mockImplementation(async () => {
    const body: unknown = await response.clone().json();
    return (response.ok ? { data: body, response } : { error: body, response }) as never;
  });
}

beforeEach(() => jobsApi("running"));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const renderAs = (role: Role, ui: React.ReactNode) => {
  const session: ConsoleSession = {
    user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
    authMode: "on",
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>{ui}</QueryClientProvider>
    </SessionProvider>,
  );
};

describe("creating jobs by role", () => {
  it("viewer: no New job link, and the wizard page says why instead", async () => {
    renderAs(
      "viewer",
      <>
        <NewJobLink />
        <NewJob />
      </>,
    );
    expect(screen.queryByRole("link", { name: "New job" })).toBeNull();
    expect(screen.queryByRole("form", { name: "Job wizard" })).toBeNull();
    expect(
      (await screen.findByRole("region", { name: "You can't create fine-tuning jobs" }))
        .textContent,
    ).toContain("Your role (viewer) can't create fine-tuning jobs");
  });

  it.each(["member", "admin"] as const)("%s: New job and the wizard", async (role) => {
    renderAs(
      role,
      <>
        <NewJobLink />
        <NewJob />
      </>,
    );
    expect((await screen.findByRole("link", { name: "New job" })).getAttribute("href")).toBe(
      "/fine-tuning/new",
    );
    expect(await screen.findByRole("form", { name: "Job wizard" })).toBeTruthy();
    expect(screen.queryByRole("region")).toBeNull();
  });

  it.each(["member", "admin"] as const)(
    "%s, once training is retired: no New job, and the wizard page explains instead",
    async (role) => {
      jobsApi("retired");
      renderAs(
        role,
        <>
          <NewJobLink />
          <NewJob />
        </>,
      );
      const notice = await screen.findByRole("region", {
        name: "Fine-tuning training has been retired",
      });
      expect(notice.textContent).toContain("retired fine-tuning training in August 2026");
      expect(notice.textContent).toContain("No new job can be created");
      expect(screen.getByRole("link", { name: "Models" }).getAttribute("href")).toBe("/models");
      expect(screen.queryByRole("link", { name: "New job" })).toBeNull();
      expect(screen.queryByRole("form", { name: "Job wizard" })).toBeNull();
      expect(screen.queryByText(/410/)).toBeNull();
      expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
    },
  );
});
