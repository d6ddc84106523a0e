import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { paths } from "@/lib/mistral/schema.gen";
import type {
  DetailedJobOut,
  JobIn,
  JobOut,
  JobsOut,
  LegacyJobMetadataOut,
} from "@/lib/mistral/types";
import { isFinished } from "@/lib/mistral/job-status";
import { isFineTuningRetired } from "@/lib/fine-tuning/retirement";
import { api, unwrap } from "../client";
import { fetchArchivedJob } from "./use-job-archive";
import { modelKeys } from "./use-models";

export type JobFilters = NonNullable<paths["/v1/fine_tuning/jobs"]["get"]["parameters"]["query"]>;

/** Poll every `visible` ms while the tab is shown and every `hidden` ms while it is not. */
export const POLL_MS = { visible: 2_000, hidden: 15_000 } as const;

export function pollInterval(active: boolean): number | false {
  if (!active) return false;
  const hidden = typeof document !== "undefined" && document.visibilityState === "hidden";
  return hidden ? POLL_MS.hidden : POLL_MS.visible;
}

export const jobKeys = {
  all: ["jobs"] as const,
  list: (filters: JobFilters) => ["jobs", "list", filters] as const,
  detail: (id: string) => ["jobs", "detail", id] as const,
  retired: () => ["jobs", "retired"] as const,
  dryRun: (job: JobIn) => ["jobs", "dry-run", job] as const,
};

/**
 * A page of jobs. It polls (slower while the tab is hidden) as long as a job on the page is
 * unfinished, and keeps the previous page on screen while the next one loads.
 */
export function useJobs(filters: JobFilters, options: { poll?: boolean } = {}) {
  const poll = options.poll ?? true;
  return useQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/v1/fine_tuning/jobs", { params: { query: filters }, signal }),
      ) as Promise<JobsOut>,
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      pollInterval(poll && !!q.state.data?.data?.some((j) => !isFinished(j.status))),
    refetchIntervalInBackground: true,
  });
}

/** A job as its page shows it: from the API, or from the console's archive (`archived_at` set). */
export type JobOrArchived = DetailedJobOut & { archived_at?: number };

/**
 * One job with its events and checkpoints. Once the API has retired its jobs routes (410), the
 * console's archived copy stands in for it; any other error (and an archive that never saw the
 * job: its 404) is thrown as is.
 */
export async function fetchJob(id: string, signal?: AbortSignal): Promise<JobOrArchived> {
  try {
    return (await unwrap(
      api.GET("/v1/fine_tuning/jobs/{job_id}", { params: { path: { job_id: id } }, signal }),
    )) as DetailedJobOut;
  } catch (error) {
    if (!isFineTuningRetired(error)) throw error;
    return fetchArchivedJob(id, signal);
  }
}

/** An archived job never changes again; a live one is polled until it is finished. */
const stillRunning = (job: JobOrArchived | undefined) =>
  !!job && job.archived_at === undefined && !isFinished(job.status);

/** One job with its events and checkpoints; polls until it is finished. */
export function useJob(id: string, options: { poll?: boolean; enabled?: boolean } = {}) {
  const poll = options.poll ?? true;
  return useQuery({
    queryKey: jobKeys.detail(id),
    enabled: options.enabled ?? true,
    queryFn: ({ signal }) => fetchJob(id, signal),
    refetchInterval: (q) => pollInterval(poll && stillRunning(q.state.data)),
    refetchIntervalInBackground: true,
    // A fresh job page must show the latest state, not one cached from the list.
    staleTime: 0,
  });
}

/**
 * The question "has the API retired fine-tuning training?" (its jobs routes answer 410): one small
 * list request, shared by every page that hides New job or Clone or explains the retirement.
 */
export function useFineTuningRetirement() {
  return useQuery({
    queryKey: jobKeys.retired(),
    queryFn: async ({ signal }) => {
      try {
        await unwrap(
          api.GET("/v1/fine_tuning/jobs", { params: { query: { page_size: 1 } }, signal }),
        );
        return false;
      } catch (error) {
        if (isFineTuningRetired(error)) return true;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** `true` or `false` once known; `undefined` while asking, or when the question itself failed. */
export function useFineTuningRetired(): boolean | undefined {
  return useFineTuningRetirement().data;
}

/** Several jobs at once (to compare them); each polls until it is finished. */
export function useJobsByIds(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: jobKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJob(id, signal),
      refetchInterval: (q: { state: { data?: JobOrArchived } }) =>
        pollInterval(stillRunning(q.state.data)),
      refetchIntervalInBackground: true,
    })),
  });
}

/**
 * The dry run of a job (`dry_run=true`: nothing is created), as a query so the review step
 * re-runs it only when the settings change. Enabled only when the settings are valid.
 */
export function useDryRunQuery(
  job: JobIn | null,
  options: { enabled?: boolean; scope?: string } = {},
) {
  return useQuery({
    // A scope keeps a dry run taken for another purpose (sizing while typing) from standing in
    // for the review's own, which must see the world as it is when the user gets there.
    queryKey: options.scope
      ? [...jobKeys.dryRun(job ?? ({} as JobIn)), options.scope]
      : jobKeys.dryRun(job ?? ({} as JobIn)),
    queryFn: ({ signal }) =>
      unwrap(
        api.POST("/v1/fine_tuning/jobs", {
          params: { query: { dry_run: true } },
          body: job!,
          signal,
        }),
      ) as Promise<LegacyJobMetadataOut>,
    enabled: job !== null && (options.enabled ?? true),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
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
    onSettled: () => qc.invalidateQueries({ queryKey: ["jobs", "list"] }),
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
    // The lists refetch in the background: the button need not wait for them.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ["jobs", "list"] });
      void qc.invalidateQueries({ queryKey: modelKeys.all });
    },
  });
}

export const useStartJob = () => useJobAction("start");
export const useCancelJob = () => useJobAction("cancel");
