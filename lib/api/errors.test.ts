import { describe, expect, it } from "vitest";
import {
  ApiError,
  describeError,
  errorFromResponse,
  readError,
  signInHref,
  toApiError,
} from "./errors";

const res = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });

describe("errorFromResponse", () => {
  it("spells out 422 field errors and finds them by field name", () => {
    const e = errorFromResponse(res(422), {
      detail: [{ loc: ["body", "temperature"], msg: "must be <= 1.5", type: "less_than_equal" }],
    });
    expect(e.message).toBe("temperature: must be <= 1.5");
    expect(e.fieldMessage("temperature")).toBe("must be <= 1.5");
    expect(describeError(e).title).toBe("Invalid request");
  });

  it("prefers the server's own sentence and keeps the fields beside it", () => {
    const e = errorFromResponse(res(422), {
      message: "The file has 2 invalid lines: 3, 7.",
      detail: [{ loc: ["body", "file", 3], msg: "bad", type: "value_error" }],
    });
    expect(e.message).toBe("The file has 2 invalid lines: 3, 7.");
    expect(e.fields).toHaveLength(1);
  });

  it("reads a Mistral error body and a Retry-After in seconds", () => {
    const e = errorFromResponse(res(429, { "retry-after": "12" }), {
      object: "error",
      message: "Requests rate limit exceeded",
      type: "rate_limited",
    });
    expect(e.retryAfter).toBe(12);
    expect(e.type).toBe("rate_limited");
    expect(describeError(e).hint).toBe("Too many requests. Retry in 12 s.");
  });

  it("does not show an HTML error page as the message", async () => {
    const e = await readError(
      new Response("<html><body>Bad gateway</body></html>", { status: 502 }),
    );
    expect(e.message).not.toContain("<html>");
    expect(e.status).toBe(502);
  });

  it("says a 401 is about the server's key, not the user", () => {
    expect(describeError(errorFromResponse(res(401), {})).title).toBe(
      "The Mistral API key was rejected",
    );
  });
});

describe("the console's own refusals", () => {
  it("names the missing permission of a 403 forbidden and says whom to ask", () => {
    const e = errorFromResponse(res(403), {
      object: "error",
      message: "Your role (member) cannot files.delete: it needs the files.delete permission.",
      type: "invalid_request_error",
      param: "files.delete",
      code: "forbidden",
    });
    expect(e.code).toBe("forbidden");
    expect(e.param).toBe("files.delete");
    expect(describeError(e)).toEqual({
      title: "Not allowed",
      hint: "You don't have permission to delete files (needs files.delete). Ask an admin.",
    });
  });

  it("keeps the server's sentence for other 403s (a cross-site write, an upstream refusal)", () => {
    const e = errorFromResponse(res(403), {
      message: "This write did not come from a page of this console.",
      code: "cross_site",
    });
    expect(describeError(e).hint).toBe("This write did not come from a page of this console.");
  });

  it("tells an ended session (401 unauthenticated) from a rejected upstream key", () => {
    const ended = describeError(
      errorFromResponse(res(401), { message: "Sign in to the console", code: "unauthenticated" }),
    );
    expect(ended.title).toBe("Your session has ended — sign in again");
    expect(ended.signIn).toMatch(/^\/sign-in/);
    const key = describeError(
      errorFromResponse(res(401), { message: "Unauthorized", code: "invalid_api_key" }),
    );
    expect(key.title).toBe("The Mistral API key was rejected");
    expect(key.signIn).toBeUndefined();
  });

  it("sends the sign-in page back to where the user was", () => {
    expect(signInHref("/fine-tuning/abc?x=1")).toBe("/sign-in?next=%2Ffine-tuning%2Fabc%3Fx%3D1");
    expect(signInHref("")).toBe("/sign-in");
  });
});

describe("toApiError", () => {
  it("tells a stopped request from a network failure", () => {
    expect(toApiError(new DOMException("x", "AbortError")).kind).toBe("aborted");
    expect(toApiError(new TypeError("Failed to fetch")).kind).toBe("network");
    const own = new ApiError("x", { status: 404 });
    expect(toApiError(own)).toBe(own);
  });
});
