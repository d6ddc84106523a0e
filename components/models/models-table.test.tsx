// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import type { Role } from "@/lib/auth/permissions";
import { prepareRows } from "@/lib/models/filter";
import { ModelsTable, type ModelsTableProps } from "./models-table";

const FT = "ft:open-mistral-7b:support:0f9a3c1e";
const MODELS: ConsoleModel[] = [
  { id: "mistral-small-latest", capabilities: { completion_chat: true }, archived: false },
  {
    id: FT,
    capabilities: { completion_chat: true, fine_tuning: true },
    archived: false,
    name: "Support bot",
    description: null,
    job: "0f9a3c1e-0000-4000-8000-000000000001",
  },
];

beforeAll(() => {
  // jsdom lays nothing out: give the scroller a height so the virtualizer renders rows.
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(1200);
});
afterEach(cleanup);

function renderAs(role: Role, onSort: ModelsTableProps["onSort"] = () => {}) {
  const session: ConsoleSession = {
    user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
    authMode: "on",
  };
  const noop = () => {};
  render(
    <SessionProvider session={session}>
      <ModelsTable
        rows={prepareRows(MODELS)}
        sort="id"
        dir="asc"
        onSort={onSort}
        selected={new Set()}
        onSelectedChange={noop}
        edit={null}
        onEdit={noop}
        onCommitEdit={noop}
        onArchive={noop}
        onDelete={noop}
      />
    </SessionProvider>,
  );
  const table = screen.getByRole("table", { name: "Models" });
  const headers = within(table)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);
  return { table, headers };
}

const q = (name: string) => screen.queryByRole("button", { name });

describe("ModelsTable by role", () => {
  it("admin: selects, renames, archives and deletes fine-tuned models, and tries any", () => {
    const { headers } = renderAs("admin");
    expect(headers).toContain("Actions");
    expect(screen.getByRole("checkbox", { name: /Select all/ })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: `Select ${FT}` })).toBeTruthy();
    expect(q(`Rename ${FT}`)).toBeTruthy();
    expect(q(`Archive ${FT}`)).toBeTruthy();
    expect(q(`Delete ${FT}`)).toBeTruthy();
    expect(screen.getByRole("link", { name: `Try ${FT} in playground` })).toBeTruthy();
  });

  it("member: only tries models; names are read-only and there is nothing to select", () => {
    const { headers } = renderAs("member");
    expect(headers).toContain("Actions");
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect(q(`Rename ${FT}`)).toBeNull();
    expect(q(`Edit description of ${FT}`)).toBeNull();
    expect(q(`Archive ${FT}`)).toBeNull();
    expect(q(`Delete ${FT}`)).toBeNull();
    expect(screen.getByText("Support bot")).toBeTruthy();
    expect(screen.getByRole("link", { name: `Try ${FT} in playground` })).toBeTruthy();
  });

  it("viewer: no actions column, no selection column, no playground links", () => {
    const { headers } = renderAs("viewer");
    expect(headers).not.toContain("Actions");
    expect(headers[0]).toContain("ID");
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
    expect(screen.queryByRole("link", { name: /in playground/ })).toBeNull();
    expect(q(`Rename ${FT}`)).toBeNull();
    expect(screen.getByText("Support bot")).toBeTruthy();
  });
});

describe("ModelsTable sorting", () => {
  it("says how it is sorted and asks for the next order, newest first for dates", () => {
    const onSort = vi.fn();
    renderAs("viewer", onSort);
    const header = (name: RegExp) => screen.getByRole("columnheader", { name });
    expect(header(/ID/).getAttribute("aria-sort")).toBe("ascending");
    expect(header(/Name/).getAttribute("aria-sort")).toBe("none");
    fireEvent.click(screen.getByRole("button", { name: /^ID/ }));
    expect(onSort).toHaveBeenLastCalledWith("id", "desc");
    fireEvent.click(screen.getByRole("button", { name: /^Name/ }));
    expect(onSort).toHaveBeenLastCalledWith("name", "asc");
    fireEvent.click(screen.getByRole("button", { name: /^Created/ }));
    expect(onSort).toHaveBeenLastCalledWith("created", "desc");
  });
});
