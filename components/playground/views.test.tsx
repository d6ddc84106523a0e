// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import MarkdownView from "./markdown";
import { ErrorState } from "@/components/ui/states";
import { MissingModel } from "./missing-model";
import { RunError } from "./run-error";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("RunError", () => {
  it.each([
    [400, "Invalid model: mistral-gone-2402"],
    [404, "No such model"],
    [422, "temperature: must be at most 1.5"],
  ])("offers no Retry for a %i, which the same request would get again", (status, message) => {
    render(<RunError error={new ApiError(message, { status })} onRetry={vi.fn()} />);
    expect(screen.getByRole("alert").textContent).toContain(message);
    expect(screen.getByRole("alert").textContent).toContain("change it, then send again");
    expect(screen.queryByRole("button", { name: /Retry/ })).toBeNull();
  });

  it.each([
    ["a lost connection", new ApiError("Failed to fetch", { kind: "network" })],
    ["a cut-off answer", new ApiError("cut", { kind: "interrupted" })],
    ["a 502", new ApiError("Upstream unreachable", { status: 502 })],
    ["a 503", new ApiError("Overloaded", { status: 503 })],
  ])("offers Retry after %s", (_, error) => {
    const onRetry = vi.fn();
    render(<RunError error={error} onRetry={onRetry} />);
    screen.getByRole("button", { name: "Retry" }).click();
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("counts a 429's Retry-After down before offering Retry", () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    render(
      <RunError
        error={new ApiError("slow down", { status: 429, retryAfter: 2 })}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("You can retry in 2 s");
    expect(
      (screen.getByRole("button", { name: "Retry in 2 s" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(
      (screen.getByRole("button", { name: "Retry in 1 s" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    const retry = screen.getByRole("button", { name: "Retry" });
    expect((retry as HTMLButtonElement).disabled).toBe(false);
    retry.click();
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it("says the key was rejected on a 401, and that a cut-off answer was kept", () => {
    render(<RunError error={new ApiError("Unauthorized", { status: 401 })} />);
    expect(screen.getByRole("alert").textContent).toContain("The Mistral API key was rejected");
    cleanup();
    render(
      <RunError
        error={new ApiError("cut", { kind: "interrupted" })}
        keptPartial
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("The answer was cut off");
    expect(screen.getByRole("alert").textContent).toContain(
      "The part of the answer that arrived is kept",
    );
  });
});

describe("RunError and the console's own refusals", () => {
  it("offers to sign in again, back to this page, when the session has ended", () => {
    window.history.replaceState(null, "", "/playground/fim");
    render(
      <RunError
        error={new ApiError("Sign in", { status: 401, code: "unauthenticated" })}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("Your session has ended");
    expect(screen.getByRole("link", { name: "Sign in again" }).getAttribute("href")).toBe(
      "/sign-in?next=%2Fplayground%2Ffim",
    );
    // Retrying without a session would only fail again.
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("ErrorState offers Sign in again for an ended session only, not for a rejected key", () => {
    window.history.replaceState(null, "", "/files?q=x");
    const { unmount } = render(
      <ErrorState error={new ApiError("Unauthorized", { status: 401 })} />,
    );
    expect(screen.queryByRole("link", { name: "Sign in again" })).toBeNull();
    unmount();
    render(<ErrorState error={new ApiError("x", { status: 401, code: "unauthenticated" })} />);
    expect(screen.getByRole("link", { name: "Sign in again" }).getAttribute("href")).toBe(
      "/sign-in?next=%2Ffiles%3Fq%3Dx",
    );
  });

  it("names the missing permission of a 403", () => {
    render(
      <RunError
        error={new ApiError("x", { status: 403, code: "forbidden", param: "playground.use" })}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain(
      "You don't have permission to use the playground (needs playground.use). Ask an admin.",
    );
  });
});

describe("MarkdownView", () => {
  it("renders Markdown with highlighted code blocks that have a copy button", () => {
    const { container } = render(
      <MarkdownView text={"# Title\n\nSome **bold** text.\n\n```js\nconst a = 1;\n```"} />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Title" })).toBeTruthy();
    expect(container.querySelector("strong")?.textContent).toContain("bold");
    expect(container.querySelector("code.hljs")?.textContent).toContain("const a = 1;");
    expect(screen.getByRole("button", { name: "Copy code" })).toBeTruthy();
  });

  it("while streaming, parses only the growing block, without the highlighter", () => {
    const { container } = render(
      <MarkdownView text={"```js\nconst a = 1;\n```\n\n```js\nconst b"} streaming />,
    );
    const blocks = container.querySelectorAll("pre code");
    expect(blocks).toHaveLength(2);
    expect(blocks[0].classList.contains("hljs")).toBe(true);
    expect(blocks[1].classList.contains("hljs")).toBe(false);
  });
});

describe("MissingModel", () => {
  it("names the missing model and switches to the nearest one in one click", () => {
    const onSwitch = vi.fn();
    render(
      <MissingModel
        model="mistral-large-2402"
        available={[{ id: "open-mistral-7b" }, { id: "mistral-large-latest" }]}
        onSwitch={onSwitch}
      />,
    );
    expect(screen.getByRole("alert").textContent).toContain("mistral-large-2402 is not available");
    screen.getByRole("button", { name: "Use mistral-large-latest" }).click();
    expect(onSwitch).toHaveBeenCalledWith("mistral-large-latest");
  });
});
