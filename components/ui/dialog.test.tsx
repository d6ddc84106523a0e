// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./dialog";

afterEach(cleanup);

function Page({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Delete model</button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={onConfirm}
        title="Delete ft:model?"
        confirmText="ft:model"
      >
        This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

describe("ConfirmDialog", () => {
  it("is named by its title, keeps focus inside, and asks for the text before confirming", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Page onConfirm={onConfirm} />);
    const opener = screen.getByRole("button", { name: "Delete model" });
    await user.click(opener);
    const dialog = screen.getByRole("dialog", { name: "Delete ft:model?" });
    expect(dialog.contains(document.activeElement)).toBe(true);
    for (let i = 0; i < 5; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    const confirm = screen.getByRole("button", { name: "Delete" });
    expect(confirm).toHaveProperty("disabled", true);
    await user.type(screen.getByRole("textbox", { name: /Type ft:model to confirm/ }), "ft:model");
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it("closes on Escape, forgets what was typed, and gives focus back to its opener", async () => {
    const user = userEvent.setup();
    render(<Page onConfirm={() => {}} />);
    const opener = screen.getByRole("button", { name: "Delete model" });
    await user.click(opener);
    await user.type(screen.getByRole("textbox"), "ft:mo");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));
    await user.click(opener);
    expect(screen.getByRole("textbox")).toHaveProperty("value", "");
  });
});
