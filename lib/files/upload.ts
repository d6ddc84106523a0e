// Uploads one file to POST /v1/files (training data by default; batch input, OCR documents) with upload progress. fetch cannot report upload
// progress, so this is XMLHttpRequest; Cancel aborts it through an AbortSignal.
import { ApiError, errorFromResponse } from "@/lib/api/errors";
import type { UploadFileOut } from "@/lib/mistral/types";

export interface UploadOptions {
  /** Bytes of the request body sent so far, and its total (the multipart body, a bit over the file). */
  onProgress?(loaded: number, total: number): void;
  signal?: AbortSignal;
  /** Defaults to the console's own gateway. */
  url?: string;
  /** What the file is for (today's FilePurpose); training data unless said otherwise. */
  purpose?: "fine-tune" | "batch" | "ocr" | "audio";
  /** Hours until the file expires (the API deletes it); absent: kept until deleted. */
  expiry?: number;
  /** Who sees the file; absent: the API's default (the workspace). */
  visibility?: UploadVisibility;
}

/** Today's FileVisibility, in the order the uploader offers it (the API's default first). */
export const UPLOAD_VISIBILITIES = ["workspace", "user"] as const;
export type UploadVisibility = (typeof UPLOAD_VISIBILITIES)[number];

/** The upload's own fields, as the uploader's form holds them (typed text). */
export interface UploadSettingsInput {
  expiry: string;
  visibility: string;
}
export type UploadSettings = Pick<UploadOptions, "expiry" | "visibility">;

/**
 * The form's expiry and visibility as the upload sends them, or the message naming the field that
 * is wrong. The spec types `expiry` an integer (hours, null for none) and says no more; a file
 * must live at least an hour (as the signed URLs of files do), so: a whole number, 1 or more.
 */
export function parseUploadSettings(
  input: UploadSettingsInput,
):
  | { ok: true; settings: UploadSettings }
  | { ok: false; field: "expiry" | "visibility"; message: string } {
  const settings: UploadSettings = {};
  const expiry = input.expiry.trim();
  if (expiry) {
    if (!/^\d+$/.test(expiry) || Number(expiry) < 1) {
      return {
        ok: false,
        field: "expiry",
        message: "Expiry must be a whole number of hours, at least 1 (or empty: never expires).",
      };
    }
    settings.expiry = Number(expiry);
  }
  if (input.visibility) {
    if (!(UPLOAD_VISIBILITIES as readonly string[]).includes(input.visibility)) {
      return {
        ok: false,
        field: "visibility",
        message: `Visibility must be one of ${UPLOAD_VISIBILITIES.join(", ")}.`,
      };
    }
    settings.visibility = input.visibility as UploadVisibility;
  }
  return { ok: true, settings };
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(":");
    if (at <= 0) continue;
    try {
      headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
    } catch {
      // a header name the Headers class refuses: not one we read
    }
  }
  return headers;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON (e.g. a proxy's HTML page): errorFromResponse keeps plain text only
  }
}

const aborted = () => new ApiError("The upload was cancelled.", { kind: "aborted" });

export function uploadFile(file: File, options: UploadOptions = {}): Promise<UploadFileOut> {
  const {
    onProgress,
    signal,
    url = "/v1/files",
    purpose = "fine-tune",
    expiry,
    visibility,
  } = options;
  return new Promise<UploadFileOut>((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const done = () => signal?.removeEventListener("abort", onAbort);
    signal?.addEventListener("abort", onAbort);

    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => {
      done();
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        if (body && typeof body === "object" && typeof (body as UploadFileOut).id === "string") {
          resolve(body as UploadFileOut);
        } else {
          reject(
            new ApiError("The server accepted the upload but its answer was not a file record.", {
              status: xhr.status,
            }),
          );
        }
        return;
      }
      // Response refuses statuses outside 200-599; an XHR can only get those here anyway.
      const status = xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 502;
      const response = new Response(null, {
        status,
        statusText: xhr.statusText,
        headers: parseHeaders(xhr.getAllResponseHeaders()),
      });
      reject(errorFromResponse(response, body));
    };
    xhr.onerror = () => {
      done();
      reject(
        new ApiError(
          "The connection to the console server broke during the upload. Check your connection and retry.",
          { kind: "network" },
        ),
      );
    };
    xhr.onabort = () => {
      done();
      reject(aborted());
    };

    const form = new FormData();
    form.append("purpose", purpose);
    if (expiry !== undefined) form.append("expiry", String(expiry));
    if (visibility !== undefined) form.append("visibility", visibility);
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/**
 * The lines a 422 from the server names (the sandbox and the real API put them in
 * `detail[].loc` as ["body", "file", <line>]), with their messages.
 */
export function serverLineErrors(error: unknown): { line: number | null; message: string }[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  return error.fields.map((f) => {
    const last = f.loc[f.loc.length - 1];
    return { line: typeof last === "number" ? last : null, message: f.msg };
  });
}
