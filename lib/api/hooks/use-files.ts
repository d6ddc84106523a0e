import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FilesFilters, listFilters } from "@/lib/files/table";
import type { FileSchema, ListFilesOut } from "@/lib/mistral/types";
import { api, unwrap } from "../client";

export const fileKeys = {
  /** Prefix of every files query: invalidating it refreshes the list and the details. */
  all: ["files"] as const,
  list: ["files", "list"] as const,
  /** One page of the Files table, as the server filtered it. */
  page: (query: FilesQuery) => ["files", "page", query] as const,
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

/** The Files table's request: today's GET /v1/files paging and filters. */
export type FilesQuery = FilesFilters & { page: number; pageSize: number };

/** One page of files, filtered and counted by the server; the last page stays while the next loads. */
export function useFilesPage(query: FilesQuery) {
  return useQuery({
    queryKey: fileKeys.page(query),
    queryFn: async ({ signal }): Promise<ListFilesOut> => {
      const filters = listFilters(query);
      // Filters that exclude each other (audio files that are PDFs): nothing to ask for.
      if (!filters) return { data: [], object: "list", total: 0 };
      const { purpose, sample_type, source, ...rest } = filters;
      return unwrap(
        api.GET("/v1/files", {
          params: {
            query: {
              page: query.page,
              page_size: query.pageSize,
              include_total: true,
              purpose: purpose as FileSchema["purpose"] | undefined,
              sample_type: sample_type as FileSchema["sample_type"][] | undefined,
              source: source as FileSchema["source"][] | undefined,
              ...rest,
            },
          },
          signal,
        }),
      );
    },
    placeholderData: keepPreviousData,
  });
}

/** A file's content as the server stores it (GET /v1/files/{id}/content). */
export function fileContent(id: string, signal?: AbortSignal): Promise<Blob> {
  return unwrap(
    api.GET("/v1/files/{file_id}/content", {
      params: { path: { file_id: id } },
      parseAs: "blob",
      signal,
    }),
  ) as Promise<Blob>;
}

/** The record of a file in any list or page already loaded, so its detail shows at once. */
function knownFile(qc: ReturnType<typeof useQueryClient>, id: string): FileSchema | undefined {
  const found = qc.getQueryData<FileSchema[]>(fileKeys.list)?.find((f) => f.id === id);
  if (found) return found;
  for (const [, page] of qc.getQueriesData<ListFilesOut>({ queryKey: ["files", "page"] })) {
    const hit = page?.data.find((f) => f.id === id);
    if (hit) return hit;
  }
  return undefined;
}

/** One file's record; `id` null keeps the query idle (nothing to show). */
export function useFile(id: string | null) {
  const qc = useQueryClient();
  // The list already holds the record: show it at once while the detail loads.
  const fromList = id ? knownFile(qc, id) : undefined;
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
    onSettled: () => qc.invalidateQueries({ queryKey: fileKeys.all }),
  });
}
