// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ColumnChooser, useStoredColumns } from "./column-chooser";
import {
  type ColumnDef,
  DataTable,
  type DataTableProps,
  type RowSelectionState,
  selectColumn,
  type SortingState,
} from "./data-table";

interface Fruit {
  id: string;
  name: string;
  grams: number;
  kind: "fruit" | "nut";
}

const FRUITS: Fruit[] = [
  { id: "b", name: "Banana", grams: 120, kind: "fruit" },
  { id: "c", name: "Cherry", grams: 8, kind: "fruit" },
  { id: "a", name: "Apple", grams: 180, kind: "fruit" },
  { id: "w", name: "Walnut", grams: 5, kind: "nut" },
];

const COLUMNS: ColumnDef<Fruit>[] = [
  {
    id: "name",
    accessorKey: "name",
    header: "Name",
    meta: { rowHeader: true },
  },
  {
    id: "grams",
    accessorKey: "grams",
    header: "Weight",
    sortDescFirst: true,
    meta: { align: "right" },
  },
  { id: "kind", accessorKey: "kind", header: "Kind", enableSorting: false },
];

beforeAll(() => {
  // jsdom lays nothing out: give the scroller a height so the virtualizer renders rows.
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(400);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
});
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

function Fruits(props: Partial<DataTableProps<Fruit>>) {
  return (
    <DataTable<Fruit>
      label="Fruits"
      data={FRUITS}
      columns={COLUMNS}
      getRowId={(f) => f.id}
      {...props}
    />
  );
}

const table = () => screen.getByRole("table", { name: "Fruits" });
const names = () =>
  within(table())
    .getAllByRole("rowheader")
    .map((h) => h.textContent);
const header = (name: RegExp) => within(table()).getByRole("columnheader", { name });

