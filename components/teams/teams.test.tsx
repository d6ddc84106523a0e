// @vitest-environment jsdom
// A user is in at most one team: adding someone from another team says so and moves them.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { consoleUserKeys } from "@/lib/api/hooks/use-console-users";
import type { TeamInfo } from "@/lib/console/teams";
import type { UserInfo } from "@/lib/console/users";
import { TeamMembersDialog } from "./members-dialog";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = (id: string, email: string): UserInfo => ({
  id,
  email,
  name: email.split("@")[0],
  role: "member",
  createdAt: "2026-12-01T00:00:00.000Z",
  disabled: false,
  rateLimitPerMinute: null,
});
const team = (id: string, name: string, members: UserInfo[] = []): TeamInfo => ({
  id,
  name,
  createdAt: "2026-12-01T00:00:00.000Z",
  members: members.map((u) => ({
    userId: u.id,
    email: u.email,
    name: u.name,
    teamRole: "member",
    addedAt: "2026-12-01T00:00:00.000Z",
  })),
});

describe("Team members", () => {
  it("says from which team a user is moved, and moves them with the chosen role", async () => {
    const ada = user("u-ada", "ada@example.com");
    const bob = user("u-bob", "bob@example.com");
    const research = team("t-r", "Research");
    const sales = team("t-s", "Sales", [ada]);
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(consoleUserKeys.list(), [ada, bob]);
    // The write, then the lists it refreshes.
    const fetch = vi.fn<typeof globalThis.fetch>(async (url) =>
      Response.json(
        String(url) === "/api/console/users"
          ? { users: [ada, bob] }
          : { team: team("t-r", "Research", [ada]) },
      ),
    );
    vi.stubGlobal("fetch", fetch);
    render(
      <QueryClientProvider client={client}>
        <TeamMembersDialog team={research} teams={[research, sales]} onClose={vi.fn()} />
      </QueryClientProvider>,
    );
    const u = userEvent.setup();
    expect(screen.getByText("No one is in this team yet.")).toBeTruthy();
    const pick = screen.getByLabelText("Add a user");
    expect(screen.getByRole("option", { name: "ada@example.com (in Sales)" })).toBeTruthy();
    await u.selectOptions(pick, "u-bob");
    expect(screen.getByRole("button", { name: "Add" })).toBeTruthy();
    await u.selectOptions(pick, "u-ada");
    expect(
      screen.getByText("ada@example.com is in Sales: adding moves them out of it."),
    ).toBeTruthy();
    await u.selectOptions(screen.getByLabelText("Team role"), "admin");
    await u.click(screen.getByRole("button", { name: "Move here" }));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(fetch.mock.calls[0][0]).toBe("/api/console/teams/t-r/members/u-ada");
    expect(fetch.mock.calls[0][1]?.method).toBe("PUT");
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ teamRole: "admin" });
  });
});
