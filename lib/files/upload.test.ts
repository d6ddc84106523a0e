import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { FakeXHR } from "./fake-xhr.test-util";
import { parseUploadSettings, serverLineErrors, uploadFile } from "./upload";

const xhr = () => {
  if (!FakeXHR.last) throw new Error("no request was made");
  return FakeXHR.last;
};

const FILE_OUT = {
  id: "497f6eca-6276-4993-bfeb-53cbbbba6f09",
  object: "file",
  bytes: 13,
  created_at: 1716963433,
  filename: "train.jsonl",
  purpose: "fine-tune",
  sample_type: "instruct",
  num_lines: 1,
  source: "upload",
};

const file = () => new File(['{"text":"a"}\n'], "train.jsonl", { type: "application/jsonl" });

beforeEach(() => {
  FakeXHR.last = null;
  vi.stubGlobal("XMLHttpRequest", FakeXHR);
});
afterEach(() => vi.unstubAllGlobals());

describe("uploadFile", () => {
  it("sends an expiry and a visibility as multipart fields, and neither when not chosen", async () => {
    void uploadFile(file(), { purpose: "batch", expiry: 48, visibility: "user" });
    expect(xhr().body?.get("purpose")).toBe("batch");
    expect(xhr().body?.get("expiry")).toBe("48");
    expect(xhr().body?.get("visibility")).toBe("user");
    void uploadFile(file());
    expect(xhr().body?.has("expiry")).toBe(false);
    expect(xhr().body?.has("visibility")).toBe(false);
  });

  it("posts the file and purpose as multipart to /v1/files, reports progress and returns the record", async () => {
    const progress: [number, number][] = [];
    const promise = uploadFile(file(), { onProgress: (l, t) => progress.push([l, t]) });
    const req = xhr();
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/v1/files");
    expect(req.body?.get("purpose")).toBe("fine-tune");
    const sent = req.body?.get("file") as File;
    expect(sent.name).toBe("train.jsonl");
    expect(await sent.text()).toBe('{"text":"a"}\n');

    req.progress(100, 400);
    req.progress(400, 400);
    req.upload.onprogress?.({ lengthComputable: false, loaded: 0, total: 0 }); // ignored
    req.respond(200, JSON.stringify(FILE_OUT));

    await expect(promise).resolves.toEqual(FILE_OUT);
    expect(progress).toEqual([
      [100, 400],
      [400, 400],
    ]);
  });

  it("uploads for the purpose it is given (batch input, OCR documents)", async () => {
    const promise = uploadFile(file(), { purpose: "batch" });
    expect(xhr().body?.get("purpose")).toBe("batch");
    xhr().respond(200, JSON.stringify(FILE_OUT));
    await expect(promise).resolves.toEqual(FILE_OUT);
  });

  it("stops the request when the signal aborts, and says it was cancelled", async () => {
    const controller = new AbortController();
    const promise = uploadFile(file(), { signal: controller.signal });
    controller.abort();
    expect(xhr().aborted).toBe(true);
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe("aborted");
  });

  it("sends nothing when already cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(uploadFile(file(), { signal: controller.signal })).rejects.toMatchObject({
      kind: "aborted",
    });
    expect(FakeXHR.last).toBeNull();
  });

  it("keeps the server's sentence for a refused training file, and its lines", async () => {
    const promise = uploadFile(file());
    xhr().respond(
      422,
      JSON.stringify({
        detail: [
          { loc: ["body", "file", 2], msg: "line 2 is not valid JSON", type: "invalid_json" },
          { loc: ["body", "file", 4], msg: "line 4 is not an object", type: "not_object" },
        ],
        message:
          "Invalid training file 'train.jsonl': line 2 is not valid JSON; line 4 is not an object.",
      }),
    );
    const error = (await promise.catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      "Invalid training file 'train.jsonl': line 2 is not valid JSON; line 4 is not an object.",
    );
    expect(serverLineErrors(error)).toEqual([
      { line: 2, message: "line 2 is not valid JSON" },
      { line: 4, message: "line 4 is not an object" },
    ]);
  });

  it("reads Retry-After on a 429", async () => {
    const promise = uploadFile(file());
    xhr().respond(
      429,
      JSON.stringify({ message: "Rate limit exceeded" }),
      "Retry-After: 7\r\ncontent-type: application/json\r\n",
    );
    const error = (await promise.catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(7);
    expect(error.message).toBe("Rate limit exceeded");
    expect(serverLineErrors(error)).toEqual([]);
  });

  it("does not show a proxy's HTML page as the message", async () => {
    const promise = uploadFile(file());
    xhr().respond(
      502,
      "<html><body>Bad gateway</body></html>",
      "content-type: text/html\r\n",
      "Bad Gateway",
    );
    const error = (await promise.catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.message).toBe("502 Bad Gateway");
  });

  it("reports a broken connection as a network error", async () => {
    const promise = uploadFile(file());
    xhr().onerror?.();
    await expect(promise).rejects.toMatchObject({ kind: "network" });
  });

  it("refuses a success answer that is not a file record", async () => {
    const promise = uploadFile(file());
    xhr().respond(200, "OK", "content-type: text/plain\r\n");
    await expect(promise).rejects.toThrow(/not a file record/);
  });
});

describe("parseUploadSettings", () => {
  it("reads an empty expiry as never and the visibility as chosen", () => {
    expect(parseUploadSettings({ expiry: " ", visibility: "workspace" })).toEqual({
      ok: true,
      settings: { visibility: "workspace" },
    });
    expect(parseUploadSettings({ expiry: "24", visibility: "user" })).toEqual({
      ok: true,
      settings: { expiry: 24, visibility: "user" },
    });
  });

  it("refuses an expiry that is not a whole number of hours of at least 1, naming the field", () => {
    for (const expiry of ["0", "1.5", "-3", "soon", "1e3"]) {
      const out = parseUploadSettings({ expiry, visibility: "workspace" });
      expect(out).toMatchObject({ ok: false, field: "expiry" });
      expect(!out.ok && out.message).toMatch(/^Expiry must be a whole number of hours/);
    }
  });

  it("refuses a visibility outside today's FileVisibility, naming the field", () => {
    expect(parseUploadSettings({ expiry: "", visibility: "public" })).toEqual({
      ok: false,
      field: "visibility",
      message: "Visibility must be one of workspace, user.",
    });
  });
});