describe("DataTable: a real table", () => {
  it("has column headers and names each row by its row header", () => {
    render(<Fruits />);
    expect(
      within(table())
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Name", "Weight", "Kind"]);
    expect(names()).toEqual(["Banana", "Cherry", "Apple", "Walnut"]);
    // A sortable column says it is not sorted; one that cannot be sorted says nothing.
    expect(header(/Name/).getAttribute("aria-sort")).toBe("none");
    expect(header(/Kind/).hasAttribute("aria-sort")).toBe(false);
    expect(within(header(/Kind/)).queryByRole("button")).toBeNull();
  });

  it("shows the empty slot when there is no row, and the loading slot while loading", () => {
    const { rerender } = render(<Fruits data={[]} empty={<p>No fruit yet</p>} />);
    expect(screen.getByText("No fruit yet")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    rerender(<Fruits loading />);
    expect(screen.getByRole("status", { name: "Loading…" })).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

describe("DataTable: sorting", () => {
  it("sorts by a header click, and the other way on the next click", async () => {
    const user = userEvent.setup();
    render(<Fruits />);
    await user.click(screen.getByRole("button", { name: "Name" }));
    expect(names()).toEqual(["Apple", "Banana", "Cherry", "Walnut"]);
    expect(header(/Name/).getAttribute("aria-sort")).toBe("ascending");
    await user.click(screen.getByRole("button", { name: "Name" }));
    expect(names()).toEqual(["Walnut", "Cherry", "Banana", "Apple"]);
    expect(header(/Name/).getAttribute("aria-sort")).toBe("descending");
  });

  it("sorts from the keyboard alone, largest first where the column says so", async () => {
    const user = userEvent.setup();
    render(<Fruits />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Name" }));
    // A keyboard user sees what the button does, as a mouse user does on hover.
    expect((await screen.findByRole("tooltip")).textContent).toBe("Sort by name (ascending)");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Weight" }));
    await user.keyboard("{Enter}");
    expect(names()).toEqual(["Apple", "Banana", "Cherry", "Walnut"]); // 180, 120, 8, 5 g
    expect(header(/Weight/).getAttribute("aria-sort")).toBe("descending");
    expect(header(/Name/).getAttribute("aria-sort")).toBe("none");
    await user.keyboard(" ");
    expect(names()).toEqual(["Walnut", "Cherry", "Banana", "Apple"]);
    expect(header(/Weight/).getAttribute("aria-sort")).toBe("ascending");
  });

  it("leaves the order to the caller with manualSorting, and reports the sort asked for", async () => {
    const user = userEvent.setup();
    const asked: SortingState[] = [];
    function Controlled() {
      const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
      return (
        <Fruits
          manualSorting
          sorting={sorting}
          onSortingChange={(s) => {
            asked.push(s);
            setSorting(s);
          }}
        />
      );
    }
    render(<Controlled />);
    expect(names()).toEqual(["Banana", "Cherry", "Apple", "Walnut"]); // as given
    expect(header(/Name/).getAttribute("aria-sort")).toBe("ascending");
    await user.click(screen.getByRole("button", { name: "Name" }));
    expect(asked).toEqual([[{ id: "name", desc: true }]]);
    expect(header(/Name/).getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["Banana", "Cherry", "Apple", "Walnut"]);
  });

  it("lets a column without a value sort when the caller sorts", () => {
    const drawn: ColumnDef<Fruit>[] = [
      { id: "name", header: "Name", cell: ({ row }) => row.original.name },
      { id: "kind", header: "Kind", enableSorting: false, cell: ({ row }) => row.original.kind },
    ];
    render(<Fruits columns={drawn} manualSorting sorting={[]} />);
    expect(screen.getByRole("button", { name: "Name" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Kind" })).toBeNull();
  });
});

describe("DataTable: row selection", () => {
  function Selectable({ max = Infinity }: { max?: number }) {
    const [selection, setSelection] = useState<RowSelectionState>({});
    const count = Object.keys(selection).length;
    return (
      <>
        <p>Selected: {Object.keys(selection).sort().join(",") || "none"}</p>
        <Fruits
          columns={[
            selectColumn<Fruit>({
              rowLabel: (f) => `Select ${f.name}`,
              allLabel: (n) => `Select all ${n} fruits`,
              never: (f) => f.kind === "nut",
            }),
            ...COLUMNS,
          ]}
          rowSelection={selection}
          onRowSelectionChange={setSelection}
          enableRowSelection={(row) =>
            row.original.kind === "fruit" && (count < max || row.getIsSelected())
          }
        />
      </>
    );
  }

  it("selects rows one by one and all at once, never the rows that may not be", async () => {
    const user = userEvent.setup();
    render(<Selectable />);
    expect(screen.queryByRole("checkbox", { name: "Select Walnut" })).toBeNull();
    await user.click(screen.getByRole("checkbox", { name: "Select Cherry" }));
    expect(screen.getByText("Selected: c")).toBeTruthy();
    const cherryRow = screen.getByRole("rowheader", { name: "Cherry" }).closest("tr")!;
    expect(cherryRow.getAttribute("aria-selected")).toBe("true");

    const all = screen.getByRole("checkbox", { name: "Select all 3 fruits" }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    await user.click(all);
    expect(screen.getByText("Selected: a,b,c")).toBeTruthy();
    expect(all.checked).toBe(true);
    await user.click(all);
    expect(screen.getByText("Selected: none")).toBeTruthy();
  });

  it("disables the other boxes when the most that may be selected are", async () => {
    const user = userEvent.setup();
    render(<Selectable max={2} />);
    await user.click(screen.getByRole("checkbox", { name: "Select Apple" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Banana" }));
    const cherry = screen.getByRole("checkbox", { name: "Select Cherry" });
    expect(cherry).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("checkbox", { name: "Select Apple" }));
    expect(cherry).toHaveProperty("disabled", false);
    expect(screen.getByText("Selected: b")).toBeTruthy();
  });
});

describe("DataTable: column visibility", () => {
  it("hides the columns the caller says", () => {
    render(<Fruits columnVisibility={{ kind: false }} />);
    expect(
      within(table())
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Name", "Weight"]);
    expect(within(table()).queryByText("fruit")).toBeNull();
  });

  const CHOOSER = [
    { id: "name", label: "Name", fixed: true },
    { id: "grams", label: "Weight" },
    { id: "kind", label: "Kind" },
  ];
  const DEFAULTS = ["name", "grams"];
  const parse = (raw: string | null) => (raw ? (JSON.parse(raw) as string[]) : null);

  function Chosen() {
    const columns = useStoredColumns({
      storageKey: "fruit-columns",
      columns: CHOOSER,
      defaults: DEFAULTS,
      parse,
    });
    return (
      <>
        <ColumnChooser
          columns={CHOOSER}
          visibility={columns.visibility}
          onChange={columns.setVisibility}
          onReset={columns.reset}
          isDefault={columns.isDefault}
        />
        <Fruits columnVisibility={columns.visibility} />
      </>
    );
  }
  const headers = () =>
    within(table())
      .getAllByRole("columnheader")
      .map((h) => h.textContent?.replace(/[▲▼]/g, ""));

  it("lets the user choose columns from the keyboard, and remembers the choice", async () => {
    const user = userEvent.setup();
    const first = render(<Chosen />);
    expect(headers()).toEqual(["Name", "Weight"]);
    const button = screen.getByRole("button", { name: "Columns (2 of 3) ▾" });
    button.focus();
    await user.keyboard("{Enter}");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const group = screen.getByRole("group", { name: "Columns to show" });
    expect(within(group).getByRole("checkbox", { name: /Name/ })).toHaveProperty("disabled", true);
    // Focus starts on the first box that can change.
    expect(document.activeElement).toBe(within(group).getByRole("checkbox", { name: "Weight" }));
    await user.tab();
    await user.keyboard(" ");
    expect(headers()).toEqual(["Name", "Weight", "Kind"]);
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Columns to show" })).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(JSON.parse(window.localStorage.getItem("fruit-columns")!)).toEqual([
      "name",
      "grams",
      "kind",
    ]);
    first.unmount();

    render(<Chosen />);
    expect(headers()).toEqual(["Name", "Weight", "Kind"]);
    await user.click(screen.getByRole("button", { name: /^Columns/ }));
    await user.click(screen.getByRole("button", { name: "Back to the defaults" }));
    expect(headers()).toEqual(["Name", "Weight"]);
    expect(window.localStorage.getItem("fruit-columns")).toBeNull();
  });
});

describe("DataTable: virtual rows", () => {
  it("draws only the rows in view of a long list, and says how many there are", async () => {
    const many: Fruit[] = Array.from({ length: 2000 }, (_, i) => ({
      id: String(i),
      name: `Fruit ${String(i).padStart(4, "0")}`,
      grams: i,
      kind: "fruit",
    }));
    render(<Fruits data={many} virtualize={{ rowHeight: 40, maxHeight: "400px" }} fixedLayout />);
    await act(async () => {});
    expect(table().getAttribute("aria-rowcount")).toBe("2001");
    const drawn = names();
    expect(drawn[0]).toBe("Fruit 0000");
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(40);
    const firstRow = screen.getByRole("rowheader", { name: "Fruit 0000" }).closest("tr")!;
    expect(firstRow.getAttribute("aria-rowindex")).toBe("2");
  });
});
