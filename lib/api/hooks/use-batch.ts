import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type BatchJob, type BatchStatus, isActive } from "@/lib/batch/batch";
import type { components } from "@/lib/mistral/schema.gen";
import { api, unwrap } from "../client";

type CreateBatchJob = components["schemas"]["CreateBatchJobRequest"];

export const batchKeys = {
  all: ["batch"] as const,
  list: (statuses: readonly string[]) => ["batch", "list", [...statuses].sort()] as const,
  detail: (id: string) => ["batch", "detail", id] as const,
  content: (fileId: string) => ["batch", "content", fileId] as const,
};

/** How often a job still moving is read again. */
const POLL_MS = 1_000;
const PAGE_SIZE = 100;

/** The workspace's batch jobs, newest first, filtered by status; polled while any still moves. */
export function useBatchJobs(statuses: readonly BatchStatus[]) {
  return useQuery({
    queryKey: batchKeys.list(statuses),
    queryFn: async ({ signal }) =>
      unwrap(
        api.GET("/v1/batch/jobs", {
          params: {
            query: {
              page_size: PAGE_SIZE,
              order_by: "-created",
              ...(statuses.length ? { status: [...statuses] } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.data?.some((j) => isActive(j.status)) ? POLL_MS : false),
  });
}

/** One job, read again every second until it ends. */
export function useBatchJob(id: string) {
  return useQuery({
    queryKey: batchKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/v1/batch/jobs/{job_id}", { params: { path: { job_id: id } }, signal })),
    refetchInterval: (q) => (q.state.data && !isActive(q.state.data.status) ? false : POLL_MS),
  });
}

export function useCreateBatchJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBatchJob) => unwrap(api.POST("/v1/batch/jobs", { body })),
    onSuccess: (job) => {
      qc.setQueryData(batchKeys.detail(job.id), job);
      void qc.invalidateQueries({ queryKey: ["batch", "list"] });
    },
  });
}

export function useCancelBatchJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST("/v1/batch/jobs/{job_id}/cancel", { params: { path: { job_id: id } } })),
    onSuccess: (job: BatchJob) => {
      qc.setQueryData(batchKeys.detail(job.id), job);
      void qc.invalidateQueries({ queryKey: ["batch", "list"] });
    },
  });
}

/** A file's content as text (a batch's output or error file); files never change, so read once. */
export function fileText(fileId: string, signal?: AbortSignal): Promise<string> {
  return unwrap(
    api.GET("/v1/files/{file_id}/content", {
      params: { path: { file_id: fileId } },
      parseAs: "text",
      signal,
    }),
  ) as Promise<string>;
}

export function useFileText(fileId: string | null | undefined) {
  return useQuery({
    queryKey: batchKeys.content(fileId ?? ""),
    enabled: !!fileId,
    queryFn: ({ signal }) => fileText(fileId!, signal),
    staleTime: Infinity,
  });
}
