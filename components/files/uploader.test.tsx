// @vitest-environment jsdom
import { Blob as NodeBlob } from "node:buffer";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeXHR } from "@/lib/files/fake-xhr.test-util";
import { type LintRequest, type LintResponse, runLintRequest } from "@/lib/jsonl/worker-protocol";
import type { UploadFileOut } from "@/lib/mistral/types";
import { uploadStore } from "./upload-store";
import { Uploader } from "./uploader";

// The edges are faked: the Worker runs the real worker protocol in-process (jsdom has no
// workers, and its Blob cannot stream), and XMLHttpRequest is scripted.
class InProcessWorker {
  onmessage: ((e: MessageEvent<LintResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage({ file }: LintRequest) {
    void (async () => {
      const blob = new NodeBlob([await file.arrayBuffer()]) as unknown as Blob;
      await runLintRequest({ file: blob }, (data) => {
        if (!this.terminated) this.onmessage?.({ data } as MessageEvent<LintResponse>);
      });
    })();
  }
  terminate() {
    this.terminated = true;
  }
}

const GOOD =
  [
    {
      messages: [
        { role: "user", content: "Hi there" },
        { role: "assistant", content: "Hello!" },
      ],
    },
    {
      messages: [
        { role: "user", content: "2+2?" },
        { role: "assistant", content: "4" },
      ],
    },
  ]
    .map((s) => JSON.stringify(s))
    .join("\n") + "\n";

const RECORD: UploadFileOut = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f09",
  object: "file",
  bytes: GOOD.length,
  created_at: 1716963433,
  filename: "good.jsonl",
  purpose: "fine-tune",
  sample_type: "instruct",
  num_lines: 2,
  source: "upload",
};

function setup(onUploaded = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={client}>
      <Uploader onUploaded={onUploaded} />
    </QueryClientProvider>,
  );
  // The picker's accept filter is the browser's hint; the uploader must refuse other files itself.
  const user = userEvent.setup({ applyAccept: false });
  const input = screen.getByLabelText("Training files (.jsonl)");
  return { user, input, onUploaded, client, view };
}

const item = (name: string) =>
  within(screen.getByRole("list", { name: "Files to upload" })).getByRole("listitem", { name });

beforeEach(() => {
  FakeXHR.last = null;
  vi.stubGlobal("XMLHttpRequest", FakeXHR);
  vi.stubGlobal("Worker", InProcessWorker);
});
afterEach(() => {
  cleanup();
  uploadStore.reset();
  vi.unstubAllGlobals();
});

