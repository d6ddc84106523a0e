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

/** For calls openapi-fetch cannot express well (uploads with progress use XHR, see upload.ts). */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    throw toApiError(error);
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}
