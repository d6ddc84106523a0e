// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type ConsoleSession, SessionProvider } from "@/components/auth/session";
import { fileKeys } from "@/lib/api/hooks/use-files";
import { emptyJobForm, type JobForm } from "@/lib/fine-tuning/form";
import type { FileSchema, JobsOut } from "@/lib/mistral/types";
import { INSTRUCT_LINE, openSandbox, type TestSandbox } from "@/lib/sandbox/test/helpers";
import { JobWizard, JobWizardLoader } from "./job-wizard";

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

const router = vi.hoisted(() => ({ push: vi.fn(), replace: vi.fn() }));
const search = vi.hoisted(() => ({ params: new URLSearchParams() }));
vi.mock("next/navigation", () => ({
  useRouter: () => router,
  useSearchParams: () => search.params,
}));

let sandbox: TestSandbox;
beforeAll(() => {
  sandbox = openSandbox();
  upstream.handle = (request) => sandbox.sandbox.handle(request);
});
afterAll(() => sandbox.close());
afterEach(() => {
  cleanup();
  search.params = new URLSearchParams();
  upstream.handle = (request) => sandbox.sandbox.handle(request);
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

function renderWizard(form: JobForm, step: number, files: FileSchema[]) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, retry: false } },
  });
  client.setQueryData(fileKeys.list, files);
  render(
    <SessionProvider session={session}>
      <QueryClientProvider client={client}>
        <JobWizard initial={{ form, step, notice: null }} />
      </QueryClientProvider>
    </SessionProvider>,
  );
}

const renderWizardOnReview = () =>
  renderWizard(
    {
      ...emptyJobForm(),
      model: "mistral-small-latest",
      training_files: [{ file_id: GONE, weight: "1" }],
    },
    4,
    [goneFile],
  );

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

