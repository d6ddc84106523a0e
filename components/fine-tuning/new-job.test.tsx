// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import type { Role } from "@/lib/auth/permissions";
import { NewJob } from "./new-job";
import { NewJobLink } from "./new-job-link";

// The wizard itself is not under test here: only whether it is offered.
vi.mock("./job-wizard", () => ({ JobWizardLoader: () => <form aria-label="Job wizard" /> }));

afterEach(cleanup);

const renderAs = (role: Role, ui: React.ReactNode) => {
  const session: ConsoleSession = {
    user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
    authMode: "on",
  };
  render(<SessionProvider session={session}>{ui}</SessionProvider>);
};

describe("creating jobs by role", () => {
  it("viewer: no New job link, and the wizard page says why instead", () => {
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
      screen.getByRole("region", { name: "You can't create fine-tuning jobs" }).textContent,
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
    expect(screen.getByRole("link", { name: "New job" }).getAttribute("href")).toBe(
      "/fine-tuning/new",
    );
    expect(await screen.findByRole("form", { name: "Job wizard" })).toBeTruthy();
    expect(screen.queryByRole("region")).toBeNull();
  });
});
