import type { DetailedJobOut, JobOut } from "@/lib/mistral/types";

export interface Progress {
  /** Steps done: the last checkpoint's step (all of them once the job succeeded). */
  done: number;
  /** Total steps, when the job says (training_steps, else train tokens / tokens per step). */
  total: number | null;
  /** 0..1, or null when the total is unknown. */
  fraction: number | null;
}

/** Total training steps of a job, from its hyperparameters or, failing that, its metadata. */
export function totalSteps(job: Pick<JobOut, "hyperparameters" | "metadata">): number | null {
  const steps = job.hyperparameters?.training_steps;
  if (steps != null && steps > 0) return steps;
  const m = job.metadata;
  if (m?.train_tokens && m.train_tokens_per_step) {
    return Math.max(1, Math.round(m.train_tokens / m.train_tokens_per_step));
  }
  return null;
}

/** How far a job has trained, from its checkpoints and hyperparameters. */
export function jobProgress(
  job: Pick<DetailedJobOut, "status" | "hyperparameters" | "metadata"> & {
    checkpoints?: DetailedJobOut["checkpoints"];
  },
): Progress {
  const total = totalSteps(job);
  const lastCheckpoint = Math.max(0, ...(job.checkpoints ?? []).map((c) => c.step_number));
  let done = job.status === "SUCCESS" && total != null ? total : lastCheckpoint;
  if (total != null) done = Math.min(done, total);
  return { done, total, fraction: total ? done / total : null };
}