/** A fine-tuning file in the sandbox (multipart by hand: jsdom's FormData is not Node's). */
async function uploadTrainingFile(): Promise<FileSchema> {
  const boundary = "wizard-test-boundary";
  const lines = Array.from({ length: 20 }, (_, i) => INSTRUCT_LINE(i)).join("\n");
  const body =
    `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.jsonl"\r\n` +
    `Content-Type: application/jsonl\r\n\r\n${lines}\n\r\n--${boundary}--\r\n`;
  const response = await sandbox.call("POST", "/v1/files", body, {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as FileSchema;
}

describe("the wizard's numbers", () => {
  it("keeps them as typed and sends them as numbers", async () => {
    const file = await uploadTrainingFile();
    renderWizard(
      {
        ...emptyJobForm(),
        model: "mistral-small-latest",
        training_files: [{ file_id: file.id, weight: "1" }],
      },
      2,
      [file],
    );
    const rate = screen.getByRole("textbox", { name: "Learning rate" });
    for (const typed of ["1e-", "0.000", "1e-4"]) {
      fireEvent.change(rate, { target: { value: typed } });
      expect(rate).toHaveProperty("value", typed);
    }
    fireEvent.change(screen.getByRole("textbox", { name: "Training steps" }), {
      target: { value: "12" },
    });
    await waitFor(() => expect(rate.getAttribute("aria-invalid")).toBeNull());

    fireEvent.click(screen.getByRole("button", { name: "Review" }));
    const create = screen.getByRole("button", { name: "Create job" });
    // The dry run answers first: only a sized job can be created.
    await waitFor(() => expect(create).toHaveProperty("disabled", false), { timeout: 10_000 });
    fireEvent.click(create);
    await waitFor(() => expect(router.push).toHaveBeenCalled(), { timeout: 10_000 });

    const { body } = await sandbox.api<JobsOut>("GET", "/v1/fine_tuning/jobs");
    const [job] = body.data ?? [];
    expect(job.hyperparameters).toMatchObject({ learning_rate: 0.0001, training_steps: 12 });
    expect(router.push).toHaveBeenCalledWith(`/fine-tuning/${job.id}`);
  });
});

describe("the wizard's repositories", () => {
  it("checks a new repository as it is typed in, and drops its errors when it is removed", async () => {
    renderWizard({ ...emptyJobForm(), model: "mistral-small-latest" }, 3, []);
    fireEvent.click(screen.getByRole("button", { name: "Add a repository" }));
    const owner = screen.getByRole("textbox", { name: "Owner" });
    expect(screen.queryByText("Enter the owner.")).toBeNull();
    fireEvent.change(owner, { target: { value: "mistralai" } });
    fireEvent.change(owner, { target: { value: "" } });
    expect(await screen.findByText("Enter the owner.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove repository 1" }));
    expect(screen.queryByRole("textbox", { name: "Owner" })).toBeNull();
    expect(screen.queryByText("Enter the owner.")).toBeNull();
    expect(screen.getByRole("button", { name: /^Extras$/ })).toBeTruthy();
  });
});

describe("the wizard's base models and job type", () => {
  it("offers the bases the sandbox's /v1/models can fine-tune today, not the retired ones", async () => {
    renderWizard(emptyJobForm(), 0, []);
    const group = await screen.findByRole("group", {
      name: "Which model do you want to fine-tune?",
    });
    await within(group).findByRole("radio", { name: /mistral-small-latest/ });
    const offered = within(group)
      .getAllByRole("radio")
      .map((r) => (r as HTMLInputElement).value);
    const { body } = await sandbox.api<{
      data: { id: string; capabilities: { fine_tuning: boolean }; aliases: string[] }[];
    }>("GET", "/v1/models");
    const tunable = body.data.filter((m) => m.capabilities.fine_tuning).map((m) => m.id);
    // Every choice is a tunable name, and every tunable model is one choice (under one of its names).
    expect(offered.every((id) => tunable.includes(id))).toBe(true);
    for (const id of tunable) {
      const names = [id, ...body.data.find((m) => m.id === id)!.aliases];
      expect(
        offered.filter((o) => names.includes(o)),
        id,
      ).toHaveLength(1);
    }
    expect(offered).not.toContain("open-mistral-7b");
    expect(offered).not.toContain("open-mistral-nemo");
  });

  it("says a draft's retired base must be chosen again", async () => {
    renderWizard({ ...emptyJobForm(), model: "open-mistral-7b" }, 0, []);
    expect(
      await screen.findByText(
        "open-mistral-7b is no longer offered for fine-tuning: choose the base model again.",
      ),
    ).toBeTruthy();
  });

  it("creates a classifier job with its targets", async () => {
    const file = await uploadTrainingFile();
    renderWizard(
      {
        ...emptyJobForm(),
        model: "ministral-8b-latest",
        training_files: [{ file_id: file.id, weight: "1" }],
      },
      0,
      [file],
    );
    fireEvent.click(screen.getByRole("radio", { name: /Classifier/ }));
    const editor = screen.getByRole("group", { name: "Classifier targets" });
    fireEvent.change(within(editor).getByRole("textbox", { name: "Target name" }), {
      target: { value: "topic" },
    });
    fireEvent.change(within(editor).getByRole("textbox", { name: "Labels" }), {
      target: { value: "sport, politics" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Review" }));
    const targets = await screen.findByRole("list", { name: "Classifier targets" });
    expect(targets.textContent).toContain("topic: sport, politics");
    const create = screen.getByRole("button", { name: "Create job" });
    await waitFor(() => expect(create).toHaveProperty("disabled", false), { timeout: 10_000 });
    fireEvent.click(create);
    await waitFor(() => expect(router.push).toHaveBeenCalled(), { timeout: 10_000 });
    const { body } = await sandbox.api<JobsOut>("GET", "/v1/fine_tuning/jobs");
    const job = body.data!.find((j) => j.job_type === "classifier")!;
    const detail = await sandbox.api<{ classifier_targets: unknown }>(
      "GET",
      `/v1/fine_tuning/jobs/${job.id}`,
    );
    expect(detail.body.classifier_targets).toEqual([
      { name: "topic", labels: ["sport", "politics"], weight: 1, loss_function: "single_class" },
    ]);
  });
});

describe("cloning a job", () => {
  it("keeps the rest of a job whose base is retired and says the base must be chosen again", async () => {
    const id = "5d7f0a9c-0000-4000-8000-000000000014";
    search.params = new URLSearchParams({ clone: id });
    const client = new QueryClient({
      defaultOptions: { queries: { staleTime: Infinity, retry: false } },
    });
    client.setQueryData(fileKeys.list, []);
    // A job trained from a base retired since: the upstream still answers it (a 2024 job).
    const legacy = {
      id,
      object: "job",
      job_type: "completion",
      status: "SUCCESS",
      model: "open-mistral-7b",
      suffix: "legacy",
      auto_start: false,
      created_at: 1716963433,
      modified_at: 1716963533,
      training_files: ["f-1"],
      validation_files: [],
      hyperparameters: { training_steps: 33, learning_rate: 0.0002 },
      repositories: [],
      events: [],
      checkpoints: [],
    };
    upstream.handle = async (request) =>
      new URL(request.url).pathname === `/v1/fine_tuning/jobs/${id}`
        ? Response.json(legacy)
        : sandbox.sandbox.handle(request);
    render(
      <SessionProvider session={session}>
        <QueryClientProvider client={client}>
          <JobWizardLoader />
        </QueryClientProvider>
      </SessionProvider>,
    );
    expect(
      await screen.findByText(
        /Its base model open-mistral-7b is no longer offered for fine-tuning: choose the base model again\./,
      ),
    ).toBeTruthy();
    const group = screen.getByRole("group", { name: "Which model do you want to fine-tune?" });
    await within(group).findByRole("radio", { name: /mistral-small-latest/ });
    expect(
      within(group)
        .getAllByRole("radio")
        .some((r) => (r as HTMLInputElement).checked),
    ).toBe(false);
    // The rest of the job is kept.
    fireEvent.click(screen.getByRole("button", { name: /^Hyperparameters/ }));
    expect(screen.getByRole("textbox", { name: "Training steps" })).toHaveProperty("value", "33");
    expect(screen.getByRole("textbox", { name: "Learning rate" })).toHaveProperty(
      "value",
      "0.0002",
    );
  });
});
