import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FileSchema } from "@/lib/mistral/types";
import { api, unwrap } from "../client";

export const fileKeys = {
  /** Prefix of every files query: invalidating it refreshes the list and the details. */
  all: ["files"] as const,
  list: ["files", "list"] as const,
  detail: (id: string) => ["files", "detail", id] as const,
};

/** Files per request; today's API answers 100 by default (page_size) and says the total. */
const PAGE_SIZE = 100;
/** At most this many pages are read for the list (10,000 files). */
const MAX_PAGES = 100;

export function useFiles() {
  return useQuery({
    queryKey: fileKeys.list,
    queryFn: async ({ signal }) => {
      const files: FileSchema[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = await unwrap(
          api.GET("/v1/files", { params: { query: { page, page_size: PAGE_SIZE } }, signal }),
        );
        files.push(...body.data);
        const total = body.total ?? null;
        if (body.data.length < PAGE_SIZE || (total !== null && files.length >= total)) break;
      }
      return files;
    },
  });
}

/** One file's record; `id` null keeps the query idle (nothing to show). */
export function useFile(id: string | null) {
  const qc = useQueryClient();
  // The list already holds the record: show it at once while the detail loads.
  const fromList = id
    ? qc.getQueryData<FileSchema[]>(fileKeys.list)?.find((f) => f.id === id)
    : undefined;
  return useQuery({
    queryKey: fileKeys.detail(id ?? ""),
    enabled: !!id,
    // Read as the list's shape (today's answer adds `deleted`), so the list entry can stand in.
    queryFn: ({ signal }): Promise<FileSchema> =>
      unwrap(api.GET("/v1/files/{file_id}", { params: { path: { file_id: id! } }, signal })),
    placeholderData: fromList,
  });
}

export function useDeleteFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/v1/files/{file_id}", { params: { path: { file_id: id } } })),
    onSuccess: (_out, id) => {
      qc.setQueryData<FileSchema[]>(fileKeys.list, (old) => old?.filter((f) => f.id !== id));
      qc.removeQueries({ queryKey: fileKeys.detail(id), exact: true });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: fileKeys.list }),
  });
}
