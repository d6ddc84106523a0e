import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paths } from "@/lib/mistral/schema.gen";
import type { DetailedJobOut, JobIn, JobOut, LegacyJobMetadataOut } from "@/lib/mistral/types";
import { api, unwrap } from "../client";
import { modelKeys } from "./use-models";

export type JobFilters = NonNullable<paths["/v1/fine_tuning/jobs"]["get"]["parameters"]["query"]>;

/** Statuses after which a job never changes again. */
export const FINISHED_STATUSES: readonly string[] = [
  "SUCCESS",
  "FAILED",
  "FAILED_VALIDATION",
  "CANCELLED",
];
export const isFinished = (status: string) => FINISHED_STATUSES.includes(status);

export const jobKeys = {
  all: ["jobs"] as const,
  list: (filters: JobFilters) => ["jobs", "list", filters] as const,
  detail: (id: string) => ["jobs", "detail", id] as const,
};

export function useJobs(filters: JobFilters, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/v1/fine_tuning/jobs", { params: { query: filters }, signal })),
    refetchInterval: options.refetchInterval,
  });
}

export function useJob(id: string, options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/v1/fine_tuning/jobs/{job_id}", { params: { path: { job_id: id } }, signal }),
      ) as Promise<DetailedJobOut>,
    refetchInterval: options.refetchInterval,
  });
}

export function useDryRun() {
  return useMutation({
    mutationFn: (job: JobIn) =>
      unwrap(
        api.POST("/v1/fine_tuning/jobs", { params: { query: { dry_run: true } }, body: job }),
      ) as Promise<LegacyJobMetadataOut>,
  });
}

export function useCreateJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (job: JobIn) =>
      unwrap(api.POST("/v1/fine_tuning/jobs", { body: job })) as Promise<JobOut>,
    onSettled: () => qc.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

function useJobAction(action: "start" | "cancel") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => {
      const params = { params: { path: { job_id: id } } };
      return unwrap(
        action === "start"
          ? api.POST("/v1/fine_tuning/jobs/{job_id}/start", params)
          : api.POST("/v1/fine_tuning/jobs/{job_id}/cancel", params),
      ) as Promise<DetailedJobOut>;
    },
    onSuccess: (job) => qc.setQueryData(jobKeys.detail(job.id), job),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: jobKeys.all });
      qc.invalidateQueries({ queryKey: modelKeys.all });
    },
  });
}

export const useStartJob = () => useJobAction("start");
export const useCancelJob = () => useJobAction("cancel");
