// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";
import { pollInterval, POLL_MS } from "@/lib/api/hooks/use-jobs";
import { useFinishNotice } from "./use-finish-notice";

function Watch({ status }: { status: string }) {
  useFinishNotice({ id: "0f9a3c1e-0000-4000-8000-000000000000", status, suffix: "support" });
  return null;
}

const renderWatch = (status: string) => {
  const view = render(
    <ToastProvider>
      <Watch status={status} />
    </ToastProvider>,
  );
  return (next: string) =>
    view.rerender(
      <ToastProvider>
        <Watch status={next} />
      </ToastProvider>,
    );
};

describe("useFinishNotice", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("toasts and notifies (when allowed) once a watched job finishes", () => {
    const shown: string[] = [];
    class FakeNotification {
      static permission = "granted";
      constructor(title: string) {
        shown.push(title);
      }
    }
    vi.stubGlobal("Notification", FakeNotification);
    const update = renderWatch("RUNNING");
    expect(screen.queryByText("Job support succeeded")).toBeNull();
    act(() => update("SUCCESS"));
    expect(screen.getByText("Job support succeeded")).toBeTruthy();
    expect(shown).toEqual(["Job support succeeded"]);
  });

  it("says nothing when the job was already finished on arrival", () => {
    const update = renderWatch("SUCCESS");
    act(() => update("SUCCESS"));
    expect(screen.queryByText(/succeeded/)).toBeNull();
  });

  it("reports a failure as an error", () => {
    const update = renderWatch("RUNNING");
    act(() => update("FAILED"));
    expect(screen.getByRole("alert").textContent).toContain("Job support ended: FAILED");
  });
});

describe("pollInterval", () => {
  it("polls while active, slower when the tab is hidden, and not at all when done", () => {
    expect(pollInterval(false)).toBe(false);
    expect(pollInterval(true)).toBe(POLL_MS.visible);
    const spy = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    expect(pollInterval(true)).toBe(POLL_MS.hidden);
    spy.mockRestore();
    expect(POLL_MS.hidden).toBeGreaterThan(POLL_MS.visible);
  });
});
