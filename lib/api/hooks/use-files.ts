import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../client";

export const fileKeys = {
  all: ["files"] as const,
  detail: (id: string) => ["files", "detail", id] as const,
};

export function useFiles() {
  return useQuery({
    queryKey: fileKeys.all,
    queryFn: async ({ signal }) => (await unwrap(api.GET("/v1/files", { signal }))).data,
  });
}

export function useFile(id: string) {
  return useQuery({
    queryKey: fileKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/v1/files/{file_id}", { params: { path: { file_id: id } }, signal })),
  });
}

export function useDeleteFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/v1/files/{file_id}", { params: { path: { file_id: id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: fileKeys.all }),
  });
}
