// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import { columnsStorageKey } from "@/lib/models/columns";
import { prepareRows } from "@/lib/models/filter";
import { groupAliases } from "@/lib/models/group";
import { ColumnChooser } from "@/components/ui/column-chooser";
import { ModelsTable } from "./models-table";
import { CHOOSER_COLUMNS, useVisibleColumns } from "./use-visible-columns";

const card = (id: string, aliases: string[]): ConsoleModel =>
  ({
    id,
    name: id,
    aliases,
    capabilities: { completion_chat: true },
    archived: false,
  }) as ConsoleModel;

// As the sandbox lists them: three cards for one model, and one on its own.
const CARDS = [
  card("mistral-large-2407", ["mistral-large-latest", "mistral-large"]),
  card("mistral-large-latest", ["mistral-large-2407", "mistral-large"]),
  card("mistral-large", ["mistral-large-2407", "mistral-large-latest"]),
  card("mistral-embed", []),
];

beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1200);
});
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function Page() {
  const columns = useVisibleColumns();
  const noop = () => {};
  return (
    <>
      <ColumnChooser
        columns={CHOOSER_COLUMNS}
        visibility={columns.visibility}
        onChange={columns.setVisibility}
        onReset={columns.reset}
        isDefault={columns.isDefault}
      />
      <ModelsTable
        rows={prepareRows(groupAliases(CARDS))}
        sort="id"
        dir="asc"
        onSort={noop}
        selected={new Set()}
        onSelectedChange={noop}
        edit={null}
        onEdit={noop}
        onCommitEdit={noop}
        onArchive={noop}
        onDelete={noop}
        visible={columns.visible}
      />
    </>
  );
}

function renderAs(userId: string) {
  const session: ConsoleSession = {
    user: { id: userId, email: `${userId}@example.com`, name: userId, role: "member" },
    authMode: "on",
  };
  return render(
    <SessionProvider session={session}>
      <Page />
    </SessionProvider>,
  );
}

const headers = () =>
  within(screen.getByRole("table", { name: "Models" }))
    .getAllByRole("columnheader")
    .map((h) => h.textContent?.replace(/[▲▼]/g, "").trim());

describe("the models table: one row per model", () => {
  it("folds alias cards into their model's row, with the aliases as chips", () => {
    renderAs("u1");
    const rows = within(screen.getByRole("table", { name: "Models" })).getAllByRole("row");
    expect(rows).toHaveLength(3); // the header and two models, not four cards
    const chips = screen.getByRole("list", { name: "Aliases of mistral-large-2407" });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["mistral-large-latest", "mistral-large"]);
    expect(screen.queryByRole("list", { name: "Aliases of mistral-embed" })).toBeNull();
  });
});

describe("the column chooser", () => {
  it("shows the defaults, and adds a column from the keyboard alone", async () => {
    const user = userEvent.setup();
    renderAs("u1");
    expect(headers()).toEqual([
      "ID",
      "Name",
      "Capabilities",
      "Context",
      "Created",
      "Status",
      "Actions",
    ]);

    const button = screen.getByRole("button", { name: /^Columns/ });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    button.focus();
    await user.keyboard("{Enter}");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const group = screen.getByRole("group", { name: "Columns to show" });
    // Focus moves into the list, on the first column that can be changed (the id cannot).
    expect(document.activeElement).toBe(within(group).getByRole("checkbox", { name: "Name" }));
    expect(within(group).getByRole("checkbox", { name: /ID/ })).toHaveProperty("disabled", true);

    await user.tab(); // Name → Description
    expect(document.activeElement).toBe(
      within(group).getByRole("checkbox", { name: "Description" }),
    );
    await user.keyboard(" ");
    expect(headers()).toContain("Description");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Columns to show" })).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("remembers the choice for this user only", async () => {
    const user = userEvent.setup();
    const first = renderAs("u1");
    await user.click(screen.getByRole("button", { name: /^Columns/ }));
    await user.click(screen.getByRole("checkbox", { name: "Job" }));
    await user.click(screen.getByRole("checkbox", { name: "Name" }));
    expect(JSON.parse(window.localStorage.getItem(columnsStorageKey("u1"))!)).not.toContain("name");
    first.unmount();

    renderAs("u1");
    expect(headers()).toContain("Job");
    expect(headers()).not.toContain("Name");
    cleanup();

    renderAs("u2");
    expect(headers()).not.toContain("Job");
    expect(headers()).toContain("Name");
  });

  it("goes back to the defaults", async () => {
    const user = userEvent.setup();
    renderAs("u1");
    await user.click(screen.getByRole("button", { name: /^Columns/ }));
    await user.click(screen.getByRole("checkbox", { name: "Owner" }));
    expect(headers()).toContain("Owner");
    await user.click(screen.getByRole("button", { name: "Back to the defaults" }));
    expect(headers()).not.toContain("Owner");
    expect(window.localStorage.getItem(columnsStorageKey("u1"))).toBeNull();
  });
});
