// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { type OnUrlUpdateFunction, withNuqsTestingAdapter } from "nuqs/adapters/testing";
import { describe, expect, it, vi } from "vitest";
import { useTableState } from "./use-table-state";

describe("the models table's state in the URL", () => {
  it("reads a shared link and writes changes under the same names, leaving other parameters", async () => {
    const onUrlUpdate = vi.fn<OnUrlUpdateFunction>();
    const { result } = renderHook(() => useTableState(), {
      wrapper: withNuqsTestingAdapter({
        searchParams: "?q=large&cap=vision&other=1",
        onUrlUpdate,
        hasMemory: true,
      }),
    });
    expect(result.current[0]).toMatchObject({ q: "large", caps: ["vision"], sort: "created" });

    act(() => {
      void result.current[1]((s) => ({ ...s, sort: "name", dir: "desc" }));
    });
    // The table sees the change at once; the address a moment later, without a history entry.
    expect(result.current[0]).toMatchObject({ sort: "name", dir: "desc", q: "large" });
    await waitFor(() => expect(onUrlUpdate).toHaveBeenCalled());
    const update = onUrlUpdate.mock.calls.at(-1)![0];
    expect(update.queryString).toBe("?q=large&cap=vision&other=1&sort=name&dir=desc");
    expect(update.options.history).toBe("replace");

    // Back to the defaults: the sort leaves the address.
    act(() => {
      void result.current[1]((s) => ({ ...s, q: "", caps: [], sort: "created", dir: "desc" }));
    });
    await waitFor(() => expect(onUrlUpdate.mock.calls.at(-1)![0].queryString).toBe("?other=1"));
  });
});
