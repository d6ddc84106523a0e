// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { fileKeys } from "@/lib/api/hooks/use-files";
import type { Role } from "@/lib/auth/permissions";
import type { FileSchema } from "@/lib/mistral/types";
import { FilesPage } from "./files-page";

afterEach(cleanup);

const FILE: FileSchema = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f09",
  object: "file",
  bytes: 1200,
  created_at: 1716963433,
  filename: "support.jsonl",
  purpose: "fine-tune",
  sample_type: "instruct",
  num_lines: 10,
  source: "upload",
};

function renderAs(role: Role, files: FileSchema[] = [FILE]) {
  const session: ConsoleSession = {
    user: { id: `u-${role}`, email: `${role}@example.com`, name: role, role },
    authMode: "on",
  };
  // The first page is already known, so nothing is fetched.
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(
    fileKeys.page({
      page: 0,
      pageSize: 100,
      purpose: "",
      type: "",
      source: "",
      media: "",
      search: "",
    }),
    { data: files, object: "list", total: files.length },
  );
  render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>
        <NuqsTestingAdapter>
          <FilesPage />
        </NuqsTestingAdapter>
      </QueryClientProvider>
    </SessionProvider>,
  );
}

const dropZone = () =>
  screen.queryByRole("button", { name: "Choose or drop .jsonl training files" });
const deleteButton = () => screen.queryByRole("button", { name: "Delete support.jsonl" });

describe("FilesPage by role", () => {
  it("viewer: sees the files, a note instead of the uploader, and no Delete", () => {
    renderAs("viewer");
    expect(screen.getByRole("button", { name: "support.jsonl" })).toBeTruthy();
    expect(dropZone()).toBeNull();
    expect(screen.getByText(/can see the files but not upload them/)).toBeTruthy();
    expect(deleteButton()).toBeNull();
    // No empty actions column is left behind.
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).not.toContain("Actions");
  });

  it("viewer: an empty list offers no upload", () => {
    renderAs("viewer", []);
    expect(screen.getByText("No files yet")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Choose a .jsonl file" })).toBeNull();
  });

  it("member: can upload but not delete", () => {
    renderAs("member");
    expect(dropZone()).toBeTruthy();
    expect(deleteButton()).toBeNull();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).not.toContain("Actions");
  });

  it("admin: can upload and delete", () => {
    renderAs("admin");
    expect(dropZone()).toBeTruthy();
    expect(deleteButton()).toBeTruthy();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toContain("Actions");
  });
});
