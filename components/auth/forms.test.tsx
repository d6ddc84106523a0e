// @vitest-environment jsdom
// The console's forms check what they can with the contract's schemas before sending, and show a
// refusal that names a field under that field.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { consoleUserKeys } from "@/lib/api/hooks/use-console-users";
import { type ConsoleSession, SessionProvider } from "./session";
import { SetupForm } from "./setup-form";
import { UsersPage } from "./users-page";

const replace = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace, refresh: vi.fn() }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The console's answer to the next request: its status and error body. */
function answer(status: number, body: unknown) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => Response.json(body, { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const errorOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")
    ?.textContent;

function withClient(children: React.ReactNode, client = new QueryClient()) {
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe("SetupForm", () => {
  const fill = async (password: string, confirm = password) => {
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Setup token"), "not-the-token");
    await user.type(screen.getByLabelText("Name"), "First Admin");
    await user.type(screen.getByLabelText("Email"), "first@example.com");
    await user.type(screen.getByLabelText("Password"), password);
    await user.type(screen.getByLabelText("Confirm password"), confirm);
    await user.click(screen.getByRole("button", { name: "Create admin" }));
  };

  it("refuses a password under 12 characters before sending anything", async () => {
    const fetch = answer(500, {});
    render(withClient(<SetupForm setupNeeded />));
    await fill("short");
    const password = screen.getByLabelText("Password");
    await waitFor(() => expect(password.getAttribute("aria-invalid")).toBe("true"));
    expect(errorOf(password)).toBe("Use 12 to 128 characters.");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's refusal of the token under the token field", async () => {
    answer(403, {
      object: "error",
      code: "invalid_setup_token",
      param: "token",
      message: "That setup token is not valid. Copy it from the server log.",
    });
    render(withClient(<SetupForm setupNeeded />));
    await fill("correct horse battery staple");
    const token = screen.getByLabelText("Setup token");
    await waitFor(() => expect(token.getAttribute("aria-invalid")).toBe("true"));
    expect(errorOf(token)).toBe("That setup token is not valid. Copy it from the server log.");
    expect(replace).not.toHaveBeenCalled();
  });

  it("says setup is done when the page knows it already", () => {
    render(withClient(<SetupForm setupNeeded={false} />));
    expect(screen.getByRole("heading", { name: "Setup is done" })).toBeTruthy();
  });
});

describe("Add user", () => {
  const session: ConsoleSession = {
    user: { id: "u-admin", email: "admin@example.com", name: "Admin", role: "admin" },
    authMode: "on",
  };

  it("puts a 422 or 409 naming a field under that field", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(consoleUserKeys.list(), []);
    render(
      <SessionProvider session={session}>{withClient(<UsersPage />, client)}</SessionProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Add user" }));
    await user.type(screen.getByLabelText("Name"), "New Person");
    await user.type(screen.getByLabelText("Email"), "taken@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse battery staple");
    const fetch = answer(409, {
      object: "error",
      code: "email_taken",
      param: "email",
      message: "A user with the email taken@example.com exists.",
    });
    await user.click(screen.getByRole("button", { name: "Create user" }));
    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(errorOf(email)).toBe("A user with the email taken@example.com exists.");
    expect(fetch).toHaveBeenCalledWith(
      "/api/console/users",
      expect.objectContaining({ method: "POST" }),
    );
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({
      name: "New Person",
      email: "taken@example.com",
      password: "correct horse battery staple",
      role: "member",
    });

    answer(422, {
      object: "error",
      code: "invalid_field",
      param: "password",
      message: "password: Use 12 to 128 characters.",
    });
    await user.click(screen.getByRole("button", { name: "Create user" }));
    const password = screen.getByLabelText("Password");
    await waitFor(() => expect(errorOf(password)).toBe("Use 12 to 128 characters."));
  });
});