describe("Uploader", () => {
  it("checks a dropped file, refuses a non-.jsonl one, and uploads on request with progress", async () => {
    const { user, input, onUploaded } = setup();
    await user.upload(input, [
      new File([GOOD], "good.jsonl"),
      new File(["a,b\n"], "table.csv", { type: "text/csv" }),
    ]);

    expect(within(item("table.csv")).getByText(/Not a \.jsonl file/)).toBeTruthy();
    const good = item("good.jsonl");
    await within(good).findByText("Ready to upload");
    expect(within(good).getByText("user 2, assistant 2")).toBeTruthy();
    expect(within(good).getByText("Hi there")).toBeTruthy();
    expect(FakeXHR.last).toBeNull(); // nothing is sent before the user says so

    await user.click(within(good).getByRole("button", { name: "Upload" }));
    const xhr = FakeXHR.last!;
    expect((xhr.body?.get("file") as File).name).toBe("good.jsonl");
    act(() => xhr.progress(50, 100));
    expect(
      within(good)
        .getByRole("progressbar", { name: "Upload progress" })
        .getAttribute("aria-valuenow"),
    ).toBe("50");
    expect(within(good).getByText(/^50% · 50 B of 100 B/)).toBeTruthy();

    act(() => xhr.respond(200, JSON.stringify(RECORD)));
    await within(good).findByText("Uploaded");
    expect(within(good).getByText("2 lines · Instruct")).toBeTruthy();
    expect(onUploaded).toHaveBeenCalledWith(RECORD);
  });

  it("blocks a file with errors and lists them by line", async () => {
    const { user, input } = setup();
    await user.upload(input, new File([GOOD + "{oops\n"], "bad.jsonl"));
    const bad = item("bad.jsonl");
    await within(bad).findByText(
      "Errors block the upload: fix the lines below and drop the file again.",
    );
    expect(within(bad).getByText(/line 3 is not valid JSON/)).toBeTruthy();
    expect(within(bad).queryByRole("button", { name: "Upload" })).toBeNull();
  });

  it("keeps a cancelled upload, and shows a server refusal with its lines", async () => {
    const { user, input, onUploaded } = setup();
    await user.upload(input, new File([GOOD], "good.jsonl"));
    const good = item("good.jsonl");
    await user.click(await within(good).findByRole("button", { name: "Upload" }));
    await user.click(within(good).getByRole("button", { name: "Cancel" }));
    expect(FakeXHR.last!.aborted).toBe(true);
    await within(good).findByText("Cancelled");

    await user.click(within(good).getByRole("button", { name: "Upload again" }));
    act(() =>
      FakeXHR.last!.respond(
        422,
        JSON.stringify({
          detail: [{ loc: ["body", "file", 2], msg: "line 2: too short", type: "x" }],
          message: "Invalid training file 'good.jsonl': line 2: too short.",
        }),
      ),
    );
    await within(good).findByText("The server refused the file");
    expect(within(good).getByText("line 2: too short")).toBeTruthy();
    expect(within(good).getByRole("button", { name: "Retry" })).toBeTruthy();
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it("keeps uploading when the page is left, and the file list learns of the new file", async () => {
    const { user, input, onUploaded, client, view } = setup();
    client.setQueryData(["files", "list"], []);
    await user.upload(input, new File([GOOD], "good.jsonl"));
    await user.click(await within(item("good.jsonl")).findByRole("button", { name: "Upload" }));
    view.unmount(); // the user moves to another page of the console
    const xhr = FakeXHR.last!;
    expect(xhr.aborted).toBe(false);
    xhr.respond(200, JSON.stringify(RECORD));
    await vi.waitFor(() => expect(client.getQueryData(["files", "list"])).toEqual([RECORD]));
    expect(onUploaded).not.toHaveBeenCalled(); // its Uploader is gone

    // Back on the page, the list still shows it.
    render(
      <QueryClientProvider client={client}>
        <Uploader />
      </QueryClientProvider>,
    );
    expect(within(item("good.jsonl")).getByText("Uploaded")).toBeTruthy();
  });

  it("sends the expiry and visibility chosen, and refuses files while the expiry is wrong", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Uploader choosePurpose />
      </QueryClientProvider>,
    );
    const user = userEvent.setup({ applyAccept: false });
    const expiry = screen.getByRole("textbox", { name: "Expires after (hours)" });
    await user.type(expiry, "1.5");
    expect(expiry.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/^Expiry must be a whole number of hours/)).toBeTruthy();
    await user.upload(
      screen.getByLabelText("Training files (.jsonl)"),
      new File([GOOD], "good.jsonl"),
    );
    expect(screen.queryByRole("list", { name: "Files to upload" })).toBeNull();
    expect(document.activeElement).toBe(expiry);

    await user.clear(expiry);
    await user.type(expiry, "48");
    expect(expiry.getAttribute("aria-invalid")).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: "Visibility" }), "user");
    await user.upload(
      screen.getByLabelText("Training files (.jsonl)"),
      new File([GOOD], "good.jsonl"),
    );
    await user.click(await within(item("good.jsonl")).findByRole("button", { name: "Upload" }));
    const body = FakeXHR.last!.body!;
    expect(body.get("expiry")).toBe("48");
    expect(body.get("visibility")).toBe("user");
    act(() =>
      FakeXHR.last!.respond(
        200,
        JSON.stringify({ ...RECORD, expires_at: 1716963433 + 48 * 3600, visibility: "user" }),
      ),
    );
    const done = item("good.jsonl");
    await within(done).findByText("Uploaded");
    expect(within(done).getByText(/expires .* · Only the uploader/)).toBeTruthy();
  });
});
