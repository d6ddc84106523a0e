import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  tokenPath,
  tokensPath,
  type CreatedToken,
  type CreateTokenBody,
  type TokenInfo,
  type TokensResponse,
} from "@/lib/console/tokens";
import { consoleFetch } from "../client";

// Console tokens (/api/console/tokens): the caller's own, or every user's (tokens.manage_any).
export const consoleTokenKeys = {
  all: ["console", "tokens"] as const,
  list: (scope: "own" | "all") => [...consoleTokenKeys.all, "list", scope] as const,
};

export function useConsoleTokens(scope: "own" | "all", { enabled = true } = {}) {
  return useQuery({
    queryKey: consoleTokenKeys.list(scope),
    queryFn: ({ signal }) =>
      consoleFetch<TokensResponse>(scope === "all" ? `${tokensPath}?all=1` : tokensPath, {
        signal,
      }).then((r) => r.tokens),
    enabled,
  });
}

export function useCreateConsoleToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => consoleFetch<CreatedToken>(tokensPath, { json: body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: consoleTokenKeys.all }),
  });
}

export function useRevokeConsoleToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: TokenInfo) => consoleFetch<void>(tokenPath(token.id), { method: "DELETE" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: consoleTokenKeys.all }),
  });
}
