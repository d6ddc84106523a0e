import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  userPath,
  usersPath,
  type CreateUserBody,
  type UpdateUserBody,
  type UserInfo,
  type UserResponse,
  type UsersResponse,
} from "@/lib/console/users";
import { consoleFetch } from "../client";

// The console's accounts (/api/console/users, users.manage).
export const consoleUserKeys = {
  all: ["console", "users"] as const,
  list: () => [...consoleUserKeys.all, "list"] as const,
};

export function useConsoleUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consoleUserKeys.list(),
    queryFn: ({ signal }) =>
      consoleFetch<UsersResponse>(usersPath, { signal }).then((r) => r.users),
    enabled,
  });
}

/** Each mutation refreshes the list once it is done, whatever its outcome. */
function useUsersMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the caller hears back at once, the list follows.
    onSettled: () => void qc.invalidateQueries({ queryKey: consoleUserKeys.all }),
  });
}

export const useCreateConsoleUser = () =>
  useUsersMutation((body: CreateUserBody) =>
    consoleFetch<UserResponse>(usersPath, { json: body }).then((r) => r.user),
  );

export const useUpdateConsoleUser = () =>
  useUsersMutation(({ id, patch }: { id: string; patch: UpdateUserBody }) =>
    consoleFetch<UserResponse>(userPath(id), { method: "PATCH", json: patch }).then((r) => r.user),
  );

export const useDeleteConsoleUser = () =>
  useUsersMutation((user: UserInfo) => consoleFetch<void>(userPath(user.id), { method: "DELETE" }));
