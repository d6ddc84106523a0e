// The typed client of the console's own /v1 gateway (same paths as api.mistral.ai).
import createClient from "openapi-fetch";
import type { paths } from "@/lib/mistral/schema.gen";
import { errorFromResponse, readError, toApiError } from "./errors";

export const api = createClient<paths>({ baseUrl: "" });

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    throw toApiError(error);
  }
  if (!result.response.ok) {
    throw errorFromResponse(result.response, result.error);
  }
  return result.data as T;
}

/**
 * The console's own JSON routes (/api/console/*, /api/auth/*), whose shapes are the schemas in
 * lib/console: same-origin fetch with the session cookie, a JSON body sent as JSON; a non-2xx
 * answer becomes the one ApiError type, a 204 undefined.
 */
export async function consoleFetch<T>(
  path: string,
  init: Omit<RequestInit, "body"> & { json?: unknown } = {},
): Promise<T> {
  const { json, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: "same-origin",
      ...rest,
      ...(json === undefined
        ? {}
        : {
            method: rest.method ?? "POST",
            body: JSON.stringify(json),
            headers: { "content-type": "application/json", ...rest.headers },
          }),
    });
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await readError(response);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
