import { describe, expect, it } from "vitest";
import { columnsStorageKey, DEFAULT_COLUMNS, parseColumns, tableWidth } from "./columns";

// The main area beside the 224 px sidebar on a 1440 px screen, less its padding, the border and
// a vertical scrollbar.
const LAPTOP_MAIN = 1440 - 224 - 2 * 32 - 2 - 15;
const SELECT_AND_ACTIONS = 44 + 200;

describe("models table columns", () => {
  it("the defaults fit a 1440 px laptop without sideways scrolling", () => {
    expect(tableWidth(DEFAULT_COLUMNS, SELECT_AND_ACTIONS)).toBeLessThanOrEqual(LAPTOP_MAIN);
  });

  it("reads a saved choice, dropping unknown columns, and ignores garbage", () => {
    expect(parseColumns('["created","nope","name"]')).toEqual(["id", "name", "created"]);
    expect(parseColumns("not json")).toBeNull();
    expect(parseColumns('{"a":1}')).toBeNull();
    expect(parseColumns(null)).toBeNull();
  });

  it("is remembered per user", () => {
    expect(columnsStorageKey("u1")).not.toBe(columnsStorageKey("u2"));
  });
});
