import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./errors";

/** Reads are retried on network errors, 429 and 5xx (with backoff); other errors are final. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.kind === "network" || error.status === 429 || error.status >= 500;
}

function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter != null) {
    return Math.min(error.retryAfter * 1000, 10_000);
  }
  return Math.min(500 * 2 ** attempt, 5_000);
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, retryDelay, refetchOnWindowFocus: true },
      // Writes are never retried on their own.
      mutations: { retry: false },
    },
  });
}
