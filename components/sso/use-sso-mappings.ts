import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/api/client";
import {
  ssoMappingsPath,
  type PutSsoMappingsBody,
  type SsoMappingsResponse,
} from "@/lib/console/sso";

// The directory-group rules (/api/console/sso-mappings, users.manage).
const key = ["console", "sso-mappings"] as const;

export function useSsoMappings({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => consoleFetch<SsoMappingsResponse>(ssoMappingsPath, { signal }),
    enabled,
  });
}

/** Saves the whole list; the answer (the list as stored) becomes what the page shows. */
export function useSaveSsoMappings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PutSsoMappingsBody) =>
      consoleFetch<SsoMappingsResponse>(ssoMappingsPath, { method: "PUT", json: body }),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
}
