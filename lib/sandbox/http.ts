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
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** The spec's HTTPValidationError (422): `{ detail: [{ loc, msg, type }] }`. */
export function validationError(detail: ValidationDetail[]): Response {
  return json({ detail }, 422);
}
