// @vitest-environment jsdom
// The rules editor by keyboard: a moved rule keeps the focus, and what is saved is the new order.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "@/components/auth/session";
import { ToastProvider } from "@/components/ui/toast";
import type { SsoMappingsResponse } from "@/lib/console/sso";
import { SsoPage } from "./sso-page";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const data: SsoMappingsResponse = {
  rules: [
    { group: "admins", teamId: null, teamRole: null, role: "admin" },
    { group: "eng", teamId: "t-1", teamRole: "member", role: "member" },
  ],
  teams: [{ id: "t-1", name: "Research" }],
  sso: { name: "Acme SSO", groupsClaim: "groups" },
};

describe("Directory groups", () => {
  it("keeps the focus on a rule moved with the keyboard, and saves the new order", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) =>
      Response.json(
        init?.method === "PUT" ? { ...data, rules: JSON.parse(String(init.body)).rules } : data,
      ),
    );
    vi.stubGlobal("fetch", fetch);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SessionProvider
          session={{ user: { id: "u", email: "a@x", name: "A", role: "admin" }, authMode: "on" }}
        >
          <ToastProvider>
            <SsoPage />
          </ToastProvider>
        </SessionProvider>
      </QueryClientProvider>,
    );
    const u = userEvent.setup();
    expect(await screen.findByText("groups")).toBeTruthy();
    screen.getByRole("button", { name: "Move rule 2 up" }).focus();
    await u.keyboard("{Enter}");
    expect((screen.getByLabelText("Group (rule 1)") as HTMLInputElement).value).toBe("eng");
    // At the top its "up" is disabled: the focus is on its "down" button.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Move rule 1 down" })),
    );
    await u.click(screen.getByRole("button", { name: "Save rules" }));
    await waitFor(() => expect(fetch.mock.calls.some(([, i]) => i?.method === "PUT")).toBe(true));
    const put = fetch.mock.calls.find(([, i]) => i?.method === "PUT")!;
    expect(JSON.parse(String(put[1]?.body)).rules.map((r: { group: string }) => r.group)).toEqual([
      "eng",
      "admins",
    ]);
  });
});
