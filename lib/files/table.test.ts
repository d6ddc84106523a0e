import { describe, expect, it } from "vitest";
import type { FileSchema } from "@/lib/mistral/types";
import {
  DEFAULT_STATE,
  isFiltered,
  listFilters,
  readState,
  sortFiles,
  toggleSort,
  writeState,
} from "./table";

const f = (id: string, filename: string, bytes: number, lines: number | null, created: number) =>
  ({
    id,
    object: "file",
    filename,
    bytes,
    num_lines: lines,
    created_at: created,
    purpose: "fine-tune",
    sample_type: "instruct",
    source: "upload",
  }) as FileSchema;

const FILES = [
  f("aaa-1", "train-10.jsonl", 300, 30, 100),
  f("bbb-2", "Train-2.jsonl", 100, null, 300),
  f("ccc-3", "eval.jsonl", 200, 10, 200),
];
const ids = (files: FileSchema[]) => files.map((x) => x.id);

describe("sort", () => {
  it("sorts names naturally (2 before 10) without regard to case", () => {
    expect(ids(sortFiles(FILES, "name", "asc"))).toEqual(["ccc-3", "bbb-2", "aaa-1"]);
    expect(ids(sortFiles(FILES, "name", "desc"))).toEqual(["aaa-1", "bbb-2", "ccc-3"]);
  });

  it("sorts by size and by creation time", () => {
    expect(ids(sortFiles(FILES, "size", "desc"))).toEqual(["aaa-1", "ccc-3", "bbb-2"]);
    expect(ids(sortFiles(FILES, "created", "desc"))).toEqual(["bbb-2", "ccc-3", "aaa-1"]);
    expect(ids(sortFiles(FILES, "created", "asc"))).toEqual(["aaa-1", "ccc-3", "bbb-2"]);
  });

  it("keeps files without a line count last either way", () => {
    expect(ids(sortFiles(FILES, "lines", "desc"))).toEqual(["aaa-1", "ccc-3", "bbb-2"]);
    expect(ids(sortFiles(FILES, "lines", "asc"))).toEqual(["ccc-3", "aaa-1", "bbb-2"]);
  });

  it("does not change the list it is given", () => {
    const copy = [...FILES];
    sortFiles(FILES, "name", "asc");
    expect(FILES).toEqual(copy);
  });
});

describe("state in the URL", () => {
  it("reads defaults from an empty query and writes them as nothing", () => {
    expect(readState(new URLSearchParams())).toEqual(DEFAULT_STATE);
    expect(writeState(DEFAULT_STATE)).toBe("");
  });

  it("round-trips a filter, a sort and an open file", () => {
    const state = {
      ...DEFAULT_STATE,
      q: "train set",
      sort: "name" as const,
      dir: "asc" as const,
      file: "f-1",
    };
    const query = writeState(state);
    expect(query).toBe("?q=train+set&sort=name&dir=asc&file=f-1");
    expect(readState(new URLSearchParams(query))).toEqual(state);
  });

  it("round-trips a purpose and a page, shown from 1 in the address", () => {
    const state = { ...DEFAULT_STATE, purpose: "batch", page: 2 };
    const query = writeState(state);
    expect(query).toBe("?purpose=batch&page=3");
    expect(readState(new URLSearchParams(query))).toEqual(state);
    expect(readState(new URLSearchParams("page=0")).page).toBe(0);
    expect(readState(new URLSearchParams("page=x")).page).toBe(0);
  });

  it("round-trips a sample type, a source and a media type", () => {
    const state = { ...DEFAULT_STATE, type: "batch_result", source: "mistral", media: "jsonl" };
    const query = writeState(state);
    expect(query).toBe("?type=batch_result&source=mistral&media=jsonl");
    expect(readState(new URLSearchParams(query))).toEqual(state);
    expect(isFiltered(state)).toBe(true);
    expect(isFiltered(DEFAULT_STATE)).toBe(false);
  });

  it("drops a sample type, source or media type the API does not know (it would refuse the list)", () => {
    expect(readState(new URLSearchParams("type=poetry&source=ftp&media=video"))).toEqual(
      DEFAULT_STATE,
    );
  });

  it("ignores an unknown sort and gives a column its natural direction", () => {
    expect(readState(new URLSearchParams("sort=owner&dir=up"))).toEqual(DEFAULT_STATE);
    expect(readState(new URLSearchParams("sort=name")).dir).toBe("asc");
    expect(readState(new URLSearchParams("sort=size")).dir).toBe("desc");
  });

  it("a header click flips its own column or starts another in its natural direction", () => {
    const byName = toggleSort(DEFAULT_STATE, "name");
    expect(byName).toMatchObject({ sort: "name", dir: "asc" });
    expect(toggleSort(byName, "name")).toMatchObject({ sort: "name", dir: "desc" });
    expect(toggleSort(byName, "lines")).toMatchObject({ sort: "lines", dir: "desc" });
  });
});

describe("the list's query", () => {
  const none = { purpose: "", type: "", source: "", media: "", search: "" };

  it("asks for everything without filters", () => {
    expect(listFilters(none)).toEqual({});
  });

  it("sends the sample type and source as today's array parameters, with the search", () => {
    expect(
      listFilters({
        ...none,
        type: "instruct",
        source: "upload",
        search: "train",
        purpose: "fine-tune",
      }),
    ).toEqual({
      purpose: "fine-tune",
      sample_type: ["instruct"],
      source: ["upload"],
      search: "train",
    });
  });

  it("sends a media type as its mimetypes, and audio (no purpose filter) by its own", () => {
    expect(listFilters({ ...none, media: "pdf" })).toEqual({ mimetypes: ["application/pdf"] });
    const audio = listFilters({ ...none, purpose: "audio" });
    expect(audio?.purpose).toBeUndefined();
    expect(audio?.mimetypes).toContain("audio/mpeg");
    expect(listFilters({ ...none, purpose: "audio", media: "audio" })).toEqual(audio);
  });

  it("knows that audio files that are PDFs cannot exist", () => {
    expect(listFilters({ ...none, purpose: "audio", media: "pdf" })).toBeNull();
  });
});
