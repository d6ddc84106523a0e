// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { fileKeys } from "@/lib/api/hooks/use-files";
import { emptyJobForm } from "@/lib/fine-tuning/form";
import type { FileSchema } from "@/lib/mistral/types";
import { openSandbox, type TestSandbox } from "@/lib/sandbox/test/helpers";
import { JobWizard } from "./job-wizard";

// The sandbox answers the wizard's /v1 calls, as the console's gateway would forward them.
// openapi-fetch takes `fetch` and `Request` when its client is made, so they are in place first.
const upstream = vi.hoisted(() => {
  const state: { handle?: (request: Request) => Promise<Response> } = {};
  const NodeRequest = globalThis.Request;
  globalThis.Request = class extends NodeRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === "string" ? new URL(input, "http://console.test") : input, init);
    }
  } as typeof Request;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    state.handle!(new Request(input, init));
  return state;
});

vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
  useSearchParams: () => new URLSearchParams(),
}));

let sandbox: TestSandbox;
beforeAll(() => {
  sandbox = openSandbox();
  upstream.handle = (request) => sandbox.sandbox.handle(request);
});
afterAll(() => sandbox.close());
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const session: ConsoleSession = {
  user: { id: "u-member", email: "member@example.com", name: "member", role: "member" },
  authMode: "on",
};

// A file the files list still shows but the service no longer has (deleted in another tab).
const GONE = "7c0e1d2a-0000-4000-8000-00000000dead";
const goneFile = {
  id: GONE,
  object: "file",
  bytes: 2048,
  created_at: 1716963433,
  filename: "support.jsonl",
  purpose: "fine-tune",
  num_lines: 12,
} as FileSchema;

function renderWizardOnReview() {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, retry: false } },
  });
  client.setQueryData(fileKeys.list, [goneFile]);
  render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>
        <JobWizard
          initial={{
            form: {
              ...emptyJobForm(),
              model: "open-mistral-7b",
              training_files: [{ file_id: GONE, weight: "1" }],
            },
            step: 4,
            notice: null,
          }}
        />
      </QueryClientProvider>
    </SessionProvider>,
  );
}

describe("the wizard's dry run", () => {
  it("puts a 422 on the field it names, keeps Create job off, and leads to the field", async () => {
    renderWizardOnReview();
    const problems = await screen.findByRole("alert");
    expect(problems.textContent).toContain("One thing to fix");
    expect(problems.textContent).toContain(`training_files.0.file_id: File '${GONE}' not found.`);
    expect(screen.getByRole("button", { name: "Create job" })).toHaveProperty("disabled", true);
    // The step holding the field says it has an error.
    expect(screen.getByRole("button", { name: /^Data\s*\(has errors\)$/ })).toBeTruthy();

    fireEvent.click(within(problems).getByRole("button", { name: "Fix in Data" }));
    expect(screen.getByRole("heading", { name: "Step 2 of 5: Data" })).toBeTruthy();
    const row = screen.getByRole("row", { name: /support\.jsonl/ });
    expect(row.textContent).toContain(`File '${GONE}' not found.`);

    // Unticking the file is an edit: the server's error goes, the form's own rule speaks.
    fireEvent.click(within(row).getByRole("checkbox", { name: "Train on support.jsonl" }));
    expect(await screen.findByText("Choose at least one training file.")).toBeTruthy();
    expect(screen.queryByText(`File '${GONE}' not found.`)).toBeNull();
  });
});
