// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { CapabilityBadges } from "./capability-badges";

afterEach(cleanup);

const items = (name: string) =>
  within(screen.getByRole("list", { name }))
    .getAllByRole("listitem")
    .map((li) => li.textContent);

describe("CapabilityBadges", () => {
  it("shows what the model can do by name, a flag added since included, and folds the rest", () => {
    render(
      <CapabilityBadges
        capabilities={{
          completion_chat: true,
          vision: false,
          function_calling: true,
          some_new_flag: true,
          fine_tuning: false,
          max_images: 8,
        }}
      />,
    );
    expect(items("Can")).toEqual(["Chat", "Function calling", "Some new flag", "Max images: 8"]);
    const cannot = screen.getByText("Cannot (2)").closest("details")!;
    expect(cannot.open).toBe(false);
    expect(items("Cannot")).toEqual(["Vision", "Fine-tuning"]);
    expect(screen.queryByText(/: (yes|no)$/)).toBeNull();
  });

  it("says so when a model can do none of them, and shows a dash when none are listed", () => {
    const { unmount } = render(<CapabilityBadges capabilities={{ vision: false }} />);
    expect(screen.getByText("None of the capabilities the API lists.")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Can" })).toBeNull();
    unmount();
    render(<CapabilityBadges capabilities={null} />);
    expect(document.body.textContent).toBe("—");
  });
});
