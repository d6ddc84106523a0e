// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import type { Role } from "@/lib/auth/permissions";
import { PlaygroundGate } from "./playground-gate";

afterEach(cleanup);

const session = (role: Role): ConsoleSession => ({
  user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
  authMode: "on",
});

function renderAs(role: Role) {
  render(
    <SessionProvider session={session(role)}>
      <PlaygroundGate>
        <textarea aria-label="Message" />
        <button type="button">Send</button>
      </PlaygroundGate>
    </SessionProvider>,
  );
}

describe("PlaygroundGate", () => {
  it("shows a viewer why the playground is closed, with no editor and no Send", () => {
    renderAs("viewer");
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();
    expect(screen.queryByLabelText("Message")).toBeNull();
    expect(
      screen.getByRole("region", { name: "The playground is not available to you" }).textContent,
    ).toContain(
      "Your role (viewer) can't use the playground — it spends the team's API budget. Ask an admin for the member role.",
    );
  });

  it.each(["member", "admin"] as const)("lets a %s use the playground", (role) => {
    renderAs(role);
    expect(screen.getByRole("button", { name: "Send" })).toBeTruthy();
    expect(screen.queryByRole("region")).toBeNull();
  });
});
