// Response helpers shared by every part of the sandbox, so its errors look like the real API's.

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A Mistral-style error body: `{ object: "error", message, type, param, code }`. */
export function mistralError(
  status: number,
  message: string,
  type = "invalid_request_error",
  code: string | null = null,
): Response {
  return json({ object: "error", message, type, param: null, code }, status);
}

export interface ValidationDetail {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
}

/**
 * A 422 as the live API sends it: pydantic's `{ detail: [...] }` (the spec's HTTPValidationError)
 * wrapped by its gateway in the Mistral error shape, e.g.
 * `{"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","n"],
 * "msg":"Extra inputs are not permitted","input":1}]},"type":"invalid_request_error",
 * "param":null,"code":null}` (as quoted by many client bug reports, 2024 to 2025).
 */
export function validationError(detail: ValidationDetail[]): Response {
  return json(
    {
      object: "error",
      message: { detail },
      type: "invalid_request_error",
      param: null,
      code: null,
    },
    422,
  );
}
