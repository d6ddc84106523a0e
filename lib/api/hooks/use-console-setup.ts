import { useMutation } from "@tanstack/react-query";
import { setupPath, type SetupBody } from "@/lib/console/setup";
import type { UserResponse } from "@/lib/console/users";
import { consoleFetch } from "../client";

/** First run: makes the first admin and signs them in (the answer sets the session cookie). */
export function useConsoleSetup() {
  return useMutation({
    mutationFn: (body: SetupBody) =>
      consoleFetch<UserResponse>(setupPath, { json: body }).then((r) => r.user),
  });
}
