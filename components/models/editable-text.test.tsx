// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import { EditableText, type EditState } from "./editable-text";

afterEach(cleanup);

function Harness({ initial, saved }: { initial: string | null; saved: string[] }) {
  const [value, setValue] = useState(initial);
  const [edit, setEdit] = useState<EditState | null>(null);
  return (
    <>
      <EditableText
        value={value}
        editing={!!edit}
        draft={edit?.draft ?? ""}
        label="Name of ft:x"
        editLabel="Rename ft:x"
        placeholder="Name"
        onStart={() => setEdit({ id: "ft:x", field: "name", draft: value ?? "" })}
        onDraft={(draft) => setEdit({ id: "ft:x", field: "name", draft })}
        onCommit={() => {
          saved.push(edit!.draft);
          setValue(edit!.draft);
          setEdit(null);
        }}
        onCancel={() => setEdit(null)}
      />
      <button type="button">elsewhere</button>
    </>
  );
}

describe("EditableText", () => {
  it("Enter saves the typed text", async () => {
    const saved: string[] = [];
    render(<Harness initial="Old" saved={saved} />);
    await userEvent.click(screen.getByRole("button", { name: "Rename ft:x" }));
    const input = screen.getByRole("textbox", { name: "Name of ft:x" });
    expect(input).toHaveProperty("value", "Old");
    expect(document.activeElement).toBe(input);
    await userEvent.clear(input);
    await userEvent.type(input, "New name{Enter}");
    expect(saved).toEqual(["New name"]);
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.getByText("New name")).toBeTruthy();
  });

  it("Escape cancels without saving, and nothing is saved when focus then leaves", async () => {
    const saved: string[] = [];
    render(<Harness initial="Old" saved={saved} />);
    await userEvent.click(screen.getByRole("button", { name: "Rename ft:x" }));
    await userEvent.type(screen.getByRole("textbox"), " typed{Escape}");
    await userEvent.click(screen.getByRole("button", { name: "elsewhere" }));
    expect(saved).toEqual([]);
    expect(screen.getByText("Old")).toBeTruthy();
  });

  it("leaving the field saves what was typed (no text is silently dropped)", async () => {
    const saved: string[] = [];
    render(<Harness initial={null} saved={saved} />);
    expect(screen.getByText("—")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Rename ft:x" }));
    await userEvent.type(screen.getByRole("textbox"), "Typed");
    await userEvent.click(screen.getByRole("button", { name: "elsewhere" }));
    expect(saved).toEqual(["Typed"]);
  });
});
