import { describe, expect, it } from "vitest";
import { ApiError, describeError, errorFromResponse, readError, toApiError } from "./errors";

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

describe("toApiError", () => {
  it("tells a stopped request from a network failure", () => {
    expect(toApiError(new DOMException("x", "AbortError")).kind).toBe("aborted");
    expect(toApiError(new TypeError("Failed to fetch")).kind).toBe("network");
    const own = new ApiError("x", { status: 404 });
    expect(toApiError(own)).toBe(own);
  });
});
